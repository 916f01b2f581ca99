import { describe, expect, it } from 'vitest';
import { BUS_ERROR, BusMaster } from '../../../main/sim/bus/bus-types';
import { MemorySlave, SystemBus } from '../../../main/sim/bus/system-bus';

describe('SystemBus', () => {
  it('decodes mapped slaves and answers a bus error where nothing is mapped', () => {
    const bus = new SystemBus();
    bus.map(0x2000_0000, 0x1000, new MemorySlave('ram', 0x1000, true));
    expect(bus.write(0x2000_0ffc, 4, 0xdeadbeef, BusMaster.Core)).toBe(true);
    expect(bus.read(0x2000_0ffc, 4, BusMaster.Debug)).toBe(0xdeadbeef);
    expect(bus.read(0x2000_0ffe, 2, BusMaster.Debug)).toBe(0xdead);
    expect(bus.read(0x2000_1000, 4, BusMaster.Debug)).toBe(BUS_ERROR);
    expect(bus.write(0x3000_0000, 1, 1, BusMaster.Core)).toBe(false);
  });

  it('rejects writes to ROM and overlapping maps', () => {
    const bus = new SystemBus();
    bus.map(0, 0x100, new MemorySlave('rom', 0x100, false));
    expect(bus.write(0, 4, 1, BusMaster.Core)).toBe(false);
    expect(() => bus.map(0x80, 0x100, new MemorySlave('x', 0x100, true))).toThrow(/overlaps rom/);
  });

  it('tells change listeners about writes into direct memory', () => {
    const bus = new SystemBus();
    bus.map(0x1000, 0x100, new MemorySlave('ram', 0x100, true));
    const changes: Array<[number, number]> = [];
    bus.onChange((a, l) => changes.push([a, l]));
    bus.write(0x1004, 2, 0xffff, BusMaster.Debug);
    expect(changes).toEqual([[0x1004, 2]]);
  });
});
