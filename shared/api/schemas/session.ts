// Connecting to a target and run control of its core from the toolbar.
import { z } from 'zod';

/** pyOCD's `connect_mode` values: halt the core, reset first, connect under reset, or attach to it running. */
export const ConnectMode = z.enum(['halt', 'pre-reset', 'under-reset', 'attach']);
export type ConnectMode = z.infer<typeof ConnectMode>;

export const ConnectRequest = z.object({
  /** Probe unique ID (or a unique prefix of it), e.g. `sim:nrf52840`. */
  uid: z.string().min(1, 'name the probe by its unique ID'),
  /** Target type; absent: the one the probe names, else the generic Cortex-M. */
  target: z.string().min(1).optional(),
  /** Simulated probe preset (`sim.preset`); only for simulated probes. */
  preset: z.string().min(1).optional(),
  /** SWD clock in Hz. */
  frequency: z.number().int().positive().optional(),
  /** Absent: the session's `connect_mode` (config file, else halt). */
  connectMode: ConnectMode.optional(),
});
export type ConnectRequest = z.infer<typeof ConnectRequest>;

export const ConnectResult = z.object({
  probe: z.string(),
  target: z.string(),
  warnings: z.array(z.string()),
});
export type ConnectResult = z.infer<typeof ConnectResult>;

/** pyOCD's `reset_type` values. */
export const ResetTypeName = z.enum(['hw', 'sw', 'sw_sysresetreq', 'sw_vectreset', 'sw_emulated']);
export type ResetTypeName = z.infer<typeof ResetTypeName>;

export const ResetRequest = z.object({
  /** Halt on the reset handler's first instruction instead of letting the core run. */
  halt: z.boolean().optional(),
  /** Absent: the session's `reset_type`. */
  type: ResetTypeName.optional(),
});

export const ResetResult = z.object({
  /** The reset actually performed (e.g. sw_emulated where VECTRESET does not exist). */
  type: ResetTypeName,
});
