import { type AccessPort, type ApResponse, SwdAck, type SwdResult } from './swd-types';
import { ABORT, CTRL_STAT, CTRL_STAT_WRITABLE, DP_ADDR, DP_BANK, STICKY_FLAGS, dpVersion } from './dp-registers';
import { SwjWire, type WireMode } from './swj-wire';

/**
 * A simulated Serial Wire Debug Port (ARM IHI 0031 ADIv5.2, chapters B2 "DP reference
 * information" and B4 "The Serial Wire Debug Port"). It answers SWD packets with the
 * acknowledge, data and parity a real SW-DP would drive, keeps the sticky error flags, the
 * power-up handshake and the posted-read buffer, and forwards AP accesses to the selected AP.
 */

export interface DebugPortDescription {
  /** DPIDR as the part's documentation gives it; its VERSION field selects DPv1 or DPv2 behaviour. */
  dpidr: number;
  /** TARGETID (DPv2 only, B2.2.10). */
  targetId?: number;
  /** DLPIDR.TINSTANCE (DPv2 only, B2.2.6). */
  targetInstance?: number;
  /** SWJ-DP (JTAG and SWD on shared pins) rather than an SWD-only SW-DP. */
  swj: boolean;
  /** The line protocol at power-on (B5.1). */
  initialMode: WireMode;
  /** Time from CxxxPWRUPREQ to the matching ACK, in ns: the debugger must poll (B2.2.2, "Power control"). */
  powerUpDelayNs: number;
}

/** SELECT fields (B2.2.9). */
interface Select {
  apsel: number;
  apbanksel: number;
  dpbanksel: number;
}

export class DebugPort {
  readonly wire: SwjWire;
  readonly description: DebugPortDescription;
  private readonly version: number;
  private readonly aps: ReadonlyMap<number, AccessPort>;
  private readonly now: () => number;
  private ctrl = 0;
  private debugPowerRequestedAt = 0;
  private systemPowerRequestedAt = 0;
  private select: Select = { apsel: 0, apbanksel: 0, dpbanksel: 0 };
  private dlcr = 0;
  private readBuffer = 0;
  private lastReadData = 0;
  /** DPv2 multi-drop: false after a TARGETSEL that named another target (B4.3.4). */
  private selected = true;
  /** After a protocol error in the reset state the DP ignores everything until a line reset (B4.3.3). */
  private lockedOut = false;
  private powered = true;

  constructor(description: DebugPortDescription, aps: ReadonlyMap<number, AccessPort>, now: () => number) {
    this.description = description;
    this.version = dpVersion(description.dpidr);
    this.aps = aps;
    this.now = now;
    this.wire = new SwjWire(
      { swj: description.swj, dormantCapable: this.version >= 2, initialMode: description.initialMode },
      () => this.onLineReset(),
    );
  }

  /** Target power: with the power off the DP drives nothing; power-on resets the debug logic. */
  setPowered(on: boolean): void {
    if (on && !this.powered) this.powerOnReset();
    this.powered = on;
  }

  get isPowered(): boolean {
    return this.powered;
  }

  /** CTRL/STAT as a read would return it now (for tests and the probe's own diagnostics). */
  get ctrlStat(): number {
    return this.composeCtrlStat();
  }

  /**
   * One SWD packet: header (APnDP, RnW, A[3:2]), acknowledge and data phase.
   * `writeParityOk` is false when the host sent a wrong parity bit with write data.
   */
  transfer(apnDp: boolean, read: boolean, address: number, writeData: number, writeParityOk = true): SwdResult {
    this.wire.notePacket();
    if (!this.powered || !this.wire.swdActive || this.lockedOut) return noResponse();
    if (this.wire.protocolReset) {
      const isDpidrRead = !apnDp && read && address === DP_ADDR.IDR_ABORT;
      const isTargetSel = this.version >= 2 && !apnDp && !read && address === DP_ADDR.RDBUFF_TARGETSEL;
      if (isTargetSel) {
        // B4.3.4: TARGETSEL is never acknowledged; the target is selected when it matches.
        this.selected = this.matchesTargetSel(writeData);
        return noResponse();
      }
      if (!isDpidrRead || !this.selected) {
        this.lockedOut = true;
        return noResponse();
      }
      this.wire.protocolReset = false;
    }
    if (!this.selected) return noResponse();

    const sticky = (this.ctrl & STICKY_FLAGS) !== 0;
    const overrunDetect = (this.ctrl & CTRL_STAT.ORUNDETECT) !== 0;
    if (sticky && !this.allowedWhileSticky(apnDp, read, address)) return this.errorAck(SwdAck.Fault, overrunDetect);
    if (this.mustWait(apnDp, read, address)) {
      if (overrunDetect) this.ctrl |= CTRL_STAT.STICKYORUN;
      return this.errorAck(SwdAck.Wait, overrunDetect);
    }
    if (!read && !writeParityOk) {
      // B4.2.2: the acknowledge went out before the bad parity arrived; the write is dropped.
      this.ctrl |= CTRL_STAT.WDATAERR;
      return ok(0);
    }
    if (apnDp) return read ? this.apRead(address) : this.apWrite(address, writeData);
    return read ? this.dpRead(address) : this.dpWrite(address, writeData);
  }

  /**
   * The JTAG-DP view of this DP (ADIv5.2 B3.3.2), for the simulator's JTAG test port: true while
   * the previous AP transaction is still in progress, so the next Capture-DR returns WAIT.
   */
  jtagInProgress(): boolean {
    if (!this.powered) return false;
    const ap = this.aps.get(this.select.apsel);
    return ap !== undefined && ap.busy();
  }

  /** B2.2.2 ORUNDETECT: a scan answered WAIT while overrun detection is on sets STICKYORUN. */
  jtagWait(): void {
    if ((this.ctrl & CTRL_STAT.ORUNDETECT) !== 0) this.ctrl |= CTRL_STAT.STICKYORUN;
  }

  /**
   * One DPACC or APACC transaction at Update-DR (ADIv5.2 B3.3.2); returns the read result the
   * next capture presents. The JTAG-DP register map differs from the SW-DP's (B2.2): DPACC
   * address 0x0 reads DPIDR and ignores writes (ABORT has its own instruction), 0x8 is SELECT
   * for both directions, RDBUFF reads as zero (B2.2.7: the previous read's result arrives in
   * the capture of any scan), and the sticky flags clear by writing 1 to them in CTRL/STAT
   * (B2.2.2). While a sticky flag is set, AP transactions are not performed.
   */
  jtagAccess(ap: boolean, read: boolean, address: number, value: number): number {
    if (!this.powered) return 0;
    if (ap) {
      if ((this.ctrl & JTAG_STICKY_FLAGS) !== 0) return 0;
      if (!read) {
        this.apWrite(address, value);
        return 0;
      }
      const response = this.apAccess((port, register) => port.read(register), address);
      if (response.kind === 'ok') return response.value >>> 0;
      this.ctrl |= CTRL_STAT.STICKYERR;
      return 0;
    }
    if (read) {
      switch (address) {
        case DP_ADDR.IDR_ABORT:
          return this.description.dpidr >>> 0;
        case DP_ADDR.BANKED:
          return this.select.dpbanksel === DP_BANK.CTRL_STAT ? (this.composeCtrlStat() & ~JTAG_RESERVED_CTRL_STAT) >>> 0 : this.readBanked();
        case DP_ADDR.RESEND_SELECT:
          return ((this.select.apsel << 24) | (this.select.apbanksel << 4) | this.select.dpbanksel) >>> 0;
        default:
          return 0;
      }
    }
    if (address === DP_ADDR.BANKED && this.select.dpbanksel === DP_BANK.CTRL_STAT) {
      this.ctrl &= ~(value & JTAG_STICKY_FLAGS);
      this.writeCtrlStat(value);
    } else if (address === DP_ADDR.BANKED || address === DP_ADDR.RESEND_SELECT) {
      this.dpWrite(address, value);
    }
    return 0;
  }

  /** The ABORT instruction (B3.3.4): on a JTAG-DP only DAPABORT is defined; the other bits are SW-DP only. */
  jtagAbort(value: number): void {
    this.writeAbort(value & ABORT.DAPABORT);
  }

  private errorAck(ack: SwdAck, dataPhase: boolean): SwdResult {
    return { ack, data: 0, parityOk: true, dataPhaseAfterError: dataPhase };
  }

  /** B4.2.4: with a sticky flag set only DPIDR, CTRL/STAT and RESEND reads and ABORT writes proceed. */
  private allowedWhileSticky(apnDp: boolean, read: boolean, address: number): boolean {
    if (apnDp) return false;
    if (read) return address === DP_ADDR.IDR_ABORT || address === DP_ADDR.BANKED || address === DP_ADDR.RESEND_SELECT;
    return address === DP_ADDR.IDR_ABORT;
  }

  /** B4.2.3: while the AP is busy, AP accesses and RDBUFF reads are answered WAIT. */
  private mustWait(apnDp: boolean, read: boolean, address: number): boolean {
    const ap = this.aps.get(this.select.apsel);
    if (ap === undefined || !ap.busy()) return false;
    return apnDp || (read && address === DP_ADDR.RDBUFF_TARGETSEL);
  }

  private dpRead(address: number): SwdResult {
    switch (address) {
      case DP_ADDR.IDR_ABORT:
        return this.returned(this.description.dpidr);
      case DP_ADDR.BANKED:
        return this.returned(this.readBanked());
      case DP_ADDR.RESEND_SELECT:
        // B2.2.8: RESEND repeats the last read data without a new transaction.
        return ok(this.lastReadData);
      default:
        this.ctrl |= CTRL_STAT.READOK;
        return this.returned(this.readBuffer);
    }
  }

  private readBanked(): number {
    switch (this.select.dpbanksel) {
      case DP_BANK.CTRL_STAT:
        return this.composeCtrlStat();
      case DP_BANK.DLCR:
        return this.dlcr;
      case DP_BANK.TARGETID:
        return this.version >= 2 ? (this.description.targetId ?? 0) >>> 0 : 0;
      case DP_BANK.DLPIDR:
        // B2.2.6: TINSTANCE in [31:28], PROTVSN 1 (SWD protocol version 2) in [3:0].
        return this.version >= 2 ? ((((this.description.targetInstance ?? 0) & 0xf) << 28) | 1) >>> 0 : 0;
      case DP_BANK.EVENTSTAT:
        // B2.2.4: EA reads 0 when an event needs attention; these parts signal none to the DP.
        return this.version >= 2 ? 1 : 0;
      default:
        return 0;
    }
  }

  private dpWrite(address: number, value: number): SwdResult {
    switch (address) {
      case DP_ADDR.IDR_ABORT:
        this.writeAbort(value);
        break;
      case DP_ADDR.BANKED:
        if (this.select.dpbanksel === DP_BANK.CTRL_STAT) this.writeCtrlStat(value);
        else if (this.select.dpbanksel === DP_BANK.DLCR) this.dlcr = value & 0x300;
        break;
      case DP_ADDR.RESEND_SELECT:
        this.select = { apsel: value >>> 24, apbanksel: (value >>> 4) & 0xf, dpbanksel: value & 0xf };
        break;
      default:
        // TARGETSEL outside the reset state has no effect (B2.2.11).
        break;
    }
    return ok(0);
  }

  /** B2.2.1: the ABORT register, accepted in every state. */
  writeAbort(value: number): void {
    if (value & ABORT.DAPABORT) for (const ap of this.aps.values()) ap.abort();
    if (value & ABORT.STKCMPCLR) this.ctrl &= ~CTRL_STAT.STICKYCMP;
    if (value & ABORT.STKERRCLR) this.ctrl &= ~CTRL_STAT.STICKYERR;
    if (value & ABORT.WDERRCLR) this.ctrl &= ~CTRL_STAT.WDATAERR;
    if (value & ABORT.ORUNERRCLR) this.ctrl &= ~CTRL_STAT.STICKYORUN;
  }

  private writeCtrlStat(value: number): void {
    const now = this.now();
    const wasDebug = (this.ctrl & CTRL_STAT.CDBGPWRUPREQ) !== 0;
    const wasSystem = (this.ctrl & CTRL_STAT.CSYSPWRUPREQ) !== 0;
    this.ctrl = (this.ctrl & ~CTRL_STAT_WRITABLE) | (value & CTRL_STAT_WRITABLE);
    if (!wasDebug && (value & CTRL_STAT.CDBGPWRUPREQ) !== 0) this.debugPowerRequestedAt = now;
    if (!wasSystem && (value & CTRL_STAT.CSYSPWRUPREQ) !== 0) this.systemPowerRequestedAt = now;
  }

  /** The ACK bits follow their requests once the power controller has had time to act. */
  private composeCtrlStat(): number {
    const now = this.now();
    const delay = this.description.powerUpDelayNs;
    let value = this.ctrl & ~(CTRL_STAT.CDBGPWRUPACK | CTRL_STAT.CSYSPWRUPACK | CTRL_STAT.CDBGRSTACK);
    if (this.ctrl & CTRL_STAT.CDBGPWRUPREQ && now - this.debugPowerRequestedAt >= delay) value |= CTRL_STAT.CDBGPWRUPACK;
    if (this.ctrl & CTRL_STAT.CSYSPWRUPREQ && now - this.systemPowerRequestedAt >= delay) value |= CTRL_STAT.CSYSPWRUPACK;
    if (this.ctrl & CTRL_STAT.CDBGRSTREQ) value |= CTRL_STAT.CDBGRSTACK;
    return value >>> 0;
  }

  private get debugPowered(): boolean {
    return (this.composeCtrlStat() & CTRL_STAT.CDBGPWRUPACK) !== 0;
  }

  /** B2.3.4: an AP read is posted; the packet returns the previous AP read's data. */
  private apRead(address: number): SwdResult {
    const previous = this.readBuffer;
    const response = this.apAccess((ap, register) => ap.read(register), address);
    if (response.kind === 'ok') {
      this.readBuffer = response.value >>> 0;
      this.ctrl |= CTRL_STAT.READOK;
    } else {
      this.readBuffer = 0;
      this.ctrl = (this.ctrl | CTRL_STAT.STICKYERR) & ~CTRL_STAT.READOK;
    }
    return this.returned(previous);
  }

  private apWrite(address: number, value: number): SwdResult {
    const mode = (this.ctrl & CTRL_STAT.TRNMODE_MASK) >>> CTRL_STAT.TRNMODE_SHIFT;
    if (mode === 1 || mode === 2) return this.pushedOperation(address, value, mode);
    const response = this.apAccess((ap, register) => ap.write(register, value), address);
    if (response.kind === 'error') this.ctrl |= CTRL_STAT.STICKYERR;
    return ok(0);
  }

  /** B2.2.2 TRNMODE: pushed verify (1) and pushed compare (2) turn an AP write into a compared read. */
  private pushedOperation(address: number, value: number, mode: number): SwdResult {
    const response = this.apAccess((ap, register) => ap.read(register), address);
    if (response.kind === 'error') {
      this.ctrl |= CTRL_STAT.STICKYERR;
      return ok(0);
    }
    const lanes = (this.ctrl & CTRL_STAT.MASKLANE_MASK) >>> CTRL_STAT.MASKLANE_SHIFT;
    let mask = 0;
    for (let lane = 0; lane < 4; lane++) if (lanes & (1 << lane)) mask |= 0xff << (lane * 8);
    const equal = ((response.value ^ value) & mask) === 0;
    if ((mode === 1 && !equal) || (mode === 2 && equal)) this.ctrl |= CTRL_STAT.STICKYCMP;
    return ok(0);
  }

  private apAccess(operation: (ap: AccessPort, register: number) => ApResponse, address: number): ApResponse {
    const ap = this.aps.get(this.select.apsel);
    // An AP that is absent, or powered down because the debugger never asked for debug power,
    // completes no transaction: the DP records the error in STICKYERR (B2.2.2, C1.2).
    if (ap === undefined || !this.debugPowered) return { kind: 'error' };
    return operation(ap, (this.select.apbanksel << 4) | address);
  }

  private returned(data: number): SwdResult {
    this.lastReadData = data >>> 0;
    return ok(data);
  }

  private matchesTargetSel(value: number): boolean {
    const targetId = (this.description.targetId ?? 0) >>> 0;
    const instance = this.description.targetInstance ?? 0;
    // B2.2.11: TARGETSEL carries TARGETID[27:0] with TINSTANCE in place of TREVISION.
    return ((value & 0x0fffffff) >>> 0) === ((targetId & 0x0fffffff) >>> 0) && value >>> 28 === instance;
  }

  private onLineReset(): void {
    this.lockedOut = false;
    this.selected = true;
  }

  private powerOnReset(): void {
    this.ctrl = 0;
    this.select = { apsel: 0, apbanksel: 0, dpbanksel: 0 };
    this.dlcr = 0;
    this.readBuffer = 0;
    this.lastReadData = 0;
    this.lockedOut = false;
    this.selected = true;
    this.wire.powerOn();
    for (const ap of this.aps.values()) ap.abort();
  }
}

/** The sticky flags of a JTAG-DP, each write-one-to-clear in CTRL/STAT (ADIv5.2 B2.2.2). */
const JTAG_STICKY_FLAGS = CTRL_STAT.STICKYORUN | CTRL_STAT.STICKYCMP | CTRL_STAT.STICKYERR;
/** READOK and WDATAERR exist on a SW-DP only; a JTAG-DP reads them as zero (B2.2.2). */
const JTAG_RESERVED_CTRL_STAT = CTRL_STAT.READOK | CTRL_STAT.WDATAERR;

function ok(data: number): SwdResult {
  return { ack: SwdAck.Ok, data: data >>> 0, parityOk: true, dataPhaseAfterError: false };
}

function noResponse(): SwdResult {
  return { ack: SwdAck.NoResponse, data: 0, parityOk: true, dataPhaseAfterError: false };
}
