// The live state of the target's core, as the toolbar and status bar show it (issue 8 fills it).
import { z } from 'zod';

export const CoreRunState = z.enum(['disconnected', 'running', 'halted', 'sleeping', 'lockup', 'reset']);

/** Why the core halted, from DFSR (ARMv7-M ARM C1.6.1) or the reason the host asked for. */
export const HaltReason = z.enum(['debug-request', 'breakpoint', 'watchpoint', 'step', 'vector-catch', 'external', 'unknown']);

export const TargetState = z.object({
  core: z.number().int().nonnegative(),
  state: CoreRunState,
  haltReason: HaltReason.optional(),
  /** Program counter when halted. */
  pc: z.number().int().nonnegative().optional(),
});
export type TargetState = z.infer<typeof TargetState>;
