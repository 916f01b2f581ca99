import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BusMaster } from '../../../main/sim/bus/bus-types';
import type { SimBoard } from '../../../main/sim/boards';
import { type Elf32, bytesAt, parseElf32, section, symbol } from '../../resources/firmware/elf32';

const DHCSR = 0xe000_edf0;
const DBGKEY = 0xa05f_0000;
const C_DEBUGEN = 1 << 0;
const C_HALT = 1 << 1;
/** Thumb BKPT #0 (ARMv7-M A7.7.17): the function returns into it and the core halts. */
const BKPT = 0xbe00;
/** DCRSR REGSEL numbers (ARMv7-M C1.6.3). */
const REG_SP = 13;
const REG_LR = 14;
const REG_PC = 15;
const REG_XPSR = 16;
const R9 = 9;

/** Where the runner places the algorithm, its stack, the data buffer and the return trampoline. */
export interface FlmLayout {
  readonly loadAddress: number;
  readonly trampoline: number;
  readonly buffer: number;
  readonly stackTop: number;
}

const DCRSR = 0xe000_edf4;
const DCRDR = 0xe000_edf8;
const REGWNR = 1 << 16;

/**
 * Runs the functions of a CMSIS-Pack flash algorithm (FLM) on a simulated board's core, the
 * way a debugger does: PrgCode and PrgData copied to RAM, R9 = loaded PrgData, SP in RAM,
 * LR = a BKPT trampoline, PC = the function; run until the core halts on the BKPT.
 */
export class FlmRunner {
  readonly elf: Elf32;

  constructor(
    private readonly board: SimBoard,
    path: string,
    private readonly layout: FlmLayout,
  ) {
    this.elf = parseElf32(readFileSync(path));
    const code = section(this.elf, 'PrgCode');
    const data = section(this.elf, 'PrgData');
    this.halt();
    this.writeBytes(layout.loadAddress + code.addr, bytesAt(this.elf, code.addr, code.size));
    this.writeBytes(layout.loadAddress + data.addr, bytesAt(this.elf, data.addr, data.size));
    this.board.bus.write(layout.trampoline, 2, BKPT, BusMaster.Debug);
  }

  /** Writes bytes through the debugger's view of the bus (RAM only). */
  writeBytes(address: number, bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      if (!this.board.bus.write(address + i, 1, bytes[i]!, BusMaster.Debug)) throw new Error(`FLM runner: cannot write 0x${(address + i).toString(16)}`);
    }
  }

  /** Copies `bytes` into the runner's data buffer and returns its address. */
  buffer(bytes: Uint8Array): number {
    this.writeBytes(this.layout.buffer, bytes);
    return this.layout.buffer;
  }

  /** Calls `name(args)` with the static base in R9 (or `staticBase` to test a wrong one); returns R0. */
  call(name: string, args: readonly number[], options: { staticBase?: number; maxNs?: number } = {}): number {
    const regs = this.registers();
    const entry = symbol(this.elf, name).value;
    args.forEach((a, i) => regs.writeRegister(i, a >>> 0));
    regs.writeRegister(R9, options.staticBase ?? this.layout.loadAddress + section(this.elf, 'PrgData').addr);
    regs.writeRegister(REG_SP, this.layout.stackTop);
    regs.writeRegister(REG_LR, this.layout.trampoline | 1);
    regs.writeRegister(REG_PC, this.layout.loadAddress + (entry & ~1));
    regs.writeRegister(REG_XPSR, 0x0100_0000);
    this.board.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN, BusMaster.Debug);
    const deadline = this.board.clock.now + (options.maxNs ?? 5_000_000_000);
    while (!this.board.core.status.halted) {
      if (this.board.clock.now >= deadline || this.board.core.status.lockup) {
        throw new Error(`FLM ${name} did not return (pc 0x${regs.readRegister(REG_PC).toString(16)}, lockup ${this.board.core.status.lockup})`);
      }
      this.board.runUntil(Math.min(deadline, this.board.clock.now + 1_000_000));
    }
    const pc = regs.readRegister(REG_PC);
    if (pc !== this.layout.trampoline) throw new Error(`FLM ${name} halted at 0x${pc.toString(16)}, not at the return trampoline`);
    return regs.readRegister(0);
  }

  /** Core registers through DCRSR/DCRDR, as a debugger reaches them (ARMv7-M C1.6.3). */
  private registers(): { readRegister(regsel: number): number; writeRegister(regsel: number, value: number): void } {
    const bus = this.board.bus;
    return {
      readRegister: (regsel) => {
        bus.write(DCRSR, 4, regsel, BusMaster.Debug);
        return bus.read(DCRDR, 4, BusMaster.Debug);
      },
      writeRegister: (regsel, value) => {
        bus.write(DCRDR, 4, value, BusMaster.Debug);
        bus.write(DCRSR, 4, REGWNR | regsel, BusMaster.Debug);
      },
    };
  }

  private halt(): void {
    this.board.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN | C_HALT, BusMaster.Debug);
    this.board.runUntil(this.board.clock.now + 1000);
    if (!this.board.core.status.halted) throw new Error('FLM runner: the core did not halt');
  }
}

export const FLM_DIR = join(import.meta.dirname, '../../../resources/firmware/flm/build');
