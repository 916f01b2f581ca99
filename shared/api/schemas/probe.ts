// What the toolbar's probe and target pickers list: probes from discovery (USB and simulated), the
// simulated probes' presets, and the built-in target types.
import { z } from 'zod';

export const ProbeKind = z.enum(['cmsis-dap-v2', 'cmsis-dap-v1', 'simulated']);

export const ProbeInfo = z.object({
  uniqueId: z.string(),
  kind: ProbeKind,
  vendorName: z.string(),
  productName: z.string(),
  /** One line for lists, e.g. "ARM DAPLink CMSIS-DAP (CMSIS-DAP v1, USB HID)". */
  description: z.string(),
});
export type ProbeInfo = z.infer<typeof ProbeInfo>;

/** A simulated probe model (the `sim.preset` option). */
export const SimulatedPreset = z.object({
  id: z.string(),
  description: z.string(),
  protocol: z.enum(['v1-hid', 'v2-bulk']),
  usbSpeed: z.enum(['full', 'high']),
  packetSize: z.number().int().positive(),
  packetCount: z.number().int().positive(),
  maxSwclkHz: z.number().int().positive(),
});
export type SimulatedPreset = z.infer<typeof SimulatedPreset>;

export const ProbeList = z.object({
  probes: z.array(ProbeInfo),
  /** Presets a simulated probe can be opened with. */
  presets: z.array(SimulatedPreset),
  /** Why some probes may be missing (e.g. USB unavailable). */
  warnings: z.array(z.string()),
});
export type ProbeList = z.infer<typeof ProbeList>;

export const TargetSummary = z.object({
  name: z.string(),
  vendor: z.string(),
  part: z.string(),
});
export type TargetSummary = z.infer<typeof TargetSummary>;

export const TargetList = z.object({ targets: z.array(TargetSummary) });
export type TargetList = z.infer<typeof TargetList>;
