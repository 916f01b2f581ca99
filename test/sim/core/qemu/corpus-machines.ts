import type { CorpusArch } from './corpus-build';

/**
 * The two QEMU machines the corpus runs on and the matching simulated systems: the same core
 * model and the same memories at the same addresses (from QEMU 7.2's `info mtree`), nothing else.
 * The corpus touches only the core, its System Control Space and these memories.
 */

export interface MemoryRegion {
  readonly name: string;
  readonly base: number;
  readonly size: number;
  /** Writable by the core (RAM) or not (flash, whose writes go through a controller). */
  readonly writable: boolean;
}

export interface CorpusMachine {
  readonly qemuMachine: string;
  /** -cpu value, or undefined where the machine fixes its CPU. */
  readonly qemuCpu: string | undefined;
  readonly coreModel: 'cortex-m4' | 'cortex-m0';
  readonly memories: readonly MemoryRegion[];
  /** External interrupt lines: ICTR reads 0 (up to 32) on both QEMU machines. */
  readonly irqCount: number;
  readonly frequencyHz: number;
}

export const corpusMachines: Record<CorpusArch, CorpusMachine> = {
  v7m: {
    qemuMachine: 'mps2-an386',
    qemuCpu: 'cortex-m4',
    coreModel: 'cortex-m4',
    memories: [
      // ZBT SSRAM1 (code, vector table at 0) and ZBT SSRAM2/3 (data), 4 MiB each on the AN386.
      { name: 'ssram1', base: 0x0000_0000, size: 0x40_0000, writable: true },
      { name: 'ssram23', base: 0x2000_0000, size: 0x40_0000, writable: true },
    ],
    irqCount: 32,
    frequencyHz: 25_000_000,
  },
  v6m: {
    qemuMachine: 'microbit',
    qemuCpu: undefined,
    coreModel: 'cortex-m0',
    memories: [
      { name: 'flash', base: 0x0000_0000, size: 0x4_0000, writable: false },
      { name: 'sram', base: 0x2000_0000, size: 0x4000, writable: true },
    ],
    irqCount: 32,
    frequencyHz: 16_000_000,
  },
};
