// The Console view: one command line in, its output (and the error that stopped it) out.
import { z } from 'zod';

export const ConsoleLine = z.object({ line: z.string().max(10_000, 'a command line is at most 10000 characters') });

export const ConsoleReply = z.object({
  output: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
  /** The line asked to leave the console (`exit`, `quit`). */
  exit: z.boolean().optional(),
});
export type ConsoleReply = z.infer<typeof ConsoleReply>;

export const ConsoleCompletions = z.array(z.string());

export const ConsoleHelpRequest = z.object({ topic: z.string().min(1).optional() });

export const ConsoleHelp = z.object({ text: z.string() });
