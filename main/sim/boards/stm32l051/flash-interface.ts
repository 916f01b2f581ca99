import { type AccessWidth, BusMaster } from '../../bus/bus-types';
import type { VirtualClock } from '../../clock/virtual-clock';
import type { CoreLink } from '../common/board-core';
import type { FlashTiming } from '../common/flash-timing';
import type { NvmArray } from '../common/nvm-array';
import type { NvmAccessPolicy } from '../common/nvm-slave';
import { RegisterBlock, StorageRegister } from '../common/register-block';
import { FLASH_PAGE_SIZE, HALF_PAGE_SIZE, IRQ_FLASH, WRP_SECTOR_SIZE } from './memory-map';
import { OptionBytes, RDP_LEVEL0 } from './option-bytes';

/**
 * Programming time, STM32L051x6/x8 datasheet, "Flash memory and data EEPROM
 * characteristics": tprog = 3.2 ms for a word, a half-page or a page erase (and a data
 * EEPROM write, which includes its erase). The RDP 1→0 mass erase is charged one tprog.
 */
export const T_PROG_NS = 3_200_000;

/** Register offsets, RM0377 section 3.7 "FLASH registers". */
const ACR = 0x00;
const PECR = 0x04;
const PDKEYR = 0x08;
const PEKEYR = 0x0c;
const PRGKEYR = 0x10;
const OPTKEYR = 0x14;
const SR = 0x18;
const OPTR = 0x1c;
const WRPROT1 = 0x20;
const ACR_RUN_PD = 1 << 4;

/** FLASH_PECR bits. */
export const PECR_PELOCK = 1 << 0;
export const PECR_PRGLOCK = 1 << 1;
export const PECR_OPTLOCK = 1 << 2;
export const PECR_PROG = 1 << 3;
export const PECR_DATA = 1 << 4;
export const PECR_FIX = 1 << 8;
export const PECR_ERASE = 1 << 9;
export const PECR_FPRG = 1 << 10;
const PECR_EOPIE = 1 << 16;
const PECR_ERRIE = 1 << 17;
const PECR_OBL_LAUNCH = 1 << 18;
const PECR_NZDISABLE = 1 << 23;
const PECR_LOCKS = PECR_PELOCK | PECR_PRGLOCK | PECR_OPTLOCK;
const PECR_WRITABLE = PECR_PROG | PECR_DATA | PECR_FIX | PECR_ERASE | PECR_FPRG | PECR_EOPIE | PECR_ERRIE | PECR_NZDISABLE;

/** FLASH_SR bits. */
export const SR_BSY = 1 << 0;
export const SR_EOP = 1 << 1;
export const SR_ENDHV = 1 << 2;
export const SR_READY = 1 << 3;
export const SR_WRPERR = 1 << 8;
export const SR_PGAERR = 1 << 9;
export const SR_SIZERR = 1 << 10;
export const SR_OPTVERR = 1 << 11;
export const SR_NOTZEROERR = 1 << 16;
export const SR_FWWERR = 1 << 17;
const SR_ERRORS = SR_WRPERR | SR_PGAERR | SR_SIZERR | SR_OPTVERR | SR_NOTZEROERR | SR_FWWERR;

/** Unlock keys, RM0377 3.3.4 "Unlocking/locking operations". */
export const PEKEY = [0x89ab_cdef, 0x0203_0405] as const;
export const PRGKEY = [0x8c9d_aebf, 0x1314_1516] as const;
export const OPTKEY = [0xfbea_d9c8, 0x2425_2627] as const;
export const PDKEY = [0x0415_2637, 0xfafb_fcfd] as const;

/** Which array a write or read reaches. */
type Area = 'program' | 'eeprom' | 'option';

/**
 * The NVM interface of RM0377 chapter 3 ("Flash program memory and data EEPROM"): the
 * registers at 0x40022000 and the rules for every access to the program memory, the data
 * EEPROM and the option bytes.
 *
 * - PELOCK, PRGLOCK and OPTLOCK clear only through their key sequences, in order (PEKEYR
 *   first); any wrong key, or a PRGKEYR/OPTKEYR write while PELOCK is set, answers a bus error
 *   and locks the interface until the next reset (RM0377 3.3.4). Writing 1 to PELOCK sets all
 *   three locks and clears the operation bits (PECR back to its reset value).
 * - Program memory (erased value 0): word writes only (SIZERR otherwise); with PRGLOCK set or a
 *   write-protected sector, WRPERR. A word write to a non-zero word fails with NOTZEROERR
 *   unless PECR.NZDISABLE is set. PROG+ERASE and a write erases the page holding the address.
 *   PROG+FPRG loads a half-page: 16 words inside one half-page (PGAERR otherwise), then it is
 *   programmed as a whole; a read of the NVM while the half-page buffer is being filled aborts
 *   it with FWWERR (the code doing it must run from RAM).
 * - Data EEPROM: byte, half-word or word writes with PELOCK clear (WRPERR otherwise), with the
 *   automatic erase of the old value; DATA+ERASE and a word write erases the word.
 * - Option bytes: word writes with OPTLOCK clear; programming RDP back to level 0 while level 1
 *   is in force mass-erases the program memory and the data EEPROM (RM0377 3.4.1).
 * - Each operation keeps SR.BSY set for its datasheet time on the virtual clock, then sets EOP
 *   (interrupt when EOPIE). A core read of SR or of the NVM while busy stalls the core until
 *   the end (the AHB holds the access), so polling BSY costs virtual time.
 * - Read protection level 1 denies the debugger every access to program memory and data
 *   EEPROM (bus error).
 */
export class FlashInterface {
  readonly registers = new RegisterBlock('FLASH');
  readonly policy: NvmAccessPolicy;
  private readonly acr = new StorageRegister(0, 0x7b);
  private pecr = PECR_LOCKS;
  private status = SR_READY | SR_ENDHV;
  private keyStage = { pe: 0, prg: 0, opt: 0 };
  private pdStage = 0;
  private pdUnlocked = false;
  private keysDisabled = false;
  private busyUntil = 0;
  private halfPage: { base: number; words: Map<number, number> } | undefined;

  constructor(
    private readonly program: NvmArray,
    private readonly eeprom: NvmArray,
    private readonly options: OptionBytes,
    private readonly clock: VirtualClock,
    private readonly timing: FlashTiming,
    private readonly core: CoreLink,
    private readonly onOptionLoad: () => void,
  ) {
    const r = this.registers;
    // ACR.RUN_PD (bit 4) is writable only after the PDKEYR sequence (RM0377 3.7.1).
    r.defineFn(ACR, () => this.acr.value, (v, m) => {
      const mask = this.pdUnlocked ? m : m & ~ACR_RUN_PD;
      if ((mask & ACR_RUN_PD) !== 0) this.pdUnlocked = false;
      this.acr.write(v, mask);
    });
    r.defineFn(PECR, () => this.pecr, (v, m) => this.writePecr(v, m));
    r.defineFn(PDKEYR, () => 0, (v) => this.powerDownKey(v));
    r.defineFn(PEKEYR, () => 0, (v) => this.key('pe', PEKEY, v));
    r.defineFn(PRGKEYR, () => 0, (v) => this.key('prg', PRGKEY, v));
    r.defineFn(OPTKEYR, () => 0, (v) => this.key('opt', OPTKEY, v));
    r.defineFn(SR, (m) => this.readStatus(m), (v) => {
      this.status &= ~(v & (SR_ERRORS | SR_EOP));
    });
    r.defineFn(OPTR, () => this.options.optr);
    r.defineFn(WRPROT1, () => this.options.wrprot1);

    this.policy = {
      beforeRead: (array, _offset, master) => this.beforeRead(array, master),
      write: (array, offset, width, value, master) => this.writeArray(array, offset, width, value, master),
    };
  }

  get busy(): boolean {
    return this.clock.now < this.busyUntil;
  }

  /** System reset: registers back to reset values, keys enabled again, half-page buffer dropped. */
  reset(): void {
    this.acr.reset();
    this.pecr = PECR_LOCKS;
    this.status = (this.status & SR_OPTVERR) | SR_READY | SR_ENDHV;
    this.keyStage = { pe: 0, prg: 0, opt: 0 };
    this.pdStage = 0;
    this.pdUnlocked = false;
    this.keysDisabled = false;
    this.halfPage = undefined;
  }

  /** True once a wrong key sequence disabled the keys until the next reset. */
  get keysLocked(): boolean {
    return this.keysDisabled;
  }

  /** Sets OPTVERR when the option bytes failed their complement check at load. */
  setOptionError(failed: boolean): void {
    this.status = failed ? this.status | SR_OPTVERR : this.status & ~SR_OPTVERR;
  }

  private readStatus(master: BusMaster): number {
    if (this.busy) {
      if (master === BusMaster.Core) this.core.stallUntil(this.busyUntil);
      return (this.status | SR_BSY) & ~(SR_READY | SR_ENDHV);
    }
    return this.status;
  }

  private writePecr(value: number, mask: number): void {
    const v = value & mask;
    if ((this.pecr & PECR_PELOCK) !== 0) return;
    if ((v & PECR_PELOCK) !== 0) {
      // Locking FLASH_PECR returns it to its reset value 0x0000 0007 (RM0377 3.3.4, 3.7.2): the
      // locks set and the operation bits (PROG, ERASE, FPRG, DATA, FIX) cleared, so the next
      // unlock starts from no operation selected.
      this.pecr = PECR_LOCKS;
      this.halfPage = undefined;
      return;
    }
    this.pecr |= v & (PECR_PRGLOCK | PECR_OPTLOCK);
    this.pecr = (this.pecr & ~(PECR_WRITABLE & mask)) | (v & PECR_WRITABLE);
    if ((this.pecr & PECR_FPRG) === 0) this.halfPage = undefined;
    if ((v & PECR_OBL_LAUNCH) !== 0 && (this.pecr & PECR_OPTLOCK) === 0) this.onOptionLoad();
  }

  /** PDKEY1 then PDKEY2 allow one write of ACR.RUN_PD; a wrong value restarts the sequence. */
  private powerDownKey(value: number): void {
    if (value >>> 0 === PDKEY[this.pdStage]) {
      this.pdStage = (this.pdStage + 1) % 2;
      if (this.pdStage === 0) this.pdUnlocked = true;
    } else {
      this.pdStage = 0;
    }
  }

  /**
   * One write to PEKEYR, PRGKEYR or OPTKEYR. KEY1 then KEY2 clears the lock bit; PRGKEYR and
   * OPTKEYR need PELOCK already clear. A wrong key or order disables the keys until the next
   * reset and answers a bus error, as do key writes after that (RM0377 3.3.4). Keys written to
   * an already unlocked register are ignored.
   */
  private key(which: 'pe' | 'prg' | 'opt', keys: readonly [number, number], value: number): boolean {
    const lockBit = { pe: PECR_PELOCK, prg: PECR_PRGLOCK, opt: PECR_OPTLOCK }[which];
    if (!this.keysDisabled && (this.pecr & lockBit) === 0) return true;
    const wrongOrder = which !== 'pe' && (this.pecr & PECR_PELOCK) !== 0;
    if (this.keysDisabled || wrongOrder || value >>> 0 !== keys[this.keyStage[which]]) {
      this.keysDisabled = true;
      this.keyStage = { pe: 0, prg: 0, opt: 0 };
      return false;
    }
    if (this.keyStage[which] === 0) {
      this.keyStage[which] = 1;
      return true;
    }
    this.keyStage[which] = 0;
    this.pecr &= ~lockBit;
    return true;
  }

  private area(array: NvmArray): Area {
    if (array === this.program) return 'program';
    if (array === this.eeprom) return 'eeprom';
    return 'option';
  }

  private beforeRead(array: NvmArray, master: BusMaster): boolean {
    const area = this.area(array);
    if (master === BusMaster.Debug && area !== 'option' && this.options.rdpLevel !== RDP_LEVEL0) return false;
    if (this.halfPage !== undefined && this.halfPage.words.size > 0) {
      // RM0377 FWWERR: a read of the NVM while the half-page buffer is loading aborts the write.
      this.halfPage = undefined;
      this.raiseError(SR_FWWERR);
    }
    if (master === BusMaster.Core && this.busy) this.core.stallUntil(this.busyUntil);
    return true;
  }

  private writeArray(array: NvmArray, offset: number, width: AccessWidth, value: number, master: BusMaster): boolean {
    const area = this.area(array);
    if (master === BusMaster.Debug && area !== 'option' && this.options.rdpLevel !== RDP_LEVEL0) return false;
    if (master === BusMaster.Core && this.busy) this.core.stallUntil(this.busyUntil);
    if (area === 'program') this.writeProgram(offset, width, value);
    else if (area === 'eeprom') this.writeEeprom(offset, width, value);
    else this.writeOption(offset, width, value);
    return true;
  }

  private writeProgram(offset: number, width: AccessWidth, value: number): void {
    if ((this.pecr & (PECR_PELOCK | PECR_PRGLOCK)) !== 0 || this.sectorProtected(offset)) return this.raiseError(SR_WRPERR);
    if (width !== 4) return this.raiseError(SR_SIZERR);
    const p = this.pecr;
    if ((p & PECR_PROG) !== 0 && (p & PECR_ERASE) !== 0) {
      const page = offset - (offset % FLASH_PAGE_SIZE);
      return this.operate(() => this.program.erase(page, FLASH_PAGE_SIZE));
    }
    if ((p & PECR_PROG) !== 0 && (p & PECR_FPRG) !== 0) return this.loadHalfPage(offset, value);
    if (!this.allowOverwrite() && this.program.readWord(offset) !== 0) return this.raiseError(SR_NOTZEROERR);
    this.operate(() => this.program.program(offset, 4, value));
  }

  private loadHalfPage(offset: number, value: number): void {
    const base = offset - (offset % HALF_PAGE_SIZE);
    if (this.halfPage === undefined) this.halfPage = { base, words: new Map() };
    const hp = this.halfPage;
    if (base !== hp.base) {
      this.halfPage = undefined;
      return this.raiseError(SR_PGAERR);
    }
    hp.words.set(offset - base, value);
    if (hp.words.size < HALF_PAGE_SIZE / 4) return;
    this.halfPage = undefined;
    if (!this.allowOverwrite() && !this.program.isErased(hp.base, HALF_PAGE_SIZE)) return this.raiseError(SR_NOTZEROERR);
    this.operate(() => {
      for (const [o, v] of hp.words) this.program.program(hp.base + o, 4, v);
    });
  }

  private writeEeprom(offset: number, width: AccessWidth, value: number): void {
    if ((this.pecr & PECR_PELOCK) !== 0) return this.raiseError(SR_WRPERR);
    const p = this.pecr;
    if ((p & PECR_ERASE) !== 0 && (p & PECR_DATA) !== 0) {
      if (width !== 4) return this.raiseError(SR_SIZERR);
      return this.operate(() => this.eeprom.erase(offset, 4));
    }
    this.operate(() => {
      this.eeprom.erase(offset, width);
      this.eeprom.program(offset, width, value);
    });
  }

  private writeOption(offset: number, width: AccessWidth, value: number): void {
    if ((this.pecr & (PECR_PELOCK | PECR_OPTLOCK)) !== 0) return this.raiseError(SR_WRPERR);
    if (width !== 4) return this.raiseError(SR_SIZERR);
    const regression = offset === 0 && this.options.rdpLevel === 1 && this.options.isLevel0Word(value);
    this.operate(() => {
      if (regression) {
        this.program.erase(0, this.program.size);
        this.eeprom.erase(0, this.eeprom.size);
      }
      this.options.array.erase(offset, 4);
      this.options.array.program(offset, 4, value);
    });
  }

  private allowOverwrite(): boolean {
    return (this.pecr & PECR_NZDISABLE) !== 0;
  }

  private sectorProtected(offset: number): boolean {
    return ((this.options.wrprot1 >>> Math.floor(offset / WRP_SECTOR_SIZE)) & 1) === 1;
  }

  private raiseError(flag: number): void {
    this.status |= flag;
    if ((this.pecr & PECR_ERRIE) !== 0) this.core.setIrqPending(IRQ_FLASH);
  }

  /** Applies an operation now and keeps BSY set for tprog after those already queued. */
  private operate(apply: () => void): void {
    const start = Math.max(this.clock.now, this.busyUntil);
    this.busyUntil = start + this.timing.duration(T_PROG_NS);
    this.status &= ~SR_EOP;
    apply();
    this.clock.schedule(this.busyUntil, () => {
      if (this.busy) return;
      this.status |= SR_EOP;
      if ((this.pecr & PECR_EOPIE) !== 0) this.core.setIrqPending(IRQ_FLASH);
    });
  }
}
