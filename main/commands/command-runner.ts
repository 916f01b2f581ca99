import { parseCommandLine } from './command-line';
import type { CommandRegistry } from './command-registry';
import { type CommandOutput, CommandError, type ValueResolver } from './command-types';

/** How one invocation of a line ended. */
export interface InvocationResult {
  readonly text: string;
  readonly ok: boolean;
  readonly error?: string;
}

/**
 * Runs a command line: each `;`-separated command in order, each command's output written
 * as it comes, stopping at the first failure so later commands never act on a state the
 * user did not expect.
 */
export async function runCommandLine<Context>(
  registry: CommandRegistry<Context>,
  context: Context,
  line: string,
  output: CommandOutput,
  resolver?: ValueResolver,
): Promise<InvocationResult[]> {
  const results: InvocationResult[] = [];
  let invocations;
  try {
    invocations = parseCommandLine(line);
  } catch (error) {
    return [{ text: line.trim(), ok: false, error: messageOf(error) }];
  }
  for (const invocation of invocations) {
    try {
      const definition = registry.resolve(invocation.name);
      const args = await registry.convertArgs(definition, invocation.args, resolver);
      await definition.run(context, args, output);
      results.push({ text: invocation.text, ok: true });
    } catch (error) {
      results.push({ text: invocation.text, ok: false, error: messageOf(error) });
      break;
    }
  }
  return results;
}

function messageOf(error: unknown): string {
  if (error instanceof CommandError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
