import { type AccessWidth, BUS_ERROR, type BusMapping, BusMaster, type BusSlave, type ChangeListener } from './bus-types';

/**
 * Address decoder for one simulated system. Lookup is by 1 MiB-aligned "page" table first
 * (most Cortex-M maps place at most a few slaves per MiB), then a short linear scan, so a
 * decode is a couple of array reads on the hot path.
 */
export class SystemBus {
  private readonly mappings: BusMapping[] = [];
  private readonly pages = new Map<number, BusMapping[]>();
  private readonly listeners: ChangeListener[] = [];

  /** Maps `slave` at [base, base + size). Overlaps are a board definition error. */
  map(base: number, size: number, slave: BusSlave): void {
    const end = base + size;
    for (const m of this.mappings) {
      if (base < m.base + m.size && m.base < end) {
        throw new Error(`bus: ${slave.name} at 0x${base.toString(16)} overlaps ${m.slave.name} at 0x${m.base.toString(16)}`);
      }
    }
    const mapping: BusMapping = { base: base >>> 0, size, slave };
    this.mappings.push(mapping);
    for (let page = Math.floor(base / 0x100000); page * 0x100000 < end; page++) {
      const list = this.pages.get(page) ?? [];
      list.push(mapping);
      this.pages.set(page, list);
    }
  }

  /** All mappings, in the order they were added. */
  get regions(): readonly BusMapping[] {
    return this.mappings;
  }

  /** The mapping decoding `address`, or undefined for an address no slave decodes. */
  decode(address: number): BusMapping | undefined {
    const list = this.pages.get(Math.floor((address >>> 0) / 0x100000));
    if (list === undefined) return undefined;
    for (const m of list) {
      const off = (address >>> 0) - m.base;
      if (off >= 0 && off < m.size) return m;
    }
    return undefined;
  }

  /** Reads `width` bytes at an aligned `address`; BUS_ERROR where nothing decodes it. */
  read(address: number, width: AccessWidth, master: BusMaster): number {
    const m = this.decode(address);
    if (m === undefined) return BUS_ERROR;
    return m.slave.read((address >>> 0) - m.base, width, master);
  }

  /** Writes `width` bytes at an aligned `address`; false where nothing decodes it or the slave errs. */
  write(address: number, width: AccessWidth, value: number, master: BusMaster): boolean {
    const m = this.decode(address);
    if (m === undefined) return false;
    const ok = m.slave.write((address >>> 0) - m.base, width, value, master);
    if (ok && m.slave.directBytes !== undefined) this.notifyChanged(address >>> 0, width);
    return ok;
  }

  /** Subscribes to content changes (the core's decoded-instruction cache uses this). */
  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Tells readers that [address, address + length) changed outside `write`. */
  notifyChanged(address: number, length: number): void {
    for (const l of this.listeners) l(address, length);
  }

  /** Convenience for tests and loaders: the debugger-side view of memory as a master would see it. */
  readBytes(address: number, length: number, master: BusMaster = BusMaster.Debug): Uint8Array | undefined {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const v = this.read(address + i, 1, master);
      if (v === BUS_ERROR) return undefined;
      out[i] = v;
    }
    return out;
  }
}

/** Plain RAM or ROM backed by a byte array; ROM ignores nothing silently: writes error. */
export class MemorySlave implements BusSlave {
  readonly directBytes: Uint8Array;
  readonly directWritable: boolean;

  constructor(
    readonly name: string,
    size: number,
    writable: boolean,
  ) {
    this.directBytes = new Uint8Array(size);
    this.directWritable = writable;
  }

  read(offset: number, width: AccessWidth): number {
    const b = this.directBytes;
    if (width === 4) return (b[offset]! | (b[offset + 1]! << 8) | (b[offset + 2]! << 16) | (b[offset + 3]! << 24)) >>> 0;
    if (width === 2) return b[offset]! | (b[offset + 1]! << 8);
    return b[offset]!;
  }

  write(offset: number, width: AccessWidth, value: number): boolean {
    if (!this.directWritable) return false;
    const b = this.directBytes;
    b[offset] = value;
    if (width >= 2) b[offset + 1] = value >>> 8;
    if (width === 4) {
      b[offset + 2] = value >>> 16;
      b[offset + 3] = value >>> 24;
    }
    return true;
  }
}
