import { afterEach, describe, expect, it } from 'vitest';
import { discoverAccessPorts } from '../../main/coresight/ap-discovery';
import { MemAp } from '../../main/coresight/mem-ap';
import { flattenComponents, walkRomTable } from '../../main/coresight/rom-table';
import { PRESETS, openSim, type SimConnection } from '../probe/support/sim-connection';

let sim: SimConnection | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function firstMemAp(board: string, preset: string): Promise<MemAp> {
  sim = await openSim(board, preset);
  await sim.dp.connect();
  return (await discoverAccessPorts(sim.dp))[0] as MemAp;
}

describe.each(PRESETS)('ROM table walk through preset %s', (preset) => {
  it('finds the Cortex-M4 debug components of the nRF52840 from the AHB-AP BASE', async () => {
    const mem = await firstMemAp('nrf52840', preset);
    const walk = await walkRomTable(mem, mem.romTableAddress!);
    expect(walk.problems).toEqual([]);
    expect(flattenComponents(walk.root).map((c) => [c.address, c.id.name])).toEqual([
      [0xe00ff000, 'ROM table (Cortex-M4)'],
      [0xe000e000, 'SCS-M4'],
      [0xe0001000, 'DWT'],
      [0xe0002000, 'FPB'],
      [0xe0000000, 'ITM'],
      [0xe0040000, 'TPIU-M4'],
      [0xe0041000, 'ETM-M4'],
    ]);
    expect(walk.root!.id.designerName).toBe('Arm Ltd');
  });

  it('finds the Cortex-M0+ debug components of the STM32L051 from the AHB-AP BASE, through ST\'s MCU ROM table', async () => {
    const mem = await firstMemAp('stm32l051', preset);
    expect(mem.romTableAddress).toBe(0xf0000000);
    const walk = await walkRomTable(mem, mem.romTableAddress!);
    expect(walk.problems).toEqual([]);
    expect(walk.root!.id.designerName).toBe('STMicroelectronics');
    expect(walk.root!.id.partNumber).toBe(0x417);
    expect(flattenComponents(walk.root).map((c) => [c.address, c.id.name])).toEqual([
      [0xf0000000, 'ROM table'],
      [0xe00ff000, 'ROM table (Cortex-M0+)'],
      [0xe000e000, 'SCS-M0'],
      [0xe0001000, 'DWT'],
      [0xe0002000, 'BPU'],
    ]);
  });

  it('finds the Cortex-M0+ debug components of the STM32L051 in the processor ROM table', async () => {
    const mem = await firstMemAp('stm32l051', preset);
    const walk = await walkRomTable(mem, 0xe00ff000);
    expect(walk.problems).toEqual([]);
    const names = flattenComponents(walk.root).map((c) => c.id.name);
    expect(names.slice(0, 4)).toEqual(['ROM table (Cortex-M0+)', 'SCS-M0', 'DWT', 'BPU']);
  });
});
