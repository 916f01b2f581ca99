/**
 * Hardware breakpoints through the Flash Patch and Breakpoint unit (ARMv7-M ARM C1.11) or the
 * ARMv6-M Breakpoint Unit (ARMv6-M ARM C1.8.2), whose registers have FPB v1's layout.
 *
 * FPB v1 / BPU: FP_COMPn.COMP holds address bits [28:2] and REPLACE picks the halfword, so only
 * addresses below 0x20000000 (the Code region) can be matched (C1.11.5). FPB v2 (FP_CTRL.REV = 1):
 * FP_COMPn.BPADDR holds bits [31:1] and bit 0 (BE) enables the comparator, anywhere in memory.
 */
import type { MemoryInterface } from '../memory-interface';
import { CoreUnsupportedError, formatAddress } from './core-errors';
import { Fpb } from './debug-registers';

export interface FpbInfo {
  /** 1 for FPB v1 / BPU, 2 for FPB v2. */
  readonly version: 1 | 2;
  readonly codeComparators: number;
  readonly literalComparators: number;
}

export function decodeFpCtrl(ctrl: number): FpbInfo {
  const numCode = (((ctrl >>> 12) & 0x7) << 4) | ((ctrl >>> 4) & 0xf);
  const numLit = (ctrl >>> 8) & 0xf;
  const rev = (ctrl >>> 28) & 0xf;
  return { version: rev === 0 ? 1 : 2, codeComparators: numCode, literalComparators: numLit };
}

/** The FP_COMPn value that breaks on the Thumb instruction at `address`. */
export function fpCompValue(version: 1 | 2, address: number): number {
  if (version === 2) return ((address & ~1) | 1) >>> 0;
  if (address >>> 0 >= Fpb.V1_ADDRESS_LIMIT) {
    throw new CoreUnsupportedError(
      `FPB v1 cannot place a hardware breakpoint at ${formatAddress(address)}: it only matches addresses below 0x20000000`,
    );
  }
  // REPLACE = 0b01 breaks on the lower halfword of the word, 0b10 on the upper one.
  const replace = address & 2 ? 0x80000000 : 0x40000000;
  return ((address & 0x1ffffffc) | replace | 1) >>> 0;
}

export class FlashPatchBreakpointUnit {
  private readonly slots: (number | undefined)[];

  private constructor(private readonly memory: MemoryInterface, readonly info: FpbInfo) {
    this.slots = new Array<number | undefined>(info.codeComparators).fill(undefined);
  }

  /** Reads FP_CTRL, clears every code comparator and enables the unit (KEY must be written as 1). */
  static async open(memory: MemoryInterface): Promise<FlashPatchBreakpointUnit> {
    const info = decodeFpCtrl(await memory.read32(Fpb.FP_CTRL));
    const unit = new FlashPatchBreakpointUnit(memory, info);
    await Promise.all(Array.from({ length: info.codeComparators }, (_, i) => memory.write32(Fpb.FP_COMP0 + 4 * i, 0)));
    await memory.write32(Fpb.FP_CTRL, Fpb.CTRL_KEY | Fpb.CTRL_ENABLE);
    return unit;
  }

  /** True when this unit can match `address` at all (FPB v1 only reaches the Code region). */
  canBreakAt(address: number): boolean {
    return this.info.version === 2 || address >>> 0 < Fpb.V1_ADDRESS_LIMIT;
  }

  get freeComparators(): number {
    return this.slots.filter((s) => s === undefined).length;
  }

  has(address: number): boolean {
    return this.slots.includes(address >>> 0);
  }

  async set(address: number): Promise<void> {
    if (this.has(address)) return;
    const value = fpCompValue(this.info.version, address);
    const index = this.slots.indexOf(undefined);
    if (index < 0) {
      throw new CoreUnsupportedError(
        `No free hardware breakpoint for ${formatAddress(address)}: all ${this.info.codeComparators} FPB comparators are in use`,
      );
    }
    await this.memory.write32(Fpb.FP_COMP0 + 4 * index, value);
    this.slots[index] = address >>> 0;
  }

  async remove(address: number): Promise<boolean> {
    const index = this.slots.indexOf(address >>> 0);
    if (index < 0) return false;
    await this.memory.write32(Fpb.FP_COMP0 + 4 * index, 0);
    this.slots[index] = undefined;
    return true;
  }

  addresses(): number[] {
    return this.slots.filter((s): s is number => s !== undefined);
  }
}
