// `set log LEVEL` in the commander. The framework prints records at and above the -v/-q level;
// a lower level set here is printed by one more sink for the records between the two, and a
// higher one is applied at the hub so the framework's sink never sees the quieter records.
import { levelRank, logHub, type LogLevel } from '../../../shared/log/logger';
import type { LogLevelControl } from '../../commands/command-context';
import type { CliIo } from '../cli-io';

export interface CommanderLogLevel extends LogLevelControl {
  /** Removes the extra sink. */
  dispose(): void;
}

export function commanderLogLevel(io: CliIo, printedByFramework: LogLevel): CommanderLogLevel {
  let level = printedByFramework;
  const hubBefore = logHub.level;
  const stop = logHub.subscribe((record) => {
    const rank = levelRank(record.level);
    if (rank >= levelRank(level) && rank < levelRank(printedByFramework)) io.stderr(`${record.level.padEnd(5)} ${record.scope}: ${record.message}\n`);
  });
  return {
    get: () => level,
    set: (next) => {
      level = next;
      logHub.setLevel(next);
    },
    dispose: () => {
      stop();
      logHub.setLevel(hubBefore);
    },
  };
}
