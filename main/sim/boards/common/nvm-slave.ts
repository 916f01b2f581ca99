import { type AccessWidth, BUS_ERROR, BusMaster, type BusSlave } from '../../bus/bus-types';
import type { NvmArray } from './nvm-array';

/**
 * How a memory controller treats accesses to the array it owns: reads may be refused (read
 * protection) or delayed (the array is busy), and every write is handed to the controller,
 * which decides from its own registers what the write means.
 */
export interface NvmAccessPolicy {
  /** Called before a read; returns false to answer with a bus error. May stall the core. */
  beforeRead(array: NvmArray, offset: number, master: BusMaster): boolean;
  /** A write to the array; returns false for a bus error. */
  write(array: NvmArray, offset: number, width: AccessWidth, value: number, master: BusMaster): boolean;
}

/**
 * A non-volatile array on the bus. It exposes `directBytes` so the core can fetch code
 * without a call per access; debug-side masters read through `read`, where read protection
 * and busy stalls apply.
 */
export class NvmSlave implements BusSlave {
  readonly directWritable = false;

  constructor(
    readonly name: string,
    readonly array: NvmArray,
    private readonly policy: NvmAccessPolicy,
  ) {}

  get directBytes(): Uint8Array {
    return this.array.bytes;
  }

  read(offset: number, width: AccessWidth, master: BusMaster): number {
    if (!this.policy.beforeRead(this.array, offset, master)) return BUS_ERROR;
    const b = this.array.bytes;
    if (width === 4) return (b[offset]! | (b[offset + 1]! << 8) | (b[offset + 2]! << 16) | (b[offset + 3]! << 24)) >>> 0;
    if (width === 2) return b[offset]! | (b[offset + 1]! << 8);
    return b[offset]!;
  }

  write(offset: number, width: AccessWidth, value: number, master: BusMaster = BusMaster.Core): boolean {
    return this.policy.write(this.array, offset, width, value >>> 0, master);
  }
}
