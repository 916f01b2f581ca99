import { afterEach, describe, expect, it, vi } from 'vitest';
import { discoverAccessPorts } from '../../main/coresight/ap-discovery';
import { DpRegister } from '../../main/coresight/dp-registers';
import { MemAp } from '../../main/coresight/mem-ap';
import { BOARDS, PRESETS, openSim, type SimConnection } from '../probe/support/sim-connection';
import { idleCore } from '../probe/support/idle-core';

const EXPECTED = {
  nrf52840: { dpidr: 0x2ba01477, aps: [0x24770011, 0x02880000], base: 0xe00ff000 },
  stm32l051: { dpidr: 0x0bc11477, aps: [0x04770031], base: 0xf0000000 },
} as const;

let open: SimConnection | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe.each(PRESETS)('DebugPort on preset %s', (preset) => {
  it.each(BOARDS)('brings up the SW-DP of %s: DPIDR, powered debug and system domains, no sticky errors', async (board) => {
    open = await openSim(board, preset, { createCore: idleCore });
    const dpidr = await open.dp.connect();
    expect(dpidr.raw).toBe(EXPECTED[board].dpidr);
    expect(dpidr.designer).toEqual({ continuation: 4, identity: 0x3b });
    expect(dpidr.version).toBe(1);
    const status = await open.dp.readDP(DpRegister.CTRL_STAT);
    expect((status >>> 28) & 0xf).toBe(0xf);
    expect(status & 0x32).toBe(0);
  });

  it.each(BOARDS)('discovers the access ports of %s until IDR reads zero and decodes the MEM-AP', async (board) => {
    open = await openSim(board, preset, { createCore: idleCore });
    await open.dp.connect();
    const aps = await discoverAccessPorts(open.dp);
    expect(aps.map((ap) => ap.idr.raw)).toEqual(EXPECTED[board].aps);
    const mem = aps[0]!;
    expect(mem).toBeInstanceOf(MemAp);
    expect(mem.description).toBe('AHB3 MEM-AP (Arm Ltd)');
    expect((mem as MemAp).romTableAddress).toBe(EXPECTED[board].base);
    expect((mem as MemAp).deviceEnabled).toBe(true);
    if (board === 'nrf52840') expect(aps[1]!.description).toBe('AP class 0x0 type 0x0 (Nordic Semiconductor)');
  });
});

describe('DebugPort SWCLK frequency', () => {
  it('clocks the probe at a changed frequency now and at every later bring-up', async () => {
    open = await openSim('nrf52840', 'mcu-link-v2-hs', { createCore: idleCore });
    await open.dp.connect();
    const setClock = vi.spyOn(open.dp.probe, 'setClock');
    await open.dp.setFrequency(400_000);
    expect(open.dp.frequency).toBe(400_000);
    await open.dp.connect();
    expect(setClock.mock.calls).toEqual([[400_000], [400_000]]);
    expect((await open.dp.readDP(DpRegister.DPIDR)) >>> 0).toBe(EXPECTED.nrf52840.dpidr);
  });
});

describe('DebugPort connect failures', () => {
  it('reports an unpowered target as NoAckError naming both switch sequences', async () => {
    open = await openSim('nrf52840', 'picoprobe-v2-bulk', { createCore: idleCore, faults: { targetUnpowered: true } });
    await expect(open.dp.connect()).rejects.toThrow(/did not answer after JTAG-to-SWD and dormant wake-up/);
    await expect(open.dp.connect()).rejects.toHaveProperty('name', 'NoAckError');
  });
});
