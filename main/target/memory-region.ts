/**
 * Memory regions of a target's memory map, modelled on pyOCD's (pyocd/core/memory_map.py):
 * RAM, ROM, flash and device regions with a name, start, length and attributes. Flash regions
 * also carry their flash algorithm, sector layout, page size and erased value, which the flash
 * engine needs. Addresses are 32-bit; `end` is the last byte (inclusive), as in pyOCD.
 */

export const MemoryType = {
  Ram: 'ram',
  Rom: 'rom',
  Flash: 'flash',
  Device: 'device',
} as const;
export type MemoryType = (typeof MemoryType)[keyof typeof MemoryType];

/** What the core may do with a region: any of r, w, x (pyOCD's `access`). */
export type RegionAccess = string;

export interface RegionOptions {
  readonly name: string;
  readonly start: number;
  readonly length: number;
  readonly access?: RegionAccess;
  /** The region the core boots from (vector table at reset). */
  readonly isBootMemory?: boolean;
  /** Default region of its type (e.g. the RAM used by flash algorithms). */
  readonly isDefault?: boolean;
  /** Safe to write in tests and by tools that probe memory. */
  readonly isTestable?: boolean;
  readonly isExternal?: boolean;
  /** Another name this region is known by (for instance an alias address window). */
  readonly alias?: string;
}

const hex = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;

export abstract class MemoryRegion {
  abstract readonly type: MemoryType;
  readonly name: string;
  readonly start: number;
  readonly length: number;
  readonly access: RegionAccess;
  readonly isBootMemory: boolean;
  readonly isDefault: boolean;
  readonly isTestable: boolean;
  readonly isExternal: boolean;
  readonly alias: string | undefined;

  protected constructor(options: RegionOptions, defaultAccess: RegionAccess) {
    if (!options.name) throw new RangeError('A memory region needs a name');
    if (!Number.isInteger(options.start) || options.start < 0 || options.start > 0xffffffff) {
      throw new RangeError(`Memory region "${options.name}": start ${options.start} is not a 32-bit address`);
    }
    if (!Number.isInteger(options.length) || options.length <= 0 || options.start + options.length > 0x100000000) {
      throw new RangeError(`Memory region "${options.name}": length ${options.length} does not fit the 32-bit address space from ${hex(options.start)}`);
    }
    if (options.access !== undefined && !/^r?w?x?$/.test(options.access)) {
      throw new RangeError(`Memory region "${options.name}": access "${options.access}" must be made of r, w, x in that order`);
    }
    this.name = options.name;
    this.start = options.start;
    this.length = options.length;
    this.access = options.access ?? defaultAccess;
    this.isBootMemory = options.isBootMemory ?? false;
    this.isDefault = options.isDefault ?? true;
    this.isTestable = options.isTestable ?? true;
    this.isExternal = options.isExternal ?? false;
    this.alias = options.alias;
  }

  /** Last address of the region (inclusive). */
  get end(): number {
    return this.start + this.length - 1;
  }

  get isReadable(): boolean {
    return this.access.includes('r');
  }

  get isWritable(): boolean {
    return this.access.includes('w');
  }

  get isExecutable(): boolean {
    return this.access.includes('x');
  }

  get isRam(): boolean {
    return this.type === MemoryType.Ram;
  }

  get isFlash(): boolean {
    return this.type === MemoryType.Flash;
  }

  containsAddress(address: number): boolean {
    return address >= this.start && address <= this.end;
  }

  containsRange(start: number, length: number): boolean {
    return start >= this.start && start + length - 1 <= this.end;
  }

  intersectsRange(start: number, length: number): boolean {
    return start <= this.end && start + length - 1 >= this.start;
  }

  toString(): string {
    return `${this.type} region "${this.name}" ${hex(this.start)}-${hex(this.end)}`;
  }
}

export class RamRegion extends MemoryRegion {
  readonly type = MemoryType.Ram;
  constructor(options: RegionOptions) {
    super(options, 'rwx');
  }
}

export class RomRegion extends MemoryRegion {
  readonly type = MemoryType.Rom;
  constructor(options: RegionOptions) {
    super(options, 'rx');
  }
}

export class DeviceRegion extends MemoryRegion {
  readonly type = MemoryType.Device;
  constructor(options: RegionOptions) {
    super({ isTestable: false, ...options }, 'rw');
  }
}

/** A run of equal-size erase sectors, from `address` up to the next entry or the region's end. */
export interface SectorRun {
  readonly address: number;
  readonly size: number;
}

export interface FlashRegionOptions extends RegionOptions {
  /** Path of the CMSIS-Pack flash algorithm (.FLM), relative to resources/ or the project dir. */
  readonly flm?: string;
  /** Erase sector layout; a single run when every sector has `sectorSize`. */
  readonly sectors?: readonly SectorRun[];
  /** Uniform erase sector size, used when `sectors` is not given. */
  readonly sectorSize?: number;
  /** Bytes the algorithm's ProgramPage writes at once. */
  readonly pageSize?: number;
  /** Value of an erased byte (0xFF on most parts, 0x00 on STM32L0 flash). */
  readonly erasedValue?: number;
}

export class FlashRegion extends MemoryRegion {
  readonly type = MemoryType.Flash;
  /** Mutable, as pyOCD's: a user script may point a region at another algorithm. */
  flm: string | undefined;
  readonly sectors: readonly SectorRun[];
  readonly pageSize: number;
  readonly erasedValue: number;

  constructor(options: FlashRegionOptions) {
    super({ isBootMemory: false, ...options }, 'rx');
    const sectors = options.sectors ?? (options.sectorSize ? [{ address: options.start, size: options.sectorSize }] : undefined);
    if (!sectors || sectors.length === 0) {
      throw new RangeError(`Flash region "${options.name}" needs a sector layout (sectors or sectorSize)`);
    }
    let previous: SectorRun | undefined;
    for (const run of sectors) {
      // Each run must start where a whole number of the previous run's sectors ends.
      const aligned = !previous || (run.address > previous.address && (run.address - previous.address) % previous.size === 0);
      if (!this.containsAddress(run.address) || run.size <= 0 || !aligned) {
        throw new RangeError(`Flash region "${options.name}": sector run at ${hex(run.address)} size ${run.size} does not fit the region in order`);
      }
      previous = run;
    }
    if (sectors[0]!.address !== options.start) {
      throw new RangeError(`Flash region "${options.name}": the sector layout must start at the region start ${hex(options.start)}`);
    }
    const erased = options.erasedValue ?? 0xff;
    if (!Number.isInteger(erased) || erased < 0 || erased > 0xff) {
      throw new RangeError(`Flash region "${options.name}": erased value ${erased} is not a byte`);
    }
    this.flm = options.flm;
    this.sectors = sectors;
    this.pageSize = options.pageSize ?? sectors[0]!.size;
    this.erasedValue = erased;
  }

  /** The erase sector holding `address`: its start and size. */
  sectorAt(address: number): { start: number; size: number } {
    if (!this.containsAddress(address)) {
      throw new RangeError(`Address ${hex(address)} is outside ${this.toString()}`);
    }
    let run = this.sectors[0]!;
    for (const candidate of this.sectors) if (candidate.address <= address) run = candidate;
    const start = run.address + Math.floor((address - run.address) / run.size) * run.size;
    return { start, size: run.size };
  }
}
