// Runs `probedesk ARGS` in-process until it prints its first stdout line, for commands that keep running.
import { main } from '../../../main/cli/index';

export interface RunningCommand {
  readonly firstLine: string;
  readonly stderr: () => string;
  /** Aborts the command (as Ctrl+C does) and resolves with its exit code. */
  stop(): Promise<number>;
}

export async function startCommand(argv: string[], timeoutMs = 60_000): Promise<RunningCommand> {
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  let gotLine: (line: string) => void = () => undefined;
  const line = new Promise<string>((resolve) => (gotLine = resolve));
  const exit = main(argv, {
    signal: controller.signal,
    io: {
      stdout: (t) => {
        stdout += t;
        if (stdout.includes('\n')) gotLine(stdout.split('\n')[0]!);
      },
      stderr: (t) => (stderr += t),
    },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no output within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
  });
  const firstLine = await Promise.race([line, exit.then((code) => Promise.reject(new Error(`exited ${code}: ${stderr}`))), timeout]).finally(() => clearTimeout(timer));
  return {
    firstLine,
    stderr: () => stderr,
    stop: () => {
      controller.abort();
      return exit;
    },
  };
}
