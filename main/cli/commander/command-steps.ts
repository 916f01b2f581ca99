// What a commander batch runs: `-c CMD` lines and the lines of `-x FILE`s, in the order given on
// the command line. In a file, `#` starts a comment (outside quotes), and each line is named
// FILE:LINE in errors.
import { readFile } from 'node:fs/promises';

export type CommandStep = { readonly kind: 'command'; readonly text: string } | { readonly kind: 'file'; readonly path: string };

export interface CommandLineSource {
  readonly text: string;
  /** `FILE:LINE` for a line of a command file; undefined for `-c`. */
  readonly where?: string;
}

/** The line up to an unquoted `#` that starts a word. */
export function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

export async function* commandLines(steps: readonly CommandStep[]): AsyncGenerator<CommandLineSource> {
  for (const step of steps) {
    if (step.kind === 'command') {
      yield { text: step.text };
      continue;
    }
    let text: string;
    try {
      text = await readFile(step.path, 'utf8');
    } catch (error) {
      throw new Error(`cannot read command file ${step.path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const command = stripComment(lines[i]!).trim();
      if (command.length > 0) yield { text: command, where: `${step.path}:${i + 1}` };
    }
  }
}
