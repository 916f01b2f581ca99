import type { JtagDpTap } from '../jtag/jtag-dp-tap';
import { TapState } from '../jtag/tap-state';

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

const CH_0 = 0x30;
const CH_1 = 0x31;
const CH_7 = 0x37;
const CH_R = 0x52;
const CH_Q = 0x51;
const CH_r = 0x72;
const CH_u = 0x75;

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

  /**
   * Feeds received bytes; returns the bytes to send back (TDO answers). Modeled time is handed
   * to the target before each edge that captures or updates a DR (so a transaction sees every
   * TCK period before it), before SRST changes, and at the end of each batch; TDO depends on
   * the TAP state only, so 'R' needs none.
   */
  receive(data: Uint8Array): Uint8Array {
    const reply = new Uint8Array(data.length);
    let replies = 0;
    const tap = this.target.tap;
    for (const byte of data) {
      if (this.quit) break;
      if (byte >= CH_0 && byte <= CH_7) {
        const bits = byte - CH_0;
        const tck = (bits & 4) !== 0;
        if (tck && !this.tck) {
          const state = tap.tapState;
          if (state === TapState.CaptureDr || state === TapState.Exit1Dr || state === TapState.Exit2Dr) this.flushTime();
          tap.clock((bits & 2) !== 0, (bits & 1) !== 0);
          this.pendingNs += TCK_PERIOD_NS;
        }
        this.tck = tck;
      } else if (byte === CH_R) {
        reply[replies++] = tap.tdo ? CH_1 : CH_0;
      } else if (byte >= CH_r && byte <= CH_u) {
        this.flushTime();
        const bits = byte - CH_r;
        if ((bits & 2) !== 0) tap.reset();
        this.target.setSystemReset((bits & 1) !== 0);
      } else if (byte === CH_Q) {
        this.quit = true;
      }
    }
    this.flushTime();
    return reply.subarray(0, replies);
  }

  private flushTime(): void {
    if (this.pendingNs > 0) {
      this.target.advance(this.pendingNs);
      this.pendingNs = 0;
    }
  }
}
