/**
 * `npm run bench:sim`: simulated-core speed in million instructions per second (MIPS).
 *
 * Builds the workload (workload.c, startup.s, workload.ld) with arm-none-eabi-gcc for each core
 * model into a cache directory under the OS temp dir, runs it on a bare CortexM with flash and
 * RAM until it ends on BKPT, and prints one JSON line. Goal: 64 MIPS (a 64 MHz board in real time).
 *
 * The figure is instructions per second of this process's CPU time, so that other work on a
 * shared machine does not distort it; the wall-clock figure is reported beside it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BusMaster } from '../../main/sim/bus/bus-types';
import { MemorySlave, SystemBus } from '../../main/sim/bus/system-bus';
import { VirtualClock } from '../../main/sim/clock/virtual-clock';
import { CortexM, type CoreModelName } from '../../main/sim/core/cortex-m';

const LIMIT_MIPS = 64;
const WALL_BOUND_MS = 120_000;
const here = dirname(fileURLToPath(import.meta.url));
const sources = ['startup.s', 'workload.c', 'workload.ld'].map((f) => join(here, f));

interface Target {
  model: CoreModelName;
  gccCpu: string;
}

const targets: Target[] = [
  { model: 'cortex-m4', gccCpu: 'cortex-m4' },
  { model: 'cortex-m0plus', gccCpu: 'cortex-m0plus' },
];

function requireToolchain(): void {
  try {
    execFileSync('arm-none-eabi-gcc', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('bench:sim needs arm-none-eabi-gcc; install it with: apt-get install -y gcc-arm-none-eabi');
  }
}

/** Builds the workload for `cpu` once per source content; returns the flat binary. */
function build(cpu: string): Uint8Array {
  const hash = createHash('sha256');
  for (const file of sources) hash.update(readFileSync(file));
  hash.update(cpu);
  const dir = join(tmpdir(), 'probedesk-bench-sim', hash.digest('hex').slice(0, 16));
  const bin = join(dir, `${cpu}.bin`);
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    const elf = join(dir, `${cpu}.elf`);
    execFileSync('arm-none-eabi-gcc', [
      `-mcpu=${cpu}`,
      '-mthumb',
      '-O2',
      '-ffreestanding',
      '-nostdlib',
      '-T',
      sources[2]!,
      sources[0]!,
      sources[1]!,
      '-lgcc',
      '-o',
      elf,
    ]);
    execFileSync('arm-none-eabi-objcopy', ['-O', 'binary', elf, bin]);
  }
  return new Uint8Array(readFileSync(bin));
}

interface Run {
  instructions: number;
  /** Process CPU time (user + system) spent running the workload. */
  seconds: number;
  wallSeconds: number;
  result: number;
}

function run(target: Target, image: Uint8Array): Run {
  const bus = new SystemBus();
  const clock = new VirtualClock();
  const flash = new MemorySlave('flash', 0x40000, false);
  const ram = new MemorySlave('ram', 0x10000, true);
  bus.map(0, 0x40000, flash);
  bus.map(0x2000_0000, 0x10000, ram);
  flash.directBytes.set(image);
  const messages: string[] = [];
  const core = new CortexM({ model: target.model, bus, clock, frequencyHz: 64_000_000, irqCount: 32, log: (m) => messages.push(m) });
  core.powerOnReset();
  // C_DEBUGEN so that the final BKPT halts the core (ARMv7-M C1.6.2).
  bus.write(0xe000edf0, 4, 0xa05f_0001, BusMaster.Debug);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (!core.status.halted && !core.status.lockup) {
    core.runUntil(clock.now + 1_000_000);
    if (performance.now() - start > WALL_BOUND_MS) throw new Error(`${target.model}: workload did not finish within ${WALL_BOUND_MS} ms`);
  }
  const wallSeconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const seconds = (cpu.user + cpu.system) / 1e6;
  const pc = core.readRegister(15);
  const halfword = bus.read(pc, 2, BusMaster.Debug);
  if (halfword !== 0xbe00) throw new Error(`${target.model}: workload stopped at 0x${pc.toString(16)} (0x${halfword.toString(16)}), not its final BKPT #0; log: ${messages.join('; ')}`);
  return { instructions: core.retiredInstructions, seconds, wallSeconds, result: bus.read(0x2000_0000, 4, BusMaster.Debug) };
}

function main(): void {
  requireToolchain();
  const results = [];
  const checks: number[] = [];
  for (const target of targets) {
    const image = build(target.gccCpu);
    run(target, image);
    const best = [run(target, image), run(target, image)].reduce((a, b) => (a.seconds < b.seconds ? a : b));
    checks.push(best.result);
    const mips = best.instructions / best.seconds / 1e6;
    results.push({
      name: `mips-${target.model}`,
      value: Math.round(mips * 10) / 10,
      unit: 'MIPS',
      limit: LIMIT_MIPS,
      ratio: Math.round((mips / LIMIT_MIPS) * 1000) / 1000,
      instructions: best.instructions,
      wallClockMips: Math.round((best.instructions / best.wallSeconds / 1e6) * 10) / 10,
    });
  }
  if (checks.some((c) => c !== checks[0])) throw new Error(`workload checksums differ between models: ${checks.map((c) => c.toString(16)).join(', ')}`);
  console.log(JSON.stringify({ bench: 'sim', results }));
}

main();
