import { parseCommandLine, type CommandInvocation } from './command-line';
import type { CommandRegistry } from './command-registry';
import { type CommandDefinition, type CommandOutput, CommandError, type ValueResolver } from './command-types';

/** How one invocation of a line ended. */
export interface InvocationResult {
  readonly text: string;
  readonly ok: boolean;
  readonly error?: string;
}

export interface RunLineOptions<Context> {
  /** Register values for `int` parameters that accept a register name. */
  readonly resolver?: ValueResolver;
  /**
   * Wraps each invocation, argument conversion included (a register name reads the core), so a
   * front end can run it as one serialized operation on the probe.
   */
  readonly around?: (definition: CommandDefinition<Context>, invocation: CommandInvocation, body: () => Promise<void>) => Promise<void>;
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
  options: RunLineOptions<Context> = {},
): Promise<InvocationResult[]> {
  const results: InvocationResult[] = [];
  let invocations;
  try {
    invocations = parseCommandLine(line);
  } catch (error) {
    return [{ text: line.trim(), ok: false, error: messageOf(error) }];
  }
  const around = options.around ?? ((_definition, _invocation, body) => body());
  for (const invocation of invocations) {
    let definition: CommandDefinition<Context> | undefined;
    try {
      definition = registry.resolve(invocation.name);
      const resolved = definition;
      await around(resolved, invocation, async () => {
        const args = await registry.convertArgs(resolved, invocation.args, options.resolver);
        await resolved.run(context, args, output);
      });
      results.push({ text: invocation.text, ok: true });
    } catch (error) {
      results.push({ text: invocation.text, ok: false, error: messageOf(error, definition?.name) });
      break;
    }
  }
  return results;
}

/** CommandErrors name their command already; other failures (a memory fault, a core that is not halted) get its name. */
function messageOf(error: unknown, command?: string): string {
  if (error instanceof CommandError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return command === undefined ? message : `${command}: ${message}`;
}
