import { BusMaster } from '../bus/bus-types';
import type { Cpu } from './cpu';
import { readCoreRegister, validRegsel, writeCoreRegister } from './core-registers';
import { Demcr, Dfsr } from './fault-codes';

/**
 * The halting-debug registers of the SCS: DHCSR, DCRSR, DCRDR, DEMCR (ARMv7-M C1.6.2-C1.6.5,
 * ARMv6-M C1.6.2-C1.6.5) and DFSR (C1.6.1). They live in the debug power domain: only a
 * power-on reset clears them, not a system reset.
 */

/** What the registers act on: the run state is the processor's, not theirs. */
export interface HaltControl {
  readonly halted: boolean;
  readonly sleeping: boolean;
  readonly lockup: boolean;
  /** Held in reset by nRESET. */
  readonly inReset: boolean;
  /** Enter Debug state for `reason` (a DFSR bit). */
  halt(reason: Dfsr): void;
  /** Leave Debug state; with `step`, execute one instruction and halt again. */
  resume(step: boolean): void;
  /** Instructions retired so far (for S_RETIRE_ST). */
  readonly retiredInstructions: number;
}

const DBGKEY = 0xa05f;

export class DebugRegisters {
  debugEnabled = false;
  stepRequested = false;
  maskInterrupts = false;
  private snapStall = false;
  private haltRequested = false;
  private resetSticky = false;
  private retiredAtLastRead = 0;
  dcrdr = 0;
  demcr = 0;
  dfsr = 0;

  constructor(
    private readonly cpu: Cpu,
    private readonly control: HaltControl,
  ) {}

  /** Power-on reset of the debug logic (C1.6: DHCSR, DEMCR and DFSR reset to 0). */
  powerOnReset(): void {
    this.debugEnabled = false;
    this.stepRequested = false;
    this.maskInterrupts = false;
    this.snapStall = false;
    this.haltRequested = false;
    this.dcrdr = 0;
    this.demcr = 0;
    this.dfsr = 0;
    this.resetSticky = true;
    this.retiredAtLastRead = this.control.retiredInstructions;
  }

  /** A reset of any kind sets S_RESET_ST (C1.6.2). */
  noteReset(): void {
    this.resetSticky = true;
  }

  /** DHCSR read: S_RETIRE_ST and S_RESET_ST are cleared by the read (C1.6.2). */
  readDhcsr(): number {
    const c = this.control;
    const retired = c.retiredInstructions !== this.retiredAtLastRead;
    let value =
      (this.debugEnabled ? 1 : 0) |
      (c.halted || this.haltRequested ? 2 : 0) |
      (this.stepRequested ? 4 : 0) |
      (this.maskInterrupts ? 8 : 0) |
      (this.cpu.v7m && this.snapStall ? 0x20 : 0);
    // S_REGRDY: register transfers complete at once; the bit is meaningful in Debug state.
    if (c.halted) value |= 1 << 16;
    if (c.halted) value |= 1 << 17;
    if (c.sleeping) value |= 1 << 18;
    if (c.lockup) value |= 1 << 19;
    if (retired) value |= 1 << 24;
    // S_RESET_ST also reads 1 while the core is still held in reset: "reset, or is now being
    // reset, since the last time this bit was read" (Cortex-M3 TRM DDI 0337, DHCSR).
    if (this.resetSticky || c.inReset) value |= 1 << 25;
    this.retiredAtLastRead = c.retiredInstructions;
    this.resetSticky = false;
    return value >>> 0;
  }

  /**
   * DHCSR write: ignored without DBGKEY in [31:16]. Software cannot change C_DEBUGEN (C1.6.2);
   * with C_DEBUGEN clear the other control bits read as zero and are ignored.
   */
  writeDhcsr(value: number, master: BusMaster): void {
    if (value >>> 16 !== DBGKEY) return;
    const enable = master === BusMaster.Debug ? (value & 1) !== 0 : this.debugEnabled;
    const c = this.control;
    this.debugEnabled = enable;
    if (!enable) {
      this.stepRequested = false;
      this.maskInterrupts = false;
      this.snapStall = false;
      if (c.halted) c.resume(false);
      return;
    }
    const halt = (value & 2) !== 0;
    this.stepRequested = (value & 4) !== 0;
    this.maskInterrupts = (value & 8) !== 0;
    this.snapStall = (value & 0x20) !== 0;
    if (halt && !c.halted) c.halt(Dfsr.Halted);
    else if (!halt && c.halted) c.resume(this.stepRequested);
  }

  /** DCRSR write: the transfer between DCRDR and the selected register happens at once (C1.6.3). */
  writeDcrsr(value: number): void {
    const regsel = value & (this.cpu.v7m ? 0x7f : 0x1f);
    if (!validRegsel(this.cpu, regsel)) return;
    if ((value & 0x10000) !== 0) writeCoreRegister(this.cpu, regsel, this.dcrdr);
    else this.dcrdr = readCoreRegister(this.cpu, regsel);
  }

  /** DEMCR write: the implemented bits differ between the architectures (C1.6.5). */
  writeDemcr(value: number): void {
    const mask = this.cpu.v7m ? 0x010f07f1 : Demcr.TrcEna | Demcr.VcHardErr | Demcr.VcCoreReset;
    this.demcr = value & mask;
  }

  /** DFSR: write-one-to-clear (C1.6.1). */
  writeDfsr(value: number): void {
    this.dfsr &= ~value;
  }

  get traceEnabled(): boolean {
    return (this.demcr & Demcr.TrcEna) !== 0;
  }
}
