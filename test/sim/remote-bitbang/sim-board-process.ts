// Runs `probedesk sim` as a child process, the way a user runs it: one-shot state commands, and
// `--remote-bitbang 0 --json` whose printed {"port":N} the OpenOCD tests connect to.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function probedesk(stateDir: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [join(root, 'bin/probedesk.js'), '-O', `sim.state_dir=${stateDir}`, 'sim', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `probedesk sim ARGS` to its end; rejects on a non-zero exit or after `timeoutMs`. */
export function runSimCommand(stateDir: string, args: readonly string[], timeoutMs = 60_000): Promise<string> {
  const child = probedesk(stateDir, args);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`probedesk sim ${args.join(' ')} did not finish within ${timeoutMs} ms: ${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`probedesk sim ${args.join(' ')} exited with ${code}: ${output}`));
    });
  });
}

export interface RunningSimBoard {
  readonly port: number;
  readonly stderr: () => string;
  /** SIGTERM (as Ctrl+C would) and the exit code once the board saved its state and unlocked. */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Starts `probedesk sim --board NAME --remote-bitbang 0 --json` and reads the port it prints. */
export function startSimBoard(stateDir: string, board: string, timeoutMs = 60_000): Promise<RunningSimBoard> {
  const child = probedesk(stateDir, ['--board', board, '--remote-bitbang', '0', '--json']);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (stopTimeoutMs = 20_000): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(kill);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`probedesk sim printed no port within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      resolve({ port: (JSON.parse(stdout.slice(0, newline)) as { port: number }).port, stderr: () => stderr, stop });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`probedesk sim exited with ${code} before printing a port; stderr: ${stderr}`));
    });
  });
}
