import { BusMaster } from '../../bus/bus-types';
import type { ClockEvent, VirtualClock } from '../../clock/virtual-clock';
import type { CoreLink } from '../common/board-core';
import { RegisterBlock, StorageRegister } from '../common/register-block';
import type { ResetCause } from '../common/sim-board';

/** Register offsets, RM0377 section 7.3 "RCC registers". */
const CR = 0x00;
const ICSCR = 0x04;
const CRRCR = 0x08;
const CFGR = 0x0c;
const CIER = 0x10;
const CIFR = 0x14;
const CICR = 0x18;
const IOPRSTR = 0x1c;
const AHBRSTR = 0x20;
const APB2RSTR = 0x24;
const APB1RSTR = 0x28;
const IOPENR = 0x2c;
const AHBENR = 0x30;
const APB2ENR = 0x34;
const APB1ENR = 0x38;
const IOPSMENR = 0x3c;
const AHBSMENR = 0x40;
const APB2SMENR = 0x44;
const APB1SMENR = 0x48;
const CCIPR = 0x4c;
const CSR = 0x50;

/** RCC_CR bits. */
const CR_HSI16ON = 1 << 0;
const CR_HSI16RDYF = 1 << 2;
const CR_MSION = 1 << 8;
const CR_MSIRDY = 1 << 9;
const CR_PLLON = 1 << 24;
const CR_PLLRDY = 1 << 25;
const CR_WRITABLE = 0x0134_012b; // HSI16ON/KERON/DIVEN/OUTEN, MSION, HSEON/BYP, CSSHSEON, RTCPRE, PLLON

/** RCC_CSR reset flags (bits 24–31) and RMVF (bit 23). */
const CSR_RMVF = 1 << 23;
const CSR_OBLRSTF = 1 << 25;
const CSR_PINRSTF = 1 << 26;
const CSR_PORRSTF = 1 << 27;
const CSR_SFTRSTF = 1 << 28;
const CSR_IWDGRSTF = 1 << 29;

/** MSI range frequencies (RM0377 7.2.3 "MSI clock"): range 0…6. */
const MSI_HZ = [65_536, 131_072, 262_144, 524_288, 1_048_000, 2_097_000, 4_194_000];
const HSI16_HZ = 16_000_000;
/** PLLMUL and PLLDIV encodings (RM0377 RCC_CFGR). */
const PLL_MUL = [3, 4, 6, 8, 12, 16, 24, 32, 48];
const PLL_DIV = [0, 2, 3, 4];
/** AHB prescaler HPRE (RCC_CFGR bits 7:4): 0xxx = /1, 1000…1111 = /2…/512 (no /32). */
const AHB_DIV = [2, 4, 8, 16, 64, 128, 256, 512];

/**
 * Oscillator start-up and lock times from the STM32L051x6/x8 datasheet: HSI16 tSU(HSI16)
 * 3.7 µs (typ), PLL tLOCK 115 µs (typ). MSI runs from reset.
 */
const T_SU_HSI16_NS = 3_700;
const T_LOCK_PLL_NS = 115_000;

/** Clock sources selectable by CFGR.SW. */
const SW_MSI = 0;
const SW_HSI16 = 1;
const SW_PLL = 3;

/**
 * RCC (RM0377 chapter 7): the clock tree as far as the core and USART2 see it — MSI, HSI16
 * and the PLL (from HSI16), the system clock switch, the AHB and APB1 prescalers — plus the
 * enable and reset registers (stored) and the reset flags in CSR. HSE and LSE have no crystal
 * on this board: HSEON and the LSE stay not ready. Each change of the AHB clock goes to
 * `onHclkChange` (the core's frequency).
 */
export class Rcc {
  readonly registers = new RegisterBlock('RCC');
  private cr = CR_MSION | CR_MSIRDY;
  private readonly icscr = new StorageRegister(0x0000_b000 | 0x80, 0xff00_ff00);
  private readonly crrcr = new StorageRegister(0, 0x1);
  private cfgr = 0;
  private readonly cier = new StorageRegister(0, 0xbf);
  private cifr = 0;
  readonly iopenr = new StorageRegister(0, 0x9f);
  readonly ahbenr = new StorageRegister(0x100, 0x0111_1101);
  readonly apb2enr = new StorageRegister(0, 0x0040_5225);
  readonly apb1enr = new StorageRegister(0, 0xf8e6_4a33);
  private readonly resets = [IOPRSTR, AHBRSTR, APB2RSTR, APB1RSTR].map(() => new StorageRegister(0));
  private readonly sleepEnables = [new StorageRegister(0x8f), new StorageRegister(0x0111_1301), new StorageRegister(0x0040_5225), new StorageRegister(0xb8e6_4a11)];
  readonly ccipr = new StorageRegister(0, 0x000f_3c0f);
  private csrFlags = CSR_PORRSTF | CSR_PINRSTF;
  private lsiOn = 0;
  private readonly pending: ClockEvent[] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly core: CoreLink,
    private readonly onHclkChange: (hz: number) => void,
  ) {
    const r = this.registers;
    // A core polling a ready flag while its oscillator starts waits for it in one stall.
    r.defineFn(CR, (master) => {
      if (master === BusMaster.Core && this.pending.length > 0) this.core.stallUntil(Math.min(...this.pending.map((e) => e.at)));
      return this.cr;
    }, (v, m) => this.writeCr((this.cr & ~m) | (v & m)));
    r.define(ICSCR, {
      read: () => this.icscr.read(),
      write: (v, m) => {
        this.icscr.write(v, m);
        this.update();
      },
    });
    r.define(CRRCR, this.crrcr);
    r.defineFn(CFGR, () => this.cfgr, (v, m) => this.writeCfgr((this.cfgr & ~m) | (v & m)));
    r.define(CIER, this.cier);
    r.defineFn(CIFR, () => this.cifr);
    r.defineFn(CICR, () => 0, (v) => {
      this.cifr &= ~v;
    });
    [IOPRSTR, AHBRSTR, APB2RSTR, APB1RSTR].forEach((o, i) => r.define(o, this.resets[i]!));
    r.define(IOPENR, this.iopenr);
    r.define(AHBENR, this.ahbenr);
    r.define(APB2ENR, this.apb2enr);
    r.define(APB1ENR, this.apb1enr);
    [IOPSMENR, AHBSMENR, APB2SMENR, APB1SMENR].forEach((o, i) => r.define(o, this.sleepEnables[i]!));
    r.define(CCIPR, this.ccipr);
    r.defineFn(CSR, () => (this.csrFlags | this.lsiOn | (this.lsiOn << 1)) >>> 0, (v, m) => {
      if ((v & m & CSR_RMVF) !== 0) this.csrFlags = 0;
      if ((m & 1) !== 0) this.lsiOn = v & 1;
    });
  }

  /** SYSCLK in Hz as the switch currently selects it. */
  get sysclkHz(): number {
    const sws = (this.cfgr >>> 2) & 3;
    if (sws === SW_HSI16) return HSI16_HZ;
    if (sws === SW_PLL) return this.pllHz();
    return MSI_HZ[(this.icscr.value >>> 13) & 7] ?? MSI_HZ[5]!;
  }

  get hclkHz(): number {
    const hpre = (this.cfgr >>> 4) & 0xf;
    return hpre < 8 ? this.sysclkHz : this.sysclkHz / AHB_DIV[hpre - 8]!;
  }

  /** PCLK1 (APB1: USART2's default kernel clock). */
  get pclk1Hz(): number {
    const ppre1 = (this.cfgr >>> 8) & 7;
    return ppre1 < 4 ? this.hclkHz : this.hclkHz / (2 << (ppre1 - 4));
  }

  get hsi16Hz(): number {
    return (this.cr & CR_HSI16RDYF) !== 0 ? HSI16_HZ : 0;
  }

  reset(cause: ResetCause): void {
    for (const e of this.pending) this.clock.cancel(e);
    this.pending.length = 0;
    this.cr = CR_MSION | CR_MSIRDY;
    this.icscr.reset();
    this.crrcr.reset();
    this.cfgr = 0;
    this.cier.reset();
    this.cifr = 0;
    for (const reg of [this.iopenr, this.ahbenr, this.apb2enr, this.apb1enr, this.ccipr, ...this.resets, ...this.sleepEnables]) reg.reset();
    this.lsiOn = 0;
    // The reset flags accumulate until RMVF; every reset except power-on also pulses NRST.
    const flag = { 'power-on': CSR_PORRSTF, pin: 0, sysresetreq: CSR_SFTRSTF, watchdog: CSR_IWDGRSTF, debug: CSR_SFTRSTF, 'option-load': CSR_OBLRSTF }[cause];
    this.csrFlags = cause === 'power-on' ? CSR_PORRSTF | CSR_PINRSTF : this.csrFlags | flag | CSR_PINRSTF;
    this.onHclkChange(this.hclkHz);
  }

  private pllHz(): number {
    const mul = PLL_MUL[(this.cfgr >>> 18) & 0xf] ?? 0;
    const div = PLL_DIV[(this.cfgr >>> 22) & 3] ?? 0;
    return div === 0 ? 0 : (HSI16_HZ * mul) / div;
  }

  private writeCr(value: number): void {
    const was = this.cr;
    this.cr = (this.cr & ~CR_WRITABLE) | (value & CR_WRITABLE);
    // The clock in use cannot be stopped (RM0377 RCC_CR: MSION/HSI16ON/PLLON are held while selected).
    const sws = (this.cfgr >>> 2) & 3;
    if (sws === SW_MSI) this.cr |= CR_MSION;
    if (sws === SW_HSI16) this.cr |= CR_HSI16ON;
    if (sws === SW_PLL) this.cr |= CR_PLLON | CR_HSI16ON;
    this.oscillator(was, CR_HSI16ON, CR_HSI16RDYF, T_SU_HSI16_NS);
    this.oscillator(was, CR_PLLON, CR_PLLRDY, T_LOCK_PLL_NS);
    if ((this.cr & CR_MSION) !== 0) this.cr |= CR_MSIRDY;
    else this.cr &= ~CR_MSIRDY;
  }

  /** Starts or stops one oscillator: its ready flag follows its ON bit after `startNs`. */
  private oscillator(was: number, on: number, ready: number, startNs: number): void {
    if ((this.cr & on) === 0) {
      this.cr &= ~ready;
      return;
    }
    if ((was & on) !== 0) return;
    const pllNeedsHsi = on === CR_PLLON && (this.cr & CR_HSI16RDYF) === 0;
    const delay = startNs + (pllNeedsHsi ? T_SU_HSI16_NS : 0);
    const e = this.clock.after(delay, () => {
      this.pending.splice(this.pending.indexOf(e), 1);
      if ((this.cr & on) === 0) return;
      this.cr |= ready;
      this.update();
    });
    this.pending.push(e);
  }

  private writeCfgr(value: number): void {
    // SWS (bits 3:2) is read-only; PLL settings change only while the PLL is off.
    const pllFields = 0x00fd_0000;
    const keepPll = (this.cr & CR_PLLON) !== 0 ? pllFields : 0;
    this.cfgr = ((this.cfgr & (0xc | keepPll)) | (value & ~(0xc | keepPll) & 0x77fd_7ff3)) >>> 0;
    this.update();
  }

  /** Completes a pending clock switch once its source is ready and reports the AHB clock. */
  private update(): void {
    const sw = this.cfgr & 3;
    const ready = sw === SW_MSI ? CR_MSIRDY : sw === SW_HSI16 ? CR_HSI16RDYF : sw === SW_PLL ? CR_PLLRDY : 0;
    if (ready !== 0 && (this.cr & ready) !== 0) this.cfgr = (this.cfgr & ~0xc) | (sw << 2);
    this.onHclkChange(this.hclkHz);
  }
}
