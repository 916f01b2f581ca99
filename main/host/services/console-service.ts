// console.execute / complete / help: the Console view's commands, run by the open session's
// CommandConsole (main/commands/) through the session lock. Without a session only `help` runs.
import { probeDeskApi } from '../../../shared/api/probedesk-api';
import type { ConsoleReply } from '../../../shared/api/schemas/console';
import { parseCommandLine } from '../../commands/command-line';
import { createCoreCommandRegistry } from '../../commands/core/core-command-registry';
import { messageOf } from '../connection-loss';
import type { SessionHost } from '../session-host';
import { defineService } from '../router';

const NOT_CONNECTED = "Not connected to a target: connect first ('help' works without a connection)";

export function consoleService(host: SessionHost) {
  // The same commands the session's console runs, for help while no session is open.
  const registry = createCoreCommandRegistry();

  /** A line typed while disconnected: help answers, everything else is refused by name. */
  const offline = (line: string): ConsoleReply => {
    try {
      const invocations = parseCommandLine(line);
      if (invocations.length > 0 && invocations.every((i) => registry.resolve(i.name).name === 'help')) {
        return { output: invocations.map((i) => registry.help(i.args[0])).join('\n'), ok: true };
      }
    } catch (error) {
      return { output: '', ok: false, error: messageOf(error) };
    }
    return { output: '', ok: false, error: NOT_CONNECTED };
  };

  return defineService(probeDeskApi, {
    name: 'console',
    methods: {
      'console.execute': ({ line }) => {
        const console = host.console;
        return console ? host.act('console command', () => console.execute(line)) : offline(line);
      },
      'console.complete': ({ line }) => {
        const console = host.console;
        return console ? console.complete(line) : registry.complete(line, { command: registry.all().map((d) => d.name) });
      },
      'console.help': ({ topic }) => ({ text: (host.console ?? registry).help(topic) }),
    },
  });
}
