/**
 * Line-level state of a simulated SWJ-DP / SW-DP: which protocol the pins speak and whether
 * the SWD protocol has been reset (ARM IHI 0031 ADIv5.2, chapter B5 "The Serial Wire/JTAG
 * Debug Port" and B4.3.3 "Line reset"). Bit sequences from DAP_SWJ_Sequence and
 * DAP_SWD_Sequence are fed in one bit at a time; SWD packets use the fast path in DebugPort
 * and only tell the wire that a packet happened.
 */

export type WireMode = 'swd' | 'jtag' | 'dormant';

export interface SwjWireOptions {
  /** SWJ-DP (both protocols on shared pins) rather than a SW-DP that only speaks SWD. */
  swj: boolean;
  /** DPv2 dormant state support (ADIv5.2 B5.3). */
  dormantCapable: boolean;
  initialMode: WireMode;
}

/** ADIv5.2 B5.2.2: the 16-bit JTAG-to-SWD select sequence, sent LSB first after ≥50 ones. */
export const JTAG_TO_SWD = 0xe79e;
/** ADIv5.2 B5.2.3: the SWD-to-JTAG select sequence. */
export const SWD_TO_JTAG = 0xe73c;
/** ADIv5.2 B5.3.2: the SWD-to-dormant sequence. */
export const SWD_TO_DORMANT = 0xe3bc;
/** ADIv5.2 B5.3.2: the 31-bit JTAG-to-dormant sequence on TMS after ≥5 ones. */
export const JTAG_TO_DORMANT = 0x33bbbbba;
/** ADIv5.2 B5.3.4: the 128-bit selection alert sequence, least significant byte first on the wire. */
export const SELECTION_ALERT = [0x92, 0xf3, 0x09, 0x62, 0x95, 0x2d, 0x85, 0x86, 0xe9, 0xaf, 0xdd, 0xe3, 0xa2, 0x0e, 0xbc, 0x19];
/** ADIv5.2 B5.3.4: the 8-bit SWD activation code that follows the alert and four low cycles. */
export const SWD_ACTIVATION_CODE = 0x1a;

const LINE_RESET_ONES = 50;
const HISTORY_LIMIT = 200;

export class SwjWire {
  mode: WireMode;
  /**
   * True after a line reset until the host reads DPIDR (or, on DPv2, writes TARGETSEL):
   * the only packets the DP will answer (ADIv5.2 B4.3.3).
   */
  protocolReset = true;
  /** True after leaving dormant or JTAG until the next line reset: the SW-DP answers nothing. */
  awaitingLineReset: boolean;
  /** Count of line resets seen, for tests and the DP's own bookkeeping. */
  lineResets = 0;
  private ones = 0;
  private history: number[] = [];
  private readonly options: SwjWireOptions;
  private readonly onLineReset: () => void;

  constructor(options: SwjWireOptions, onLineReset: () => void) {
    this.options = options;
    this.onLineReset = onLineReset;
    this.mode = options.initialMode;
    this.awaitingLineReset = options.initialMode !== 'swd';
  }

  /** True when an SWD packet header would be seen and answered by the DP. */
  get swdActive(): boolean {
    return this.mode === 'swd' && !this.awaitingLineReset;
  }

  /** Host-driven bits on SWDIO/TMS, in the order they leave the probe. */
  clockOut(bits: Iterable<number>): void {
    for (const bit of bits) this.clockBit(bit & 1);
  }

  /** An SWD packet (header with start, stop and park bits) went over the wire. */
  notePacket(): void {
    this.ones = 0;
    this.history = [];
  }

  /** Power-on reset of the debug logic. */
  powerOn(): void {
    this.mode = this.options.initialMode;
    this.awaitingLineReset = this.options.initialMode !== 'swd';
    this.protocolReset = true;
    this.ones = 0;
    this.history = [];
  }

  private clockBit(bit: number): void {
    this.ones = bit === 1 ? this.ones + 1 : 0;
    this.history.push(bit);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    if (this.mode === 'dormant') {
      if (this.endsWithActivation()) {
        this.mode = 'swd';
        this.awaitingLineReset = true;
        this.history = [];
      }
      return;
    }
    if (this.mode === 'swd' && this.ones === LINE_RESET_ONES) {
      this.lineReset();
      return;
    }
    if (this.mode === 'jtag' && this.options.dormantCapable && this.endsWith(JTAG_TO_DORMANT, 31, 5)) {
      this.mode = 'dormant';
      this.history = [];
      return;
    }
    if (!this.options.swj && !this.options.dormantCapable) return;
    if (this.mode === 'jtag' && this.options.swj && this.endsWith(JTAG_TO_SWD, 16, LINE_RESET_ONES)) {
      this.mode = 'swd';
      this.awaitingLineReset = true;
      this.history = [];
    } else if (this.mode === 'swd' && this.options.swj && this.endsWith(SWD_TO_JTAG, 16, LINE_RESET_ONES)) {
      this.mode = 'jtag';
      this.history = [];
    } else if (this.mode === 'swd' && this.options.dormantCapable && this.endsWith(SWD_TO_DORMANT, 16, LINE_RESET_ONES)) {
      this.mode = 'dormant';
      this.history = [];
    }
  }

  private lineReset(): void {
    this.awaitingLineReset = false;
    this.protocolReset = true;
    this.lineResets++;
    this.onLineReset();
  }

  /** True when the history ends with `code` (`length` bits, LSB first) preceded by `leadingOnes` ones. */
  private endsWith(code: number, length: number, leadingOnes: number): boolean {
    const h = this.history;
    const start = h.length - length;
    if (start - leadingOnes < 0) return false;
    for (let i = 0; i < length; i++) if (h[start + i] !== Math.floor(code / 2 ** i) % 2) return false;
    for (let i = start - leadingOnes; i < start; i++) if (h[i] !== 1) return false;
    return true;
  }

  /** ≥8 ones, the selection alert, four low cycles and the SWD activation code (ADIv5.2 B5.3.4). */
  private endsWithActivation(): boolean {
    const h = this.history;
    const total = 8 + 128 + 4 + 8;
    if (h.length < total) return false;
    let p = h.length - total;
    for (let i = 0; i < 8; i++) if (h[p++] !== 1) return false;
    for (const byte of SELECTION_ALERT) for (let b = 0; b < 8; b++) if (h[p++] !== ((byte >> b) & 1)) return false;
    for (let i = 0; i < 4; i++) if (h[p++] !== 0) return false;
    for (let b = 0; b < 8; b++) if (h[p++] !== ((SWD_ACTIVATION_CODE >> b) & 1)) return false;
    return true;
  }
}
