import { type AccessWidth, BUS_ERROR, BusMaster, type BusSlave } from '../bus/bus-types';
import type { SystemBus } from '../bus/system-bus';
import { ConditionFlags } from './alu';
import type { CoreModel } from './core-models';
import { Cfsr, Exception } from './fault-codes';

/**
 * The processor's architectural state and its view of memory (runtime: plain Node).
 *
 * Decoded instructions are closures over this object, so the fields the hot path touches are
 * plain public properties. Register values are kept as int32 in `r`; R13 holds the stack pointer
 * currently selected (ARMv7-M B1.4.1), the other banked one lives in `otherSp`. R15 is written
 * with "this instruction + 4" only by instructions that read it (ARMv7-M A2.3.1).
 */

/** One predecoded instruction: executes and leaves `pc` at the next instruction. */
export type Exec = (c: Cpu) => void;

/** An instruction that raises UNDEFINSTR when executed (logged with its encoding). */
export function undefinedExec(pc: number, encoding: number, what?: string): Exec {
  return (c) => c.undefinedInstruction(pc, encoding, what);
}

/** Thrown inside an instruction to abandon it and take a synchronous exception. */
export class InstructionAbort {
  exception = 0;
}

/** Hooks the execution engine calls back into (exception unit, debug, watchpoints). */
export interface CpuHooks {
  /** BXWritePC with an EXC_RETURN value in Handler mode (ARMv7-M B1.5.8). */
  exceptionReturn(excReturn: number): void;
  /** A data access matched nothing fast; the DWT wants to see it (ARMv7-M C1.8). */
  watchData(address: number, width: number, isWrite: boolean, value: number): void;
  /** Load-side FPB literal remap (ARMv7-M C1.11): the remapped address, or -1. */
  remapLiteral(address: number): number;
  /** Execution priority or PRIMASK/BASEPRI/FAULTMASK changed: look for a preempting exception. */
  priorityChanged(): void;
  /** SLEEPONEXIT / WFI / WFE entry. */
  sleep(kind: 'wfi' | 'wfe'): void;
  /** SEV or an event: sets the event register. */
  sendEvent(): void;
  /** BKPT instruction or FPB breakpoint (ARMv7-M C1.7.1 debug event). */
  breakpoint(): void;
}

/** A directly readable memory with, once code has run from it, one decoded-instruction slot per halfword. */
export interface DirectRegion {
  /**
   * The start address as an int32, so that the field stays a small integer for V8 and the
   * offset arithmetic on the hot path stays integer; `(address - base) >>> 0` is the offset
   * whether `address` is written signed or unsigned.
   */
  base: number;
  size: number;
  bytes: Uint8Array;
  view: DataView;
  writable: boolean;
  code: Array<Exec | undefined> | null;
}

export class Cpu extends ConditionFlags {
  readonly r = new Int32Array(16);
  pc = 0;
  q = 0;
  ge = 0;
  itstate = 0;
  ipsr = 0;
  /** EPSR.T: 0 makes the next instruction fault with INVSTATE (ARMv7-M A2.3.1). */
  tbit = 1;
  primask = 0;
  faultmask = 0;
  basepri = 0;
  /** CONTROL: nPRIV bit 0, SPSEL bit 1, FPCA bit 2. */
  control = 0;
  /** The banked stack pointer not currently selected (MSP in Thread mode with SPSEL=1, else PSP). */
  otherSp = 0;
  fpscr = 0;
  readonly s = new Int32Array(32);

  /** Core clock cycles since power-on; drives SysTick and CYCCNT. */
  cycles = 0;
  retired = 0;
  /**
   * The execution loop runs while `cycles < limit`; raising `attention` drops the limit so the
   * loop stops after the current instruction with a single comparison per instruction.
   */
  limit = 0;
  private attentionFlag = 0;
  /** Local exclusive monitor (ARMv7-M A3.4): tagged address or -1 for Open Access. */
  exclusiveAddress = -1;
  eventRegister = 0;

  /** CCR fields the executor needs (ARMv7-M B3.2.8). */
  unalignTrap = false;
  divZeroTrap = false;
  cfsr = 0;
  bfar = 0;
  mmfar = 0;

  readonly abort = new InstructionAbort();
  readonly v7m: boolean;
  readonly hasFpu: boolean;
  /** Implemented bits of an 8-bit priority field (ARMv7-M B1.5.4). */
  priorityMask = 0xe0;
  /** CONTROL.nPRIV exists (v7-M; the M0+ option; not the M0). */
  readonly hasUnprivileged: boolean;
  /** The DSP extension of the M4 (ARMv7E-M): extend-and-add, SIMD, saturating arithmetic. */
  readonly hasDsp: boolean;
  /** CPACR CP10/CP11 full or privileged access granted. */
  fpuEnabled = false;
  hooks!: CpuHooks;
  /** Data accesses bypass the fast path when watchpoints or literal remaps are active. */
  dataSlowOnly = false;

  private dBase = 0;
  private dSize = 0;
  private dBytes: Uint8Array = new Uint8Array(0);
  private dView: DataView = new DataView(new ArrayBuffer(0));
  private dWritable = false;
  private dCode: Array<Exec | undefined> | null = null;
  private dRegion: DirectRegion | null = null;
  private readonly regions = new Map<BusSlave, DirectRegion>();
  /** The second most recent data region, tried before a full bus decode. */
  private altRegion: DirectRegion | null = null;
  /** The region literal-pool loads (LDR literal) last hit; kept apart from the data region. */
  private lBase = 0;
  private lSize = 0;
  private lView: DataView = new DataView(new ArrayBuffer(0));

  constructor(
    readonly model: CoreModel,
    readonly bus: SystemBus,
    readonly log: (message: string) => void,
  ) {
    super();
    this.v7m = model.architecture === 'v7m';
    this.hasFpu = model.hasFpu;
    this.hasUnprivileged = this.v7m || model.name === 'cortex-m0plus';
    this.hasDsp = model.name === 'cortex-m4' || model.name === 'cortex-m4f';
    bus.onChange((address, length) => this.invalidateCode(address, length));
  }

  /** Non-zero: the loop must stop after this instruction and call the service routine. */
  get attention(): number {
    return this.attentionFlag;
  }

  set attention(value: number) {
    this.attentionFlag = value;
    if (value !== 0) this.limit = -1;
  }

  // ---- special registers -------------------------------------------------------------

  /** Handler mode or SPSEL=0 selects MSP (ARMv7-M B1.4.1). */
  get usingPsp(): boolean {
    return this.ipsr === 0 && (this.control & 2) !== 0;
  }

  get msp(): number {
    return this.usingPsp ? this.otherSp : this.r[13]!;
  }

  set msp(value: number) {
    if (this.usingPsp) this.otherSp = value & ~3;
    else this.r[13] = value & ~3;
  }

  get psp(): number {
    return this.usingPsp ? this.r[13]! : this.otherSp;
  }

  set psp(value: number) {
    if (this.usingPsp) this.r[13] = value & ~3;
    else this.otherSp = value & ~3;
  }

  /** Changes mode/SPSEL, swapping the banked SP when the selection changes. */
  selectStack(ipsr: number, control: number): void {
    const before = this.usingPsp;
    this.ipsr = ipsr;
    this.control = control;
    if (before !== this.usingPsp) {
      const current = this.r[13]!;
      this.r[13] = this.otherSp;
      this.otherSp = current;
    }
  }

  get privileged(): boolean {
    return this.ipsr !== 0 || (this.control & 1) === 0;
  }

  get apsr(): number {
    return ((this.n << 31) | (this.z << 30) | (this.c << 29) | (this.v << 28) | (this.q << 27) | (this.ge << 16)) >>> 0;
  }

  set apsr(value: number) {
    this.n = (value >>> 31) & 1;
    this.z = (value >>> 30) & 1;
    this.c = (value >>> 29) & 1;
    this.v = (value >>> 28) & 1;
    if (this.v7m) this.q = (value >>> 27) & 1;
    if (this.hasDsp) this.ge = (value >>> 16) & 0xf;
  }

  /** xPSR as the debugger and the exception frame see it (ARMv7-M B1.4.2). */
  get xpsr(): number {
    const it = this.itstate;
    return (this.apsr | ((it & 3) << 25) | (this.tbit << 24) | ((it >> 2) << 10) | this.ipsr) >>> 0;
  }

  set xpsr(value: number) {
    this.apsr = value;
    this.itstate = this.v7m ? ((value >>> 25) & 3) | (((value >>> 10) & 0x3f) << 2) : 0;
    this.tbit = (value >>> 24) & 1;
  }

  // ---- PC writes (ARMv7-M A2.3.1) ---------------------------------------------------------

  /** BXWritePC / LoadWritePC: interworking branch, or exception return in Handler mode. */
  bxWritePc(value: number): void {
    if (this.ipsr !== 0 && value >>> 28 === 0xf) {
      this.hooks.exceptionReturn(value >>> 0);
      return;
    }
    this.pc = (value & ~1) >>> 0;
    if ((value & 1) === 0) {
      this.tbit = 0;
      this.attention = 1;
    }
  }

  // ---- faults --------------------------------------------------------------------------

  /** Abandons the instruction with a UsageFault (v7-M) or HardFault (v6-M). */
  usageFault(bit: Cfsr): never {
    if (this.v7m) {
      this.cfsr |= bit;
      this.abort.exception = Exception.UsageFault;
    } else {
      this.abort.exception = Exception.HardFault;
    }
    throw this.abort;
  }

  /** UNDEFINED or unsupported encoding: logged, then UNDEFINSTR (ARMv7-M A5.1). */
  undefinedInstruction(address: number, encoding: number, what = 'UNDEFINED instruction'): never {
    const hex = encoding > 0xffff ? encoding.toString(16).padStart(8, '0') : encoding.toString(16).padStart(4, '0');
    this.log(`${what} 0x${hex} at 0x${address.toString(16).padStart(8, '0')}`);
    return this.usageFault(Cfsr.UndefInstr);
  }

  /** A precise data bus error: BusFault with BFAR (v7-M) or HardFault (v6-M) (ARMv7-M B3.2.15). */
  busFault(address: number): never {
    if (this.v7m) {
      this.cfsr |= Cfsr.PreciseErr | Cfsr.BfarValid;
      this.bfar = address >>> 0;
      this.abort.exception = Exception.BusFault;
    } else {
      this.abort.exception = Exception.HardFault;
    }
    throw this.abort;
  }

  /** Instruction fetch from a non-executable (XN) region or a fetch bus error. */
  fetchFault(address: number, busError: boolean): never {
    if (this.v7m) {
      if (busError) {
        this.cfsr |= Cfsr.IBusErr;
        this.abort.exception = Exception.BusFault;
      } else {
        this.cfsr |= Cfsr.IaccViol;
        this.abort.exception = Exception.MemManage;
      }
    } else {
      this.abort.exception = Exception.HardFault;
    }
    void address;
    throw this.abort;
  }

  /** A synchronous exception that is not a fault: SVCall (the instruction has completed). */
  raise(exception: Exception): never {
    this.abort.exception = exception;
    throw this.abort;
  }

  private alignmentFault(): never {
    return this.usageFault(Cfsr.Unaligned);
  }

  // ---- memory ----------------------------------------------------------------------------

  /** Word load that v7-M lets be unaligned unless CCR.UNALIGN_TRP (ARMv7-M A3.2). */
  ld32(address: number): number {
    const o = (address - this.dBase) >>> 0;
    if ((address & 3) === 0 && o < this.dSize) return this.dView.getInt32(o, true);
    return this.loadSlow(address, 4, false);
  }

  /** LDR (literal): a word from the instruction's literal pool, usually in flash. */
  ldLiteral(address: number): number {
    const o = (address - this.lBase) >>> 0;
    if (o < this.lSize) return this.lView.getInt32(o, true);
    if (!this.dataSlowOnly && (address & 3) === 0) {
      const region = this.directRegion(address >>> 0);
      const offset = region === undefined ? 0 : (address - region.base) >>> 0;
      if (region !== undefined && offset + 4 <= region.size) {
        this.lBase = region.base;
        this.lSize = region.size & ~3;
        this.lView = region.view;
        return this.lView.getInt32(offset, true);
      }
    }
    return this.ld32(address);
  }

  /** Word load that must be aligned (LDM, LDRD, LDREX, exception stack). */
  ld32a(address: number): number {
    const o = (address - this.dBase) >>> 0;
    if ((address & 3) === 0 && o < this.dSize) return this.dView.getInt32(o, true);
    return this.loadSlow(address, 4, true);
  }

  ld16(address: number): number {
    const o = (address - this.dBase) >>> 0;
    if ((address & 1) === 0 && o < this.dSize) return this.dView.getUint16(o, true);
    return this.loadSlow(address, 2, false);
  }

  ld16a(address: number): number {
    const o = (address - this.dBase) >>> 0;
    if ((address & 1) === 0 && o < this.dSize) return this.dView.getUint16(o, true);
    return this.loadSlow(address, 2, true);
  }

  ld8(address: number): number {
    const o = (address - this.dBase) >>> 0;
    if (o < this.dSize) return this.dBytes[o]!;
    return this.loadSlow(address, 1, true);
  }

  st32(address: number, value: number): void {
    const o = (address - this.dBase) >>> 0;
    if ((address & 3) === 0 && o < this.dSize && this.dWritable) {
      this.dView.setInt32(o, value, true);
      if (this.dCode !== null) this.dropCode(o, 4);
      return;
    }
    this.storeSlow(address, 4, value, false);
  }

  st32a(address: number, value: number): void {
    const o = (address - this.dBase) >>> 0;
    if ((address & 3) === 0 && o < this.dSize && this.dWritable) {
      this.dView.setInt32(o, value, true);
      if (this.dCode !== null) this.dropCode(o, 4);
      return;
    }
    this.storeSlow(address, 4, value, true);
  }

  st16(address: number, value: number): void {
    const o = (address - this.dBase) >>> 0;
    if ((address & 1) === 0 && o < this.dSize && this.dWritable) {
      this.dView.setUint16(o, value & 0xffff, true);
      if (this.dCode !== null) this.dropCode(o, 2);
      return;
    }
    this.storeSlow(address, 2, value, false);
  }

  st16a(address: number, value: number): void {
    const o = (address - this.dBase) >>> 0;
    if ((address & 1) === 0 && o < this.dSize && this.dWritable) {
      this.dView.setUint16(o, value & 0xffff, true);
      if (this.dCode !== null) this.dropCode(o, 2);
      return;
    }
    this.storeSlow(address, 2, value, true);
  }

  st8(address: number, value: number): void {
    const o = (address - this.dBase) >>> 0;
    if (o < this.dSize && this.dWritable) {
      this.dBytes[o] = value;
      if (this.dCode !== null) this.dropCode(o, 1);
      return;
    }
    this.storeSlow(address, 1, value, true);
  }

  private misaligned(address: number, width: number, strict: boolean): boolean {
    if ((address & (width - 1)) === 0) return false;
    if (strict || !this.v7m || this.unalignTrap) this.alignmentFault();
    return true;
  }

  private loadSlow(address: number, width: AccessWidth, strict: boolean): number {
    const a = address >>> 0;
    if (this.misaligned(a, width, strict)) {
      let value = 0;
      for (let i = 0; i < width; i++) value |= this.loadSlow(a + i, 1, true) << (8 * i);
      return width === 4 ? value | 0 : value;
    }
    let target = a;
    if (this.dataSlowOnly) {
      const remapped = this.hooks.remapLiteral(a);
      if (remapped >= 0) target = remapped;
    } else if (this.selectDataRegion(a)) {
      const o = (a - this.dBase) >>> 0;
      return width === 4 ? this.dView.getInt32(o, true) : width === 2 ? this.dView.getUint16(o, true) : this.dBytes[o]!;
    }
    const value = this.bus.read(target, width, BusMaster.Core);
    if (value === BUS_ERROR) this.busFault(a);
    if (this.dataSlowOnly) this.hooks.watchData(a, width, false, value);
    return width === 4 ? value | 0 : value;
  }

  private storeSlow(address: number, width: AccessWidth, value: number, strict: boolean): void {
    const a = address >>> 0;
    if (this.misaligned(a, width, strict)) {
      for (let i = 0; i < width; i++) this.storeSlow(a + i, 1, value >>> (8 * i), true);
      return;
    }
    const masked = width === 4 ? value >>> 0 : value & (width === 2 ? 0xffff : 0xff);
    if (!this.dataSlowOnly && this.selectDataRegion(a) && this.dWritable) {
      this.storeSlowDirect(a, width, masked);
      return;
    }
    if (!this.bus.write(a, width, masked, BusMaster.Core)) this.busFault(a);
    if (this.dataSlowOnly) this.hooks.watchData(a, width, true, masked);
  }

  private storeSlowDirect(a: number, width: AccessWidth, value: number): void {
    const o = (a - this.dBase) >>> 0;
    if (width === 4) this.dView.setUint32(o, value, true);
    else if (width === 2) this.dView.setUint16(o, value, true);
    else this.dBytes[o] = value;
    if (this.dCode !== null) this.dropCode(o, width);
  }

  /** Makes the direct-memory mapping holding `a` the fast data region; false if none does. */
  private selectDataRegion(a: number): boolean {
    const alt = this.altRegion;
    const region = alt !== null && (a - alt.base) >>> 0 < alt.size ? alt : this.directRegion(a);
    if (region === undefined) return false;
    this.altRegion = this.dRegion;
    this.dBase = region.base;
    this.dSize = region.size;
    this.dBytes = region.bytes;
    this.dView = region.view;
    this.dWritable = region.writable;
    this.dCode = region.code;
    this.dRegion = region;
    return true;
  }

  /** The cached direct region decoding `a`, creating it on first use. */
  directRegion(a: number): DirectRegion | undefined {
    const mapping = this.bus.decode(a);
    if (mapping === undefined || mapping.slave.directBytes === undefined) return undefined;
    let region = this.regions.get(mapping.slave);
    if (region === undefined || region.base !== (mapping.base | 0)) {
      const bytes = mapping.slave.directBytes;
      region = {
        base: mapping.base | 0,
        size: Math.min(mapping.size, bytes.length),
        bytes,
        view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        writable: mapping.slave.directWritable === true,
        code: null,
      };
      this.regions.set(mapping.slave, region);
    }
    return region;
  }

  /** Disables the data fast path (watchpoints, literal remap) or re-enables it. */
  setDataSlowOnly(slow: boolean): void {
    this.dataSlowOnly = slow;
    this.dSize = 0;
    this.lSize = 0;
    this.altRegion = null;
    this.dCode = null;
    this.dRegion = null;
  }

  /** A word read for stacking or a vector fetch: unsigned value, or BUS_ERROR; raises no fault. */
  rawRead32(address: number): number {
    const a = address >>> 0;
    const region = this.directRegion(a);
    const o = region === undefined ? 0 : (a - region.base) >>> 0;
    if (region !== undefined && o + 4 <= region.size) return region.view.getUint32(o, true);
    return this.bus.read(a, 4, BusMaster.Core);
  }

  /** A word write for stacking; false on a bus error; raises no fault. */
  rawWrite32(address: number, value: number): boolean {
    const a = address >>> 0;
    const region = this.directRegion(a);
    const o = region === undefined ? 0 : (a - region.base) >>> 0;
    if (region !== undefined && region.writable && o + 4 <= region.size) {
      region.view.setUint32(o, value >>> 0, true);
      const code = region.code;
      if (code !== null) for (let i = Math.max(0, (o >> 1) - 1); i <= (o + 3) >> 1; i++) code[i] = undefined;
      return true;
    }
    return this.bus.write(a, 4, value >>> 0, BusMaster.Core);
  }

  /** Reads an instruction halfword for decoding; BUS_ERROR when the fetch fails. */
  fetch16(address: number): number {
    return this.bus.read(address >>> 0, 2, BusMaster.Core);
  }

  // ---- decoded-instruction cache -------------------------------------------------------

  private dropCode(offset: number, width: number): void {
    const code = this.dCode!;
    const first = (offset >> 1) - 1;
    const last = (offset + width - 1) >> 1;
    for (let i = first < 0 ? 0 : first; i <= last; i++) code[i] = undefined;
  }

  /** Forgets decoded instructions overlapping [address, address + length) (SystemBus.onChange). */
  invalidateCode(address: number, length: number): void {
    for (const region of this.regions.values()) {
      const code = region.code;
      const start = address - (region.base >>> 0);
      if (code === null || start + length <= 0 || start >= region.size) continue;
      const first = Math.max(0, (start >> 1) - 1);
      const last = Math.min(code.length - 1, (start + length - 1) >> 1);
      for (let i = first; i <= last; i++) code[i] = undefined;
    }
  }

  /** Forgets every decoded instruction (FPB or DWT reprogrammed). */
  invalidateAllCode(): void {
    for (const region of this.regions.values()) region.code?.fill(undefined);
  }

  /**
   * The decoded-instruction slots of `region`, created on first use: a dense array (one slot
   * per halfword) keeps V8's element access fast, where a sparse one would not.
   */
  codeSlots(region: DirectRegion): Array<Exec | undefined> {
    if (region.code === null) {
      region.code = new Array<Exec | undefined>(region.size >>> 1).fill(undefined);
      if (this.dRegion === region) this.dCode = region.code;
    }
    return region.code;
  }

  /** Drops the direct-region cache (the board remapped its bus). */
  forgetRegions(): void {
    this.regions.clear();
    this.dSize = 0;
    this.lSize = 0;
    this.altRegion = null;
    this.dCode = null;
    this.dRegion = null;
  }
}
