import { describe, expect, it } from 'vitest';
import { BUS_ERROR, BusMaster } from '../../../../main/sim/bus/bus-types';
import { createBoard } from '../../../../main/sim/boards';
import { RecordingCore, recordingCores } from '../recording-core';

const FLASH_IF = 0x4002_2000;
const ACR = FLASH_IF + 0x00;
const PECR = FLASH_IF + 0x04;
const PDKEYR = FLASH_IF + 0x08;
const PEKEYR = FLASH_IF + 0x0c;
const PRGKEYR = FLASH_IF + 0x10;
const OPTKEYR = FLASH_IF + 0x14;
const SR = FLASH_IF + 0x18;
const OPTR = FLASH_IF + 0x1c;
const FLASH = 0x0800_0000;
const EEPROM = 0x0808_0000;
const OB = 0x1ff8_0000;
const C = BusMaster.Core;
const D = BusMaster.Debug;

const PROG = 1 << 3;
const DATA = 1 << 4;
const ERASE = 1 << 9;
const FPRG = 1 << 10;
const NZDISABLE = 1 << 23;
const BSY = 1 << 0;
const EOP = 1 << 1;
const READY = 1 << 3;
const WRPERR = 1 << 8;
const PGAERR = 1 << 9;
const SIZERR = 1 << 10;
const NOTZEROERR = 1 << 16;
const FWWERR = 1 << 17;
const TPROG = 3_200_000;

function board() {
  const { factory, cores } = recordingCores();
  const b = createBoard('stm32l051', { persist: false, firmware: 'erased', createCore: factory });
  return { b, core: cores[0] as RecordingCore };
}

type Board = ReturnType<typeof board>['b'];

function unlockPe(b: Board): void {
  expect(b.bus.write(PEKEYR, 4, 0x89ab_cdef, C)).toBe(true);
  expect(b.bus.write(PEKEYR, 4, 0x0203_0405, C)).toBe(true);
}

function unlockPrg(b: Board): void {
  unlockPe(b);
  expect(b.bus.write(PRGKEYR, 4, 0x8c9d_aebf, C)).toBe(true);
  expect(b.bus.write(PRGKEYR, 4, 0x1314_1516, C)).toBe(true);
}

function unlockOpt(b: Board): void {
  unlockPe(b);
  expect(b.bus.write(OPTKEYR, 4, 0xfbea_d9c8, C)).toBe(true);
  expect(b.bus.write(OPTKEYR, 4, 0x2425_2627, C)).toBe(true);
}

/** Runs past the current operation and clears EOP and the error flags. */
function settle(b: Board): void {
  b.runUntil(b.clock.now + TPROG);
  b.bus.write(SR, 4, 0xffff_ffff, C);
}

describe('STM32L051 NVM interface (RM0377 chapter 3)', () => {
  it('comes out of reset with PECR locked and SR = READY | ENDHV', () => {
    const { b } = board();
    expect(b.bus.read(PECR, 4, D)).toBe(0x7);
    expect(b.bus.read(SR, 4, D)).toBe(0xc);
    expect(b.bus.read(OPTR, 4, D)).toBe(0x8070_00aa);
  });

  it('unlocks PELOCK, PRGLOCK and OPTLOCK with their key sequences, and relocks all with PELOCK', () => {
    const { b } = board();
    unlockPe(b);
    expect(b.bus.read(PECR, 4, D)).toBe(0x6);
    b.bus.write(PRGKEYR, 4, 0x8c9d_aebf, C);
    b.bus.write(PRGKEYR, 4, 0x1314_1516, C);
    expect(b.bus.read(PECR, 4, D)).toBe(0x4);
    b.bus.write(OPTKEYR, 4, 0xfbea_d9c8, C);
    b.bus.write(OPTKEYR, 4, 0x2425_2627, C);
    expect(b.bus.read(PECR, 4, D)).toBe(0x0);
    b.bus.write(PECR, 4, 1, C);
    expect(b.bus.read(PECR, 4, D)).toBe(0x7);
  });

  it('returns PECR to its reset value when PELOCK is set, so no operation stays selected after the next unlock', () => {
    const { b } = board();
    unlockPe(b);
    b.bus.write(PRGKEYR, 4, 0x8c9d_aebf, C);
    b.bus.write(PRGKEYR, 4, 0x1314_1516, C);
    b.bus.write(PECR, 4, PROG | ERASE, C);
    b.bus.write(PECR, 4, PROG | ERASE | 1, C);
    expect(b.bus.read(PECR, 4, D)).toBe(0x7);
    unlockPe(b);
    expect(b.bus.read(PECR, 4, D)).toBe(0x6);
  });

  it('answers a wrong key with a bus error and keeps the NVM locked until the next reset', () => {
    const { b, core } = board();
    expect(b.bus.write(PEKEYR, 4, 0x89ab_cdef, C)).toBe(true);
    expect(b.bus.write(PEKEYR, 4, 0x1234_5678, C)).toBe(false);
    expect(b.bus.write(PEKEYR, 4, 0x89ab_cdef, C)).toBe(false);
    expect(b.bus.write(PEKEYR, 4, 0x0203_0405, C)).toBe(false);
    expect(b.bus.read(PECR, 4, D) & 1).toBe(1);
    core.onSystemResetRequest?.();
    unlockPe(b);
    expect(b.bus.read(PECR, 4, D) & 1).toBe(0);
  });

  it('treats PRGKEYR written before the PECR unlock as a wrong sequence', () => {
    const { b } = board();
    expect(b.bus.write(PRGKEYR, 4, 0x8c9d_aebf, C)).toBe(false);
    expect(b.bus.write(PEKEYR, 4, 0x89ab_cdef, C)).toBe(false);
    expect(b.bus.read(PECR, 4, D)).toBe(0x7);
  });

  it('ignores PECR writes while PELOCK is set', () => {
    const { b } = board();
    b.bus.write(PECR, 4, PROG | ERASE, C);
    expect(b.bus.read(PECR, 4, D)).toBe(0x7);
  });

  it('sets WRPERR for a program memory write while PRGLOCK is set and leaves the word erased', () => {
    const { b } = board();
    unlockPe(b);
    b.bus.write(FLASH + 0x100, 4, 0x1234_5678, C);
    expect(b.bus.read(SR, 4, D) & WRPERR).toBe(WRPERR);
    expect(b.bus.read(FLASH + 0x100, 4, D)).toBe(0);
    b.bus.write(SR, 4, WRPERR, C);
    expect(b.bus.read(SR, 4, D) & WRPERR).toBe(0);
  });

  it('programs a word in tprog = 3.2 ms: BSY set, then EOP; a core polling SR is stalled to the end', () => {
    const { b, core } = board();
    unlockPrg(b);
    b.bus.write(FLASH + 0x200, 4, 0xdead_beef, C);
    expect(b.bus.read(FLASH + 0x200, 4, D)).toBe(0xdead_beef);
    expect(b.bus.read(0x200, 4, D)).toBe(0xdead_beef); // boot alias
    expect(b.bus.read(SR, 4, D) & (BSY | READY | EOP)).toBe(BSY);
    b.bus.read(SR, 4, C);
    expect(core.stalls).toEqual([TPROG]);
    b.runUntil(TPROG - 1);
    expect(b.bus.read(SR, 4, D) & BSY).toBe(BSY);
    b.runUntil(TPROG);
    expect(b.bus.read(SR, 4, D) & (BSY | READY | EOP)).toBe(READY | EOP);
  });

  it('refuses to program a non-zero word with NOTZEROERR unless NZDISABLE is set', () => {
    const { b } = board();
    unlockPrg(b);
    b.bus.write(FLASH + 0x300, 4, 0x0000_00f0, C);
    settle(b);
    b.bus.write(FLASH + 0x300, 4, 0x0000_000f, C);
    expect(b.bus.read(SR, 4, D) & NOTZEROERR).toBe(NOTZEROERR);
    expect(b.bus.read(FLASH + 0x300, 4, D)).toBe(0xf0);
    settle(b);
    b.bus.write(PECR, 4, NZDISABLE, C);
    b.bus.write(FLASH + 0x300, 4, 0x0000_000f, C);
    expect(b.bus.read(SR, 4, D) & NOTZEROERR).toBe(0);
    expect(b.bus.read(FLASH + 0x300, 4, D)).toBe(0xff);
  });

  it('sets SIZERR for byte and half-word writes to program memory', () => {
    const { b } = board();
    unlockPrg(b);
    b.bus.write(FLASH + 0x400, 1, 0x55, C);
    expect(b.bus.read(SR, 4, D) & SIZERR).toBe(SIZERR);
    settle(b);
    b.bus.write(FLASH + 0x402, 2, 0x5555, C);
    expect(b.bus.read(SR, 4, D) & SIZERR).toBe(SIZERR);
    expect(b.bus.read(FLASH + 0x400, 4, D)).toBe(0);
  });

  it('erases the 128-byte page holding the address with PROG | ERASE', () => {
    const { b } = board();
    unlockPrg(b);
    for (const o of [0x500, 0x57c, 0x580]) {
      b.bus.write(FLASH + o, 4, 0xffff_ffff, C);
      settle(b);
    }
    b.bus.write(PECR, 4, PROG | ERASE, C);
    b.bus.write(FLASH + 0x540, 4, 0, C);
    expect(b.bus.read(FLASH + 0x500, 4, D)).toBe(0);
    expect(b.bus.read(FLASH + 0x57c, 4, D)).toBe(0);
    expect(b.bus.read(FLASH + 0x580, 4, D)).toBe(0xffff_ffff);
    b.runUntil(b.clock.now + TPROG - 1);
    expect(b.bus.read(SR, 4, D) & BSY).toBe(BSY);
  });

  it('programs a half-page of 16 words in one tprog with PROG | FPRG', () => {
    const { b } = board();
    unlockPrg(b);
    b.bus.write(PECR, 4, PROG | FPRG, C);
    for (let i = 0; i < 15; i++) b.bus.write(FLASH + 0x640 + 4 * i, 4, 0x100 + i, C);
    expect(b.bus.read(SR, 4, D) & BSY).toBe(0);
    b.bus.write(FLASH + 0x640 + 60, 4, 0x10f, C);
    expect(b.bus.read(SR, 4, D) & BSY).toBe(BSY);
    for (let i = 0; i < 16; i++) expect(b.bus.read(FLASH + 0x640 + 4 * i, 4, D)).toBe(0x100 + i);
    b.runUntil(TPROG);
    expect(b.bus.read(SR, 4, D) & (BSY | EOP)).toBe(EOP);
  });

  it('aborts a half-page with PGAERR when a word falls outside the first word\'s half-page', () => {
    const { b } = board();
    unlockPrg(b);
    b.bus.write(PECR, 4, PROG | FPRG, C);
    b.bus.write(FLASH + 0x680, 4, 1, C);
    b.bus.write(FLASH + 0x6c0, 4, 2, C);
    expect(b.bus.read(SR, 4, D) & PGAERR).toBe(PGAERR);
    expect(b.bus.read(FLASH + 0x680, 4, D)).toBe(0);
  });

  it('aborts a half-page with FWWERR when the NVM is read while the buffer is loading', () => {
    const { b } = board();
    unlockPrg(b);
    b.bus.write(PECR, 4, PROG | FPRG, C);
    b.bus.write(FLASH + 0x700, 4, 1, C);
    b.bus.read(FLASH + 0x10, 4, C);
    expect(b.bus.read(SR, 4, D) & FWWERR).toBe(FWWERR);
    for (let i = 1; i < 16; i++) b.bus.write(FLASH + 0x700 + 4 * i, 4, 1, C);
    expect(b.bus.read(FLASH + 0x700, 4, D)).toBe(0);
  });

  it('refuses a half-page over non-zero words with NOTZEROERR', () => {
    const { b } = board();
    unlockPrg(b);
    b.bus.write(FLASH + 0x7c0, 4, 1, C);
    settle(b);
    b.bus.write(PECR, 4, PROG | FPRG, C);
    for (let i = 0; i < 16; i++) b.bus.write(FLASH + 0x7c0 + 4 * i, 4, 0x22, C);
    expect(b.bus.read(SR, 4, D) & NOTZEROERR).toBe(NOTZEROERR);
    expect(b.bus.read(FLASH + 0x7c4, 4, D)).toBe(0);
  });

  it('writes data EEPROM bytes with PELOCK clear (WRPERR while locked) and erases words with DATA | ERASE', () => {
    const { b } = board();
    b.bus.write(EEPROM + 1, 1, 0xab, C);
    expect(b.bus.read(SR, 4, D) & WRPERR).toBe(WRPERR);
    expect(b.bus.read(EEPROM, 4, D)).toBe(0);
    b.bus.write(SR, 4, WRPERR, C);
    unlockPe(b);
    b.bus.write(EEPROM + 1, 1, 0xab, C);
    settle(b);
    b.bus.write(EEPROM + 1, 1, 0x12, C);
    settle(b);
    b.bus.write(EEPROM + 2, 2, 0x3456, C);
    settle(b);
    expect(b.bus.read(EEPROM, 4, D)).toBe(0x3456_1200);
    b.bus.write(PECR, 4, DATA | ERASE, C);
    b.bus.write(EEPROM, 4, 0, C);
    expect(b.bus.read(EEPROM, 4, D)).toBe(0);
  });

  it('writes RUN_PD only after the PDKEYR sequence', () => {
    const { b } = board();
    b.bus.write(ACR, 4, 0x11, C);
    expect(b.bus.read(ACR, 4, D)).toBe(0x01);
    b.bus.write(PDKEYR, 4, 0x0415_2637, C);
    b.bus.write(PDKEYR, 4, 0xfafb_fcfd, C);
    b.bus.write(ACR, 4, 0x11, C);
    expect(b.bus.read(ACR, 4, D)).toBe(0x11);
  });

  it('level 1 read protection: the debugger gets bus errors on flash and EEPROM, the core does not', () => {
    const { b, core } = board();
    unlockPrg(b);
    b.bus.write(FLASH, 4, 0x2000_2000, C);
    settle(b);
    unlockOpt(b);
    expect(b.bus.write(OB, 4, 0xff44_00bb, C)).toBe(true);
    settle(b);
    expect(b.debugHooks.rdpLevel()).toBe(0);
    b.bus.write(PECR, 4, 1 << 18, C); // OBL_LAUNCH
    expect(core.resets).toEqual(['power-on', 'system']);
    expect(b.debugHooks.lastResetCause()).toBe('option-load');
    expect(b.debugHooks.rdpLevel()).toBe(1);
    expect(b.bus.read(OPTR, 4, D) & 0xff).toBe(0xbb);
    expect(b.bus.read(FLASH, 4, D)).toBe(BUS_ERROR);
    expect(b.bus.read(0x0, 4, D)).toBe(BUS_ERROR);
    expect(b.bus.read(EEPROM, 4, D)).toBe(BUS_ERROR);
    expect(b.bus.write(FLASH, 4, 0, D)).toBe(false);
    expect(b.bus.read(FLASH, 4, C)).toBe(0x2000_2000);
    expect(b.bus.read(OB, 4, D)).toBe(0xff44_00bb);
  });

  it('regression from level 1 to level 0 mass-erases program memory and data EEPROM', () => {
    const { b } = board();
    unlockPrg(b);
    b.bus.write(FLASH + 0x40, 4, 0x1111_1111, C);
    settle(b);
    b.bus.write(EEPROM + 0x40, 4, 0x2222_2222, C);
    settle(b);
    unlockOpt(b);
    b.bus.write(OB, 4, 0xff44_00bb, C);
    settle(b);
    b.bus.write(PECR, 4, 1 << 18, C);
    expect(b.debugHooks.rdpLevel()).toBe(1);
    unlockOpt(b);
    b.bus.write(OB, 4, 0xff55_00aa, C);
    settle(b);
    expect(b.bus.read(FLASH + 0x40, 4, C)).toBe(0);
    expect(b.bus.read(EEPROM + 0x40, 4, C)).toBe(0);
    b.powerOnReset();
    expect(b.debugHooks.rdpLevel()).toBe(0);
    expect(b.bus.read(FLASH + 0x40, 4, D)).toBe(0);
  });

  it('writes option bytes only with OPTLOCK clear (WRPERR otherwise)', () => {
    const { b } = board();
    unlockPe(b);
    b.bus.write(OB + 4, 4, 0x7f8f_8070, C);
    expect(b.bus.read(SR, 4, D) & WRPERR).toBe(WRPERR);
  });

  it('loads level 1 with OPTVERR when the RDP word fails its complement check', () => {
    const { b } = board();
    unlockOpt(b);
    b.bus.write(OB, 4, 0x0000_00aa, C);
    settle(b);
    b.powerOnReset();
    expect(b.debugHooks.rdpLevel()).toBe(1);
    expect(b.bus.read(SR, 4, D) & (1 << 11)).toBe(1 << 11);
  });
});
