// Starts `probedesk serve --port 0 --json` as a child process, the way a user runs it, and reads the
// URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServeProcess {
  readonly url: string;
  /** Where the simulated boards keep their flash for this run (never the user's boards). */
  readonly simStateDir: string;
  readonly stderr: () => string;
  stop(): Promise<void>;
}

/**
 * The host runs in a fresh project directory whose config file points `sim.state_dir` at a
 * temporary directory, as a user's probedesk.yaml would, so sessions the UI opens use it.
 */
function temporaryProject(): { dir: string; simStateDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'probedesk-e2e-project-'));
  const simStateDir = join(dir, 'sim-boards');
  mkdirSync(simStateDir);
  writeFileSync(join(dir, 'probedesk.yaml'), `sim:\n  state_dir: ${JSON.stringify(simStateDir)}\n`);
  return { dir, simStateDir };
}

export function startServe(timeoutMs = 120_000): Promise<ServeProcess> {
  const project = temporaryProject();
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin/probedesk.js'), 'serve', '--port', '0', '--json'], {
    cwd: project.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const stop = async () => {
    await exited();
    rmSync(project.dir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`probedesk serve printed no URL within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) {
        clearTimeout(timer);
        resolve({ url: (JSON.parse(line) as { url: string }).url, simStateDir: project.simStateDir, stderr: () => stderr, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`probedesk serve exited with ${code}; stderr: ${stderr}`));
    });
  });
}
