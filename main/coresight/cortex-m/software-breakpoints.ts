/**
 * Software breakpoints: the instruction's halfword is replaced with BKPT #0 (0xBE00, ARMv7-M ARM
 * A7.7.17), which halts the core when halting debug is enabled (C1.4). Only possible in writable
 * memory (RAM); the original halfword is kept and written back on removal.
 */
import type { MemoryInterface } from '../memory-interface';
import { MemoryFaultError } from './core-errors';

export const BKPT_INSTRUCTION = 0xbe00;

export class SoftwareBreakpoints {
  private readonly saved = new Map<number, number>();

  constructor(private readonly memory: MemoryInterface) {}

  has(address: number): boolean {
    return this.saved.has(address >>> 0);
  }

  async set(address: number): Promise<void> {
    const key = address >>> 0;
    if (this.saved.has(key)) return;
    try {
      const original = await this.memory.read16(key);
      await this.memory.write16(key, BKPT_INSTRUCTION);
      const check = await this.memory.read16(key);
      if (check !== BKPT_INSTRUCTION) {
        await this.memory.write16(key, original);
        throw new MemoryFaultError(key, 'placing a software breakpoint: the memory is not writable RAM');
      }
      this.saved.set(key, original);
    } catch (error) {
      if (error instanceof MemoryFaultError) throw error;
      throw new MemoryFaultError(key, 'placing a software breakpoint', { cause: error });
    }
  }

  async remove(address: number): Promise<boolean> {
    const key = address >>> 0;
    const original = this.saved.get(key);
    if (original === undefined) return false;
    try {
      await this.memory.write16(key, original);
    } catch (error) {
      throw new MemoryFaultError(key, 'restoring the instruction under a software breakpoint', { cause: error });
    }
    this.saved.delete(key);
    return true;
  }

  /** The instruction a breakpoint hides, for memory reads that should show the program. */
  originalAt(address: number): number | undefined {
    return this.saved.get(address >>> 0);
  }

  addresses(): number[] {
    return [...this.saved.keys()];
  }
}
