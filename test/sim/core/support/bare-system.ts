import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BusMaster } from '../../../../main/sim/bus/bus-types';
import { MemorySlave, SystemBus } from '../../../../main/sim/bus/system-bus';
import { VirtualClock } from '../../../../main/sim/clock/virtual-clock';
import { CortexM, type CoreModelName } from '../../../../main/sim/core/cortex-m';
import { requireTools } from '../../../support/require-tool';

/**
 * A bare Cortex-M for the architected-behaviour tests (as bench/sim/run-sim-bench.ts builds it):
 * 256 KiB of flash at 0, 64 KiB of RAM at 0x20000000 and nothing else on the bus, so that any
 * other address answers with a bus error. Programs are assembled with arm-none-eabi-as behind a
 * vector table; the symbols of the program come back with the image.
 */

export const RAM_BASE = 0x2000_0000;
export const RAM_SIZE = 0x1_0000;
export const RAM_TOP = RAM_BASE + RAM_SIZE;
/** An address with nothing mapped: loads, stores and stacking there get a bus error. */
export const UNMAPPED = 0x3000_0000;

// ---- register addresses (ARMv7-M B3.2, C1.6, C1.8, C1.11; ARMv6-M B3.2, C1.6, C1.8) ----
export const CPUID = 0xe000_ed00;
export const ICSR = 0xe000_ed04;
export const VTOR = 0xe000_ed08;
export const AIRCR = 0xe000_ed0c;
export const CCR = 0xe000_ed14;
export const SHPR2 = 0xe000_ed1c;
export const SHCSR = 0xe000_ed24;
export const CFSR = 0xe000_ed28;
export const HFSR = 0xe000_ed2c;
export const DFSR = 0xe000_ed30;
export const CPACR = 0xe000_ed88;
export const DHCSR = 0xe000_edf0;
export const DCRSR = 0xe000_edf4;
export const DCRDR = 0xe000_edf8;
export const DEMCR = 0xe000_edfc;
export const MVFR0 = 0xe000_ef40;
export const MVFR1 = 0xe000_ef44;
export const NVIC_ISER0 = 0xe000_e100;
export const NVIC_ISPR0 = 0xe000_e200;
export const FP_CTRL = 0xe000_2000;
export const FP_REMAP = 0xe000_2004;
export const DWT_CTRL = 0xe000_1000;
export const DWT_CYCCNT = 0xe000_1004;
export const ITM_STIM0 = 0xe000_0000;
export const ITM_TER = 0xe000_0e00;
export const ITM_TCR = 0xe000_0e80;
export const ITM_LAR = 0xe000_0fb0;

export function fpComp(n: number): number {
  return FP_CTRL + 8 + 4 * n;
}
export function dwtComp(n: number): number {
  return DWT_CTRL + 0x20 + 16 * n;
}
export function dwtMask(n: number): number {
  return dwtComp(n) + 4;
}
export function dwtFunction(n: number): number {
  return dwtComp(n) + 8;
}

// ---- DHCSR (C1.6.2) ----
export const DBGKEY = 0xa05f_0000;
export const C_DEBUGEN = 1 << 0;
export const C_HALT = 1 << 1;
export const C_STEP = 1 << 2;
export const C_MASKINTS = 1 << 3;
export const S_REGRDY = 1 << 16;
export const S_HALT = 1 << 17;
export const S_SLEEP = 1 << 18;
export const S_LOCKUP = 1 << 19;
export const S_RETIRE_ST = 1 << 24;
export const S_RESET_ST = 1 << 25;

// ---- DFSR (C1.6.1) ----
export const DFSR_HALTED = 1 << 0;
export const DFSR_BKPT = 1 << 1;
export const DFSR_DWTTRAP = 1 << 2;
export const DFSR_VCATCH = 1 << 3;
export const DFSR_EXTERNAL = 1 << 4;

// ---- DEMCR (C1.6.5) ----
export const VC_CORERESET = 1 << 0;
export const VC_MMERR = 1 << 4;
export const VC_NOCPERR = 1 << 5;
export const VC_CHKERR = 1 << 6;
export const VC_STATERR = 1 << 7;
export const VC_BUSERR = 1 << 8;
export const VC_INTERR = 1 << 9;
export const VC_HARDERR = 1 << 10;
export const MON_EN = 1 << 16;
export const TRCENA = 1 << 24;

// ---- DCRSR REGSEL (C1.6.3) ----
export const REGSEL_SP = 13;
export const REGSEL_LR = 14;
export const REGSEL_DEBUG_RETURN_ADDRESS = 15;
export const REGSEL_XPSR = 16;
export const REGSEL_MSP = 17;
export const REGSEL_PSP = 18;
export const REGSEL_SPECIAL = 20;
export const REGSEL_FPSCR = 0x21;
export const REGSEL_S0 = 0x40;
export const REGWNR = 1 << 16;

/** Exception numbers (B1.5.2), written here from the ARM rather than taken from the simulator, so a wrong number there fails these tests. */
export const enum Vector {
  Reset = 1,
  Nmi = 2,
  HardFault = 3,
  MemManage = 4,
  BusFault = 5,
  UsageFault = 6,
  SvCall = 11,
  DebugMonitor = 12,
  PendSv = 14,
  SysTick = 15,
  Irq0 = 16,
}

export const V6M_MODELS = ['cortex-m0', 'cortex-m0plus'] as const satisfies readonly CoreModelName[];
export const V7M_MODELS = ['cortex-m3', 'cortex-m4', 'cortex-m4f'] as const satisfies readonly CoreModelName[];
export const ALL_MODELS = [...V6M_MODELS, ...V7M_MODELS] as const;

export const toolchainAvailable = requireTools([
  { command: 'arm-none-eabi-as', aptPackage: 'binutils-arm-none-eabi' },
  { command: 'arm-none-eabi-ld', aptPackage: 'binutils-arm-none-eabi' },
  { command: 'arm-none-eabi-objcopy', aptPackage: 'binutils-arm-none-eabi' },
  { command: 'arm-none-eabi-nm', aptPackage: 'binutils-arm-none-eabi' },
]);

export interface Program {
  image: Uint8Array;
  /** Address of each label in the program (Thumb bit clear). */
  symbols: Record<string, number>;
}

export interface ProgramSource {
  /** Thumb assembly; it must define the `.thumb_func` label `_start` (the reset handler). */
  body: string;
  /** Exception number → `.thumb_func` label for that vector (default: `default_handler`, `bkpt #0xfe; b .`). */
  handlers?: Record<number, string>;
}

const cacheDir = join(tmpdir(), 'probedesk-core-arch-tests');

function assemblerCpu(model: CoreModelName): string {
  return model === 'cortex-m4f' ? 'cortex-m4' : model;
}

/** Assembles `source` for `model`, linked at 0, behind a 48-entry vector table (SP = RAM_TOP). */
export function assemble(model: CoreModelName, source: ProgramSource): Program {
  const handlers = source.handlers ?? {};
  const vectors: string[] = [];
  for (let i = 2; i < 48; i++) vectors.push(`  .word ${handlers[i] ?? 'default_handler'}`);
  const text = `  .syntax unified
  .cpu ${assemblerCpu(model)}
${model === 'cortex-m4f' ? '  .fpu fpv4-sp-d16\n' : ''}  .thumb
  .text
  .word 0x${RAM_TOP.toString(16)}
  .word _start
${vectors.join('\n')}
  .thumb_func
default_handler:
  bkpt #0xfe
  b default_handler
${source.body}
`;
  const hash = createHash('sha256').update(model).update(text).digest('hex').slice(0, 16);
  mkdirSync(cacheDir, { recursive: true });
  const bin = join(cacheDir, `${hash}.bin`);
  const sym = join(cacheDir, `${hash}.sym`);
  if (!existsSync(bin) || !existsSync(sym)) {
    const src = join(cacheDir, `${hash}.s`);
    const obj = join(cacheDir, `${hash}.o`);
    const elf = join(cacheDir, `${hash}.elf`);
    writeFileSync(src, text);
    execFileSync('arm-none-eabi-as', ['-o', obj, src]);
    execFileSync('arm-none-eabi-ld', ['-Ttext=0', '-o', elf, obj]);
    execFileSync('arm-none-eabi-objcopy', ['-O', 'binary', elf, bin]);
    writeFileSync(sym, execFileSync('arm-none-eabi-nm', [elf], { encoding: 'utf8' }));
  }
  const symbols: Record<string, number> = {};
  for (const line of readFileSync(sym, 'utf8').split('\n')) {
    const [address, , name] = line.trim().split(/\s+/);
    if (address !== undefined && name !== undefined) symbols[name] = parseInt(address, 16) & ~1;
  }
  return { image: new Uint8Array(readFileSync(bin)), symbols };
}

export interface BareSystem {
  readonly model: CoreModelName;
  readonly bus: SystemBus;
  readonly clock: VirtualClock;
  readonly core: CortexM;
  readonly flash: MemorySlave;
  readonly ram: MemorySlave;
  readonly log: string[];
  /** The program's labels (empty without a program). */
  readonly symbols: Record<string, number>;
  /** Address of a label; throws when the program has no such label. */
  at(label: string): number;
  /** A 32-bit read or write by the debugger (the DAP's bus master). */
  read(address: number): number;
  write(address: number, value: number): void;
  /** A 32-bit write by software running on the core. */
  coreWrite(address: number, value: number): void;
  /** DHCSR write with DBGKEY. */
  dhcsr(controlBits: number): void;
  /** C_DEBUGEN and C_HALT: halt now. */
  halt(): void;
  /** Core register read / write through DCRSR and DCRDR. */
  readReg(regsel: number): number;
  writeReg(regsel: number, value: number): void;
  /** Runs for `ns` of virtual time. */
  run(ns?: number): void;
  /** Runs until the core halts or locks up, at most `limitNs` of virtual time. */
  runUntilStopped(limitNs?: number): void;
}

export function createBareSystem(model: CoreModelName, source?: ProgramSource, irqCount = 8): BareSystem {
  const bus = new SystemBus();
  const clock = new VirtualClock();
  const flash = new MemorySlave('flash', 0x40000, false);
  const ram = new MemorySlave('ram', RAM_SIZE, true);
  bus.map(0, 0x40000, flash);
  bus.map(RAM_BASE, RAM_SIZE, ram);
  const log: string[] = [];
  const core = new CortexM({ model, bus, clock, frequencyHz: 64_000_000, irqCount, log: (m) => log.push(m) });
  let symbols: Record<string, number> = {};
  if (source !== undefined) {
    const program = assemble(model, source);
    symbols = program.symbols;
    flash.directBytes.set(program.image);
    bus.notifyChanged(0, program.image.length);
  }
  core.powerOnReset();
  const read = (address: number): number => bus.read(address, 4, BusMaster.Debug);
  const write = (address: number, value: number): void => {
    bus.write(address, 4, value >>> 0, BusMaster.Debug);
  };
  return {
    model,
    bus,
    clock,
    core,
    flash,
    ram,
    log,
    symbols,
    at(label) {
      const address = symbols[label];
      if (address === undefined) throw new Error(`no label '${label}' in the program`);
      return address;
    },
    read,
    write,
    coreWrite(address, value) {
      bus.write(address, 4, value >>> 0, BusMaster.Core);
    },
    dhcsr(controlBits) {
      write(DHCSR, DBGKEY | controlBits);
    },
    halt() {
      write(DHCSR, DBGKEY | C_DEBUGEN | C_HALT);
    },
    readReg(regsel) {
      write(DCRSR, regsel);
      return read(DCRDR);
    },
    writeReg(regsel, value) {
      write(DCRDR, value);
      write(DCRSR, REGWNR | regsel);
    },
    run(ns = 100_000) {
      core.runUntil(clock.now + ns);
    },
    runUntilStopped(limitNs = 10_000_000) {
      const end = clock.now + limitNs;
      while (!core.status.halted && !core.status.lockup && clock.now < end) core.runUntil(Math.min(end, clock.now + 10_000));
    },
  };
}
