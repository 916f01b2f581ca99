import { describe, expect, it } from 'vitest';
import { BUS_ERROR, BusMaster } from '../../../../main/sim/bus/bus-types';
import { createBoard } from '../../../../main/sim/boards';
import { RecordingCore, recordingCores } from '../recording-core';

const NVMC = 0x4001_e000;
const READY = NVMC + 0x400;
const READYNEXT = NVMC + 0x408;
const CONFIG = NVMC + 0x504;
const ERASEPAGE = NVMC + 0x508;
const ERASEALL = NVMC + 0x50c;
const ERASEUICR = NVMC + 0x514;
const ERASEPAGEPARTIAL = NVMC + 0x518;
const ERASEPAGEPARTIALCFG = NVMC + 0x51c;
const UICR = 0x1000_1000;
const D = BusMaster.Debug;

function board() {
  const { factory, cores } = recordingCores();
  const b = createBoard('nrf52840', { persist: false, firmware: 'erased', createCore: factory });
  return { b, core: cores[0] as RecordingCore };
}

describe('nRF52840 NVMC', () => {
  it('ignores word writes to flash while CONFIG is Ren (read-only)', () => {
    const { b } = board();
    expect(b.bus.read(CONFIG, 4, D)).toBe(0);
    expect(b.bus.write(0x1000, 4, 0x1234_5678, D)).toBe(true);
    expect(b.bus.read(0x1000, 4, D)).toBe(0xffff_ffff);
  });

  it('programs a word with CONFIG = Wen, and programming only clears bits', () => {
    const { b } = board();
    b.bus.write(CONFIG, 4, 1, D);
    b.bus.write(0x2000, 4, 0x1234_5678, D);
    expect(b.bus.read(0x2000, 4, D)).toBe(0x1234_5678);
    b.runUntil(100_000);
    b.bus.write(0x2000, 4, 0xffff_0f0f, D);
    expect(b.bus.read(0x2000, 4, D)).toBe(0x1234_0608);
  });

  it('answers byte and half-word writes to flash with a bus error (hard fault) in every mode', () => {
    const { b } = board();
    for (const mode of [0, 1, 2]) {
      b.bus.write(CONFIG, 4, mode, D);
      expect(b.bus.write(0x3000, 1, 0x00, BusMaster.Core)).toBe(false);
      expect(b.bus.write(0x3002, 2, 0x0000, BusMaster.Core)).toBe(false);
    }
    expect(b.bus.read(0x3000, 4, D)).toBe(0xffff_ffff);
  });

  it('keeps READY at 0 for tWRITE = 41 µs after a word write and stalls a polling core to the end', () => {
    const { b, core } = board();
    b.bus.write(CONFIG, 4, 1, D);
    b.bus.write(0x4000, 4, 0, D);
    expect(b.bus.read(READY, 4, D)).toBe(0);
    expect(b.bus.read(READY, 4, BusMaster.Core)).toBe(0);
    expect(core.stalls).toEqual([41_000]);
    b.runUntil(40_999);
    expect(b.bus.read(READY, 4, D)).toBe(0);
    b.runUntil(41_000);
    expect(b.bus.read(READY, 4, D)).toBe(1);
  });

  it('queues back-to-back word writes: READY stays busy for their sum, READYNEXT accepts more', () => {
    const { b } = board();
    b.bus.write(CONFIG, 4, 1, D);
    for (let i = 0; i < 4; i++) b.bus.write(0x5000 + 4 * i, 4, i, D);
    expect(b.bus.read(READYNEXT, 4, D)).toBe(1);
    b.runUntil(4 * 41_000 - 1);
    expect(b.bus.read(READY, 4, D)).toBe(0);
    b.runUntil(4 * 41_000);
    expect(b.bus.read(READY, 4, D)).toBe(1);
  });

  it('erases a page only with CONFIG = Een, taking tERASEPAGE = 85 ms and leaving neighbours intact', () => {
    const { b } = board();
    b.bus.write(CONFIG, 4, 1, D);
    b.bus.write(0x6000, 4, 0, D);
    b.bus.write(0x6ffc, 4, 0, D);
    b.bus.write(0x7000, 4, 0, D);
    b.runUntil(1_000_000);
    b.bus.write(ERASEPAGE, 4, 0x6000, D);
    expect(b.bus.read(0x6000, 4, D)).toBe(0);
    b.bus.write(CONFIG, 4, 2, D);
    b.bus.write(ERASEPAGE, 4, 0x6000, D);
    expect(b.bus.read(0x6000, 4, D)).toBe(0xffff_ffff);
    expect(b.bus.read(0x6ffc, 4, D)).toBe(0xffff_ffff);
    expect(b.bus.read(0x7000, 4, D)).toBe(0);
    expect(b.bus.read(READY, 4, D)).toBe(0);
    expect(b.bus.read(READYNEXT, 4, D)).toBe(0);
    b.runUntil(1_000_000 + 85_000_000);
    expect(b.bus.read(READY, 4, D)).toBe(1);
  });

  it('ERASEALL erases flash and UICR in tERASEALL = 173 ms; ERASEUICR erases only the UICR', () => {
    const { b } = board();
    b.bus.write(CONFIG, 4, 1, D);
    b.bus.write(0x8000, 4, 0, D);
    b.bus.write(UICR + 0x80, 4, 0xcafe_0000, D);
    b.runUntil(1_000_000);
    b.bus.write(CONFIG, 4, 2, D);
    b.bus.write(ERASEUICR, 4, 1, D);
    expect(b.bus.read(UICR + 0x80, 4, D)).toBe(0xffff_ffff);
    expect(b.bus.read(0x8000, 4, D)).toBe(0);
    b.runUntil(200_000_000);
    b.bus.write(ERASEALL, 4, 1, D);
    expect(b.bus.read(0x8000, 4, D)).toBe(0xffff_ffff);
    b.runUntil(200_000_000 + 173_000_000 - 1);
    expect(b.bus.read(READY, 4, D)).toBe(0);
    b.runUntil(200_000_000 + 173_000_000);
    expect(b.bus.read(READY, 4, D)).toBe(1);
  });

  it('ERASEPAGEPARTIAL erases a page once the accumulated partial erase time reaches tERASEPAGE', () => {
    const { b } = board();
    b.bus.write(CONFIG, 4, 1, D);
    b.bus.write(0x9000, 4, 0, D);
    b.bus.write(CONFIG, 4, 2, D);
    expect(b.bus.read(ERASEPAGEPARTIALCFG, 4, D)).toBe(10);
    for (let i = 0; i < 8; i++) b.bus.write(ERASEPAGEPARTIAL, 4, 0x9000, D);
    expect(b.bus.read(0x9000, 4, D)).toBe(0);
    b.bus.write(ERASEPAGEPARTIAL, 4, 0x9000, D);
    expect(b.bus.read(0x9000, 4, D)).toBe(0xffff_ffff);
    b.runUntil(90_041_000 - 1);
    expect(b.bus.read(READY, 4, D)).toBe(0);
  });

  it('stretches every operation by the flash timing scale', () => {
    const { b } = board();
    b.debugHooks.flashTiming.scale = 10;
    b.bus.write(CONFIG, 4, 1, D);
    b.bus.write(0xa000, 4, 0, D);
    b.runUntil(409_999);
    expect(b.bus.read(READY, 4, D)).toBe(0);
    b.runUntil(410_000);
    expect(b.bus.read(READY, 4, D)).toBe(1);
    expect(() => (b.debugHooks.flashTiming.scale = 0)).toThrow(/positive/);
  });

  it('keeps an injected stuck bit at 1 after programming, so a verify sees the difference', () => {
    const { b } = board();
    b.debugHooks.injectStuckBit(0xb001, 3);
    b.bus.write(CONFIG, 4, 1, D);
    b.bus.write(0xb000, 4, 0, D);
    expect(b.bus.read(0xb000, 4, D)).toBe(0x0000_0800);
    b.debugHooks.clearStuckBits();
    b.runUntil(1_000_000);
    b.bus.write(0xb000, 4, 0, D);
    expect(b.bus.read(0xb000, 4, D)).toBe(0);
  });

  it('answers a bus error for NVMC offsets the PS does not define', () => {
    const { b } = board();
    expect(b.bus.read(NVMC + 0x404, 4, D)).toBe(BUS_ERROR);
    expect(b.bus.write(NVMC + 0x000, 4, 1, BusMaster.Core)).toBe(false);
  });
});
