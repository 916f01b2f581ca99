// Runs `probedesk ARGS` in-process to its exit, collecting what it printed.
import { main } from '../../../main/cli/index';

export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runToExit(argv: readonly string[]): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const code = await main([...argv], { io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) } });
  return { code, stdout, stderr };
}
