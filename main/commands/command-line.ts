/**
 * The command line language shared by the console, `probedesk commander` and GDB's `monitor`:
 * commands separated by `;`, words separated by white space, and double or single quotes
 * to keep spaces (or a `;`) inside one word.
 */
export interface CommandInvocation {
  /** The command name as typed (before prefix and alias resolution). */
  readonly name: string;
  readonly args: readonly string[];
  /** The invocation's own text, for error messages. */
  readonly text: string;
}

export class CommandSyntaxError extends Error {}

/** Splits a line into invocations. Empty commands (`;;`, trailing `;`) are dropped. */
export function parseCommandLine(line: string): CommandInvocation[] {
  const invocations: CommandInvocation[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  let start = 0;

  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (end: number) => {
    endWord();
    if (words.length > 0) {
      invocations.push({ name: words[0]!, args: words.slice(1), text: line.slice(start, end).trim() });
    }
    words = [];
    start = end + 1;
  };

  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === ';') {
      endCommand(i);
    } else if (/\s/.test(ch)) {
      endWord();
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote !== undefined) throw new CommandSyntaxError(`unterminated ${quote} quote in: ${line.trim()}`);
  endCommand(line.length);
  return invocations;
}
