// Starts `probedesk serve --port 0 --json` as a child process, the way a user runs it, and reads the
// URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServeProcess {
  readonly url: string;
  readonly stderr: () => string;
  stop(): Promise<void>;
}

export function startServe(timeoutMs = 120_000): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, ['bin/probedesk.js', 'serve', '--port', '0', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
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
        resolve({ url: (JSON.parse(line) as { url: string }).url, stderr: () => stderr, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`probedesk serve exited with ${code}; stderr: ${stderr}`));
    });
  });
}
