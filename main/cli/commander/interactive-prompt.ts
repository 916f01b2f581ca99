// The commander's prompt: node:readline with history and tab completion from the command
// registry on a terminal; on piped stdin the same loop reads one command line per input line, so
// scripts and tests drive it without a TTY. `exit`, Ctrl+D (end of input) or Ctrl+C ends it.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandConsole } from '../../commands/command-console';
import type { CliIo } from '../cli-io';

export interface PromptStreams {
  readonly input: Readable & { isTTY?: boolean };
  readonly output: Writable;
}

const PROMPT = 'probedesk> ';
const HISTORY_SIZE = 1000;

export async function runInteractivePrompt(commands: CommandConsole, io: CliIo, streams: PromptStreams, signal: AbortSignal): Promise<void> {
  const terminal = streams.input.isTTY === true;
  const rl = createInterface({
    input: streams.input,
    output: terminal ? streams.output : undefined,
    terminal,
    historySize: HISTORY_SIZE,
    prompt: PROMPT,
    completer: (line: string, callback: (error: Error | null, result: [string[], string]) => void) => {
      const word = line.slice(line.search(/\S*$/));
      commands.complete(line).then(
        (candidates) => callback(null, [candidates, word]),
        () => callback(null, [[], word]),
      );
    },
  });
  const stop = () => rl.close();
  signal.addEventListener('abort', stop, { once: true });
  try {
    if (terminal) rl.prompt();
    for await (const line of rl) {
      const reply = await commands.execute(line);
      if (reply.output.length > 0) io.stdout(`${reply.output}\n`);
      if (!reply.ok) io.stderr(`error: ${reply.error}\n`);
      if (reply.exit) break;
      if (terminal) rl.prompt();
    }
  } finally {
    signal.removeEventListener('abort', stop);
    rl.close();
  }
}
