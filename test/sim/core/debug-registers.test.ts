import { describe, expect, it } from 'vitest';
import { BusMaster } from '../../../main/sim/bus/bus-types';
import { createBareSystem, toolchainAvailable } from './support/bare-system';

const DHCSR = 0xe000edf0;
const DCRSR = 0xe000edf4;
const DCRDR = 0xe000edf8;
const DEMCR = 0xe000edfc;
const DFSR = 0xe000ed30;
const KEY = 0xa05f0000;

const loop = `  .thumb_func
_start:
  movs r0, #0
1:
  adds r0, #1
  b 1b
`;

describe.skipIf(!toolchainAvailable)('halting debug registers', () => {
  for (const model of ['cortex-m0', 'cortex-m4'] as const) {
    it(`${model}: DHCSR ignores writes without DBGKEY and halts with it`, () => {
      const { core, bus, clock } = createBareSystem(model, { body: loop });
      bus.write(DHCSR, 4, 0x3, BusMaster.Debug);
      expect(bus.read(DHCSR, 4, BusMaster.Debug) & 0x3).toBe(0);
      bus.write(DHCSR, 4, KEY | 0x3, BusMaster.Debug);
      expect(core.status.halted).toBe(true);
      const dhcsr = bus.read(DHCSR, 4, BusMaster.Debug);
      expect(dhcsr & 0x000f_000f).toBe(0x0003_0003);
      expect(bus.read(DFSR, 4, BusMaster.Debug)).toBe(1);
      const pc = core.readRegister(15);
      clock.advanceTo(clock.now);
      core.runUntil(clock.now + 1000);
      expect(core.readRegister(15)).toBe(pc);
    });

    it(`${model}: DCRSR/DCRDR read and write core registers while halted`, () => {
      const { core, bus, clock } = createBareSystem(model, { body: loop });
      core.runUntil(clock.now + 1000);
      bus.write(DHCSR, 4, KEY | 0x3, BusMaster.Debug);
      bus.write(DCRSR, 4, 0, BusMaster.Debug);
      expect(bus.read(DCRDR, 4, BusMaster.Debug)).toBe(core.readRegister(0));
      bus.write(DCRDR, 4, 0x1234_5678, BusMaster.Debug);
      bus.write(DCRSR, 4, 0x10000 | 5, BusMaster.Debug);
      expect(core.readRegister(5)).toBe(0x1234_5678);
      bus.write(DCRSR, 4, 15, BusMaster.Debug);
      expect(bus.read(DCRDR, 4, BusMaster.Debug)).toBe(core.readRegister(15));
      expect(bus.read(DHCSR, 4, BusMaster.Debug) & (1 << 16)).toBe(1 << 16);
    });

    it(`${model}: S_RESET_ST and S_RETIRE_ST are sticky and cleared by reading DHCSR`, () => {
      const { core, bus, clock } = createBareSystem(model, { body: loop });
      expect(bus.read(DHCSR, 4, BusMaster.Debug) & (1 << 25)).toBe(1 << 25);
      expect(bus.read(DHCSR, 4, BusMaster.Debug) & (1 << 25)).toBe(0);
      core.runUntil(clock.now + 1000);
      expect(bus.read(DHCSR, 4, BusMaster.Debug) & (1 << 24)).toBe(1 << 24);
      expect(bus.read(DHCSR, 4, BusMaster.Debug) & (1 << 24)).toBe(0);
    });

    it(`${model}: VC_CORERESET halts at the first instruction of the reset handler after a system reset`, () => {
      const { core, bus } = createBareSystem(model, { body: loop });
      bus.write(DHCSR, 4, KEY | 0x1, BusMaster.Debug);
      bus.write(DEMCR, 4, 1, BusMaster.Debug);
      bus.write(0xe000ed0c, 4, 0x05fa_0004, BusMaster.Debug);
      expect(core.status.halted).toBe(true);
      expect(core.readRegister(15)).toBe(bus.read(4, 4, BusMaster.Debug) & ~1);
      expect(bus.read(DFSR, 4, BusMaster.Debug) & 0x8).toBe(0x8);
      expect(bus.read(DEMCR, 4, BusMaster.Debug) & 1).toBe(1);
    });
  }
});
