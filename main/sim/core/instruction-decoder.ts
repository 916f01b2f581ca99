import { BUS_ERROR } from '../bus/bus-types';
import type { Cpu, Exec } from './cpu';
import type { DataWatchpointTrace } from './dwt';
import type { FlashPatchBreakpoint } from './fpb';
import { decode16 } from './thumb16';
import { decode32 } from './thumb32';

/**
 * Instruction fetch and the predecoded-instruction cache. Each halfword address of directly
 * readable memory gets its decoded closure once; writes through the core's fast path or
 * SystemBus.onChange drop the affected entries. FPB breakpoints and remaps and DWT PC
 * comparators are folded into the decoded closures, and the cache is flushed when they change.
 */
export class InstructionDecoder {
  /** Set when FPB or DWT comparators may act on fetches. */
  breakpointsActive = false;
  /** The code region of the last lookup: the execution loop reads these directly. */
  codeBase = 0;
  codeSize = 0;
  code: Array<Exec | undefined> = [];
  /** The bytes of that region, for sizing instructions without a bus read. */
  private codeBytes: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly cpu: Cpu,
    private readonly fpb: FlashPatchBreakpoint,
    private readonly dwt: DataWatchpointTrace,
    private readonly haltRequested: () => boolean,
  ) {}

  /** The decoded instruction at `pc`, from the cache when possible. */
  lookup(pc: number): Exec {
    const offset = (pc - this.codeBase) >>> 0;
    if (offset < this.codeSize) {
      const cached = this.code[offset >>> 1];
      if (cached !== undefined) return cached;
      const fn = this.decode(pc);
      this.code[offset >>> 1] = fn;
      return fn;
    }
    const region = pc >= 0xe0000000 ? undefined : this.cpu.directRegion(pc);
    if (region === undefined) return this.decode(pc);
    this.codeBase = region.base;
    this.codeSize = region.size & ~1;
    this.code = this.cpu.codeSlots(region);
    this.codeBytes = region.bytes;
    return this.lookup(pc);
  }

  /** 2 or 4: the size of the instruction at `pc` (A5.1: first halfword 0b11101/0b11110/0b11111 is 32-bit). */
  instructionSize(pc: number): number {
    // A skipped IT-block instruction is sized on every pass; outside FPB remapping, the high
    // byte of its first halfword in the current code region decides, with no bus read.
    const offset = (pc - this.codeBase) >>> 0;
    const hw = !this.breakpointsActive && offset < this.codeSize ? this.codeBytes[offset + 1]! << 8 : this.fetch(pc);
    return hw !== BUS_ERROR && hw >>> 11 >= 0x1d ? 4 : 2;
  }

  private fetch(address: number): number {
    if (this.breakpointsActive) {
      const remapped = this.fpb.remapInstruction(address >>> 0);
      if (remapped >= 0) return this.cpu.fetch16(remapped);
    }
    return this.cpu.fetch16(address);
  }

  private decode(pc: number): Exec {
    const c = this.cpu;
    // The System region 0xE0000000-0xFFFFFFFF is Execute Never (B3.1): MemManage IACCVIOL.
    if (pc >= 0xe0000000) return (cpu) => cpu.fetchFault(pc, false);
    if (this.breakpointsActive) {
      if (this.fpb.breakpointAt(pc)) return (cpu) => cpu.hooks.breakpoint();
      if (this.dwt.pcMatch(pc)) {
        const inner = this.decodeInstruction(c, pc);
        return (cpu) => {
          this.dwt.pcHit(pc);
          // A PC match halts before the instruction executes when halting debug is enabled.
          if (this.haltRequested()) {
            cpu.abort.exception = 0;
            throw cpu.abort;
          }
          inner(cpu);
        };
      }
    }
    return this.decodeInstruction(c, pc);
  }

  private decodeInstruction(c: Cpu, pc: number): Exec {
    const hw1 = this.fetch(pc);
    if (hw1 === BUS_ERROR) return (cpu) => cpu.fetchFault(pc, true);
    if (hw1 >>> 11 < 0x1d) return decode16(hw1, pc, c.v7m);
    const hw2 = this.fetch(pc + 2);
    if (hw2 === BUS_ERROR) return (cpu) => cpu.fetchFault(pc, true);
    return decode32(hw1, hw2, pc, c);
  }
}
