import { Socket, connect } from 'node:net';

/**
 * A minimal client of the GDB Remote Serial Protocol (GDB manual, appendix E "Remote Protocol"),
 * enough to drive QEMU's gdbstub: packets `$data#cs` with a modulo-256 checksum, acknowledged
 * with `+`; replies may be run-length encoded (`X*n`) and binary replies escape `}#$*` as `}`
 * followed by the byte XOR 0x20. One request is outstanding at a time; every wait is bounded.
 */

/** Encodes `payload` as one packet: `$payload#cs`. */
export function encodePacket(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) sum = (sum + payload.charCodeAt(i)) & 0xff;
  return `$${payload}#${sum.toString(16).padStart(2, '0')}`;
}

/** Undoes the run-length encoding (E.1 "Overview": `c*n` repeats c n-29 more times) and escapes. */
export function decodePayload(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '}') {
      out += String.fromCharCode(raw.charCodeAt(++i) ^ 0x20);
    } else if (c === '*') {
      const repeat = raw.charCodeAt(++i) - 29;
      out += out[out.length - 1]!.repeat(repeat);
    } else {
      out += c;
    }
  }
  return out;
}

/** Sum of the raw (still encoded) payload characters, as the checksum covers them. */
function checksum(raw: string): number {
  let sum = 0;
  for (let i = 0; i < raw.length; i++) sum = (sum + raw.charCodeAt(i)) & 0xff;
  return sum;
}

/** Reads a little-endian hex register image (as in `g` and `p` replies) into a 32-bit value. */
export function hexLittleEndianToU32(hex: string): number {
  let value = 0;
  for (let i = 0; i < 4; i++) value |= parseInt(hex.slice(2 * i, 2 * i + 2), 16) << (8 * i);
  return value >>> 0;
}

export class GdbRemoteClient {
  private buffer = '';
  private waiter: { resolve: (payload: string) => void; reject: (e: Error) => void } | undefined;
  private closedError: Error | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly timeoutMs: number,
  ) {
    socket.setEncoding('latin1');
    // Each step is a burst of tiny request/reply packets; Nagle's algorithm would hold every one
    // back until the peer's delayed ACK, costing tens of milliseconds per packet.
    socket.setNoDelay(true);
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.drain();
    });
    const fail = (e: Error): void => {
      this.closedError = e;
      const w = this.waiter;
      this.waiter = undefined;
      w?.reject(e);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('gdb remote: connection closed')));
  }

  /** Connects to host:port, retrying until `deadlineMs` (QEMU opens its port shortly after start). */
  static async connect(host: string, port: number, timeoutMs: number, deadlineMs = 10_000): Promise<GdbRemoteClient> {
    const giveUp = Date.now() + deadlineMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect({ host, port }, () => resolve(s));
          s.once('error', reject);
        });
        socket.removeAllListeners('error');
        return new GdbRemoteClient(socket, timeoutMs);
      } catch (e) {
        if (Date.now() > giveUp) throw new Error(`gdb remote: cannot connect to ${host}:${port}: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  /** Sends one packet and resolves with the decoded payload of the reply packet. */
  request(payload: string): Promise<string> {
    if (this.closedError !== undefined) return Promise.reject(this.closedError);
    if (this.waiter !== undefined) return Promise.reject(new Error('gdb remote: a request is already outstanding'));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`gdb remote: no reply to '${payload}' within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiter = {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.socket.write(encodePacket(payload), 'latin1');
    });
  }

  /** Reads register `regnum` (target.xml numbering) with a `p` packet. */
  async readRegister(regnum: number): Promise<number> {
    const reply = await this.request(`p${regnum.toString(16)}`);
    if (!/^[0-9a-fA-F]{8}/.test(reply)) throw new Error(`gdb remote: bad reply to p${regnum.toString(16)}: '${reply}'`);
    return hexLittleEndianToU32(reply);
  }

  /** Reads `length` bytes of target memory with an `m` packet. */
  async readMemory(address: number, length: number): Promise<Uint8Array> {
    const reply = await this.request(`m${address.toString(16)},${length.toString(16)}`);
    if (!/^([0-9a-fA-F]{2})+$/.test(reply) || reply.length !== 2 * length) {
      throw new Error(`gdb remote: bad reply reading ${length} bytes at 0x${address.toString(16)}: '${reply}'`);
    }
    return Uint8Array.from({ length }, (_, i) => parseInt(reply.slice(2 * i, 2 * i + 2), 16));
  }

  /** Reads a whole qXfer object (`qXfer:OBJECT:read:ANNEX:offset,length`), chunk by chunk. */
  async readXfer(object: string, annex: string): Promise<string> {
    let text = '';
    for (;;) {
      const reply = await this.request(`qXfer:${object}:read:${annex}:${text.length.toString(16)},ffb`);
      if (reply.startsWith('E') || reply === '') throw new Error(`gdb remote: qXfer ${object} ${annex} failed: '${reply}'`);
      text += reply.slice(1);
      if (reply[0] === 'l') return text;
    }
  }

  /** Single-steps one instruction and resolves with the stop reply (`S05`, `T05...`). */
  async step(): Promise<string> {
    const reply = await this.request('s');
    if (!/^[ST]/.test(reply)) throw new Error(`gdb remote: unexpected reply to step: '${reply}'`);
    return reply;
  }

  /** Closes the connection (kills nothing: the caller owns the QEMU process). */
  close(): void {
    this.socket.destroy();
  }

  /** Consumes acknowledgements and complete packets from the receive buffer. */
  private drain(): void {
    for (;;) {
      const start = this.buffer.indexOf('$');
      if (start < 0) {
        this.buffer = '';
        return;
      }
      const hash = this.buffer.indexOf('#', start);
      if (hash < 0 || this.buffer.length < hash + 3) {
        this.buffer = this.buffer.slice(start);
        return;
      }
      const raw = this.buffer.slice(start + 1, hash);
      const sum = parseInt(this.buffer.slice(hash + 1, hash + 3), 16);
      this.buffer = this.buffer.slice(hash + 3);
      if (sum !== checksum(raw)) {
        this.socket.write('-', 'latin1');
        continue;
      }
      this.socket.write('+', 'latin1');
      const w = this.waiter;
      this.waiter = undefined;
      w?.resolve(decodePayload(raw));
    }
  }
}
