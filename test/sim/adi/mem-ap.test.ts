import { describe, expect, it } from 'vitest';
import { BusMaster } from '../../../main/sim/bus/bus-types';
import { MemorySlave, SystemBus } from '../../../main/sim/bus/system-bus';
import { DEBUG_PARTS } from '../../../main/sim/adi/debug-parts';
import { CSW, MEM_AP_REG, MemAp } from '../../../main/sim/adi/mem-ap';

function setup(options: { enabled?: boolean; part?: keyof typeof DEBUG_PARTS } = {}) {
  let time = 0;
  const bus = new SystemBus();
  const ram = new MemorySlave('RAM', 0x10000, true);
  bus.map(0x20000000, 0x10000, ram);
  bus.map(0x00000000, 0x1000, new MemorySlave('ROM', 0x1000, false));
  let enabled = options.enabled ?? true;
  const ap = new MemAp(DEBUG_PARTS[options.part ?? 'nrf52840'].ahbAp, { bus, now: () => time, deviceEnabled: () => enabled });
  const read = (reg: number) => {
    const r = ap.read(reg);
    return r.kind === 'ok' ? r.value : 'error';
  };
  const write = (reg: number, value: number) => ap.write(reg, value).kind;
  return {
    ap,
    bus,
    ram,
    read,
    write,
    advance: (ns: number) => (time += ns),
    setEnabled: (e: boolean) => (enabled = e),
  };
}

describe('AHB-AP identification (Cortex-M4 / Cortex-M0+ TRMs)', () => {
  it('reports IDR, CFG and BASE of each part', () => {
    expect(DEBUG_PARTS.nrf52840.ahbAp).toMatchObject({ idr: 0x24770011, cfg: 0, base: 0xe00ff003 });
    expect(DEBUG_PARTS.stm32l051.ahbAp).toMatchObject({ idr: 0x04770031, cfg: 0, base: 0xf0000003 });
    const { read } = setup();
    expect(read(MEM_AP_REG.IDR)).toBe(0x24770011);
    expect(read(MEM_AP_REG.BASE)).toBe(0xe00ff003);
    expect(read(MEM_AP_REG.CFG)).toBe(0);
  });

  it('resets CSW to 0x03000040 with DeviceEn reflecting the system, and keeps Prot bits as written', () => {
    const { read, write, setEnabled } = setup();
    expect(read(MEM_AP_REG.CSW)).toBe(0x03000040);
    setEnabled(false);
    expect(read(MEM_AP_REG.CSW)).toBe(0x03000000);
    setEnabled(true);
    write(MEM_AP_REG.CSW, 0xa2000012);
    expect(read(MEM_AP_REG.CSW)).toBe(0xa2000052);
  });

  it('reads packed address increment back as off and a reserved size as the previous size', () => {
    const { read, write } = setup();
    write(MEM_AP_REG.CSW, 0x23000022);
    expect((read(MEM_AP_REG.CSW) as number) & 0x37).toBe(0x02);
    write(MEM_AP_REG.CSW, 0x23000015);
    expect((read(MEM_AP_REG.CSW) as number) & 0x37).toBe(0x12);
  });
});

describe('AHB-AP data access (ADIv5.2 C2.6)', () => {
  it('writes and reads words through DRW with single auto-increment', () => {
    const { bus, read, write } = setup();
    write(MEM_AP_REG.CSW, 0x23000012);
    write(MEM_AP_REG.TAR, 0x20000000);
    write(MEM_AP_REG.DRW, 0x11223344);
    write(MEM_AP_REG.DRW, 0x55667788);
    expect(read(MEM_AP_REG.TAR)).toBe(0x20000008);
    expect(bus.read(0x20000004, 4, BusMaster.Core)).toBe(0x55667788);
    write(MEM_AP_REG.TAR, 0x20000000);
    expect(read(MEM_AP_REG.DRW)).toBe(0x11223344);
    expect(read(MEM_AP_REG.DRW)).toBe(0x55667788);
  });

  it('increments TAR across 1 KiB and wraps it within the 4 KiB block of the Cortex-M4 AHB-AP', () => {
    const { read, write } = setup();
    write(MEM_AP_REG.CSW, 0x23000012);
    write(MEM_AP_REG.TAR, 0x200003fc);
    write(MEM_AP_REG.DRW, 1);
    expect(read(MEM_AP_REG.TAR)).toBe(0x20000400);
    write(MEM_AP_REG.TAR, 0x20000ffc);
    write(MEM_AP_REG.DRW, 1);
    expect(read(MEM_AP_REG.TAR)).toBe(0x20000000);
  });

  it('wraps the auto-incremented TAR within the 1 KiB block of the Cortex-M0+ AHB-AP', () => {
    const { read, write } = setup({ part: 'stm32l051' });
    write(MEM_AP_REG.CSW, 0x23000012);
    write(MEM_AP_REG.TAR, 0x200003fc);
    write(MEM_AP_REG.DRW, 1);
    expect(read(MEM_AP_REG.TAR)).toBe(0x20000000);
  });

  it('places bytes and halfwords on the byte lanes selected by TAR[1:0]', () => {
    const { bus, read, write } = setup();
    bus.write(0x20000100, 4, 0xaabbccdd, BusMaster.Core);
    write(MEM_AP_REG.CSW, 0x23000010);
    write(MEM_AP_REG.TAR, 0x20000102);
    expect(read(MEM_AP_REG.DRW)).toBe(0x00bb0000);
    expect(read(MEM_AP_REG.TAR)).toBe(0x20000103);
    write(MEM_AP_REG.DRW, 0x5a000000);
    expect(bus.read(0x20000100, 4, BusMaster.Core)).toBe(0x5abbccdd);
    write(MEM_AP_REG.CSW, 0x23000011);
    write(MEM_AP_REG.TAR, 0x20000102);
    expect(read(MEM_AP_REG.DRW)).toBe(0x5abb0000);
    write(MEM_AP_REG.TAR, 0x20000100);
    write(MEM_AP_REG.DRW, 0x00001234);
    expect(bus.read(0x20000100, 4, BusMaster.Core)).toBe(0x5abb1234);
  });

  it('reaches four words through BD0-BD3 without moving TAR', () => {
    const { bus, read, write } = setup();
    for (let i = 0; i < 4; i++) bus.write(0x20000010 + 4 * i, 4, 0x100 + i, BusMaster.Core);
    write(MEM_AP_REG.CSW, 0x23000012);
    write(MEM_AP_REG.TAR, 0x20000014);
    expect([read(MEM_AP_REG.BD0), read(MEM_AP_REG.BD1), read(MEM_AP_REG.BD2), read(MEM_AP_REG.BD3)]).toEqual([0x100, 0x101, 0x102, 0x103]);
    write(MEM_AP_REG.BD2, 0xfeed);
    expect(bus.read(0x20000018, 4, BusMaster.Core)).toBe(0xfeed);
    expect(read(MEM_AP_REG.TAR)).toBe(0x20000014);
  });

  it('answers a bus error for unmapped or read-only targets and an unaligned halfword, without incrementing TAR', () => {
    const { read, write } = setup();
    write(MEM_AP_REG.CSW, 0x23000012);
    write(MEM_AP_REG.TAR, 0x30000000);
    expect(read(MEM_AP_REG.DRW)).toBe('error');
    expect(read(MEM_AP_REG.TAR)).toBe(0x30000000);
    write(MEM_AP_REG.TAR, 0x00000000);
    expect(write(MEM_AP_REG.DRW, 1)).toBe('error');
    write(MEM_AP_REG.CSW, 0x23000011);
    write(MEM_AP_REG.TAR, 0x20000001);
    expect(read(MEM_AP_REG.DRW)).toBe('error');
  });

  it('issues no transaction while DeviceEn is low', () => {
    const { read, write, setEnabled } = setup();
    setEnabled(false);
    write(MEM_AP_REG.TAR, 0x20000000);
    expect(read(MEM_AP_REG.DRW)).toBe('error');
    expect(read(MEM_AP_REG.IDR)).toBe(0x24770011);
  });

  it('shows TrInProg and reports busy for the duration of a bus transaction', () => {
    const { ap, read, write, advance } = setup();
    write(MEM_AP_REG.TAR, 0x20000000);
    read(MEM_AP_REG.DRW);
    expect(ap.busy()).toBe(true);
    expect((read(MEM_AP_REG.CSW) as number) & CSW.TR_IN_PROG).toBe(CSW.TR_IN_PROG);
    advance(DEBUG_PARTS.nrf52840.ahbAp.accessTimeNs);
    expect(ap.busy()).toBe(false);
  });
});
