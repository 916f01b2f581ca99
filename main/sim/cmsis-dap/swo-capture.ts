import { DAP_ERROR, DAP_OK, SwoStatusBit } from './dap-constants';
import type { RequestReader, ResponseWriter } from './packet-codec';
import type { ProbePreset } from './probe-presets';

/**
 * SWO trace capture in UART (NRZ) mode (CMSIS-DAP v2.1, DAP_SWO_Transport, DAP_SWO_Mode,
 * DAP_SWO_Baudrate, DAP_SWO_Control, DAP_SWO_Status, DAP_SWO_ExtendedStatus, DAP_SWO_Data).
 * Bytes the target's TPIU emits reach the probe one UART frame (start, 8 data, stop = 10 bits)
 * apart at the configured baud rate, into a buffer of the preset's size.
 */

const TRANSPORT_NONE = 0;
const TRANSPORT_DATA_COMMAND = 1;
const MODE_OFF = 0;
const MODE_UART = 1;
const UART_FRAME_BITS = 10;

export class SwoCapture {
  private transport = TRANSPORT_NONE;
  private mode = MODE_OFF;
  private baud = 0;
  private active = false;
  private overrun = false;
  /** Captured bytes with the time their stop bit arrived. */
  private buffer: { at: number; byte: number }[] = [];
  private lineFreeAt = 0;
  private index = 0;
  private readonly preset: ProbePreset;
  private readonly now: () => number;
  private readonly timestamp: (at: number) => number;

  constructor(preset: ProbePreset, now: () => number, timestamp: (at: number) => number) {
    this.preset = preset;
    this.now = now;
    this.timestamp = timestamp;
  }

  /** Bytes leaving the target's SWO pin at time `at`. */
  receive(bytes: Uint8Array, at: number): void {
    if (!this.active || this.baud === 0) return;
    const frameNs = (UART_FRAME_BITS * 1e9) / this.baud;
    let t = Math.max(at, this.lineFreeAt);
    for (const byte of bytes) {
      t += frameNs;
      if (this.buffer.length >= this.preset.swoBufferSize) {
        this.overrun = true;
        continue;
      }
      this.buffer.push({ at: t, byte });
    }
    this.lineFreeAt = t;
  }

  transportCommand(req: RequestReader, out: ResponseWriter): void {
    const transport = req.u8();
    out.u8(0x17);
    // Streaming over a separate endpoint (transport 2) is not offered.
    const ok = !this.active && (transport === TRANSPORT_NONE || transport === TRANSPORT_DATA_COMMAND);
    if (ok) this.transport = transport;
    out.u8(ok ? DAP_OK : DAP_ERROR);
  }

  /** A mode change stops capture and clears the buffer; an unsupported mode leaves SWO off. */
  modeCommand(req: RequestReader, out: ResponseWriter): void {
    const mode = req.u8();
    out.u8(0x18);
    const ok = mode === MODE_OFF || mode === MODE_UART;
    this.mode = ok ? mode : MODE_OFF;
    this.active = false;
    this.clear();
    out.u8(ok ? DAP_OK : DAP_ERROR);
  }

  baudrateCommand(req: RequestReader, out: ResponseWriter): void {
    const requested = req.u32();
    out.u8(0x19);
    // The actual rate the UART runs at; 0 (no mode, or no rate) also stops capture.
    this.baud = this.mode === MODE_UART ? Math.min(requested, this.preset.swoMaxBaud) : 0;
    if (this.baud === 0) this.active = false;
    out.u32(this.baud);
  }

  controlCommand(req: RequestReader, out: ResponseWriter): void {
    const start = (req.u8() & 1) === 1;
    out.u8(0x1a);
    if (start === this.active) {
      out.u8(DAP_OK);
      return;
    }
    if (start) {
      // Capture needs the UART mode; starting clears what an earlier capture left.
      if (this.mode !== MODE_UART) {
        out.u8(DAP_ERROR);
        return;
      }
      this.clear();
      this.lineFreeAt = this.now();
    }
    this.active = start;
    out.u8(DAP_OK);
  }

  statusCommand(out: ResponseWriter): void {
    out.u8(0x1b);
    out.u8(this.status());
    out.u32(this.available());
  }

  extendedStatusCommand(req: RequestReader, out: ResponseWriter): void {
    const control = req.u8();
    out.u8(0x1e);
    if (control & 1) out.u8(this.status());
    if (control & 2) out.u32(this.available());
    if (control & 4) {
      out.u32(this.index);
      out.u32(this.timestamp(this.now()));
    }
  }

  dataCommand(req: RequestReader, out: ResponseWriter): void {
    const maxCount = req.u16();
    out.u8(0x1c);
    out.u8(this.status());
    const room = this.preset.packetSize - 4;
    const count = this.transport === TRANSPORT_DATA_COMMAND ? Math.min(maxCount, room, this.available()) : 0;
    out.u16(count);
    for (const entry of this.buffer.splice(0, count)) out.u8(entry.byte);
    this.index += count;
  }

  /** Trace Status; reporting an error flag clears it. */
  private status(): number {
    const status = (this.active ? SwoStatusBit.Active : 0) | (this.overrun ? SwoStatusBit.BufferOverrun : 0);
    this.overrun = false;
    return status;
  }

  private clear(): void {
    this.buffer = [];
    this.overrun = false;
    this.index = 0;
  }

  private available(): number {
    const now = this.now();
    let n = 0;
    while (n < this.buffer.length && this.buffer[n]!.at <= now) n++;
    return n;
  }
}
