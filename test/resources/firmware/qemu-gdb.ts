/**
 * Test support: a QEMU machine halted at reset, driven by a gdb-multiarch batch script over its
 * gdbstub. Used to execute our firmware code on Cortex-M models while the ProbeDesk simulator is
 * not the subject under test.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Bound on one whole gdb session; each session here completes in seconds. */
const SESSION_TIMEOUT_MS = 120_000;
/** Bound on QEMU creating its gdb socket. */
const QEMU_START_TIMEOUT_MS = 20_000;

export const hex = (value: number): string => `0x${value.toString(16)}`;

/** Waits (bounded) for QEMU to create its gdb socket, so gdb never connects too early. */
async function waitForSocket(path: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + QEMU_START_TIMEOUT_MS;
  while (!existsSync(path)) {
    if (exited()) throw new Error(`qemu-system-arm exited before creating its gdb socket ${path}`);
    if (Date.now() > deadline) throw new Error(`qemu-system-arm did not create its gdb socket ${path} within ${QEMU_START_TIMEOUT_MS} ms`);
    await sleep(20);
  }
}

/** Where called FLM-style functions return to: a Thumb "b ." with a breakpoint on it. */
export const RETURN_ADDRESS = 0x20000800;

/** Builds the gdb command list; `call` runs a function AAPCS-style and prints `RESULT label=r0`. */
export class GdbScript {
  readonly lines: string[] = [];

  constructor(readonly stackTop: number) {}

  add(...lines: string[]): this {
    this.lines.push(...lines);
    return this;
  }

  /** Plants the return trampoline; call once before the first `call`. */
  trampoline(): this {
    return this.add(`set var *(unsigned short *)${hex(RETURN_ADDRESS)} = 0xe7fe`, `break *${hex(RETURN_ADDRESS)}`);
  }

  call(label: string, entry: number, r9: number, args: readonly number[]): this {
    this.add(`set var $sp = ${hex(this.stackTop)}`, `set var $lr = ${hex(RETURN_ADDRESS | 1)}`, 'set var $xpsr = 0x01000000', `set var $r9 = ${hex(r9)}`);
    args.forEach((value, i) => this.add(`set var $r${i} = ${hex(value)}`));
    return this.add(`set var $pc = ${hex(entry & ~1)}`, 'continue', `printf "RESULT ${label}=%u\\n", $r0`);
  }
}

/** `RESULT label=value` lines of a session's output. */
export function parseResults(output: string): Map<string, number> {
  const results = new Map<string, number>();
  for (const match of output.matchAll(/^RESULT (\S+)=(\d+)$/gm)) results.set(match[1]!, Number(match[2]));
  return results;
}

/**
 * Starts `qemu-system-arm -M machine` halted, runs the script (connection and final disconnect are
 * added here) with `elf` as gdb's symbol file when given, and returns gdb's stdout. QEMU is
 * always stopped, also when gdb fails.
 */
export async function runQemuGdb(options: {
  work: string;
  machine: string;
  qemuArgs: readonly string[];
  script: GdbScript;
  elf?: string;
}): Promise<string> {
  const socket = join(options.work, `${options.machine}-gdb.sock`);
  const scriptPath = join(options.work, `${options.machine}-session.gdb`);
  const lines = ['set pagination off', 'set confirm off', `target remote ${socket}`, ...options.script.lines, 'disconnect'];
  await writeFile(scriptPath, lines.join('\n'));
  const qemu = spawn(
    'qemu-system-arm',
    ['-M', options.machine, '-display', 'none', '-monitor', 'none', '-chardev', `socket,id=gdb,path=${socket},server=on,wait=off`,
      '-gdb', 'chardev:gdb', '-S', ...options.qemuArgs],
    { stdio: 'ignore' },
  );
  let exited = false;
  qemu.once('exit', () => {
    exited = true;
  });
  try {
    await waitForSocket(socket, () => exited);
    const args = ['-q', '-batch', '-x', scriptPath, ...(options.elf === undefined ? [] : [options.elf])];
    const { stdout } = await run('gdb-multiarch', args, { timeout: SESSION_TIMEOUT_MS });
    return stdout;
  } finally {
    qemu.kill('SIGKILL');
  }
}
