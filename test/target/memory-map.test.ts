import { describe, expect, it } from 'vitest';
import { MemoryMap } from '../../main/target/memory-map';
import { DeviceRegion, FlashRegion, RamRegion, RomRegion } from '../../main/target/memory-region';

function sampleMap(): MemoryMap {
  return new MemoryMap([
    new RamRegion({ name: 'ram', start: 0x20000000, length: 0x10000 }),
    new FlashRegion({ name: 'flash', start: 0, length: 0x40000, sectorSize: 0x1000, flm: 'a.FLM', isBootMemory: true }),
    new DeviceRegion({ name: 'periph', start: 0x40000000, length: 0x1000 }),
  ]);
}

describe('MemoryMap', () => {
  it('keeps regions sorted and finds them by address and by name', () => {
    const map = sampleMap();
    expect(map.regions.map((r) => r.name)).toEqual(['flash', 'ram', 'periph']);
    expect(map.getRegionForAddress(0x2000ffff)?.name).toBe('ram');
    expect(map.getRegionForAddress(0x20010000)).toBeUndefined();
    expect(map.getRegionByName('periph')?.type).toBe('device');
  });

  it('adds a region as the user-script FICR example does and finds it by attributes', () => {
    const map = sampleMap();
    map.addRegion(new RomRegion({ name: 'ficr', start: 0x10000000, length: 0x460 }));
    expect(map.getRegionForAddress(0x10000100)?.name).toBe('ficr');
    expect(map.getFirstMatchingRegion({ name: 'ficr' })?.type).toBe('rom');
    expect(map.getFirstMatchingRegion({ type: 'flash', isBootMemory: true })?.name).toBe('flash');
    expect(map.getFirstMatchingRegion({ name: 'nothing' })).toBeUndefined();
  });

  it('refuses overlapping regions and duplicate names, naming both regions', () => {
    const map = sampleMap();
    expect(() => map.addRegion(new RamRegion({ name: 'ram2', start: 0x2000f000, length: 0x2000 }))).toThrow(/ram2.*overlaps ram region "ram"/);
    expect(() => map.addRegion(new RamRegion({ name: 'ram', start: 0x30000000, length: 0x10 }))).toThrow(/already exists/);
  });

  it('names the address when it is in no region', () => {
    expect(() => sampleMap().requireRegionForAddress(0x60000000)).toThrow(/0x60000000 is in no memory region/);
  });

  it('lets a script point a flash region at another algorithm', () => {
    const flash = sampleMap().getFirstMatchingRegion({ name: 'flash' }) as FlashRegion;
    flash.flm = 'other.FLM';
    expect(flash.flm).toBe('other.FLM');
  });
});

describe('FlashRegion', () => {
  it('finds sectors in a mixed layout', () => {
    const flash = new FlashRegion({
      name: 'f',
      start: 0x08000000,
      length: 0x40000,
      sectors: [
        { address: 0x08000000, size: 0x4000 },
        { address: 0x08010000, size: 0x10000 },
      ],
    });
    expect(flash.sectorAt(0x08005000)).toEqual({ start: 0x08004000, size: 0x4000 });
    expect(flash.sectorAt(0x0803ffff)).toEqual({ start: 0x08030000, size: 0x10000 });
    expect(flash.pageSize).toBe(0x4000);
    expect(flash.erasedValue).toBe(0xff);
  });

  it('rejects a layout that does not start at the region start or a bad erased value', () => {
    expect(() => new FlashRegion({ name: 'f', start: 0x1000, length: 0x1000, sectors: [{ address: 0x1800, size: 0x800 }] })).toThrow(/must start at the region start/);
    expect(() => new FlashRegion({ name: 'f', start: 0, length: 0x1000, sectorSize: 0x100, erasedValue: 0x100 })).toThrow(/not a byte/);
    expect(() => new FlashRegion({ name: 'f', start: 0, length: 0x1000 })).toThrow(/needs a sector layout/);
  });

  it('refuses regions past the 32-bit address space', () => {
    expect(() => new RamRegion({ name: 'r', start: 0xfffff000, length: 0x2000 })).toThrow(/does not fit/);
  });
});
