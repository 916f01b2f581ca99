import type { JtagDpTap } from '../jtag/jtag-dp-tap';

/**
 * Interprets OpenOCD 0.12's remote_bitbang protocol (doc/manual/jtag/drivers/remote_bitbang.txt
 * in OpenOCD's sources): one ASCII byte per command. '0'–'7' drive TCK, TMS and TDI (bit 2,
 * bit 1, bit 0); 'R' asks for TDO, answered with '0' or '1'; 'r'–'u' drive TRST and SRST
 * (TRST is bit 1, SRST bit 0 of the offset from 'r', both active when 1); 'B'/'b' are the
 * blink LED and 'Q' ends the session.
 */
export interface RemoteBitbangTarget {
  readonly tap: JtagDpTap;
  /** SRST, wired to the board's nRESET. */
  setSystemReset(asserted: boolean): void;
  /** Lets simulated time pass: `ns` of TCK activity at the modeled JTAG clock. */
  advance(ns: number): void;
}

/** Modeled TCK period: 1 MHz, a usual bit-banged JTAG speed. */
export const TCK_PERIOD_NS = 1000;

export class RemoteBitbangSession {
  private tck = false;
  private pendingNs = 0;
  private quit = false;

  constructor(private readonly target: RemoteBitbangTarget) {}

  get ended(): boolean {
    return this.quit;
  }

  /** Feeds received bytes; returns the bytes to send back (TDO answers). */
  receive(data: Uint8Array): Uint8Array {
    const reply: number[] = [];
    for (const byte of data) {
      if (this.quit) break;
      const ch = String.fromCharCode(byte);
      if (ch >= '0' && ch <= '7') {
        const bits = byte - 0x30;
        const tck = (bits & 4) !== 0;
        if (tck && !this.tck) {
          this.target.tap.clock((bits & 2) !== 0, (bits & 1) !== 0);
          this.pendingNs += TCK_PERIOD_NS;
        }
        this.tck = tck;
      } else if (ch === 'R') {
        this.flushTime();
        reply.push(this.target.tap.tdo ? 0x31 : 0x30);
      } else if (ch >= 'r' && ch <= 'u') {
        const bits = byte - 0x72;
        if ((bits & 2) !== 0) this.target.tap.reset();
        this.target.setSystemReset((bits & 1) !== 0);
      } else if (ch === 'Q') {
        this.quit = true;
      }
    }
    this.flushTime();
    return Uint8Array.from(reply);
  }

  private flushTime(): void {
    if (this.pendingNs > 0) {
      this.target.advance(this.pendingNs);
      this.pendingNs = 0;
    }
  }
}
