/**
 * Halting-debug control of one Cortex-M core (ARMv7-M ARM chapter C1, ARMv6-M ARM chapter C1)
 * through a MEM-AP's view of its System Control Space. Named after pyOCD's CortexM; the object a
 * session lists in `target.cores`.
 */
import type { MemoryInterface } from '../memory-interface';
import { pollUntil } from './bounded-poll';
import { Breakpoint, BreakpointType } from './breakpoint-type';
import { CoreNotHaltedError, CoreUnsupportedError, formatAddress } from './core-errors';
import { coreRegisterSet, type CoreRegisterInfo, type CoreRegisterSet } from './core-registers';
import { applyEmulatedReset, effectiveResetType, resetBySignal } from './core-reset';
import { CoreState, HaltReason, coreStateFromDhcsr, haltReasonFromDfsr } from './core-state';
import { decodeCpuid, isBaseline, type CpuidInfo } from './cpuid';
import { CPUID, DEMCR, DFSR, DHCSR, Demcr, Dfsr, Dhcsr } from './debug-registers';
import { DwtWatchpoints, type Watchpoint, type WatchpointType } from './dwt-watchpoints';
import { FlashPatchBreakpointUnit } from './fpb';
import { NO_FPU, detectFpu, type FpuInfo } from './fpu-detect';
import type { HardwareResetLine } from './hardware-reset-line';
import { readTransferRegisters, writeTransferRegisters } from './register-transfer';
import { ResetType } from './reset-type';
import { SoftwareBreakpoints } from './software-breakpoints';
import { VECTOR_CATCH_ALL_BASELINE, VECTOR_CATCH_ALL_V7, VectorCatch } from './vector-catch';

export interface CortexMOptions {
  /** Index in the target's core list (pyOCD's core number). */
  readonly coreNumber?: number;
  /** The probe's nRESET line, for `hw` resets. */
  readonly resetLine?: HardwareResetLine;
  /** The reset type used when `reset()` is called without one (pyOCD's `reset_type` option). */
  readonly defaultResetType?: ResetType;
  /** Bound for halt and step waits. */
  readonly haltTimeoutMs?: number;
  /** Bound for reset waits. */
  readonly resetTimeoutMs?: number;
  /** Receives warnings such as a VECTRESET performed as an emulated reset. */
  readonly log?: (level: 'debug' | 'info' | 'warning', message: string) => void;
}

export type CoreStateListener = (state: CoreState, core: CortexM) => void;

const DEFAULT_HALT_TIMEOUT_MS = 1000;

export class CortexM {
  readonly coreNumber: number;
  defaultResetType: ResetType;
  private cpuidInfo?: CpuidInfo;
  private fpuInfo: FpuInfo = NO_FPU;
  private registerSet?: CoreRegisterSet;
  private fpb?: FlashPatchBreakpointUnit;
  private dwt?: DwtWatchpoints;
  private readonly softwareBreakpoints: SoftwareBreakpoints;
  private readonly listeners = new Set<CoreStateListener>();
  private lastState?: CoreState;
  private lastRequestWasStep = false;

  constructor(readonly memory: MemoryInterface, private readonly options: CortexMOptions = {}) {
    this.coreNumber = options.coreNumber ?? 0;
    this.defaultResetType = options.defaultResetType ?? ResetType.Sw;
    this.softwareBreakpoints = new SoftwareBreakpoints(memory);
  }

  // --- identity --------------------------------------------------------------------------------

  /** Reads CPUID and, on Mainline cores, detects the FPU. Safe before debug is enabled. */
  async identify(): Promise<CpuidInfo> {
    const info = decodeCpuid(await this.memory.read32(CPUID));
    this.cpuidInfo = info;
    this.fpuInfo = isBaseline(info.architecture) ? NO_FPU : await detectFpu(this.memory);
    this.registerSet = coreRegisterSet({ baseline: isBaseline(info.architecture), hasFpu: this.fpuInfo.present });
    return info;
  }

  get cpuid(): CpuidInfo {
    if (!this.cpuidInfo) throw new Error('The core has not been identified yet: call identify() first');
    return this.cpuidInfo;
  }

  get name(): string {
    return this.cpuid.name;
  }

  get fpu(): FpuInfo {
    return this.fpuInfo;
  }

  get isBaseline(): boolean {
    return isBaseline(this.cpuid.architecture);
  }

  get registers(): readonly CoreRegisterInfo[] {
    return this.regs().registers;
  }

  get hardwareBreakpointCount(): number {
    return this.fpb?.info.codeComparators ?? 0;
  }

  get fpbVersion(): 1 | 2 | undefined {
    return this.fpb?.info.version;
  }

  get watchpointCount(): number {
    return this.dwt?.comparators ?? 0;
  }

  private regs(): CoreRegisterSet {
    if (!this.registerSet) throw new Error('The core has not been identified yet: call identify() first');
    return this.registerSet;
  }

  // --- debug enable ----------------------------------------------------------------------------

  /**
   * Enables halting debug (DHCSR.C_DEBUGEN, keeping C_HALT if the core is already halted so the
   * write does not release it), sets DEMCR.TRCENA so the DWT is reachable, and opens the FPB/BPU
   * and DWT with all comparators cleared.
   */
  async startDebug(): Promise<void> {
    if (!this.cpuidInfo) await this.identify();
    const dhcsr = await this.memory.read32(DHCSR);
    const keepHalt = dhcsr & Dhcsr.S_HALT ? Dhcsr.C_HALT : 0;
    await this.memory.write32(DHCSR, Dhcsr.DBGKEY | Dhcsr.C_DEBUGEN | keepHalt);
    const demcr = await this.memory.read32(DEMCR);
    await this.memory.write32(DEMCR, (demcr | Demcr.TRCENA) >>> 0);
    this.fpb = await FlashPatchBreakpointUnit.open(this.memory);
    this.dwt = await DwtWatchpoints.open(this.memory, { armv8: this.cpuid.architecture.startsWith('ARMv8') });
  }

  /** Removes every breakpoint and watchpoint and vector catch; optionally resumes and disables debug. */
  async stopDebug(resume: boolean): Promise<void> {
    for (const bp of this.breakpoints()) await this.removeBreakpoint(bp.address);
    for (const wp of this.dwt?.list() ?? []) await this.dwt!.remove(wp.address, wp.size, wp.type);
    await this.setVectorCatch(VectorCatch.None);
    if (resume) {
      await this.memory.write32(DFSR, Dfsr.ALL);
      await this.memory.write32(DHCSR, Dhcsr.DBGKEY);
      this.noteState(CoreState.Running);
    }
  }

  // --- state -----------------------------------------------------------------------------------

  onStateChange(listener: CoreStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private noteState(state: CoreState): void {
    if (state === this.lastState) return;
    this.lastState = state;
    for (const listener of this.listeners) listener(state, this);
  }

  /** Current run state from DHCSR; a second read separates "was reset" from "held in reset". */
  async getState(): Promise<CoreState> {
    const first = await this.memory.read32(DHCSR);
    const state = first & Dhcsr.S_RESET_ST ? coreStateFromDhcsr(first, await this.memory.read32(DHCSR)) : coreStateFromDhcsr(first);
    this.noteState(state);
    return state;
  }

  async isHalted(): Promise<boolean> {
    return ((await this.memory.read32(DHCSR)) & Dhcsr.S_HALT) !== 0;
  }

  async getHaltReason(): Promise<HaltReason> {
    return haltReasonFromDfsr(await this.memory.read32(DFSR), this.lastRequestWasStep);
  }

  private async waitForHalt(what: string): Promise<void> {
    await pollUntil(() => this.memory.read32(DHCSR), (v) => (v & Dhcsr.S_HALT) !== 0, {
      timeoutMs: this.options.haltTimeoutMs ?? DEFAULT_HALT_TIMEOUT_MS,
      what,
    });
    this.noteState(CoreState.Halted);
  }

  /** C1.6.2: C_HALT requests debug state; S_HALT confirms it. */
  async halt(): Promise<void> {
    this.lastRequestWasStep = false;
    await this.memory.write32(DHCSR, Dhcsr.DBGKEY | Dhcsr.C_DEBUGEN | Dhcsr.C_HALT);
    await this.waitForHalt('the core to halt (DHCSR.S_HALT)');
  }

  /**
   * Leaves debug state. A breakpoint at the current PC would halt again at once, so the core first
   * steps over it with the breakpoint lifted, as debuggers do.
   */
  async resume(): Promise<void> {
    if (await this.isHalted()) {
      const pc = await this.readCoreRegister('pc');
      if (this.breakpointAt(pc)) await this.step();
    }
    this.lastRequestWasStep = false;
    await this.memory.write32(DFSR, Dfsr.ALL);
    await this.memory.write32(DHCSR, Dhcsr.DBGKEY | Dhcsr.C_DEBUGEN);
    this.noteState(CoreState.Running);
  }

  /**
   * Executes one instruction (C1.6.2 C_STEP). Interrupts are masked with C_MASKINTS unless
   * `intoInterrupts` is set; C_MASKINTS may only change while halted, so it is set together with
   * C_HALT first and cleared again after the step (C1.6.2 note on C_MASKINTS).
   */
  async step(options: { intoInterrupts?: boolean } = {}): Promise<void> {
    if (!(await this.isHalted())) throw new CoreNotHaltedError('Single step');
    const mask = options.intoInterrupts ? 0 : Dhcsr.C_MASKINTS;
    const pc = await this.readCoreRegister('pc');
    const lifted = this.breakpointAt(pc);
    if (lifted) await this.liftBreakpoint(lifted);
    try {
      await this.memory.write32(DFSR, Dfsr.ALL);
      if (mask) await this.memory.write32(DHCSR, Dhcsr.DBGKEY | Dhcsr.C_DEBUGEN | Dhcsr.C_HALT | mask);
      this.lastRequestWasStep = true;
      await this.memory.write32(DHCSR, Dhcsr.DBGKEY | Dhcsr.C_DEBUGEN | Dhcsr.C_STEP | mask);
      await this.waitForHalt('a single step to complete (DHCSR.S_HALT)');
      if (mask) await this.memory.write32(DHCSR, Dhcsr.DBGKEY | Dhcsr.C_DEBUGEN | Dhcsr.C_HALT);
    } finally {
      if (lifted) await this.restoreBreakpoint(lifted);
    }
  }

  // --- registers -------------------------------------------------------------------------------

  private async requireHalted(operation: string): Promise<void> {
    if (!(await this.isHalted())) throw new CoreNotHaltedError(operation);
  }

  /** Reads registers by name (r0–r12, sp, lr, pc, xpsr, msp, psp, primask, basepri, faultmask, control, fpscr, s0–s31) in one pipelined batch. */
  async readCoreRegisters(names: readonly string[]): Promise<number[]> {
    await this.requireHalted('Reading core registers');
    const infos = names.map((n) => this.regs().lookup(n));
    const regsels = [...new Set(infos.map((i) => i.regsel))];
    const values = await readTransferRegisters(this.memory, regsels);
    const byRegsel = new Map(regsels.map((r, i) => [r, values[i]!]));
    return infos.map((info) => field(byRegsel.get(info.regsel)!, info));
  }

  async readCoreRegister(name: string): Promise<number> {
    return (await this.readCoreRegisters([name]))[0]!;
  }

  /** Writes registers by name in one pipelined batch; packed special registers are merged. */
  async writeCoreRegisters(values: Readonly<Record<string, number>> | ReadonlyMap<string, number>): Promise<void> {
    await this.requireHalted('Writing core registers');
    const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
    const infos = entries.map(([name, value]) => ({ info: this.regs().lookup(name), value }));
    const packedRegsels = [...new Set(infos.filter((e) => e.info.bits < 32).map((e) => e.info.regsel))];
    const current = new Map<number, number>();
    if (packedRegsels.length) {
      const read = await readTransferRegisters(this.memory, packedRegsels);
      packedRegsels.forEach((r, i) => current.set(r, read[i]!));
    }
    for (const { info, value } of infos) {
      const mask = info.bits === 32 ? 0xffffffff : ((1 << info.bits) - 1) << info.shift;
      const base = current.get(info.regsel) ?? 0;
      current.set(info.regsel, ((base & ~mask) | ((value << info.shift) & mask)) >>> 0);
    }
    await writeTransferRegisters(this.memory, [...current.keys()], [...current.values()]);
  }

  async writeCoreRegister(name: string, value: number): Promise<void> {
    await this.writeCoreRegisters({ [name]: value });
  }

  // --- reset -----------------------------------------------------------------------------------

  private resetContext() {
    return {
      memory: this.memory,
      resetLine: this.options.resetLine,
      baseline: this.isBaseline,
      timeoutMs: this.options.resetTimeoutMs,
    };
  }

  private resolveResetType(type: ResetType | undefined): ResetType {
    const requested = type ?? this.defaultResetType;
    const effective = effectiveResetType(requested, this.isBaseline);
    if (requested === ResetType.SwVectreset && effective === ResetType.SwEmulated) {
      this.options.log?.('warning', `${this.name} (${this.cpuid.architecture}) has no VECTRESET; performing an emulated reset instead`);
    }
    return effective;
  }

  /** Resets the core with `type` (default: `defaultResetType`) and lets it run. */
  async reset(type?: ResetType): Promise<ResetType> {
    const effective = this.resolveResetType(type);
    this.lastRequestWasStep = false;
    // DFSR is sticky and survives a system reset: clear it so the next halt reason is this one's.
    await this.memory.write32(DFSR, Dfsr.ALL);
    if (effective === ResetType.SwEmulated) {
      await this.halt();
      await applyEmulatedReset(this.resetContext());
      await this.resume();
      return effective;
    }
    await resetBySignal(this.resetContext(), effective);
    await this.getState();
    return effective;
  }

  /**
   * Resets and halts on the first instruction of the reset handler: DEMCR.VC_CORERESET makes the
   * core enter debug state as it leaves reset (C1.6.5); the previous DEMCR is restored afterwards.
   */
  async resetAndHalt(type?: ResetType): Promise<ResetType> {
    const effective = this.resolveResetType(type);
    this.lastRequestWasStep = false;
    await this.memory.write32(DFSR, Dfsr.ALL);
    if (effective === ResetType.SwEmulated) {
      await this.halt();
      await applyEmulatedReset(this.resetContext());
      return effective;
    }
    const demcr = await this.memory.read32(DEMCR);
    await this.memory.write32(DEMCR, (demcr | Demcr.VC_CORERESET | Demcr.TRCENA) >>> 0);
    try {
      await resetBySignal(this.resetContext(), effective);
      await pollUntil(() => this.memory.read32(DHCSR), (v) => (v & Dhcsr.S_HALT) !== 0, {
        timeoutMs: this.options.resetTimeoutMs ?? DEFAULT_HALT_TIMEOUT_MS,
        what: 'the core to halt on the reset vector catch (DEMCR.VC_CORERESET)',
        tolerateErrors: true,
      });
    } finally {
      await this.memory.write32(DEMCR, (demcr | Demcr.TRCENA) >>> 0);
    }
    this.noteState(CoreState.Halted);
    return effective;
  }

  // --- vector catch ----------------------------------------------------------------------------

  /** Sets the DEMCR.VC_* bits to `mask` (VectorCatch values OR-ed); refuses catches the core lacks. */
  async setVectorCatch(mask: number): Promise<void> {
    const allowed = this.isBaseline ? VECTOR_CATCH_ALL_BASELINE : VECTOR_CATCH_ALL_V7;
    if (mask & ~allowed) {
      throw new CoreUnsupportedError(
        `Vector catch 0x${mask.toString(16)} asks for catches ${this.cpuid.architecture} does not implement (allowed: 0x${allowed.toString(16)})`,
      );
    }
    const demcr = await this.memory.read32(DEMCR);
    await this.memory.write32(DEMCR, ((demcr & ~VECTOR_CATCH_ALL_V7) | mask) >>> 0);
  }

  async getVectorCatch(): Promise<number> {
    return (await this.memory.read32(DEMCR)) & VECTOR_CATCH_ALL_V7;
  }

  // --- breakpoints and watchpoints -------------------------------------------------------------

  private units(): { fpb: FlashPatchBreakpointUnit; dwt: DwtWatchpoints } {
    if (!this.fpb || !this.dwt) throw new Error('Debug is not started on this core: call startDebug() first');
    return { fpb: this.fpb, dwt: this.dwt };
  }

  breakpoints(): Breakpoint[] {
    const hw = this.fpb?.addresses().map((address) => ({ address, type: BreakpointType.Hw })) ?? [];
    const sw = this.softwareBreakpoints.addresses().map((address) => ({ address, type: BreakpointType.Sw }));
    return [...hw, ...sw];
  }

  breakpointAt(address: number): Breakpoint | undefined {
    return this.breakpoints().find((b) => b.address === address >>> 0);
  }

  /** `auto` uses a comparator when one can reach the address and is free, else a BKPT in RAM. */
  async setBreakpoint(address: number, type: BreakpointType = BreakpointType.Auto): Promise<Breakpoint> {
    if (address & 1) throw new CoreUnsupportedError(`Breakpoint address ${formatAddress(address)} is not halfword aligned`);
    const { fpb } = this.units();
    const existing = this.breakpointAt(address);
    if (existing) return existing;
    const useHw = type === BreakpointType.Hw || (type === BreakpointType.Auto && fpb.canBreakAt(address) && fpb.freeComparators > 0);
    if (useHw) {
      await fpb.set(address);
      return { address: address >>> 0, type: BreakpointType.Hw };
    }
    await this.softwareBreakpoints.set(address);
    return { address: address >>> 0, type: BreakpointType.Sw };
  }

  async removeBreakpoint(address: number): Promise<boolean> {
    const { fpb } = this.units();
    return (await fpb.remove(address)) || (await this.softwareBreakpoints.remove(address));
  }

  private async liftBreakpoint(bp: Breakpoint): Promise<void> {
    if (bp.type === BreakpointType.Hw) await this.units().fpb.remove(bp.address);
    else await this.softwareBreakpoints.remove(bp.address);
  }

  private async restoreBreakpoint(bp: Breakpoint): Promise<void> {
    if (bp.type === BreakpointType.Hw) await this.units().fpb.set(bp.address);
    else await this.softwareBreakpoints.set(bp.address);
  }

  watchpoints(): Watchpoint[] {
    return this.dwt?.list() ?? [];
  }

  async setWatchpoint(address: number, size: number, type: WatchpointType): Promise<void> {
    await this.units().dwt.set(address, size, type);
  }

  async removeWatchpoint(address: number, size: number, type: WatchpointType): Promise<boolean> {
    return this.units().dwt.remove(address, size, type);
  }
}

function field(value: number, info: CoreRegisterInfo): number {
  if (info.bits === 32) return value >>> 0;
  return (value >>> info.shift) & ((1 << info.bits) - 1);
}
