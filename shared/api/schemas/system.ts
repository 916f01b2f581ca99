// System status: what the status bar shows (version, host kind, connection state).
import { z } from 'zod';

export const HostKind = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof HostKind>;

export const ConnectionPhase = z.enum(['disconnected', 'connecting', 'connected', 'lost']);
export type ConnectionPhase = z.infer<typeof ConnectionPhase>;

export const ConnectionState = z.object({
  phase: ConnectionPhase,
  /** Unique ID of the probe in use, when there is one. */
  probe: z.string().optional(),
  /** Target type name, when known. */
  target: z.string().optional(),
  /** Why the connection was lost. */
  reason: z.string().optional(),
});
export type ConnectionState = z.infer<typeof ConnectionState>;

export const SystemStatus = z.object({
  version: z.string(),
  host: HostKind,
  connection: ConnectionState,
});
export type SystemStatus = z.infer<typeof SystemStatus>;
