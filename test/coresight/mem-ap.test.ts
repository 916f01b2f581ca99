import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverAccessPorts } from '../../main/coresight/ap-discovery';
import { MemAp } from '../../main/coresight/mem-ap';
import { BusMaster } from '../../main/sim/bus/bus-types';
import { BOARDS, PRESETS, openSim, type SimConnection } from '../probe/support/sim-connection';
import { idleCore } from '../probe/support/idle-core';

/** RAM windows of the two parts (nRF52840 PS "Memory"; RM0377 "Memory map"), 1 KiB boundary inside. */
const RAM = { nrf52840: 0x20000000, stm32l051: 0x20000000 } as const;

function pattern(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 37 + seed * 11 + (i >> 8)) & 0xff);
}

describe.each(PRESETS)('MemAp through preset %s', (preset) => {
  describe.each(BOARDS)('on %s', (board) => {
    let sim: SimConnection;
    let mem: MemAp;
    const base = RAM[board];
    const busBytes = (address: number, length: number): Uint8Array => sim.transport.simulator.board.bus.readBytes(address, length, BusMaster.Debug)!;

    beforeAll(async () => {
      sim = await openSim(board, preset, { createCore: idleCore });
      await sim.dp.connect();
      mem = (await discoverAccessPorts(sim.dp))[0] as MemAp;
    });
    afterAll(async () => {
      await sim.close();
    });

    it('writes and reads 8-bit values at every byte lane across a 1 KiB boundary', async () => {
      const at = base + 0x3fc;
      await Promise.all([...Array(8).keys()].map((i) => mem.write8(at + i, 0xa0 + i)));
      expect([...busBytes(at, 8)]).toEqual([0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7]);
      const values = await Promise.all([...Array(8).keys()].map((i) => mem.read8(at + i)));
      expect(values).toEqual([0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7]);
    });

    it('writes and reads 16-bit values on both halfword lanes across a 1 KiB boundary', async () => {
      const at = base + 0x7fc;
      await Promise.all([0, 2, 4, 6].map((o) => mem.write16(at + o, 0xbe00 + o)));
      expect([...busBytes(at, 8)]).toEqual([0x00, 0xbe, 0x02, 0xbe, 0x04, 0xbe, 0x06, 0xbe]);
      expect(await Promise.all([0, 2, 4, 6].map((o) => mem.read16(at + o)))).toEqual([0xbe00, 0xbe02, 0xbe04, 0xbe06]);
    });

    it('writes and reads 32-bit words, consecutive and repeated at one address', async () => {
      const at = base + 0xbf8;
      await Promise.all([mem.write32(at, 0xdeadbeef), mem.write32(at + 4, 0x01234567), mem.write32(at + 8, 0x89abcdef)]);
      expect(await Promise.all([mem.read32(at), mem.read32(at + 4), mem.read32(at + 8), mem.read32(at)])).toEqual([0xdeadbeef, 0x01234567, 0x89abcdef, 0xdeadbeef]);
      expect([...busBytes(at, 4)]).toEqual([0xef, 0xbe, 0xad, 0xde]);
    });

    it('rejects misaligned 16/32-bit accesses with a RangeError naming the address', async () => {
      await expect(mem.read32(base + 2)).rejects.toThrow('32-bit read at 0x20000002 is not 4-byte aligned');
      await expect(mem.write16(base + 1, 0)).rejects.toThrow('16-bit write at 0x20000001 is not 2-byte aligned');
    });

    it('moves word blocks across several 1 KiB boundaries in both directions', async () => {
      const at = base + 0x1000 - 0x14;
      const words = Uint32Array.from({ length: 600 }, (_, i) => (0x5a000000 + i * 0x10001) >>> 0);
      await mem.writeBlock32(at, words);
      const raw = busBytes(at, words.length * 4);
      expect(new Uint32Array(raw.buffer, raw.byteOffset, words.length)).toEqual(words);
      expect(await mem.readBlock32(at, words.length)).toEqual(words);
    });

    it.each([
      ['401', 1],
      ['3ff', 2],
      ['3fd', 7],
      ['3fe', 1029],
      ['402', 1021],
      ['7ff', 3],
    ])('round-trips bytes at offset 0x%s, length %i, leaving the neighbours untouched', async (offsetHex, length) => {
      const offset = parseInt(offsetHex, 16);
      const at = base + 0x1400 + offset;
      const data = pattern(length, offset);
      await Promise.all([mem.write8(at - 1, 0xee), mem.write8(at + length, 0xee)]);
      await mem.writeBytes(at, data);
      expect(busBytes(at, length)).toEqual(data);
      expect(await mem.readBytes(at, length)).toEqual(data);
      expect([busBytes(at - 1, 1)[0], busBytes(at + length, 1)[0]]).toEqual([0xee, 0xee]);
    });
  });
});
