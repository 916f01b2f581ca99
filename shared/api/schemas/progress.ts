// Progress of a long operation (flash erase/program/verify, memory save, ...).
import { z } from 'zod';

export const Progress = z.object({
  /** Identifies one run of an operation; every report of that run carries it. */
  operation: z.string(),
  /** What kind of operation, e.g. `flash`. */
  kind: z.string(),
  /** Current phase, e.g. `erase`, `program`, `verify`. */
  phase: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  unit: z.enum(['bytes', 'sectors', 'items']),
  /** Units per second over the phase so far, when measurable. */
  rate: z.number().nonnegative().optional(),
  /** Set on the final report of the operation. */
  outcome: z.enum(['succeeded', 'failed', 'cancelled']).optional(),
  message: z.string().optional(),
});
export type Progress = z.infer<typeof Progress>;
