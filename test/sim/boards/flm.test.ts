import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BusMaster } from '../../../main/sim/bus/bus-types';
import { createBoard, type SimBoard } from '../../../main/sim/boards';
import { FLM_DIR, FlmRunner } from './flm-runner';

/** FlashOS.h function codes for Init/UnInit. */
const ERASE = 1;
const PROGRAM = 2;
const D = BusMaster.Debug;

function read(board: SimBoard, address: number, length: number): Uint8Array {
  const bytes = board.bus.readBytes(address, length, D);
  if (bytes === undefined) throw new Error(`cannot read 0x${address.toString(16)}`);
  return bytes;
}

function pattern(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 37 + seed) & 0xff);
}

const FLASH_SR = 0x4002_2018;
const WRPERR = 1 << 8;
const NOTZEROERR = 1 << 16;

/** Records every FLASH_SR value the core reads (the FLM clears the flags after reading them). */
function recordStatusReads(board: SimBoard): number[] {
  const values: number[] = [];
  const slave = board.bus.decode(FLASH_SR)!.slave;
  const read = slave.read.bind(slave);
  slave.read = (offset, width, master) => {
    const v = read(offset, width, master);
    if (master === BusMaster.Core && offset === FLASH_SR - 0x4002_2000) values.push(v);
    return v;
  };
  return values;
}

const NRF_LAYOUT = { loadAddress: 0x2000_0000, trampoline: 0x2000_1ff0, buffer: 0x2000_2000, stackTop: 0x2000_4000 };
const STM_LAYOUT = { loadAddress: 0x2000_0000, trampoline: 0x2000_07f0, buffer: 0x2000_0800, stackTop: 0x2000_2000 };

describe('nrf52840-flash.FLM on sim:nrf52840', () => {
  function setup() {
    const board = createBoard('nrf52840', { persist: false });
    return { board, flm: new FlmRunner(board, join(FLM_DIR, 'nrf52840-flash.FLM'), NRF_LAYOUT) };
  }

  it('erases a sector, programs a page and verifies it', () => {
    const { board, flm } = setup();
    expect(read(board, 0x0, 4)).not.toEqual(new Uint8Array([0xff, 0xff, 0xff, 0xff]));
    expect(flm.call('Init', [0, 64_000_000, ERASE])).toBe(0);
    const before = board.clock.now;
    expect(flm.call('EraseSector', [0x0])).toBe(0);
    expect(board.clock.now - before).toBeGreaterThanOrEqual(85_000_000);
    expect(read(board, 0x0, 0x1000).every((b) => b === 0xff)).toBe(true);
    expect(flm.call('UnInit', [ERASE])).toBe(0);
    const data = pattern(1024, 3);
    expect(flm.call('Init', [0, 64_000_000, PROGRAM])).toBe(0);
    expect(flm.call('ProgramPage', [0x400, data.length, flm.buffer(data)])).toBe(0);
    expect(read(board, 0x400, data.length)).toEqual(data);
    expect(flm.call('Verify', [0x400, data.length, flm.buffer(data)])).toBe(0x400 + data.length);
    expect(flm.call('UnInit', [PROGRAM])).toBe(0);
    expect(board.bus.read(0x4001_e504, 4, D)).toBe(0); // NVMC back in read-only mode
  });

  it('erases the whole flash with EraseChip in tERASEALL', () => {
    const { board, flm } = setup();
    expect(flm.call('Init', [0, 64_000_000, ERASE])).toBe(0);
    const before = board.clock.now;
    expect(flm.call('EraseChip', [])).toBe(0);
    expect(board.clock.now - before).toBeGreaterThanOrEqual(173_000_000);
    expect(flm.call('BlankCheck', [0x0, 0x2000, 0xff])).toBe(0);
    expect(read(board, 0xf_f000, 0x1000).every((b) => b === 0xff)).toBe(true);
  });

  it('reports the first differing address from Verify when a flash bit is stuck', () => {
    const { board, flm } = setup();
    flm.call('Init', [0, 64_000_000, ERASE]);
    flm.call('EraseSector', [0x8000]);
    flm.call('UnInit', [ERASE]);
    board.debugHooks.injectStuckBit(0x8013, 0);
    const data = new Uint8Array(256);
    flm.call('Init', [0, 64_000_000, PROGRAM]);
    expect(flm.call('ProgramPage', [0x8000, data.length, flm.buffer(data)])).toBe(0);
    expect(flm.call('Verify', [0x8000, data.length, flm.buffer(data)])).toBe(0x8013);
  });

  it('refuses to erase or program without Init, or with a wrong static base, leaving flash unchanged', () => {
    const { board, flm } = setup();
    const original = read(board, 0x0, 16);
    expect(flm.call('EraseSector', [0x0])).toBe(1);
    expect(flm.call('ProgramPage', [0x0, 16, flm.buffer(new Uint8Array(16))])).toBe(1);
    expect(flm.call('Init', [0, 64_000_000, PROGRAM], { staticBase: 0x2000_3000 })).toBe(1);
    expect(read(board, 0x0, 16)).toEqual(original);
  });

  it('leaves the NVMC read-only after UnInit, so a stray write programs nothing', () => {
    const { board, flm } = setup();
    flm.call('Init', [0, 64_000_000, ERASE]);
    flm.call('EraseSector', [0x3000]);
    flm.call('UnInit', [ERASE]);
    expect(board.bus.read(0x4001_e504, 4, D)).toBe(0);
    expect(board.bus.write(0x3000, 4, 0x1234_5678, D)).toBe(true);
    expect(board.bus.read(0x3000, 4, D)).toBe(0xffff_ffff);
  });
});

describe('nrf52840-uicr.FLM on sim:nrf52840', () => {
  it('erases the UICR and programs customer registers', () => {
    const board = createBoard('nrf52840', { persist: false });
    const flm = new FlmRunner(board, join(FLM_DIR, 'nrf52840-uicr.FLM'), NRF_LAYOUT);
    const flashBefore = read(board, 0x0, 64);
    expect(flm.call('Init', [0x1000_1000, 64_000_000, ERASE])).toBe(0);
    expect(flm.call('EraseChip', [])).toBe(0);
    expect(read(board, 0x1000_1000, 0x1000).every((b) => b === 0xff)).toBe(true);
    expect(flm.call('UnInit', [ERASE])).toBe(0);
    const data = pattern(32, 9);
    expect(flm.call('Init', [0x1000_1000, 64_000_000, PROGRAM])).toBe(0);
    expect(flm.call('ProgramPage', [0x1000_1080, data.length, flm.buffer(data)])).toBe(0);
    expect(read(board, 0x1000_1080, 32)).toEqual(data);
    expect(read(board, 0x0, 64)).toEqual(flashBefore);
  });
});

describe('stm32l0-flash.FLM on sim:stm32l051', () => {
  function setup() {
    const board = createBoard('stm32l051', { persist: false });
    return { board, flm: new FlmRunner(board, join(FLM_DIR, 'stm32l0-flash.FLM'), STM_LAYOUT) };
  }

  it('erases a page and programs it with half-page writes, then verifies', () => {
    const { board, flm } = setup();
    expect(flm.call('Init', [0x0800_0000, 2_097_000, ERASE])).toBe(0);
    expect(flm.call('EraseSector', [0x0800_0000])).toBe(0);
    expect(read(board, 0x0800_0000, 128).every((b) => b === 0)).toBe(true);
    expect(read(board, 0x0800_0080, 4).some((b) => b !== 0)).toBe(true);
    expect(flm.call('UnInit', [ERASE])).toBe(0);
    const data = pattern(128, 5);
    expect(flm.call('Init', [0x0800_0000, 2_097_000, PROGRAM])).toBe(0);
    const before = board.clock.now;
    expect(flm.call('ProgramPage', [0x0800_0000, 128, flm.buffer(data)])).toBe(0);
    const elapsed = board.clock.now - before;
    expect(elapsed).toBeGreaterThanOrEqual(2 * 3_200_000);
    expect(elapsed).toBeLessThan(3 * 3_200_000);
    expect(read(board, 0x0800_0000, 128)).toEqual(data);
    expect(flm.call('Verify', [0x0800_0000, 128, flm.buffer(data)])).toBe(0x0800_0080);
    expect(flm.call('UnInit', [PROGRAM])).toBe(0);
    expect(board.bus.read(0x4002_2004, 4, D) & 0x7).toBe(0x7); // PECR locked again
  });

  it('programs single words where the data does not cover a half-page', () => {
    const { board, flm } = setup();
    flm.call('Init', [0x0800_0000, 2_097_000, ERASE]);
    flm.call('EraseSector', [0x0800_fe00]);
    flm.call('UnInit', [ERASE]);
    const data = pattern(12, 7);
    flm.call('Init', [0x0800_0000, 2_097_000, PROGRAM]);
    expect(flm.call('ProgramPage', [0x0800_fe04, 12, flm.buffer(data)])).toBe(0);
    expect(read(board, 0x0800_fe00, 16)).toEqual(Uint8Array.from([0, 0, 0, 0, ...data]));
  });

  it('fails ProgramPage over non-erased words with NOTZEROERR in FLASH_SR and leaves them as they were', () => {
    const { board, flm } = setup();
    const statusReads = recordStatusReads(board);
    const original = read(board, 0x0800_0000, 64);
    expect(original.some((b) => b !== 0)).toBe(true);
    flm.call('Init', [0x0800_0000, 2_097_000, PROGRAM]);
    expect(flm.call('ProgramPage', [0x0800_0000, 64, flm.buffer(pattern(64, 1))])).toBe(1);
    expect(flm.call('ProgramPage', [0x0800_0000, 4, flm.buffer(pattern(4, 1))])).toBe(1);
    expect(read(board, 0x0800_0000, 64)).toEqual(original);
    expect(statusReads.filter((v) => (v & NOTZEROERR) !== 0).length).toBeGreaterThanOrEqual(2);
  });

  it('fails with WRPERR when the NVM is relocked (PELOCK) under an initialised algorithm', () => {
    const { board, flm } = setup();
    const statusReads = recordStatusReads(board);
    flm.call('Init', [0x0800_0000, 2_097_000, ERASE]);
    board.bus.write(0x4002_2004, 4, 1, D); // PELOCK: sets all three locks
    expect(flm.call('EraseSector', [0x0800_0000])).toBe(1);
    expect(statusReads.some((v) => (v & WRPERR) !== 0)).toBe(true);
    expect(read(board, 0x0800_0000, 4).some((b) => b !== 0)).toBe(true);
  });

  it('fails while the NVM is locked and after UnInit, leaving flash unchanged', () => {
    const { board, flm } = setup();
    flm.call('Init', [0x0800_0000, 2_097_000, ERASE]);
    flm.call('UnInit', [ERASE]);
    expect(flm.call('EraseSector', [0x0800_0000])).toBe(1);
    expect(board.bus.read(0x4002_2004, 4, D) & 0x3).toBe(0x3);
    expect(read(board, 0x0800_0000, 4).some((b) => b !== 0)).toBe(true);
  });
});

describe('stm32l0-eeprom.FLM on sim:stm32l051', () => {
  it('erases and programs data EEPROM', () => {
    const board = createBoard('stm32l051', { persist: false });
    const flm = new FlmRunner(board, join(FLM_DIR, 'stm32l0-eeprom.FLM'), STM_LAYOUT);
    const data = pattern(128, 11);
    expect(flm.call('Init', [0x0808_0000, 2_097_000, PROGRAM])).toBe(0);
    expect(flm.call('ProgramPage', [0x0808_0080, 128, flm.buffer(data)])).toBe(0);
    expect(read(board, 0x0808_0080, 128)).toEqual(data);
    expect(flm.call('UnInit', [PROGRAM])).toBe(0);
    expect(flm.call('Init', [0x0808_0000, 2_097_000, ERASE])).toBe(0);
    expect(flm.call('EraseSector', [0x0808_0080])).toBe(0);
    expect(read(board, 0x0808_0080, 128).every((b) => b === 0)).toBe(true);
  });
});
