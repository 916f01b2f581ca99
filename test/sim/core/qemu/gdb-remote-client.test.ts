import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GdbRemoteClient, decodePayload, encodePacket, hexLittleEndianToU32 } from './gdb-remote-client';

describe('GDB remote packet encoding', () => {
  it('frames a payload with its modulo-256 checksum', () => {
    expect(encodePacket('g')).toBe('$g#67');
    expect(encodePacket('qXfer:features:read:target.xml:0,ffb')).toBe(`$qXfer:features:read:target.xml:0,ffb#${'qXfer:features:read:target.xml:0,ffb'.split('').reduce((s, c) => (s + c.charCodeAt(0)) & 0xff, 0).toString(16).padStart(2, '0')}`);
  });

  it('expands run-length encoding and undoes escapes', () => {
    expect(decodePayload('0* ')).toBe('0000');
    expect(decodePayload('ab*"c')).toBe('abbbbbbc');
    expect(decodePayload('x}]y}\x03')).toBe('x}y#');
  });

  it('reads a little-endian register image as an unsigned word', () => {
    expect(hexLittleEndianToU32('78563412')).toBe(0x12345678);
    expect(hexLittleEndianToU32('000000f0')).toBe(0xf0000000);
  });
});

/** A stub that acknowledges every packet and answers from a table, as a gdbstub would. */
function startStub(replies: Record<string, string>, received: string[]): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer((socket: Socket) => {
      socket.setEncoding('latin1');
      let buffer = '';
      socket.on('data', (chunk: string) => {
        buffer += chunk;
        for (;;) {
          const match = /\$([^#]*)#[0-9a-f]{2}/.exec(buffer);
          if (match === null) break;
          buffer = buffer.slice(match.index + match[0].length);
          received.push(match[1]!);
          const reply = replies[match[1]!];
          socket.write('+');
          if (reply !== undefined) socket.write(reply.startsWith('$') ? reply : encodePacket(reply));
        }
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    });
  });
}

describe('GdbRemoteClient', () => {
  let server: Server | undefined;
  let client: GdbRemoteClient | undefined;
  afterEach(() => {
    client?.close();
    server?.close();
  });

  it('sends requests, acknowledges replies and decodes them', async () => {
    const received: string[] = [];
    const stub = await startStub({ g: '78563412* ', p19: '00000041', s: 'T05thread:01;', 'm20000000,4': 'efbeadde' }, received);
    server = stub.server;
    client = await GdbRemoteClient.connect('127.0.0.1', stub.port, 2_000);
    expect(await client.request('g')).toBe('78563412222');
    expect(await client.readRegister(25)).toBe(0x41000000);
    expect(await client.step()).toBe('T05thread:01;');
    expect(Array.from(await client.readMemory(0x20000000, 4))).toEqual([0xef, 0xbe, 0xad, 0xde]);
    expect(received).toEqual(['g', 'p19', 's', 'm20000000,4']);
  });

  it('reads a qXfer object in chunks until the last one', async () => {
    const stub = await startStub({ 'qXfer:features:read:target.xml:0,ffb': 'm<tar', 'qXfer:features:read:target.xml:4,ffb': 'lget/>' }, []);
    server = stub.server;
    client = await GdbRemoteClient.connect('127.0.0.1', stub.port, 2_000);
    expect(await client.readXfer('features', 'target.xml')).toBe('<target/>');
  });

  it('rejects a reply with a bad checksum and fails a request that gets no reply within the bound', async () => {
    const stub = await startStub({ g: '$00#00' }, []);
    server = stub.server;
    client = await GdbRemoteClient.connect('127.0.0.1', stub.port, 200);
    await expect(client.request('g')).rejects.toThrow("gdb remote: no reply to 'g' within 200 ms");
    await expect(client.request('qUnknown')).rejects.toThrow("gdb remote: no reply to 'qUnknown' within 200 ms");
  });

  it('names the register when a p reply is not a register image (QEMU before target.xml is read)', async () => {
    const stub = await startStub({ p19: '' }, []);
    server = stub.server;
    client = await GdbRemoteClient.connect('127.0.0.1', stub.port, 2_000);
    await expect(client.readRegister(25)).rejects.toThrow("gdb remote: bad reply to p19: ''");
  });

  it('gives up connecting after its deadline with the address in the error', async () => {
    const probe = await startStub({}, []);
    const port = probe.port;
    await new Promise<void>((resolve) => probe.server.close(() => resolve()));
    await expect(GdbRemoteClient.connect('127.0.0.1', port, 1_000, 200)).rejects.toThrow(`gdb remote: cannot connect to 127.0.0.1:${port}`);
  });
});
