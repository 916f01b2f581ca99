/**
 * Opens a simulated probe through the full byte path (SimulatedTransport → CmsisDapProbe →
 * DebugPort) for tests: the same objects a session builds on a USB probe.
 */
import { CmsisDapProbe } from '../../../main/probe/cmsis-dap/cmsis-dap-probe';
import { openSimulatedTransport, listSimulatedPresets, type SimulatedFaultPlan, type SimulatedTransport } from '../../../main/probe/sim/simulated-probes';
import { DebugPort } from '../../../main/coresight/debug-port';
import type { CoreFactory } from '../../../main/sim/boards/index';

export const BOARDS = ['nrf52840', 'stm32l051'] as const;
export const PRESETS = listSimulatedPresets().map((p) => p.id);

export interface SimConnection {
  readonly transport: SimulatedTransport;
  readonly probe: CmsisDapProbe;
  readonly dp: DebugPort;
  close(): Promise<void>;
}

export async function openSim(board: string, preset: string, options: { faults?: SimulatedFaultPlan; frequency?: number; waitRetry?: number; createCore?: CoreFactory } = {}): Promise<SimConnection> {
  const transport = await openSimulatedTransport(`sim:${board}`, { preset, persist: false, ...(options.faults ? { faults: options.faults } : {}), ...(options.createCore ? { createCore: options.createCore } : {}) });
  const probe = await CmsisDapProbe.open(transport, { responseTimeoutMs: 2000 });
  const dp = new DebugPort(probe, { frequency: options.frequency ?? 4_000_000, ...(options.waitRetry !== undefined ? { waitRetry: options.waitRetry } : {}) });
  return { transport, probe, dp, close: () => probe.close() };
}
