import type { DapProtocol, UsbSpeed } from './probe-presets';

/**
 * When USB transactions of a simulated probe happen on the bus (USB 2.0 specification,
 * chapter 5 "USB Data Flow Model": 5.7 interrupt transfers, 5.8 bulk transfers; 8.4.3 frames
 * and microframes). A CMSIS-DAP v1 probe uses HID interrupt endpoints polled once per
 * (micro)frame; a v2 probe uses bulk endpoints that take any bus time left. Either way, the
 * host controller reports a completed transfer to software at the end of the (micro)frame it
 * finished in, which is why a host that waits for each response before sending the next
 * command loses whole frames.
 */

export interface UsbSlot {
  /** When the transaction starts on the bus. */
  start: number;
  /** When its last handshake is done. */
  end: number;
  /** When host software learns that it completed. */
  seenAt: number;
}

/** Per-transaction framing: token, data PID and CRC, handshake, SYNC and EOP fields, in bytes. */
const TRANSACTION_OVERHEAD_BYTES = 13;

export class UsbSchedule {
  readonly frameNs: number;
  readonly interrupt: boolean;
  private readonly bitRate: number;
  private readonly maxPacket: number;
  private lastOutFrame = -1;
  private lastInFrame = -1;
  private outFreeAt = 0;
  private inFreeAt = 0;

  constructor(speed: UsbSpeed, protocol: DapProtocol, packetSize: number) {
    this.frameNs = speed === 'full' ? 1_000_000 : 125_000;
    this.bitRate = speed === 'full' ? 12e6 : 480e6;
    this.interrupt = protocol === 'v1-hid';
    // Full-speed endpoints carry at most 64 bytes per transaction; high-speed bulk 512 (USB 2.0 5.8.3).
    this.maxPacket = speed === 'full' ? 64 : this.interrupt ? Math.min(packetSize, 1024) : 512;
  }

  /** Bus time of `bytes` of payload split into max-packet transactions. */
  wireTimeNs(bytes: number): number {
    const transactions = Math.max(1, Math.ceil(bytes / this.maxPacket));
    return ((bytes + transactions * TRANSACTION_OVERHEAD_BYTES) * 8 * 1e9) / this.bitRate;
  }

  /** Host-to-probe transfer that may start no earlier than `readyAt`. */
  out(readyAt: number, bytes: number): UsbSlot {
    if (this.interrupt) {
      const slot = this.periodicSlot(readyAt, this.lastOutFrame, bytes);
      this.lastOutFrame = Math.round(slot.start / this.frameNs);
      return slot;
    }
    const slot = this.bulkSlot(readyAt, this.outFreeAt, bytes);
    this.outFreeAt = slot.end;
    return slot;
  }

  /** Probe-to-host transfer of a response ready at `readyAt`. */
  in(readyAt: number, bytes: number): UsbSlot {
    if (this.interrupt) {
      const slot = this.periodicSlot(readyAt, this.lastInFrame, bytes);
      this.lastInFrame = Math.round(slot.start / this.frameNs);
      return slot;
    }
    const slot = this.bulkSlot(readyAt, this.inFreeAt, bytes);
    this.inFreeAt = slot.end;
    return slot;
  }

  /** The end of the (micro)frame containing `time`: when the host controller reports completion. */
  frameEndAfter(time: number): number {
    return (Math.floor(time / this.frameNs) + 1) * this.frameNs;
  }

  /** An interrupt endpoint is serviced once per interval, at the start of the (micro)frame. */
  private periodicSlot(readyAt: number, lastFrame: number, bytes: number): UsbSlot {
    const frame = Math.max(Math.ceil(readyAt / this.frameNs - 1e-9), lastFrame + 1);
    const start = frame * this.frameNs;
    const end = start + this.wireTimeNs(bytes);
    return { start, end, seenAt: this.frameEndAfter(start) };
  }

  /** A bulk transfer takes the bus as soon as it is ready and the endpoint's previous transfer is done. */
  private bulkSlot(readyAt: number, freeAt: number, bytes: number): UsbSlot {
    const start = Math.max(readyAt, freeAt);
    const end = start + this.wireTimeNs(bytes);
    return { start, end, seenAt: this.frameEndAfter(end) };
  }
}
