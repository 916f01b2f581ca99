/**
 * Watchpoints through the Data Watchpoint and Trace unit.
 *
 * ARMv6-M and ARMv7-M (ARMv7-M ARM C1.8.7, C1.8.17; ARMv6-M ARM C1.8.1): DWT_COMPn holds the
 * address, DWT_MASKn the number of low address bits ignored (so sizes are powers of two and the
 * address must be aligned to the size), DWT_FUNCTIONn = 0b0101 (read), 0b0110 (write) or
 * 0b0111 (read or write) generates a debug event that halts the core.
 *
 * ARMv8-M (ARMv8-M ARM B13.2.6 DWT_FUNCTION): MATCH = 0b0110 (read), 0b0101 (write) or 0b0100
 * (either), ACTION = 0b01 (debug event), DATAVSIZE = log2 of the watched size (1, 2 or 4 bytes).
 *
 * DEMCR.TRCENA must be set for the DWT to be accessible; the core sets it when debug starts.
 */
import type { MemoryInterface } from '../memory-interface';
import { CoreUnsupportedError, formatAddress } from './core-errors';
import { Dwt } from './debug-registers';

export const WatchpointType = {
  Read: 'read',
  Write: 'write',
  ReadWrite: 'read_write',
} as const;
export type WatchpointType = (typeof WatchpointType)[keyof typeof WatchpointType];

const V7_FUNCTION: Record<WatchpointType, number> = { read: 0b0101, write: 0b0110, read_write: 0b0111 };
const V8_MATCH: Record<WatchpointType, number> = { read: 0b0110, write: 0b0101, read_write: 0b0100 };
const V8_ACTION_DEBUG_EVENT = 0b01 << 4;

export interface Watchpoint {
  readonly address: number;
  readonly size: number;
  readonly type: WatchpointType;
}

export class DwtWatchpoints {
  private readonly slots: (Watchpoint | undefined)[];

  private constructor(
    private readonly memory: MemoryInterface,
    readonly comparators: number,
    private readonly armv8: boolean,
  ) {
    this.slots = new Array<Watchpoint | undefined>(comparators).fill(undefined);
  }

  /** Reads DWT_CTRL.NUMCOMP and disables every comparator. */
  static async open(memory: MemoryInterface, options: { armv8: boolean }): Promise<DwtWatchpoints> {
    const numComp = (await memory.read32(Dwt.DWT_CTRL)) >>> 28;
    const unit = new DwtWatchpoints(memory, numComp, options.armv8);
    await Promise.all(Array.from({ length: numComp }, (_, i) => memory.write32(Dwt.DWT_FUNCTION0 + Dwt.STRIDE * i, 0)));
    return unit;
  }

  list(): Watchpoint[] {
    return this.slots.filter((s): s is Watchpoint => s !== undefined);
  }

  private validate(address: number, size: number): number {
    const log2 = Math.log2(size);
    if (!Number.isInteger(log2) || size < 1) {
      throw new CoreUnsupportedError(`Watchpoint size ${size} at ${formatAddress(address)} is not a power of two`);
    }
    if (this.armv8 && size > 4) {
      throw new CoreUnsupportedError(`Watchpoint size ${size} at ${formatAddress(address)}: ARMv8-M single comparators watch at most 4 bytes`);
    }
    if ((address >>> 0) % size !== 0) {
      throw new CoreUnsupportedError(`Watchpoint at ${formatAddress(address)} is not aligned to its size ${size}`);
    }
    return log2;
  }

  async set(address: number, size: number, type: WatchpointType): Promise<void> {
    const log2 = this.validate(address, size);
    const existing = this.slots.findIndex((s) => s && s.address === address >>> 0 && s.size === size && s.type === type);
    if (existing >= 0) return;
    const index = this.slots.indexOf(undefined);
    if (index < 0) {
      throw new CoreUnsupportedError(`No free DWT comparator for a watchpoint at ${formatAddress(address)}: all ${this.comparators} are in use`);
    }
    const base = Dwt.STRIDE * index;
    await this.memory.write32(Dwt.DWT_COMP0 + base, address >>> 0);
    if (this.armv8) {
      await this.memory.write32(Dwt.DWT_FUNCTION0 + base, V8_MATCH[type] | V8_ACTION_DEBUG_EVENT | (log2 << 10));
    } else {
      await this.memory.write32(Dwt.DWT_MASK0 + base, log2);
      await this.memory.write32(Dwt.DWT_FUNCTION0 + base, V7_FUNCTION[type]);
    }
    this.slots[index] = { address: address >>> 0, size, type };
  }

  async remove(address: number, size: number, type: WatchpointType): Promise<boolean> {
    const index = this.slots.findIndex((s) => s && s.address === address >>> 0 && s.size === size && s.type === type);
    if (index < 0) return false;
    await this.memory.write32(Dwt.DWT_FUNCTION0 + Dwt.STRIDE * index, 0);
    this.slots[index] = undefined;
    return true;
  }
}
