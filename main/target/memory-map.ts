/**
 * A target's memory map (pyOCD's MemoryMap): regions kept sorted by start address, looked up by
 * address, by name or by attributes. Overlapping regions are refused so a lookup by address has
 * one answer; a user script adds regions at connect time through `addRegion`.
 */
import { FlashRegion, MemoryRegion, MemoryType, RamRegion } from './memory-region';

const hex = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;

/** Attribute values a region must have to match (`{ type: 'flash', isBootMemory: true }`). */
export type RegionCriteria = Partial<Record<keyof MemoryRegion | 'flm' | 'pageSize' | 'erasedValue', unknown>>;

export class MemoryMap {
  private list: MemoryRegion[] = [];

  constructor(regions: Iterable<MemoryRegion> = []) {
    for (const region of regions) this.addRegion(region);
  }

  get regions(): readonly MemoryRegion[] {
    return this.list;
  }

  get regionCount(): number {
    return this.list.length;
  }

  addRegion(region: MemoryRegion): void {
    const clash = this.list.find((r) => r.intersectsRange(region.start, region.length));
    if (clash) throw new RangeError(`Cannot add ${region.toString()}: it overlaps ${clash.toString()}`);
    if (this.list.some((r) => r.name === region.name)) {
      throw new RangeError(`Cannot add ${region.toString()}: a region named "${region.name}" already exists`);
    }
    this.list = [...this.list, region].sort((a, b) => a.start - b.start);
  }

  removeRegion(region: MemoryRegion): boolean {
    const before = this.list.length;
    this.list = this.list.filter((r) => r !== region);
    return this.list.length !== before;
  }

  getRegionForAddress(address: number): MemoryRegion | undefined {
    return this.list.find((r) => r.containsAddress(address));
  }

  getRegionByName(name: string): MemoryRegion | undefined {
    return this.list.find((r) => r.name === name);
  }

  /** Regions that share at least one byte with [start, start + length). */
  getIntersectingRegions(start: number, length: number): MemoryRegion[] {
    return this.list.filter((r) => r.intersectsRange(start, length));
  }

  getRegionsOfType<T extends MemoryType>(type: T): MemoryRegion[] {
    return this.list.filter((r) => r.type === type);
  }

  /** The first region (lowest address) whose attributes equal every given criterion. */
  getFirstMatchingRegion(criteria: RegionCriteria): MemoryRegion | undefined {
    const entries = Object.entries(criteria);
    return this.list.find((r) => entries.every(([key, value]) => (r as unknown as Record<string, unknown>)[key] === value));
  }

  get ramRegions(): RamRegion[] {
    return this.list.filter((r): r is RamRegion => r instanceof RamRegion);
  }

  get flashRegions(): FlashRegion[] {
    return this.list.filter((r): r is FlashRegion => r instanceof FlashRegion);
  }

  get bootMemory(): MemoryRegion | undefined {
    return this.list.find((r) => r.isBootMemory);
  }

  /** The region holding `address`, or an error that names the address and the map's regions. */
  requireRegionForAddress(address: number): MemoryRegion {
    const region = this.getRegionForAddress(address);
    if (!region) {
      const names = this.list.map((r) => r.name).join(', ') || 'none';
      throw new RangeError(`Address ${hex(address)} is in no memory region (regions: ${names})`);
    }
    return region;
  }
}
