// The `probedesk` command (runtime: plain Node via bin/probedesk.js).
import { appVersion } from '../host/app-version';
import { processIo, type CliIo } from './cli-io';
import { commandRegistrations } from './commands/index';
import { runCli } from './program';

export interface MainOptions {
  readonly io?: CliIo;
  /** Defaults to a signal aborted by SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
}

function processStopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}

export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  return runCli(argv, {
    io: options.io ?? processIo,
    version: appVersion,
    commands: commandRegistrations,
    signal: options.signal ?? processStopSignal(),
  });
}
