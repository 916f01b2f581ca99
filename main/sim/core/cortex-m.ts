import { BUS_ERROR } from '../bus/bus-types';
import type { SystemBus } from '../bus/system-bus';
import type { VirtualClock } from '../clock/virtual-clock';
import { ComponentClass } from './component-id';
import { CORE_MODELS, type CoreModelName } from './core-models';
import { readCoreRegister, validRegsel, writeCoreRegister } from './core-registers';
import { Cpu, type Exec } from './cpu';
import { DebugRegisters } from './debug-registers';
import { DataWatchpointTrace } from './dwt';
import { ExceptionUnit } from './exceptions';
import { Cfsr, Demcr, Dfsr, Exception } from './fault-codes';
import { FlashPatchBreakpoint } from './fpb';
import { InstructionDecoder } from './instruction-decoder';
import { SystemControlSpace } from './system-control-space';
import { SysTick } from './systick';
import { IdentificationOnly, InstrumentationTrace, ProcessorRomTable, TracePortInterface } from './trace-components';

export type { CoreModelName } from './core-models';

/**
 * A simulated Cortex-M processor (runtime: plain Node): ARMv6-M or ARMv7-M execution, the
 * exception model, SysTick/NVIC, halting debug with FPB/BPU and DWT, on one virtual clock.
 */
export interface CortexMOptions {
  model: CoreModelName;
  bus: SystemBus;
  clock: VirtualClock;
  frequencyHz: number;
  /** External interrupt lines the board wires to the NVIC. */
  irqCount: number;
  /** Implemented priority bits (default: 2 on ARMv6-M, 3 on ARMv7-M as on the nRF52840). */
  priorityBits?: number;
  /** Guest errors and unsupported instructions; the loop never throws for these. */
  log?: (message: string) => void;
}

export interface CoreStatus {
  readonly halted: boolean;
  readonly sleeping: boolean;
  readonly lockup: boolean;
  readonly inReset: boolean;
}

/** Vector-catch bit of DEMCR for an exception entry (ARMv7-M C1.6.5). */
function vectorCatchBit(exception: number, cfsr: number): number {
  switch (exception) {
    case Exception.HardFault:
      return Demcr.VcHardErr;
    case Exception.MemManage:
      return Demcr.VcMmErr;
    case Exception.BusFault:
      return Demcr.VcBusErr;
    case Exception.UsageFault:
      if (cfsr & Cfsr.NoCp) return Demcr.VcNoCpErr;
      if (cfsr & (Cfsr.Unaligned | Cfsr.DivByZero)) return Demcr.VcChkErr;
      return Demcr.VcStatErr;
    default:
      return 0;
  }
}

export class CortexM {
  readonly model: CoreModelName;
  /** AIRCR.SYSRESETREQ: the board resets its peripherals, then calls systemReset(). */
  onSystemResetRequest?: () => void;
  /** ITM → TPIU (SWO) output bytes. */
  onTraceBytes?: (bytes: Uint8Array) => void;
  readonly status: CoreStatus;

  private readonly cpu: Cpu;
  private readonly clock: VirtualClock;
  private readonly exceptions: ExceptionUnit;
  private readonly debug: DebugRegisters;
  private readonly systick: SysTick;
  private readonly scs: SystemControlSpace;
  private readonly fpb: FlashPatchBreakpoint;
  private readonly dwt: DataWatchpointTrace;
  private readonly itm?: InstrumentationTrace;
  private readonly tpiu?: TracePortInterface;
  private readonly decoder: InstructionDecoder;

  private periodNs: number;
  private halted = false;
  private sleeping = false;
  private inReset = false;
  private stepping = false;
  private executing = false;
  private pendingSystemReset = false;
  private pendingLocalReset = false;
  /** Time and cycle count at the start of the current execution batch. */
  private batchTime = 0;
  private batchCycles = 0;
  /** Incremented by every exception return, so the IT advance can tell it was replaced. */
  private returns = 0;

  constructor(options: CortexMOptions) {
    const model = CORE_MODELS[options.model];
    if (model === undefined) throw new Error(`CortexM: unknown model '${String(options.model)}'`);
    if (!(options.frequencyHz > 0)) throw new Error(`CortexM: frequencyHz must be positive (got ${options.frequencyHz})`);
    if (!Number.isInteger(options.irqCount) || options.irqCount < 0 || options.irqCount > 496) {
      throw new Error(`CortexM: irqCount must be an integer 0..496 (got ${options.irqCount})`);
    }
    this.model = options.model;
    this.clock = options.clock;
    this.periodNs = 1e9 / options.frequencyHz;
    const log = options.log ?? (() => undefined);
    const cpu = new Cpu(model, options.bus, log);
    this.cpu = cpu;
    const bits = options.priorityBits ?? (model.architecture === 'v6m' ? 2 : 3);
    cpu.priorityMask = (0xff << (8 - bits)) & 0xff;
    this.exceptions = new ExceptionUnit(cpu, options.irqCount);
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.debug = new DebugRegisters(cpu, {
      get halted() {
        return self.halted;
      },
      get sleeping() {
        return self.sleeping;
      },
      get lockup() {
        return self.exceptions.lockup;
      },
      get inReset() {
        return self.inReset;
      },
      halt: (reason) => this.halt(reason),
      resume: (step) => this.resume(step),
      get retiredInstructions() {
        return self.cpu.retired;
      },
    });
    this.systick = new SysTick(
      () => cpu.cycles,
      () => this.exceptions.setPending(Exception.SysTick),
    );
    this.scs = new SystemControlSpace(cpu, this.exceptions, this.debug, this.systick, options.irqCount, {
      systemResetRequest: () => this.requestReset(false),
      localReset: () => this.requestReset(true),
      coprocessorAccessChanged: () => {
        const cp10 = (this.scs.coprocessorAccess >>> 20) & 3;
        cpu.fpuEnabled = cp10 === 1 || cp10 === 3;
      },
      // CYCCNT stops while DEMCR.TRCENA is clear (ARMv7-M C1.6.5, C1.8.8): latch it at the change.
      demcrWriting: () => this.dwt.latchCycleCounter(),
    });
    this.fpb = new FlashPatchBreakpoint(model, () => this.debugUnitsChanged());
    this.dwt = new DataWatchpointTrace(
      model,
      () => cpu.cycles,
      () => this.debug.traceEnabled,
      () => this.watchpointEvent(),
      () => this.debugUnitsChanged(),
    );
    this.decoder = new InstructionDecoder(cpu, this.fpb, this.dwt, () => this.halted);
    this.exceptions.maskInterrupts = () => this.debug.debugEnabled && this.debug.maskInterrupts;
    this.exceptions.listener = {
      entered: (exception, derived) => this.exceptionEntered(exception, derived),
      lockedUp: () => {
        cpu.attention = 1;
        this.sleeping = false;
      },
    };
    cpu.hooks = {
      exceptionReturn: (value) => {
        this.returns++;
        this.exceptions.exceptionReturn(value);
      },
      watchData: (address, width, isWrite) => this.dwt.dataAccess(address, width, isWrite),
      remapLiteral: (address) => this.fpb.remapLiteral(address),
      priorityChanged: () => {
        cpu.attention = 1;
      },
      sleep: (kind) => this.sleep(kind),
      sendEvent: () => {
        cpu.eventRegister = 1;
      },
      breakpoint: () => this.breakpoint(),
    };

    const bus = options.bus;
    bus.map(0xe000e000, 0x1000, this.scs);
    bus.map(0xe0001000, 0x1000, this.dwt);
    bus.map(0xe0002000, 0x1000, this.fpb);
    if (model.hasItm) {
      this.itm = new InstrumentationTrace(model, () => this.debug.traceEnabled, (bytes) => this.onTraceBytes?.(bytes));
      this.tpiu = new TracePortInterface(model.pid.tpiu!);
      bus.map(0xe0000000, 0x1000, this.itm);
      bus.map(0xe0040000, 0x1000, this.tpiu);
    }
    if (model.hasEtm) bus.map(0xe0041000, 0x1000, new IdentificationOnly('ETM', model.pid.etm!, ComponentClass.CoreSight));
    bus.map(0xe00ff000, 0x1000, new ProcessorRomTable(model));

    this.status = {
      get halted() {
        return self.halted;
      },
      get sleeping() {
        return self.sleeping;
      },
      get lockup() {
        return self.exceptions.lockup;
      },
      get inReset() {
        return self.inReset;
      },
    };
  }

  get retiredInstructions(): number {
    return this.cpu.retired;
  }

  // ---- resets --------------------------------------------------------------------------

  /** Power-on reset: the core, the system registers and the debug logic (ARMv7-M B1.5.5, C1.4). */
  powerOnReset(): void {
    this.debug.powerOnReset();
    this.fpb.reset();
    this.dwt.reset();
    this.itm?.reset();
    this.tpiu?.reset();
    this.halted = false;
    this.stepping = false;
    this.coreReset();
  }

  /**
   * System reset (SYSRESETREQ, nRESET): the core and the SCS, keeping the debug logic —
   * DHCSR.C_DEBUGEN, DEMCR, FPB and DWT (ARMv7-M B1.5.5, C1.6).
   */
  systemReset(): void {
    this.coreReset();
  }

  /**
   * The EDBGRQ input, an external debug request (ARMv7-M C1.6.1 and C1.7; ARMv6-M C1.6.1): with
   * halting debug enabled the core halts and DFSR.EXTERNAL is set; otherwise the request is
   * ignored, as the DebugMonitor is not raised by it in this model.
   */
  externalDebugRequest(): void {
    if (this.debug.debugEnabled) this.halt(Dfsr.External);
  }

  /** External nRESET: held in reset while asserted, reset taken on release. */
  setResetPin(asserted: boolean): void {
    if (asserted === this.inReset) return;
    this.inReset = asserted;
    if (asserted) {
      this.sleeping = false;
      this.debug.noteReset();
    } else {
      this.coreReset();
    }
  }

  private requestReset(local: boolean): void {
    if (local) this.pendingLocalReset = true;
    else this.pendingSystemReset = true;
    this.cpu.attention = 1;
    if (!this.executing) this.processResetRequests();
  }

  private processResetRequests(): void {
    if (this.pendingSystemReset) {
      this.pendingSystemReset = false;
      this.pendingLocalReset = false;
      if (this.onSystemResetRequest !== undefined) this.onSystemResetRequest();
      else this.systemReset();
    } else if (this.pendingLocalReset) {
      this.pendingLocalReset = false;
      this.coreReset();
    }
  }

  /** TakeReset (ARMv7-M B1.5.5): SCS to reset values, SP and PC from the vector table at 0. */
  private coreReset(): void {
    const c = this.cpu;
    c.r.fill(0);
    c.otherSp = 0;
    c.control = 0;
    c.ipsr = 0;
    c.primask = 0;
    c.faultmask = 0;
    c.basepri = 0;
    c.apsr = 0;
    c.itstate = 0;
    c.tbit = 1;
    c.cfsr = 0;
    c.bfar = 0;
    c.mmfar = 0;
    c.fpscr = 0;
    c.s.fill(0);
    c.exclusiveAddress = -1;
    c.eventRegister = 0;
    this.exceptions.reset();
    this.exceptions.enabled[Exception.DebugMonitor] = this.cpu.v7m && (this.debug.demcr & Demcr.MonEn) !== 0 ? 1 : 0;
    this.systick.reset();
    this.scs.reset();
    this.sleeping = false;
    this.stepping = false;
    this.halted = false;
    this.debug.noteReset();
    c.r[14] = -1;
    const sp = c.rawRead32(0);
    const pc = c.rawRead32(4);
    if (sp === BUS_ERROR || pc === BUS_ERROR) {
      c.log('reset: the vector table at 0x00000000 cannot be read');
      this.exceptions.enterLockup();
      return;
    }
    c.r[13] = sp & ~3;
    c.pc = (pc & ~1) >>> 0;
    c.tbit = pc & 1;
    c.attention = 1;
    // DEMCR.VC_CORERESET halts before the first instruction of the reset handler (C1.6.5).
    if (this.debug.debugEnabled && (this.debug.demcr & Demcr.VcCoreReset) !== 0) this.halt(Dfsr.VCatch);
  }

  // ---- debug state -----------------------------------------------------------------------

  private halt(reason: Dfsr): void {
    this.debug.dfsr |= reason;
    if (this.halted) return;
    // Entering Debug state exits lockup (ARMv7-M B1.5.15 and C1.6.2: DHCSR.S_LOCKUP clears when
    // the processor enters Debug state; ARMv6-M B1.5.15 and C1.6.2 alike). PC keeps 0xFFFFFFFE
    // for the debugger to change.
    this.exceptions.lockup = false;
    this.halted = true;
    this.sleeping = false;
    this.stepping = false;
    this.cpu.attention = 1;
  }

  private resume(step: boolean): void {
    this.halted = false;
    this.stepping = step;
    this.cpu.attention = 1;
  }

  /** BKPT or an FPB breakpoint (ARMv7-M C1.7): halt, DebugMonitor, or HardFault escalation. */
  private breakpoint(): never {
    const c = this.cpu;
    if (this.debug.debugEnabled) {
      this.halt(Dfsr.Bkpt);
      c.abort.exception = 0;
      throw c.abort;
    }
    this.debug.dfsr |= Dfsr.Bkpt;
    return c.raise(c.v7m ? Exception.DebugMonitor : Exception.HardFault);
  }

  /** A DWT watchpoint event: halts when halting debug is enabled, otherwise ignored (C1.8.1). */
  private watchpointEvent(): void {
    if (this.debug.debugEnabled) this.halt(Dfsr.DwtTrap);
  }

  private debugUnitsChanged(): void {
    this.cpu.invalidateAllCode();
    this.decoder.breakpointsActive = this.fpb.active || this.dwt.pcMatchActive;
    this.cpu.setDataSlowOnly(this.dwt.dataWatchActive || this.fpb.literalRemapActive);
  }

  private exceptionEntered(exception: number, derived: boolean): void {
    // VC_INTERR: a fault on exception entry or return (stacking, unstacking, vector read) halts
    // at the handler of the derived fault (ARMv7-M C1.6.5; Cortex-M3 TRM DDI 0337, DEMCR).
    const interr = derived && this.cpu.v7m ? Demcr.VcIntErr : 0;
    const bit = vectorCatchBit(exception, this.cpu.cfsr) | interr;
    if (this.debug.debugEnabled && bit !== 0 && (this.debug.demcr & bit) !== 0) this.halt(Dfsr.VCatch);
  }

  // ---- sleep ----------------------------------------------------------------------------

  private sleep(kind: 'wfi' | 'wfe'): void {
    const c = this.cpu;
    if (kind === 'wfe' && c.eventRegister !== 0) {
      c.eventRegister = 0;
      return;
    }
    if (this.wakeUpCondition(kind)) return;
    this.sleeping = true;
    c.attention = 1;
  }

  /** WFI wakes on a pending exception that would preempt if PRIMASK were clear (B1.5.19). */
  private wakeUpCondition(kind: 'wfi' | 'wfe'): boolean {
    const c = this.cpu;
    if (kind === 'wfe' && c.eventRegister !== 0) return true;
    const primask = c.primask;
    c.primask = 0;
    const wake = this.exceptions.preemptingException(false) !== 0;
    c.primask = primask;
    if (wake) return true;
    return kind === 'wfe' && (this.exceptions.scr & 0x10) !== 0 && this.exceptions.anyPending();
  }

  // ---- execution ---------------------------------------------------------------------------

  /**
   * Handles what `attention` flagged: reset requests, INVSTATE, preemption, sleep and halt.
   * Returns true when the core may execute instructions now.
   */
  private service(): boolean {
    const c = this.cpu;
    c.attention = 0;
    if (this.pendingSystemReset || this.pendingLocalReset) this.processResetRequests();
    if (this.inReset || this.halted) return false;
    const exc = this.exceptions;
    if (exc.lockup) {
      if (exc.pending[Exception.Nmi] !== 0) {
        exc.lockup = false;
        exc.enter(Exception.Nmi, c.pc);
        return !this.halted;
      }
      return false;
    }
    if (this.sleeping) {
      if (!this.wakeUpCondition('wfi') && c.eventRegister === 0) return false;
      this.sleeping = false;
      c.eventRegister = 0;
    }
    const maskInts = this.debug.debugEnabled && this.debug.maskInterrupts;
    for (let guard = 0; guard < 8; guard++) {
      const preempting = exc.preemptingException(maskInts);
      if (preempting === 0) break;
      exc.enter(preempting, c.pc);
      if (this.halted || exc.lockup) return false;
      if (this.stepping) {
        this.stepping = false;
        this.halt(Dfsr.Halted);
        return false;
      }
    }
    if (c.tbit === 0) {
      // Executing with EPSR.T clear: INVSTATE UsageFault, or HardFault on v6-M (A2.3.1).
      if (c.v7m) c.cfsr |= Cfsr.InvState;
      this.exceptions.takeSynchronous(c.v7m ? Exception.UsageFault : Exception.HardFault);
      c.attention = 1;
      return this.service();
    }
    return !this.halted && !this.sleeping;
  }

  /**
   * The fast loop: execute until `cycleLimit` or until something needs `service()`. Instructions
   * inside an IT block take the slower conditional path one at a time.
   */
  private execute(cycleLimit: number): void {
    const c = this.cpu;
    const decoder = this.decoder;
    for (;;) {
      let retired = 0;
      try {
        for (;;) {
          if (c.attention !== 0 || c.cycles >= cycleLimit) {
            c.retired += retired;
            return;
          }
          if (c.itstate !== 0) {
            const pc = c.pc;
            this.executeConditional(decoder.lookup(pc), pc);
            c.cycles++;
            retired++;
            continue;
          }
          c.limit = cycleLimit;
          let base = decoder.codeBase;
          let size = decoder.codeSize;
          let code = decoder.code;
          while (c.cycles < c.limit) {
            const pc = c.pc;
            const offset = (pc - base) >>> 0;
            let fn = offset < size ? code[offset >>> 1] : undefined;
            if (fn === undefined) {
              fn = decoder.lookup(pc);
              base = decoder.codeBase;
              size = decoder.codeSize;
              code = decoder.code;
            }
            fn(c);
            c.cycles++;
            retired++;
          }
        }
      } catch (error) {
        c.retired += retired;
        if (error !== c.abort) throw error;
        this.abortTaken();
        if (this.stepping) return;
      }
    }
  }

  /** An instruction inside an IT block: executed or skipped by its condition, then ITAdvance (A7.3.3). */
  private executeConditional(fn: Exec, pc: number): void {
    const c = this.cpu;
    const it = c.itstate;
    const returns = this.returns;
    if (c.conditionPassed(it >>> 4)) fn(c);
    else c.pc = (pc + this.decoder.instructionSize(pc)) >>> 0;
    if (this.returns !== returns) return;
    c.itstate = (it & 7) === 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f);
  }

  /** The current instruction was abandoned: a fault, SVC, or a debug halt (exception 0). */
  private abortTaken(): void {
    const c = this.cpu;
    const exception = c.abort.exception;
    if (exception === 0) return;
    if (exception === Exception.SvCall) {
      const it = c.itstate;
      if (it !== 0) c.itstate = (it & 7) === 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f);
      c.cycles++;
      c.retired++;
    }
    this.exceptions.takeSynchronous(exception);
  }

  /** Execute, firing clock events in order, until the clock reaches `timeNs`. */
  runUntil(timeNs: number): void {
    const clock = this.clock;
    const c = this.cpu;
    while (clock.now < timeNs) {
      const runnable = this.service();
      const now = clock.now;
      const limit = Math.min(timeNs, clock.nextEventTime());
      if (limit <= now) {
        clock.advanceTo(now);
        continue;
      }
      if (!runnable) {
        this.idleUntil(limit);
        continue;
      }
      const startCycles = c.cycles;
      let cycleLimit = startCycles + Math.max(1, Math.ceil((limit - now) / this.periodNs));
      const wrap = this.systick.nextWrapAfter(startCycles);
      if (wrap < cycleLimit) cycleLimit = wrap;
      if (this.stepping) cycleLimit = startCycles + 1;
      this.batchTime = now;
      this.batchCycles = startCycles;
      this.executing = true;
      try {
        this.execute(cycleLimit);
      } finally {
        this.executing = false;
      }
      if (this.stepping && !this.halted) {
        this.stepping = false;
        this.halt(Dfsr.Halted);
      }
      this.systick.update();
      clock.advanceTo(this.batchTime + (c.cycles - this.batchCycles) * this.periodNs);
    }
  }

  /** Halted, in reset or locked up: time passes with no cycles; sleeping: the core clock runs on. */
  private idleUntil(limit: number): void {
    const clock = this.clock;
    const c = this.cpu;
    if (this.sleeping && !this.halted && !this.inReset) {
      const now = clock.now;
      const wrap = this.systick.nextWrapAfter(c.cycles);
      const wrapTime = now + (wrap - c.cycles) * this.periodNs;
      const until = Math.min(limit, wrapTime);
      c.cycles += Math.max(0, Math.ceil((until - now) / this.periodNs - 1e-9));
      this.systick.update();
      clock.advanceTo(until);
      return;
    }
    clock.advanceTo(limit);
  }

  /** Exactly one instruction, or one exception entry, whatever the debug state. */
  step(): void {
    const c = this.cpu;
    const now = this.clock.now;
    const startCycles = c.cycles;
    if (this.pendingSystemReset || this.pendingLocalReset) this.processResetRequests();
    if (this.inReset || this.exceptions.lockup) return;
    this.sleeping = false;
    const maskInts = this.debug.debugEnabled && this.debug.maskInterrupts;
    const preempting = this.exceptions.preemptingException(maskInts);
    this.batchTime = now;
    this.batchCycles = startCycles;
    this.executing = true;
    try {
      if (preempting !== 0) {
        this.exceptions.enter(preempting, c.pc);
      } else if (c.tbit === 0) {
        if (c.v7m) c.cfsr |= Cfsr.InvState;
        this.exceptions.takeSynchronous(c.v7m ? Exception.UsageFault : Exception.HardFault);
      } else {
        this.executeOne();
      }
    } finally {
      this.executing = false;
    }
    this.sleeping = false;
    this.systick.update();
    this.clock.advanceTo(this.batchTime + (c.cycles - this.batchCycles) * this.periodNs);
  }

  private executeOne(): void {
    const c = this.cpu;
    const pc = c.pc;
    try {
      const fn = this.decoder.lookup(pc);
      if (c.itstate === 0) fn(c);
      else this.executeConditional(fn, pc);
      c.cycles++;
      c.retired++;
    } catch (error) {
      if (error !== c.abort) throw error;
      this.abortTaken();
    }
  }

  /** A bus slave makes the current core access wait until `timeNs`: the core clock runs on. */
  stallUntil(timeNs: number): void {
    if (!this.executing) return;
    const coreNow = this.batchTime + (this.cpu.cycles - this.batchCycles) * this.periodNs;
    if (timeNs <= coreNow) return;
    this.cpu.cycles += Math.ceil((timeNs - coreNow) / this.periodNs);
    this.cpu.attention = 1;
  }

  setIrqPending(irq: number): void {
    if (irq < 0 || Exception.Irq0 + irq >= this.exceptions.count) {
      this.cpu.log(`setIrqPending: IRQ ${irq} is not wired (irqCount ${this.exceptions.count - Exception.Irq0})`);
      return;
    }
    this.exceptions.setPending(Exception.Irq0 + irq);
    if ((this.exceptions.scr & 0x10) !== 0) this.cpu.eventRegister = 1;
  }

  setFrequency(hz: number): void {
    if (!(hz > 0)) throw new Error(`CortexM.setFrequency: frequency must be positive (got ${hz})`);
    if (this.executing) {
      this.batchTime += (this.cpu.cycles - this.batchCycles) * this.periodNs;
      this.batchCycles = this.cpu.cycles;
      this.cpu.attention = 1;
    }
    this.periodNs = 1e9 / hz;
  }

  readRegister(regsel: number): number {
    if (!validRegsel(this.cpu, regsel)) throw new Error(`CortexM.readRegister: no register ${regsel} on ${this.model}`);
    return readCoreRegister(this.cpu, regsel);
  }

  writeRegister(regsel: number, value: number): void {
    if (!validRegsel(this.cpu, regsel)) throw new Error(`CortexM.writeRegister: no register ${regsel} on ${this.model}`);
    writeCoreRegister(this.cpu, regsel, value);
    this.cpu.attention = 1;
  }
}
