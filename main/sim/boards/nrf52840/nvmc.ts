import { type AccessWidth, BusMaster } from '../../bus/bus-types';
import type { VirtualClock } from '../../clock/virtual-clock';
import type { CoreLink } from '../common/board-core';
import type { FlashTiming } from '../common/flash-timing';
import type { NvmArray } from '../common/nvm-array';
import type { NvmAccessPolicy } from '../common/nvm-slave';
import { RegisterBlock, StorageRegister } from '../common/register-block';
import { FLASH_PAGE_SIZE } from './memory-map';

/**
 * NVMC flash timing, nRF52840 PS, NVMC chapter, "Electrical specification" (maximum values,
 * HFXO running): tWRITE 41 µs per 32-bit word, tERASEPAGE 85 ms, tERASEALL 173 ms. A UICR
 * erase is one page erase.
 */
export const T_WRITE_NS = 41_000;
export const T_ERASEPAGE_NS = 85_000_000;
export const T_ERASEALL_NS = 173_000_000;

/** CONFIG.WEN values (PS, NVMC register CONFIG). */
export const CONFIG_REN = 0;
export const CONFIG_WEN = 1;
export const CONFIG_EEN = 2;

/** Register offsets (PS, NVMC "Registers"). */
const READY = 0x400;
const READYNEXT = 0x408;
const CONFIG = 0x504;
const ERASEPAGE = 0x508; // also ERASEPCR1 (deprecated alias)
const ERASEALL = 0x50c;
const ERASEPCR0 = 0x510;
const ERASEUICR = 0x514;
const ERASEPAGEPARTIAL = 0x518;
const ERASEPAGEPARTIALCFG = 0x51c;
const ICACHECNF = 0x540;
const IHIT = 0x548;
const IMISS = 0x54c;

/**
 * The non-volatile memory controller (nRF52840 PS, chapter "NVMC — Non-volatile memory controller"). It owns the code flash and the
 * UICR page: reads are plain, writes to them program only with CONFIG.WEN = Wen and only as
 * full 32-bit words at word-aligned addresses (a byte or half-word write is a hard fault: PS
 * "Writing to flash"), programming can only turn 1s into 0s, and the erase registers act only with
 * CONFIG.WEN = Een. In other modes writes to the arrays and erase registers have no effect.
 *
 * Operations are queued in order on the virtual clock: READY reads 0 until the last one ends.
 * A core read of READY or of the flash while busy stalls the core to the end of the operation
 * (the PS: the CPU is halted while the NVMC writes or erases), so a polling loop costs virtual
 * time rather than interpreted instructions. Contents change when an operation is accepted;
 * nothing can observe the array before the operation ends except the debugger, which sees the
 * result early (the real AHB would hold it in wait states until then).
 */
export class Nvmc {
  readonly registers = new RegisterBlock('NVMC');
  readonly policy: NvmAccessPolicy;
  private readonly config = new StorageRegister(CONFIG_REN, 0x3);
  /** ERASEPAGEPARTIALCFG.DURATION in ms, reset value 0x0A (PS, register ERASEPAGEPARTIALCFG). */
  private readonly partialConfig = new StorageRegister(0x0a, 0x7f);
  private readonly icacheConfig = new StorageRegister(0, 0x101);
  private busyUntil = 0;
  private eraseBusyUntil = 0;
  /** Accumulated partial-erase time per page (PS "Partial erase of a page in flash"). */
  private readonly partialErase = new Map<number, number>();

  constructor(
    private readonly flash: NvmArray,
    private readonly uicr: NvmArray,
    private readonly clock: VirtualClock,
    private readonly timing: FlashTiming,
    private readonly core: CoreLink,
  ) {
    const r = this.registers;
    r.defineFn(READY, (m) => this.readBusyFlag(m, this.busyUntil));
    // READYNEXT: this model buffers every word write behind the running one, so the NVMC can
    // take the next write whenever no erase is running.
    r.defineFn(READYNEXT, (m) => this.readBusyFlag(m, this.eraseBusyUntil));
    r.define(CONFIG, this.config);
    const erasePage = (value: number): void => this.erasePage(value);
    r.defineFn(ERASEPAGE, () => 0, erasePage);
    r.defineFn(ERASEPCR0, () => 0, erasePage);
    r.defineFn(ERASEALL, () => 0, (value) => {
      if (this.mode === CONFIG_EEN && (value & 1) === 1) this.eraseAll();
    });
    r.defineFn(ERASEUICR, () => 0, (value) => {
      if (this.mode === CONFIG_EEN && (value & 1) === 1) this.run(T_ERASEPAGE_NS, true, () => this.uicr.erase(0, this.uicr.size));
    });
    r.defineFn(ERASEPAGEPARTIAL, () => 0, (value) => this.erasePagePartial(value));
    r.define(ERASEPAGEPARTIALCFG, this.partialConfig);
    r.define(ICACHECNF, this.icacheConfig);
    r.defineFn(IHIT, () => 0);
    r.defineFn(IMISS, () => 0);

    this.policy = {
      beforeRead: (_array, _offset, master) => {
        if (master === BusMaster.Core && this.clock.now < this.busyUntil) this.core.stallUntil(this.busyUntil);
        return true;
      },
      write: (array, offset, width, value) => this.writeArray(array, offset, width, value),
    };
  }

  get mode(): number {
    return this.config.value & 3;
  }

  /** True while an operation is in progress. */
  get busy(): boolean {
    return this.clock.now < this.busyUntil;
  }

  /** Virtual time at which the queued operations end. */
  get readyAt(): number {
    return Math.max(this.busyUntil, this.clock.now);
  }

  /** Erases flash and UICR (NVMC ERASEALL; the CTRL-AP ERASEALL uses it too). Returns the end time. */
  eraseAll(): number {
    return this.run(T_ERASEALL_NS, true, () => {
      this.flash.erase(0, this.flash.size);
      this.uicr.erase(0, this.uicr.size);
      this.partialErase.clear();
    });
  }

  reset(): void {
    this.config.reset();
    this.partialConfig.reset();
    this.icacheConfig.reset();
  }

  private readBusyFlag(master: BusMaster, until: number): number {
    if (this.clock.now >= until) return 1;
    if (master === BusMaster.Core) this.core.stallUntil(until);
    return 0;
  }

  private writeArray(array: NvmArray, offset: number, width: AccessWidth, value: number): boolean {
    if (width !== 4 || (offset & 3) !== 0) return false;
    if (this.mode !== CONFIG_WEN) return true;
    this.run(T_WRITE_NS, false, () => array.program(offset, 4, value));
    return true;
  }

  private erasePage(address: number): void {
    if (this.mode !== CONFIG_EEN || address >>> 0 >= this.flash.size) return;
    const page = Math.floor((address >>> 0) / FLASH_PAGE_SIZE);
    this.run(T_ERASEPAGE_NS, true, () => {
      this.flash.erase(page * FLASH_PAGE_SIZE, FLASH_PAGE_SIZE);
      this.partialErase.delete(page);
    });
  }

  /**
   * PS "Partial erase of a page in flash": each partial erase runs for ERASEPAGEPARTIALCFG ms; the page is erased once the
   * accumulated time reaches tERASEPAGE. Before that its bits are undefined; this model leaves
   * them unchanged.
   */
  private erasePagePartial(address: number): void {
    if (this.mode !== CONFIG_EEN || address >>> 0 >= this.flash.size) return;
    const page = Math.floor((address >>> 0) / FLASH_PAGE_SIZE);
    const durationNs = (this.partialConfig.value & 0x7f) * 1_000_000;
    this.run(durationNs, true, () => {
      const total = (this.partialErase.get(page) ?? 0) + durationNs;
      if (total >= T_ERASEPAGE_NS) {
        this.flash.erase(page * FLASH_PAGE_SIZE, FLASH_PAGE_SIZE);
        this.partialErase.delete(page);
      } else {
        this.partialErase.set(page, total);
      }
    });
  }

  /** Queues an operation of datasheet duration `ns` after those in progress. */
  private run(ns: number, isErase: boolean, apply: () => void): number {
    const start = Math.max(this.clock.now, this.busyUntil);
    this.busyUntil = start + this.timing.duration(ns);
    if (isErase) this.eraseBusyUntil = this.busyUntil;
    apply();
    return this.busyUntil;
  }
}
