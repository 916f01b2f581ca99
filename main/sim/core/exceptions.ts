import { BUS_ERROR } from '../bus/bus-types';
import type { Cpu } from './cpu';
import { Cfsr, Exception, Hfsr } from './fault-codes';

/**
 * The exception model: priorities, pending/active state, entry with stacking, return with
 * EXC_RETURN, fault escalation and lockup (ARMv7-M B1.5, ARMv6-M B1.5).
 */

/** Priority of an exception that cannot preempt anything ("no active exception", B1.5.4). */
const BASE_PRIORITY = 0x100;

export interface ExceptionListener {
  /**
   * After an exception entry completed: vector catch looks here (ARMv7-M C1.6.5). `derived` is
   * set for a fault raised by an exception entry or return (stacking, unstacking, vector read).
   */
  entered(exception: number, derived: boolean): void;
  /** The processor entered lockup (B1.5.15). */
  lockedUp(): void;
}

export class ExceptionUnit {
  readonly count: number;
  readonly pending: Uint8Array;
  readonly active: Uint8Array;
  /** NVIC ISER for IRQs; SHCSR MEMFAULTENA/BUSFAULTENA/USGFAULTENA for the configurable faults. */
  readonly enabled: Uint8Array;
  /** Raw 8-bit priority fields (only implemented bits kept). */
  readonly priority: Uint8Array;
  prigroup = 0;
  hfsr = 0;
  vtor = 0;
  /** CCR bits (B3.2.8): STKALIGN 9, BFHFNMIGN 8, DIV_0_TRP 4, UNALIGN_TRP 3, USERSETMPEND 1, NONBASETHRDENA 0. */
  ccr = 0;
  /** SCR bits (B3.2.7): SEVONPEND 4, SLEEPDEEP 2, SLEEPONEXIT 1. */
  scr = 0;
  lockup = false;
  /** The fault pended or taken because an exception entry or return failed, until it is entered. */
  private derivedFault = 0;
  listener!: ExceptionListener;
  /** DHCSR.C_MASKINTS with C_DEBUGEN: PendSV, SysTick and interrupts are masked (C1.6.2). */
  maskInterrupts: () => boolean = () => false;

  constructor(
    private readonly cpu: Cpu,
    irqCount: number,
  ) {
    this.count = Exception.Irq0 + irqCount;
    this.pending = new Uint8Array(this.count);
    this.active = new Uint8Array(this.count);
    this.enabled = new Uint8Array(this.count);
    this.priority = new Uint8Array(this.count);
  }

  /** Reset state of the exception model (B1.5.5 TakeReset; B3.2 register reset values). */
  reset(): void {
    this.pending.fill(0);
    this.active.fill(0);
    this.enabled.fill(0);
    this.priority.fill(0);
    for (const always of [Exception.Reset, Exception.Nmi, Exception.HardFault, Exception.SvCall, Exception.PendSv, Exception.SysTick]) {
      this.enabled[always] = 1;
    }
    if (!this.cpu.v7m) this.enabled[Exception.DebugMonitor] = 0;
    else this.enabled[Exception.DebugMonitor] = 1;
    this.prigroup = 0;
    this.hfsr = 0;
    this.vtor = 0;
    // STKALIGN resets to 1 on the M3 from r2p0 and on the M4; ARMv6-M always aligns to 8 bytes.
    this.ccr = this.cpu.v7m ? 1 << 9 : (1 << 9) | (1 << 3);
    this.applyCcr();
    this.scr = 0;
    this.lockup = false;
    this.derivedFault = 0;
  }

  applyCcr(): void {
    this.cpu.unalignTrap = (this.ccr & (1 << 3)) !== 0;
    this.cpu.divZeroTrap = (this.ccr & (1 << 4)) !== 0;
  }

  /** Group priority of a raw priority byte under PRIGROUP (B1.5.4). */
  groupPriority(raw: number): number {
    if (!this.cpu.v7m) return raw;
    const subBits = this.prigroup + 1;
    return raw & ~((1 << subBits) - 1) & 0xff;
  }

  exceptionPriority(exception: number): number {
    if (exception === Exception.Reset) return -3;
    if (exception === Exception.Nmi) return -2;
    if (exception === Exception.HardFault) return -1;
    return this.priority[exception]!;
  }

  /** ExecutionPriority() (B1.5.4): active exceptions and the PRIMASK/FAULTMASK/BASEPRI boosts. */
  executionPriority(): number {
    let highest = BASE_PRIORITY;
    const active = this.active;
    for (let e = 1; e < this.count; e++) {
      if (active[e] === 0) continue;
      const p = e <= Exception.HardFault ? this.exceptionPriority(e) : this.groupPriority(this.priority[e]!);
      if (p < highest) highest = p;
    }
    return Math.min(highest, this.boostedPriority());
  }

  private boostedPriority(): number {
    const c = this.cpu;
    if (c.faultmask !== 0) return -1;
    if (c.primask !== 0) return 0;
    if (c.basepri !== 0) return this.groupPriority(c.basepri);
    return BASE_PRIORITY;
  }

  /** The pending exception that would preempt now, or 0 (B1.5.4); `maskInterrupts` is DHCSR.C_MASKINTS. */
  preemptingException(maskInterrupts: boolean): number {
    let best = 0;
    let bestPriority = BASE_PRIORITY;
    const pending = this.pending;
    for (let e = 1; e < this.count; e++) {
      if (pending[e] === 0 || this.enabled[e] === 0) continue;
      // C_MASKINTS masks PendSV, SysTick and external interrupts while halting debug steps (C1.6.3).
      if (maskInterrupts && (e === Exception.PendSv || e === Exception.SysTick || e >= Exception.Irq0)) continue;
      const p = e <= Exception.HardFault ? this.exceptionPriority(e) : this.groupPriority(this.priority[e]!);
      if (p < bestPriority) {
        best = e;
        bestPriority = p;
      }
    }
    if (best === 0) return 0;
    return bestPriority < this.executionPriority() ? best : 0;
  }

  /** True when some exception is pending, whatever its priority (WFI wake-up with SEVONPEND aside). */
  anyPending(): boolean {
    for (let e = 1; e < this.count; e++) if (this.pending[e] !== 0 && this.enabled[e] !== 0) return true;
    return false;
  }

  setPending(exception: number): void {
    this.pending[exception] = 1;
    this.cpu.attention = 1;
  }

  /**
   * A synchronous fault or SVC raised by the current instruction: taken now, escalated to
   * HardFault when it cannot be (B1.5.4 "priority escalation"), or lockup from HardFault/NMI.
   */
  takeSynchronous(exception: number): void {
    const current = this.executionPriority();
    let target = exception;
    const configurable = exception !== Exception.HardFault && exception !== Exception.Nmi;
    if (configurable && (this.enabled[exception] === 0 || this.groupPriority(this.priority[exception]!) >= current)) {
      target = Exception.HardFault;
      this.hfsr |= exception === Exception.DebugMonitor ? Hfsr.DebugEvt : Hfsr.Forced;
    }
    if (target === Exception.HardFault && current <= -1) {
      this.enterLockup();
      return;
    }
    this.enter(target, this.cpu.pc);
  }

  /** Lockup (B1.5.15): PC reads 0xFFFFFFFE and nothing executes until reset, NMI or halt. */
  enterLockup(): void {
    this.lockup = true;
    this.cpu.pc = 0xfffffffe;
    this.listener.lockedUp();
  }

  /** Exception entry (B1.5.6 PushStack and ExceptionTaken). */
  enter(exception: number, returnAddress: number): void {
    const c = this.cpu;
    this.pending[exception] = 0;
    const fpFrame = c.hasFpu && (c.control & 4) !== 0;
    const frameSize = fpFrame ? 0x68 : 0x20;
    const forceAlign = !c.v7m || (this.ccr & (1 << 9)) !== 0;
    const sp = c.r[13]! >>> 0;
    const realign = forceAlign && (sp & 4) !== 0 ? 1 : 0;
    const frame = ((sp - frameSize) & (forceAlign ? ~7 : ~3)) >>> 0;
    const xpsr = (c.xpsr & ~(1 << 9)) | (realign << 9);
    const words = [c.r[0]!, c.r[1]!, c.r[2]!, c.r[3]!, c.r[12]!, c.r[14]!, returnAddress & ~1, xpsr];
    let stackError = false;
    for (let i = 0; i < words.length; i++) if (!c.rawWrite32(frame + 4 * i, words[i]!)) stackError = true;
    if (fpFrame) {
      for (let i = 0; i < 16; i++) if (!c.rawWrite32(frame + 0x20 + 4 * i, c.s[i]!)) stackError = true;
      if (!c.rawWrite32(frame + 0x60, c.fpscr)) stackError = true;
    }
    c.r[13] = frame | 0;
    const handler = c.ipsr !== 0;
    let excReturn = handler ? 0xfffffff1 : (c.control & 2) !== 0 ? 0xfffffffd : 0xfffffff9;
    if (fpFrame) excReturn &= ~0x10;
    c.r[14] = excReturn | 0;
    this.takeException(exception);
    if (stackError) {
      // A derived BusFault (STKERR) on stacking (B1.5.6 "exceptions on exception entry").
      if (c.v7m) c.cfsr |= Cfsr.StkErr;
      this.deriveFault(Exception.BusFault);
    }
  }

  /** ExceptionTaken (B1.5.6): fetch the vector, switch to Handler mode on MSP. */
  private takeException(exception: number): void {
    const c = this.cpu;
    const vector = c.rawRead32(this.vtor + 4 * exception);
    c.selectStack(exception, c.control & ~(2 | 4));
    c.itstate = 0;
    c.tbit = 1;
    c.exclusiveAddress = -1;
    this.active[exception] = 1;
    c.attention = 1;
    if (vector === BUS_ERROR) {
      this.hfsr |= Hfsr.VectTbl;
      if (exception === Exception.HardFault) {
        this.enterLockup();
        return;
      }
      this.active[exception] = 0;
      this.derivedFault = Exception.HardFault;
      this.takeException(Exception.HardFault);
      return;
    }
    c.pc = (vector & ~1) >>> 0;
    if ((vector & 1) === 0) c.tbit = 0;
    const derived = exception === this.derivedFault;
    if (derived) this.derivedFault = 0;
    this.listener.entered(exception, derived);
  }

  /** A fault raised during entry or return: pends it, or escalates (B1.5.14 derived exceptions). */
  private deriveFault(exception: number): void {
    const target = this.cpu.v7m && this.enabled[exception] !== 0 ? exception : Exception.HardFault;
    if (target === Exception.HardFault && target !== exception) this.hfsr |= Hfsr.Forced;
    this.derivedFault = target;
    this.pending[target] = 1;
    this.cpu.attention = 1;
  }

  /** Exception return (B1.5.8), from BXWritePC/LoadWritePC with an EXC_RETURN value. */
  exceptionReturn(excReturn: number): void {
    const c = this.cpu;
    const returning = c.ipsr;
    const low = excReturn & 0xf;
    const fpBitOk = c.hasFpu ? true : (excReturn & 0x10) !== 0;
    const validPattern = (excReturn & 0x0fffffe0) === 0x0fffffe0 && fpBitOk && (low === 1 || low === 9 || low === 0xd);
    if (!validPattern || this.active[returning] === 0) {
      this.invalidReturn(excReturn);
      return;
    }
    const toThread = low !== 1;
    if (toThread && (this.ccr & 1) === 0 && this.activeCount() > 1) {
      this.invalidReturn(excReturn);
      return;
    }
    this.active[returning] = 0;
    if (c.v7m && returning !== Exception.Nmi) c.faultmask = 0;
    // Tail-chaining (B1.5.12): a pending exception that would preempt the context being returned
    // to is taken at once, reusing the stacked frame and this EXC_RETURN.
    const chained = this.preemptingException(this.maskInterrupts());
    if (chained !== 0) {
      this.pending[chained] = 0;
      c.r[14] = excReturn | 0;
      this.takeException(chained);
      return;
    }
    const usePsp = low === 0xd;
    const ipsrAfter = toThread ? 0 : c.ipsr;
    c.selectStack(toThread ? 0 : ipsrAfter, usePsp ? c.control | 2 : c.control & ~2);
    const frame = c.r[13]! >>> 0;
    const fpFrame = c.hasFpu && (excReturn & 0x10) === 0;
    const values: number[] = [];
    let stackError = false;
    for (let i = 0; i < 8; i++) {
      const v = c.rawRead32(frame + 4 * i);
      if (v === BUS_ERROR) stackError = true;
      values.push(v | 0);
    }
    if (fpFrame) {
      for (let i = 0; i < 16; i++) c.s[i] = c.rawRead32(frame + 0x20 + 4 * i) | 0;
      c.fpscr = c.rawRead32(frame + 0x60) >>> 0;
    }
    if (stackError) {
      if (c.v7m) c.cfsr |= Cfsr.UnstkErr;
      c.ipsr = toThread ? 0 : c.ipsr;
      this.deriveFault(Exception.BusFault);
      return;
    }
    const psr = values[7]! >>> 0;
    const forceAlign = !c.v7m || (this.ccr & (1 << 9)) !== 0;
    const size = (fpFrame ? 0x68 : 0x20) + (forceAlign && (psr & (1 << 9)) !== 0 ? 4 : 0);
    for (let i = 0; i < 4; i++) c.r[i] = values[i]!;
    c.r[12] = values[4]!;
    c.r[14] = values[5]!;
    c.pc = (values[6]! & ~1) >>> 0;
    c.r[13] = (frame + size) | 0;
    c.xpsr = psr;
    c.ipsr = toThread ? 0 : psr & 0x1ff;
    c.control = fpFrame ? c.control | 4 : c.control & ~4;
    c.exclusiveAddress = -1;
    c.attention = 1;
    if (toThread && (this.scr & 2) !== 0) c.hooks.sleep('wfi');
  }

  private activeCount(): number {
    let n = 0;
    for (let e = 1; e < this.count; e++) n += this.active[e]!;
    return n;
  }

  /** An illegal EXC_RETURN: UsageFault INVPC on v7-M, HardFault on v6-M (B1.5.8). */
  private invalidReturn(excReturn: number): void {
    const c = this.cpu;
    c.log(`invalid EXC_RETURN 0x${excReturn.toString(16)} in exception ${c.ipsr}`);
    c.usageFault(Cfsr.InvPc);
  }

  /** AIRCR.VECTCLRACTIVE (B3.2.6): clears all active state and IPSR. */
  clearActive(): void {
    this.active.fill(0);
    this.cpu.selectStack(0, this.cpu.control);
    this.cpu.attention = 1;
  }
}
