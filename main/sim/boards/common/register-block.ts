import { type AccessWidth, BUS_ERROR, type BusMaster, type BusSlave } from '../../bus/bus-types';

/**
 * One memory-mapped register of a peripheral. `write` receives the value already shifted into
 * its byte lanes and the mask of the lanes written, so a byte store to a plain storage register
 * changes only that byte while a write-1-to-set register sees only the bits actually written.
 */
export interface Register {
  read(master: BusMaster): number;
  /** Returns false to answer the write with a bus error. */
  write?(value: number, mask: number, master: BusMaster): void | boolean;
}

/** A plain read/write storage register with a writable-bits mask and a reset value. */
export class StorageRegister implements Register {
  value: number;

  constructor(
    readonly resetValue: number,
    readonly writableBits = 0xffffffff,
  ) {
    this.value = resetValue >>> 0;
  }

  read(): number {
    return this.value >>> 0;
  }

  write(value: number, mask: number): void {
    const m = mask & this.writableBits;
    this.value = ((this.value & ~m) | (value & m)) >>> 0;
  }

  reset(): void {
    this.value = this.resetValue >>> 0;
  }
}

/**
 * A peripheral's register file on the bus. Offsets without a register answer BUS_ERROR: the
 * vendor documents leave reserved register offsets undefined (nRF52840 PS "Peripheral
 * interface"; RM0377 register maps mark them "Reserved"), so software touching a register this
 * simulator does not model is reported rather than fed silent zeros. A block that the
 * documents say reads as zero maps explicit zero registers instead.
 * Writes to registers without `write` (read-only) are ignored, as both documents specify.
 */
export class RegisterBlock implements BusSlave {
  private readonly registers = new Map<number, Register>();

  constructor(readonly name: string) {}

  /** Places `register` at word offset `offset`. */
  define(offset: number, register: Register): void {
    if ((offset & 3) !== 0 || this.registers.has(offset)) throw new Error(`${this.name}: bad register offset 0x${offset.toString(16)}`);
    this.registers.set(offset, register);
  }

  /** Convenience: a register from two closures. */
  defineFn(offset: number, read: (master: BusMaster) => number, write?: (value: number, mask: number, master: BusMaster) => void | boolean): void {
    this.define(offset, write === undefined ? { read } : { read, write });
  }

  read(offset: number, width: AccessWidth, master: BusMaster): number {
    const reg = this.registers.get(offset & ~3);
    if (reg === undefined) return BUS_ERROR;
    const word = reg.read(master) >>> 0;
    if (width === 4) return word;
    const shift = (offset & 3) * 8;
    return (word >>> shift) & (width === 2 ? 0xffff : 0xff);
  }

  write(offset: number, width: AccessWidth, value: number, master: BusMaster): boolean {
    const reg = this.registers.get(offset & ~3);
    if (reg === undefined) return false;
    if (reg.write === undefined) return true;
    if (width === 4) return reg.write(value >>> 0, 0xffffffff, master) !== false;
    const shift = (offset & 3) * 8;
    const laneMask = width === 2 ? 0xffff : 0xff;
    return reg.write(((value & laneMask) << shift) >>> 0, (laneMask << shift) >>> 0, master) !== false;
  }
}
