import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlashRegion } from '../../main/target/memory-region';
import { DEFAULT_RESOURCES_DIR, TargetRegistry, parseTargetDefinition } from '../../main/target/target-definition';

describe('built-in targets', () => {
  const registry = new TargetRegistry();

  it('lists the generic target and both simulated parts', () => {
    expect(registry.names).toEqual(['cortex_m', 'nrf52840', 'stm32l051x8']);
  });

  it('describes the nRF52840 from its product specification', () => {
    const def = registry.require('nrf52840');
    const map = def.createMemoryMap();
    const flash = map.getRegionByName('flash') as FlashRegion;
    expect([flash.start, flash.length, flash.sectorAt(0x1234).size, flash.erasedValue, flash.isBootMemory]).toEqual([0, 0x100000, 0x1000, 0xff, true]);
    expect(map.getRegionForAddress(0x20000000)?.name).toBe('ram');
    expect(map.getRegionByName('ram')?.length).toBe(0x40000);
    expect(map.getRegionForAddress(0x10001000)?.name).toBe('uicr');
    expect(def.core).toBe('Cortex-M4');
  });

  it('describes the STM32L051x8 from RM0377, with flash erased to 0x00 in 128-byte pages', () => {
    const map = registry.require('stm32l051x8').createMemoryMap();
    const flash = map.getRegionByName('flash') as FlashRegion;
    expect([flash.start, flash.length, flash.sectorAt(0x08000100).size, flash.erasedValue]).toEqual([0x08000000, 0x10000, 0x80, 0]);
    expect(map.getRegionByName('ram')?.length).toBe(0x2000);
    expect(map.getRegionForAddress(0x08080010)?.name).toBe('eeprom');
  });

  it('references flash algorithms that exist in resources/', () => {
    for (const name of ['nrf52840', 'stm32l051x8']) {
      for (const region of registry.require(name).createMemoryMap().flashRegions) {
        expect(existsSync(join(DEFAULT_RESOURCES_DIR, region.flm!)), `${name} ${region.name} ${region.flm}`).toBe(true);
      }
    }
  });

  it('gives each session its own memory map', () => {
    const def = registry.require('nrf52840');
    const a = def.createMemoryMap();
    a.removeRegion(a.getRegionByName('ram')!);
    expect(def.createMemoryMap().getRegionByName('ram')).toBeDefined();
  });

  it('has a generic cortex_m target with an empty map and rejects unknown names', () => {
    expect(registry.require('cortex_m').createMemoryMap().regionCount).toBe(0);
    expect(() => registry.require('nrf9999')).toThrow(/Unknown target "nrf9999"; known targets: cortex_m, nrf52840, stm32l051x8/);
  });
});

describe('parseTargetDefinition errors', () => {
  const head = 'name: x\nvendor: v\npart: p\nsources: [s]\n';

  it('names the file, line and setting of a schema error', () => {
    const text = `${head}memoryMap:\n  - type: ram\n    name: ram\n    start: 0x20000000\n    length: -4\n`;
    expect(() => parseTargetDefinition(text, 'x.yaml')).toThrow(/^x\.yaml:9: memoryMap\.0\.length: /);
  });

  it('names the line of a region the memory map refuses', () => {
    const text = `${head}memoryMap:\n  - {type: ram, name: a, start: 0, length: 16}\n  - {type: ram, name: b, start: 8, length: 16}\n`;
    expect(() => parseTargetDefinition(text, 'x.yaml')).toThrow(/^x\.yaml:7: memoryMap\.1: .*overlaps/);
  });

  it('names the line of a YAML syntax error', () => {
    expect(() => parseTargetDefinition('name: [x\n', 'bad.yaml')).toThrow(/^bad\.yaml:\d+: /);
  });
});
