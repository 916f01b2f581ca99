// Runs OpenOCD 0.12 against a simulated board's JTAG-DP test port: a generated config (remote_bitbang
// adapter, JTAG transport, one 4-bit-IR TAP, the DAP, a cortex_m target and one flash bank) written
// into a temporary directory, then the given commands, each as one `-c`.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OpenOcdTarget {
  /** Chip name used for the TAP, DAP, target and bank, e.g. `nrf52`. */
  readonly chip: string;
  /** The TAP's IDCODE OpenOCD must find. */
  readonly expectedId: number;
  readonly workAreaSize: number;
  /** `flash bank` driver and arguments after the bank's name: `nrf5 0x00000000 0 1 1`. */
  readonly flashBank: string;
}

export function openOcdConfig(target: OpenOcdTarget, port: number): string {
  const { chip } = target;
  return [
    'adapter driver remote_bitbang',
    'remote_bitbang host 127.0.0.1',
    `remote_bitbang port ${port}`,
    'transport select jtag',
    `jtag newtap ${chip} cpu -irlen 4 -expected-id 0x${target.expectedId.toString(16).padStart(8, '0')}`,
    `dap create ${chip}.dap -chain-position ${chip}.cpu`,
    `target create ${chip}.cpu cortex_m -dap ${chip}.dap`,
    `${chip}.cpu configure -work-area-phys 0x20000000 -work-area-size 0x${target.workAreaSize.toString(16)} -work-area-backup 0`,
    `flash bank ${chip}.flash ${target.flashBank} ${chip}.cpu`,
    '',
  ].join('\n');
}

export interface OpenOcdResult {
  readonly exitCode: number | null;
  /** stdout and stderr together, in the order OpenOCD wrote them. */
  readonly output: string;
}

/** Writes the config into `dir` and runs `openocd -f CONFIG -c ...`; kills it after `timeoutMs`. */
export function runOpenOcd(dir: string, config: string, commands: readonly string[], timeoutMs: number): Promise<OpenOcdResult> {
  const configPath = join(dir, 'board.cfg');
  writeFileSync(configPath, config);
  const child = spawn('openocd', ['-f', configPath, ...commands.flatMap((c) => ['-c', c])], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeoutMs} ms]\n`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, output });
    });
  });
}

/** The `-c` command that starts a named section of the output (see `section`). */
export function marker(name: string): string {
  return `echo "@@ ${name} @@"`;
}

/** What OpenOCD printed between `marker(name)` and the next marker (or the end). */
export function section(output: string, name: string): string {
  const heading = `@@ ${name} @@`;
  const start = output.indexOf(heading);
  if (start < 0) throw new Error(`OpenOCD output has no '${name}' section:\n${output}`);
  const rest = output.slice(start + heading.length);
  const end = rest.indexOf('@@ ');
  return end < 0 ? rest : rest.slice(0, end);
}
