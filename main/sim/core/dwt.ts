import { type AccessWidth, BUS_ERROR, type BusSlave } from '../bus/bus-types';
import { ComponentClass, componentIdRegister } from './component-id';
import type { CoreModel } from './core-models';

/**
 * Data Watchpoint and Trace unit at 0xE0001000 (ARMv7-M C1.8, ARMv6-M C1.8): comparators with
 * COMP/MASK/FUNCTION for PC and data-address watchpoints, and CYCCNT on v7-M. Trace packet
 * generation and the profiling counters other than CYCCNT are not modeled (they read as zero).
 */

/** FUNCTION values that act here (C1.8.17): PC match and data address read/write/any. */
const enum WatchFunction {
  PcMatch = 4,
  DataRead = 5,
  DataWrite = 6,
  DataAccess = 7,
}

export class DataWatchpointTrace implements BusSlave {
  readonly name = 'DWT';
  private ctrl = 0;
  private readonly comp: Uint32Array;
  private readonly mask: Uint32Array;
  private readonly func: Uint32Array;
  private readonly v7m: boolean;
  /** CYCCNT counts from `cycleBase` core cycles when it held `cycleValue`. */
  private cycleValue = 0;
  private cycleBase = 0;

  constructor(
    private readonly model: CoreModel,
    private readonly cycles: () => number,
    private readonly traceEnabled: () => boolean,
    /** A watchpoint event (C1.8.1): the processor decides to halt or ignore it. */
    private readonly watchpointHit: () => void,
    private readonly changed: () => void,
  ) {
    this.v7m = model.architecture === 'v7m';
    this.comp = new Uint32Array(model.dwtComparators);
    this.mask = new Uint32Array(model.dwtComparators);
    this.func = new Uint32Array(model.dwtComparators);
  }

  reset(): void {
    this.ctrl = 0;
    this.comp.fill(0);
    this.mask.fill(0);
    this.func.fill(0);
    this.cycleValue = 0;
    this.cycleBase = this.cycles();
    this.changed();
  }

  private counting(): boolean {
    return this.v7m && (this.ctrl & 1) !== 0 && this.traceEnabled();
  }

  /** CYCCNT (C1.8.3): counts core cycles while CYCCNTENA and DEMCR.TRCENA are set. */
  private cyccnt(): number {
    if (!this.counting()) return this.cycleValue >>> 0;
    return (this.cycleValue + (this.cycles() - this.cycleBase)) >>> 0;
  }

  /** Call before DEMCR.TRCENA changes so CYCCNT freezes or restarts at the right count. */
  latchCycleCounter(): void {
    this.cycleValue = this.cyccnt();
    this.cycleBase = this.cycles();
  }

  private inRange(index: number, address: number, width: number): boolean {
    const ignore = this.mask[index]! & 0x1f;
    const keep = ignore >= 32 ? 0 : ~((1 << ignore) - 1);
    const target = (this.comp[index]! & keep) >>> 0;
    for (let i = 0; i < width; i++) if ((((address + i) & keep) >>> 0) === target) return true;
    return false;
  }

  /** A PC watchpoint on `address` (for the decoded-instruction cache). */
  pcMatch(address: number): boolean {
    for (let i = 0; i < this.func.length; i++) {
      if ((this.func[i]! & 0xf) === WatchFunction.PcMatch && this.inRange(i, address, 1)) return true;
    }
    return false;
  }

  get pcMatchActive(): boolean {
    return this.func.some((f) => (f & 0xf) === WatchFunction.PcMatch);
  }

  get dataWatchActive(): boolean {
    return this.func.some((f) => (f & 0xf) >= WatchFunction.DataRead && (f & 0xf) <= WatchFunction.DataAccess);
  }

  /** A PC watchpoint fired at execution: sets MATCHED and signals the event. */
  pcHit(address: number): void {
    for (let i = 0; i < this.func.length; i++) {
      if ((this.func[i]! & 0xf) === WatchFunction.PcMatch && this.inRange(i, address, 1)) this.func[i]! |= 1 << 24;
    }
    this.watchpointHit();
  }

  /** A data access by the core: matching comparators set MATCHED and raise a watchpoint event. */
  dataAccess(address: number, width: number, isWrite: boolean): void {
    let hit = false;
    for (let i = 0; i < this.func.length; i++) {
      const f = this.func[i]! & 0xf;
      const wanted = f === WatchFunction.DataAccess || (isWrite ? f === WatchFunction.DataWrite : f === WatchFunction.DataRead);
      if (wanted && this.inRange(i, address, width)) {
        this.func[i]! |= 1 << 24;
        hit = true;
      }
    }
    if (hit) this.watchpointHit();
  }

  read(offset: number, width: AccessWidth): number {
    if (width !== 4) return BUS_ERROR;
    if (offset === 0x000) {
      return ((this.model.dwtComparators << 28) | (this.v7m ? this.ctrl : 0)) >>> 0;
    }
    if (offset >= 0x020 && offset < 0x020 + 16 * this.comp.length) {
      const index = (offset - 0x020) >> 4;
      switch (offset & 0xf) {
        case 0x0:
          return this.comp[index]!;
        case 0x4:
          return this.mask[index]!;
        case 0x8: {
          // MATCHED (bit 24) is cleared by the read (C1.8.17).
          const value = this.func[index]!;
          this.func[index] = value & ~(1 << 24);
          return value;
        }
        default:
          return 0;
      }
    }
    if (offset === 0x004) return this.v7m ? this.cyccnt() : 0;
    if (offset < 0x020) return 0;
    return componentIdRegister(offset, this.model.pid.dwt, ComponentClass.GenericIp) ?? 0;
  }

  write(offset: number, width: AccessWidth, value: number): boolean {
    if (width !== 4) return false;
    if (offset === 0x000) {
      if (this.v7m) {
        this.latchCycleCounter();
        // NUMCOMP and the NOTRCPKT/NOEXTTRIG/NOCYCCNT/NOPRFCNT bits [31:24] are read-only, bits
        // 23 and 15:13 reserved (ARMv7-M C1.8.7).
        this.ctrl = value & 0x007f1fff;
      }
      return true;
    }
    if (offset === 0x004) {
      if (this.v7m) {
        this.cycleValue = value >>> 0;
        this.cycleBase = this.cycles();
      }
      return true;
    }
    if (offset >= 0x020 && offset < 0x020 + 16 * this.comp.length) {
      const index = (offset - 0x020) >> 4;
      switch (offset & 0xf) {
        case 0x0:
          this.comp[index] = value >>> 0;
          break;
        case 0x4:
          this.mask[index] = value & 0x1f;
          break;
        case 0x8:
          this.func[index] = (this.func[index]! & (1 << 24)) | (value & (this.v7m ? 0x000ffcaf : 0xf));
          break;
      }
      this.changed();
    }
    return true;
  }
}
