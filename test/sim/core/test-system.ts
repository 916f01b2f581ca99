import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySlave, SystemBus } from '../../../main/sim/bus/system-bus';
import { VirtualClock } from '../../../main/sim/clock/virtual-clock';
import { CortexM, type CoreModelName } from '../../../main/sim/core/cortex-m';
import { requireTools } from '../../support/require-tool';

/** Test fixture: a core with 256 KiB of flash at 0 and 64 KiB of RAM at 0x20000000. */
export interface TestSystem {
  bus: SystemBus;
  clock: VirtualClock;
  core: CortexM;
  flash: MemorySlave;
  ram: MemorySlave;
  log: string[];
}

export const RAM_BASE = 0x2000_0000;
export const RAM_TOP = 0x2001_0000;

export function createSystem(model: CoreModelName, image?: Uint8Array, irqCount = 8): TestSystem {
  const bus = new SystemBus();
  const clock = new VirtualClock();
  const flash = new MemorySlave('flash', 0x40000, false);
  const ram = new MemorySlave('ram', 0x10000, true);
  bus.map(0, 0x40000, flash);
  bus.map(RAM_BASE, 0x10000, ram);
  const log: string[] = [];
  const core = new CortexM({ model, bus, clock, frequencyHz: 64_000_000, irqCount, log: (m) => log.push(m) });
  if (image !== undefined) {
    flash.directBytes.set(image);
    bus.notifyChanged(0, image.length);
  }
  core.powerOnReset();
  return { bus, clock, core, flash, ram, log };
}

export const toolchainAvailable = requireTools([
  { command: 'arm-none-eabi-as', aptPackage: 'binutils-arm-none-eabi' },
  { command: 'arm-none-eabi-ld', aptPackage: 'binutils-arm-none-eabi' },
  { command: 'arm-none-eabi-objcopy', aptPackage: 'binutils-arm-none-eabi' },
]);

const cacheDir = join(tmpdir(), 'probedesk-core-tests');

/**
 * Assembles Thumb source for `cpu` (cortex-m0 / cortex-m4 ...) into a flat image linked at 0.
 * The source gets a vector table prologue: SP = RAM_TOP, reset = `_start`, and `handlers`
 * (exception number → a `.thumb_func` label) for the other vectors (default: `default_handler`, a BKPT loop).
 */
export function assemble(cpu: string, body: string, handlers: Record<number, string> = {}): Uint8Array {
  const vectors: string[] = [];
  for (let i = 2; i < 48; i++) vectors.push(`  .word ${handlers[i] ?? 'default_handler'}`);
  const source = `  .syntax unified
  .cpu ${cpu}
  .thumb
  .text
  .word 0x${RAM_TOP.toString(16)}
  .word _start
${vectors.join('\n')}
  .thumb_func
default_handler:
  bkpt #0xfe
  b default_handler
${body}
`;
  const hash = createHash('sha256').update(cpu).update(source).digest('hex').slice(0, 16);
  mkdirSync(cacheDir, { recursive: true });
  const bin = join(cacheDir, `${hash}.bin`);
  if (!existsSync(bin)) {
    const src = join(cacheDir, `${hash}.s`);
    const obj = join(cacheDir, `${hash}.o`);
    writeFileSync(src, source);
    execFileSync('arm-none-eabi-as', ['-o', obj, src]);
    const elf = join(cacheDir, `${hash}.elf`);
    execFileSync('arm-none-eabi-ld', ['-Ttext=0', '-o', elf, obj]);
    execFileSync('arm-none-eabi-objcopy', ['-O', 'binary', elf, bin]);
  }
  return new Uint8Array(readFileSync(bin));
}
