import { type AccessWidth, BUS_ERROR, type BusSlave } from '../bus/bus-types';
import { ComponentClass, componentIdRegister } from './component-id';
import type { CoreModel } from './core-models';

/**
 * Flash Patch and Breakpoint unit at 0xE0002000: the v7-M FPB version 1 (ARMv7-M C1.11) with
 * REMAP and REPLACE, or the v6-M breakpoint unit BPU (ARMv6-M C1.8). Both only compare
 * addresses in the Code region, 0x00000000-0x1FFFFFFF (C1.11.1).
 */
export class FlashPatchBreakpoint implements BusSlave {
  readonly name: string;
  private enabled = false;
  private remap = 0;
  private readonly comparators: Uint32Array;
  private readonly v7m: boolean;

  constructor(
    private readonly model: CoreModel,
    /** Called when a change affects instruction fetch or literal loads. */
    private readonly changed: () => void,
  ) {
    this.v7m = model.architecture === 'v7m';
    this.name = this.v7m ? 'FPB' : 'BPU';
    this.comparators = new Uint32Array(model.codeComparators + model.literalComparators);
  }

  /** Power-on reset (debug domain): everything disabled. */
  reset(): void {
    this.enabled = false;
    this.remap = 0;
    this.comparators.fill(0);
    this.changed();
  }

  /** True when some comparator can act on fetches (for the decoded-instruction cache). */
  get active(): boolean {
    return this.enabled && this.comparators.some((c) => (c & 1) !== 0);
  }

  /** True when a literal comparator remaps data loads. */
  get literalRemapActive(): boolean {
    if (!this.enabled || !this.v7m) return false;
    for (let i = this.model.codeComparators; i < this.comparators.length; i++) if ((this.comparators[i]! & 1) !== 0) return true;
    return false;
  }

  private matches(index: number, address: number): boolean {
    const comp = this.comparators[index]!;
    return (comp & 1) !== 0 && address < 0x20000000 && (address & 0x1ffffffc) === (comp & 0x1ffffffc);
  }

  /** A breakpoint on the instruction halfword at `address` (REPLACE 01/10/11 or BP_MATCH). */
  breakpointAt(address: number): boolean {
    if (!this.enabled) return false;
    for (let i = 0; i < this.model.codeComparators; i++) {
      if (!this.matches(i, address)) continue;
      const replace = this.comparators[i]! >>> 30;
      if (replace === 3 || replace === ((address & 2) === 0 ? 1 : 2)) return true;
    }
    return false;
  }

  /** The SRAM address an instruction fetch at `address` is remapped to (REPLACE 00), or -1. */
  remapInstruction(address: number): number {
    if (!this.enabled || !this.v7m) return -1;
    for (let i = 0; i < this.model.codeComparators; i++) {
      if (this.matches(i, address) && this.comparators[i]! >>> 30 === 0) return this.remapBase() + 4 * i + (address & 3);
    }
    return -1;
  }

  /** The SRAM address a literal load at `address` is remapped to, or -1 (C1.11.3). */
  remapLiteral(address: number): number {
    if (!this.enabled || !this.v7m) return -1;
    for (let i = this.model.codeComparators; i < this.comparators.length; i++) {
      if (this.matches(i, address)) return this.remapBase() + 4 * i + (address & 3);
    }
    return -1;
  }

  private remapBase(): number {
    return (0x20000000 | (this.remap & 0x1fffffe0)) >>> 0;
  }

  read(offset: number, width: AccessWidth): number {
    if (width !== 4) return BUS_ERROR;
    const code = this.model.codeComparators;
    if (offset === 0x000) {
      const lit = this.model.literalComparators;
      return ((code >> 4) << 12) | (lit << 8) | ((code & 0xf) << 4) | (this.enabled ? 1 : 0);
    }
    if (offset === 0x004) return this.v7m ? ((1 << 29) | (this.remap & 0x1fffffe0)) >>> 0 : 0;
    const index = (offset - 0x008) >> 2;
    if (offset >= 0x008 && index < this.comparators.length) return this.comparators[index]!;
    return componentIdRegister(offset, this.model.pid.fpb, ComponentClass.GenericIp) ?? 0;
  }

  write(offset: number, width: AccessWidth, value: number): boolean {
    if (width !== 4) return false;
    if (offset === 0x000) {
      // The KEY bit must be written as 1 for the write to take effect (C1.11.2).
      if ((value & 2) !== 0) this.enabled = (value & 1) !== 0;
    } else if (offset === 0x004) {
      if (this.v7m) this.remap = value & 0x1fffffe0;
    } else {
      const index = (offset - 0x008) >> 2;
      if (offset < 0x008 || index >= this.comparators.length) return true;
      // Literal comparators have no REPLACE field: they only remap (C1.11.5).
      const mask = index >= this.model.codeComparators ? 0x1ffffffd : 0xdffffffd;
      this.comparators[index] = value & mask;
    }
    this.changed();
    return true;
  }
}
