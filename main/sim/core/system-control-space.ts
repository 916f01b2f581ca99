import { type AccessWidth, BUS_ERROR, BusMaster, type BusSlave } from '../bus/bus-types';
import { ComponentClass, componentIdRegister } from './component-id';
import type { Cpu } from './cpu';
import type { DebugRegisters } from './debug-registers';
import type { ExceptionUnit } from './exceptions';
import { Exception } from './fault-codes';
import type { SysTick } from './systick';

/**
 * The System Control Space at 0xE000E000 (ARMv7-M B3.2, ARMv6-M B3.2): SCB, NVIC (B3.4),
 * SysTick (B3.3), the debug registers (C1.6) and, on the M4F, the FP registers (B3.2.20-B3.2.23).
 * Registers are word registers; v7-M allows byte and halfword access to the priority and fault
 * status registers, handled here by read-merge-write.
 */

/** Requests the SCS forwards to the processor. */
export interface ScsActions {
  /** AIRCR.SYSRESETREQ (B3.2.6). */
  systemResetRequest(): void;
  /** AIRCR.VECTRESET, v7-M only (B3.2.6). */
  localReset(): void;
  /** CPACR changed: the FPU may have been enabled (B3.2.20). */
  coprocessorAccessChanged(): void;
  /** DEMCR is about to be written: TRCENA gates the DWT cycle counter (C1.6.5, C1.8.8). */
  demcrWriting(): void;
}

const VECTKEY = 0x05fa;
const VECTKEYSTAT = 0xfa05;

/** ID_PFR0..ID_ISAR4 at 0xD40-0xD70 (B4.1.x): M3 and M4 values from their TRMs. */
const ID_REGISTERS_M3 = [0x30, 0x200, 0x100000, 0, 0x00100030, 0, 0x01000000, 0, 0x01101110, 0x02111000, 0x21112231, 0x01111110, 0x01310102];
const ID_REGISTERS_M4 = [0x30, 0x200, 0x100000, 0, 0x00100030, 0, 0x01000000, 0, 0x01101110, 0x02112000, 0x21232231, 0x01111131, 0x01310132];

export class SystemControlSpace implements BusSlave {
  readonly name = 'SCS';
  private cpacr = 0;
  private fpccr = 0xc0000000;
  private fpcar = 0;
  private fpdscr = 0;

  constructor(
    private readonly cpu: Cpu,
    private readonly exceptions: ExceptionUnit,
    private readonly debug: DebugRegisters,
    private readonly systick: SysTick,
    private readonly irqCount: number,
    private readonly actions: ScsActions,
  ) {}

  reset(): void {
    this.cpacr = 0;
    this.fpccr = 0xc0000000;
    this.fpcar = 0;
    this.fpdscr = 0;
    this.cpu.fpuEnabled = false;
  }

  private unprivilegedCore(master: BusMaster, offset: number): boolean {
    // Unprivileged software reaches only STIR, and only with CCR.USERSETMPEND (B3.2.8, B3.4.7).
    if (master !== BusMaster.Core || this.cpu.privileged) return false;
    return !(offset === 0xf00 && (this.exceptions.ccr & 2) !== 0);
  }

  read(offset: number, width: AccessWidth, master: BusMaster): number {
    if (this.unprivilegedCore(master, offset)) return BUS_ERROR;
    const word = this.readWord(offset & ~3);
    if (word === undefined) return BUS_ERROR;
    if (width === 4) return word >>> 0;
    const shift = 8 * (offset & 3);
    return (word >>> shift) & (width === 2 ? 0xffff : 0xff);
  }

  write(offset: number, width: AccessWidth, value: number, master: BusMaster): boolean {
    if (this.unprivilegedCore(master, offset)) return false;
    const aligned = offset & ~3;
    let word = value >>> 0;
    if (width !== 4) {
      const shift = 8 * (offset & 3);
      const mask = (width === 2 ? 0xffff : 0xff) << shift;
      // Write-one-to-clear registers must not see the other bytes as ones.
      const w1c = aligned === 0xd28 || aligned === 0xd2c || aligned === 0xd30;
      const current = w1c ? 0 : (this.peekWord(aligned) ?? 0);
      word = ((current & ~mask) | ((value << shift) & mask)) >>> 0;
    }
    return this.writeWord(aligned, word, master);
  }

  /** Reads without side effects for read-merge-write (ignores the COUNTFLAG/sticky clears). */
  private peekWord(offset: number): number | undefined {
    if (offset >= 0x400 && offset < 0x400 + this.irqCount) return this.readWord(offset);
    if (offset >= 0xd18 && offset <= 0xd20) return this.readWord(offset);
    return 0;
  }

  private readWord(offset: number): number | undefined {
    const cpu = this.cpu;
    const exc = this.exceptions;
    const v7m = cpu.v7m;
    if (offset >= 0x100 && offset < 0x500) return this.readNvic(offset);
    switch (offset) {
      case 0x004:
        return v7m ? Math.max(0, Math.ceil(this.irqCount / 32) - 1) : undefined;
      case 0x008:
        return v7m ? 0 : undefined;
      case 0x010:
        return this.systick.readCsr();
      case 0x014:
        return this.systick.readRvr();
      case 0x018:
        return this.systick.readCvr();
      case 0x01c:
        return this.systick.readCalib();
      case 0xd00:
        return cpu.model.cpuid;
      case 0xd04:
        return this.readIcsr();
      case 0xd08:
        return cpu.model.hasVtor ? exc.vtor : undefined;
      case 0xd0c:
        return ((VECTKEYSTAT << 16) | (v7m ? exc.prigroup << 8 : 0)) >>> 0;
      case 0xd10:
        return exc.scr;
      case 0xd14:
        return exc.ccr;
      case 0xd18:
        return v7m ? this.priorityWord(4) : undefined;
      case 0xd1c:
        return this.priorityWord(8);
      case 0xd20:
        return this.priorityWord(12);
      case 0xd24:
        return this.readShcsr();
      case 0xd28:
        return v7m ? cpu.cfsr : undefined;
      case 0xd2c:
        return v7m ? exc.hfsr : undefined;
      case 0xd30:
        return this.debug.dfsr;
      case 0xd34:
        return v7m ? cpu.mmfar : undefined;
      case 0xd38:
        return v7m ? cpu.bfar : undefined;
      case 0xd3c:
        return v7m ? 0 : undefined;
      case 0xd88:
        return v7m ? this.cpacr : undefined;
      case 0xd90:
        // MPU_TYPE: no MPU is modeled (DREGION = 0, B3.5.5).
        return v7m ? 0 : undefined;
      case 0xdf0:
        return this.debug.readDhcsr();
      case 0xdf4:
        return 0;
      case 0xdf8:
        return this.debug.dcrdr;
      case 0xdfc:
        return this.debug.demcr;
      case 0xf00:
        return v7m ? 0 : undefined;
    }
    if (offset >= 0xd40 && offset <= 0xd70 && v7m) {
      const table = cpu.hasDsp ? ID_REGISTERS_M4 : ID_REGISTERS_M3;
      return table[(offset - 0xd40) >> 2];
    }
    if (cpu.hasFpu) {
      switch (offset) {
        case 0xf34:
          return this.fpccr;
        case 0xf38:
          return this.fpcar;
        case 0xf3c:
          return this.fpdscr;
        case 0xf40:
          return 0x10110021;
        case 0xf44:
          return 0x11000011;
      }
    }
    return componentIdRegister(offset, cpu.model.pid.scs, ComponentClass.GenericIp);
  }

  private writeWord(offset: number, value: number, master: BusMaster): boolean {
    const cpu = this.cpu;
    const exc = this.exceptions;
    const v7m = cpu.v7m;
    if (offset >= 0x100 && offset < 0x500) return this.writeNvic(offset, value);
    switch (offset) {
      case 0x010:
        this.systick.writeCsr(value);
        return true;
      case 0x014:
        this.systick.writeRvr(value);
        return true;
      case 0x018:
        this.systick.writeCvr();
        return true;
      case 0xd04:
        this.writeIcsr(value);
        return true;
      case 0xd08:
        if (!cpu.model.hasVtor) return true;
        exc.vtor = (value & (v7m ? 0x3fffff80 : 0xffffff80)) >>> 0;
        return true;
      case 0xd0c:
        this.writeAircr(value, master);
        return true;
      case 0xd10:
        exc.scr = value & 0x16;
        return true;
      case 0xd14:
        // v6-M: CCR is read-only (STKALIGN and UNALIGN_TRP fixed at 1).
        if (v7m) {
          exc.ccr = value & 0x31b;
          exc.applyCcr();
        }
        return true;
      case 0xd18:
        if (v7m) this.writePriorityWord(4, value);
        return true;
      case 0xd1c:
        this.writePriorityWord(8, value);
        return true;
      case 0xd20:
        this.writePriorityWord(12, value);
        return true;
      case 0xd24:
        this.writeShcsr(value);
        return true;
      case 0xd28:
        if (v7m) cpu.cfsr &= ~value;
        return true;
      case 0xd2c:
        if (v7m) exc.hfsr &= ~value;
        return true;
      case 0xd30:
        this.debug.writeDfsr(value);
        return true;
      case 0xd34:
        if (v7m) cpu.mmfar = value >>> 0;
        return true;
      case 0xd38:
        if (v7m) cpu.bfar = value >>> 0;
        return true;
      case 0xd88:
        if (v7m && cpu.hasFpu) {
          this.cpacr = value & 0x00f00000;
          this.actions.coprocessorAccessChanged();
        }
        return true;
      case 0xdf0:
        this.debug.writeDhcsr(value, master);
        return true;
      case 0xdf4:
        this.debug.writeDcrsr(value);
        return true;
      case 0xdf8:
        this.debug.dcrdr = value >>> 0;
        return true;
      case 0xdfc:
        this.actions.demcrWriting();
        this.debug.writeDemcr(value);
        exc.enabled[Exception.DebugMonitor] = v7m && (value & (1 << 16)) !== 0 ? 1 : 0;
        return true;
      case 0xf00:
        if (v7m && (value & 0x1ff) < this.irqCount) exc.setPending(Exception.Irq0 + (value & 0x1ff));
        return true;
    }
    if (cpu.hasFpu) {
      switch (offset) {
        case 0xf34:
          this.fpccr = (value & 0xc0000001) | (this.fpccr & 0x1fe);
          return true;
        case 0xf38:
          this.fpcar = value & ~7;
          return true;
        case 0xf3c:
          this.fpdscr = value & 0x07c00000;
          return true;
      }
    }
    return this.readWord(offset) !== undefined;
  }

  /** CPACR CP10/CP11 (bits 23:20): privileged or full access enables the FPU (B3.2.20). */
  get coprocessorAccess(): number {
    return this.cpacr;
  }

  private readIcsr(): number {
    const exc = this.exceptions;
    const cpu = this.cpu;
    let pendingVector = 0;
    let bestPriority = 0x200;
    for (let e = 2; e < exc.count; e++) {
      if (exc.pending[e] === 0 || exc.enabled[e] === 0) continue;
      const p = exc.exceptionPriority(e);
      if (p < bestPriority) {
        bestPriority = p;
        pendingVector = e;
      }
    }
    let activeOthers = 0;
    for (let e = 1; e < exc.count; e++) if (exc.active[e] !== 0 && e !== cpu.ipsr) activeOthers++;
    let isrPending = false;
    for (let e = Exception.Irq0; e < exc.count; e++) if (exc.pending[e] !== 0) isrPending = true;
    let value = cpu.ipsr | (pendingVector << 12);
    if (activeOthers === 0 && cpu.v7m) value |= 1 << 11;
    if (isrPending) value |= 1 << 22;
    if (exc.pending[Exception.SysTick]) value |= 1 << 26;
    if (exc.pending[Exception.PendSv]) value |= 1 << 28;
    if (exc.pending[Exception.Nmi]) value |= 1 << 31;
    return value >>> 0;
  }

  private writeIcsr(value: number): void {
    const exc = this.exceptions;
    if (value & (1 << 31)) exc.setPending(Exception.Nmi);
    if (value & (1 << 28)) exc.setPending(Exception.PendSv);
    else if (value & (1 << 27)) exc.pending[Exception.PendSv] = 0;
    if (value & (1 << 26)) exc.setPending(Exception.SysTick);
    else if (value & (1 << 25)) exc.pending[Exception.SysTick] = 0;
  }

  private writeAircr(value: number, master: BusMaster): void {
    if (value >>> 16 !== VECTKEY) return;
    const exc = this.exceptions;
    if (this.cpu.v7m) {
      exc.prigroup = (value >>> 8) & 7;
      this.cpu.attention = 1;
    }
    // VECTCLRACTIVE is for a debugger with the core halted (B3.2.6); VECTRESET exists on v7-M only.
    if ((value & 2) !== 0 && master === BusMaster.Debug) exc.clearActive();
    if ((value & 1) !== 0 && this.cpu.v7m) this.actions.localReset();
    else if ((value & 4) !== 0) this.actions.systemResetRequest();
  }

  /** SHPR1-3 (B3.2.10-B3.2.12): the four priority bytes of exceptions base..base+3. */
  private priorityWord(base: number): number {
    const exc = this.exceptions;
    let value = 0;
    for (let i = 0; i < 4; i++) if (this.hasConfigurablePriority(base + i)) value |= exc.priority[base + i]! << (8 * i);
    return value >>> 0;
  }

  private writePriorityWord(base: number, value: number): void {
    const exc = this.exceptions;
    for (let i = 0; i < 4; i++) {
      if (this.hasConfigurablePriority(base + i)) exc.priority[base + i] = (value >>> (8 * i)) & this.cpu.priorityMask;
    }
    this.cpu.attention = 1;
  }

  private hasConfigurablePriority(e: number): boolean {
    if (this.cpu.v7m) return [4, 5, 6, 11, 12, 14, 15].includes(e);
    return e === 11 || e === 14 || e === 15;
  }

  /** SHCSR (B3.2.13): active, pended and enable bits of the system handlers (v7-M). */
  private readShcsr(): number {
    const exc = this.exceptions;
    const bit = (set: number, pos: number): number => (set ? 1 << pos : 0);
    if (!this.cpu.v7m) return bit(exc.pending[Exception.SvCall]!, 15);
    return (
      bit(exc.active[Exception.MemManage]!, 0) |
      bit(exc.active[Exception.BusFault]!, 1) |
      bit(exc.active[Exception.UsageFault]!, 3) |
      bit(exc.active[Exception.SvCall]!, 7) |
      bit(exc.active[Exception.DebugMonitor]!, 8) |
      bit(exc.active[Exception.PendSv]!, 10) |
      bit(exc.active[Exception.SysTick]!, 11) |
      bit(exc.pending[Exception.UsageFault]!, 12) |
      bit(exc.pending[Exception.MemManage]!, 13) |
      bit(exc.pending[Exception.BusFault]!, 14) |
      bit(exc.pending[Exception.SvCall]!, 15) |
      bit(exc.enabled[Exception.MemManage]!, 16) |
      bit(exc.enabled[Exception.BusFault]!, 17) |
      bit(exc.enabled[Exception.UsageFault]!, 18)
    );
  }

  private writeShcsr(value: number): void {
    const exc = this.exceptions;
    const set = (e: number, pos: number, array: Uint8Array): void => {
      array[e] = (value >>> pos) & 1;
    };
    if (!this.cpu.v7m) {
      set(Exception.SvCall, 15, exc.pending);
      this.cpu.attention = 1;
      return;
    }
    set(Exception.MemManage, 0, exc.active);
    set(Exception.BusFault, 1, exc.active);
    set(Exception.UsageFault, 3, exc.active);
    set(Exception.SvCall, 7, exc.active);
    set(Exception.DebugMonitor, 8, exc.active);
    set(Exception.PendSv, 10, exc.active);
    set(Exception.SysTick, 11, exc.active);
    set(Exception.UsageFault, 12, exc.pending);
    set(Exception.MemManage, 13, exc.pending);
    set(Exception.BusFault, 14, exc.pending);
    set(Exception.SvCall, 15, exc.pending);
    set(Exception.MemManage, 16, exc.enabled);
    set(Exception.BusFault, 17, exc.enabled);
    set(Exception.UsageFault, 18, exc.enabled);
    this.cpu.attention = 1;
  }

  /** NVIC ISER/ICER/ISPR/ICPR/IABR and IPR (B3.4.3-B3.4.9); lines beyond irqCount read as zero. */
  private readNvic(offset: number): number | undefined {
    const exc = this.exceptions;
    const group = offset & 0x7f;
    if (offset >= 0x400) {
      const first = offset - 0x400;
      let value = 0;
      for (let i = 0; i < 4; i++) if (first + i < this.irqCount) value |= exc.priority[Exception.Irq0 + first + i]! << (8 * i);
      return value >>> 0;
    }
    if (group >= 0x40) return undefined;
    const array = offset < 0x200 ? exc.enabled : offset < 0x300 ? exc.pending : offset < 0x380 ? exc.active : undefined;
    if (array === undefined) return undefined;
    if (!this.cpu.v7m && (offset & 0x7c) !== 0) return undefined;
    if (!this.cpu.v7m && offset >= 0x300) return undefined;
    let value = 0;
    const firstIrq = group * 8;
    for (let i = 0; i < 32; i++) {
      const irq = firstIrq + i;
      if (irq < this.irqCount && array[Exception.Irq0 + irq] !== 0) value |= 1 << i;
    }
    return value >>> 0;
  }

  private writeNvic(offset: number, value: number): boolean {
    const exc = this.exceptions;
    if (offset >= 0x400) {
      const first = offset - 0x400;
      for (let i = 0; i < 4; i++) {
        if (first + i < this.irqCount) exc.priority[Exception.Irq0 + first + i] = (value >>> (8 * i)) & this.cpu.priorityMask;
      }
      this.cpu.attention = 1;
      return true;
    }
    const group = offset & 0x7f;
    if (group >= 0x40) return false;
    const firstIrq = group * 8;
    const kind = offset >> 7;
    for (let i = 0; i < 32; i++) {
      const irq = firstIrq + i;
      if (irq >= this.irqCount || ((value >>> i) & 1) === 0) continue;
      const e = Exception.Irq0 + irq;
      if (kind === 2) exc.enabled[e] = 1;
      else if (kind === 3) exc.enabled[e] = 0;
      else if (kind === 4) exc.pending[e] = 1;
      else if (kind === 5) exc.pending[e] = 0;
    }
    this.cpu.attention = 1;
    return true;
  }
}
