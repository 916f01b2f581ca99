import { type JtagDpPort, JtagAck } from './jtag-dp-port';
import { nextTapState, TapState } from './tap-state';

/**
 * The JTAG-DP test access port of a simulated board (ADIv5.2 chapter B3): a 4-bit instruction
 * register with ABORT, DPACC, APACC, IDCODE and BYPASS (Table B3-1; every other value selects
 * BYPASS), and the 35-bit DPACC/APACC scan chain (B3.3.2): Capture-DR loads the ACK in bits
 * [2:0], WAIT while the previous transaction is still in progress and OK/FAULT once it has
 * completed, with the previous read's result in bits [34:3]; Update-DR performs the scanned-in
 * request unless that capture was WAIT, in which case the request is ignored.
 *
 * The parts we simulate are SWD-only; this port is a test access path of the simulator, so
 * that OpenOCD's JTAG remote_bitbang driver can check the simulator independently.
 */
export const IR_LENGTH = 4;
export const enum JtagInstruction {
  Abort = 0b1000,
  Dpacc = 0b1010,
  Apacc = 0b1011,
  Idcode = 0b1110,
  Bypass = 0b1111,
}

export class JtagDpTap {
  private state = TapState.TestLogicReset;
  private ir: number = JtagInstruction.Idcode;
  /** Shift register contents as a BigInt so 35-bit chains stay exact. */
  private shift = 0n;
  private shiftLength = 0;
  private capturedAck: JtagAck = JtagAck.OkFault;
  private lastRead = 0;

  constructor(private readonly port: JtagDpPort) {}

  /** TDO as seen while TCK is low: the bit at the shift register's output end. */
  get tdo(): boolean {
    if (this.state !== TapState.ShiftDr && this.state !== TapState.ShiftIr) return false;
    return (this.shift & 1n) === 1n;
  }

  get tapState(): TapState {
    return this.state;
  }

  /** Asynchronous TAP reset (TRST): IEEE 1149.1 section 6.1.1.1. */
  reset(): void {
    this.enter(TapState.TestLogicReset);
  }

  /** One rising edge of TCK with TMS and TDI sampled. */
  clock(tms: boolean, tdi: boolean): void {
    const current = this.state;
    if (current === TapState.CaptureDr) this.captureDr();
    else if (current === TapState.CaptureIr) this.load(0b0001n, IR_LENGTH);
    else if (current === TapState.ShiftDr || current === TapState.ShiftIr) {
      this.shift = (this.shift >> 1n) | ((tdi ? 1n : 0n) << BigInt(this.shiftLength - 1));
    }
    this.enter(nextTapState(current, tms));
  }

  private enter(next: TapState): void {
    this.state = next;
    if (next === TapState.TestLogicReset) {
      this.ir = JtagInstruction.Idcode;
    } else if (next === TapState.UpdateIr) {
      this.ir = Number(this.shift & 0xfn);
    } else if (next === TapState.UpdateDr) {
      this.updateDr();
    }
  }

  private load(value: bigint, length: number): void {
    this.shift = value;
    this.shiftLength = length;
  }

  private captureDr(): void {
    switch (this.ir) {
      case JtagInstruction.Idcode:
        this.load(BigInt(this.port.idcode >>> 0), 32);
        break;
      case JtagInstruction.Dpacc:
      case JtagInstruction.Apacc:
        this.capturedAck = this.port.inProgress() ? JtagAck.Wait : JtagAck.OkFault;
        if (this.capturedAck === JtagAck.Wait) this.port.waited();
        this.load((BigInt(this.lastRead >>> 0) << 3n) | BigInt(this.capturedAck), 35);
        break;
      case JtagInstruction.Abort:
        this.load((BigInt(this.lastRead >>> 0) << 3n) | BigInt(JtagAck.OkFault), 35);
        break;
      default:
        this.load(0n, 1);
    }
  }

  private updateDr(): void {
    if (this.ir === JtagInstruction.Abort) {
      this.port.writeAbort(Number((this.shift >> 3n) & 0xffffffffn));
      return;
    }
    if (this.ir !== JtagInstruction.Dpacc && this.ir !== JtagInstruction.Apacc) return;
    if (this.capturedAck === JtagAck.Wait) return;
    const read = (this.shift & 1n) === 1n;
    const a32 = Number((this.shift >> 1n) & 0b11n) << 2;
    const data = Number((this.shift >> 3n) & 0xffffffffn);
    this.lastRead = this.port.access(this.ir === JtagInstruction.Apacc, read, a32, data) >>> 0;
  }
}
