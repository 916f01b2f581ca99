/**
 * The transport seam to the simulator (runtime: plain Node): the only place in the host that
 * reaches main/sim. A simulated probe is opened as `sim:<board>` and driven through exactly the
 * DapTransport a USB probe uses, one write per OUT transfer and one read per IN transfer.
 */
import {
  DEFAULT_PRESET,
  createSimulatedProbe,
  listPresets,
  listSimulatedBoards,
  type BoardName,
  type SimulatedProbeOptions as SimulatorOptions,
  type FaultPlan,
  type ProbeMetrics,
  type SimulatedProbe,
} from '../../sim/index';
import { ProbeDisconnectedError, ProbeTimeoutError } from '../errors';
import type { DapTransport } from '../transport';

export const SIM_PREFIX = 'sim:';

export type SimulatedFaultPlan = FaultPlan;
export type SimulatedProbeMetrics = ProbeMetrics;

export interface SimulatedProbeOptions {
  /** Probe preset id (the `sim.preset` option); default the simulator's DAPLink-class v1 preset. */
  readonly preset?: string;
  readonly stateDir?: string;
  readonly faults?: FaultPlan;
  /** Let the target run in wall-clock time while the host is silent. */
  readonly pacer?: boolean;
  /** false: neither load nor save the board's non-volatile state. */
  readonly persist?: boolean;
  readonly firmware?: 'demo' | 'erased';
  /** The processor model of the simulated board; the simulator's own when absent. */
  readonly createCore?: SimulatorOptions['createCore'];
}

export interface SimulatedPresetInfo {
  readonly id: string;
  readonly description: string;
  readonly protocol: 'v1-hid' | 'v2-bulk';
  readonly usbSpeed: 'full' | 'high';
  readonly packetSize: number;
  readonly packetCount: number;
  readonly maxSwclkHz: number;
}

export function listSimulatedPresets(): SimulatedPresetInfo[] {
  return listPresets().map((p) => ({
    id: p.id,
    description: p.description,
    protocol: p.protocol,
    usbSpeed: p.usbSpeed,
    packetSize: p.packetSize,
    packetCount: p.packetCount,
    maxSwclkHz: p.maxSwclkHz,
  }));
}

function presetOf(options: SimulatedProbeOptions | undefined): ReturnType<typeof listPresets>[number] {
  const id = options?.preset ?? DEFAULT_PRESET;
  const preset = listPresets().find((p) => p.id === id);
  if (!preset) throw new Error(`unknown simulated probe preset '${id}' (option sim.preset); known presets: ${listPresets().map((p) => p.id).join(', ')}`);
  return preset;
}

/** The simulated probes as discovery lists them; the preset decides vendor/product strings. */
export function listSimulatedProbes(options?: SimulatedProbeOptions): { uniqueId: string; vendorName: string; productName: string; protocol: 'v1-hid' | 'v2-bulk' }[] {
  const preset = presetOf(options);
  return listSimulatedBoards().map((b) => ({
    uniqueId: b.label,
    vendorName: preset.vendorName,
    productName: `${preset.productName} → ${b.description}`,
    protocol: preset.protocol,
  }));
}

export function openSimulatedTransport(uniqueId: string, options: SimulatedProbeOptions = {}): Promise<SimulatedTransport> {
  const board = uniqueId.slice(SIM_PREFIX.length);
  const boards = listSimulatedBoards();
  const info = boards.find((b) => b.name === board);
  if (!info) return Promise.reject(new Error(`no simulated probe '${uniqueId}'; simulated probes: ${boards.map((b) => b.label).join(', ')}`));
  presetOf(options);
  const simulator = createSimulatedProbe({
    board: info.name as BoardName,
    ...(options.preset !== undefined ? { preset: options.preset } : {}),
    ...(options.stateDir !== undefined ? { stateDir: options.stateDir } : {}),
    ...(options.faults !== undefined ? { faults: options.faults } : {}),
    ...(options.pacer !== undefined ? { pacer: options.pacer } : {}),
    ...(options.persist !== undefined ? { persist: options.persist } : {}),
    ...(options.firmware !== undefined ? { firmware: options.firmware } : {}),
    ...(options.createCore !== undefined ? { createCore: options.createCore } : {}),
  });
  return Promise.resolve(new SimulatedTransport(simulator));
}

function mapError(error: unknown, operation: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new ProbeDisconnectedError(`simulated probe ${operation} failed: ${message}`, { cause: error });
}

export class SimulatedTransport implements DapTransport {
  readonly protocol: 'v1-hid' | 'v2-bulk';
  readonly packetSize: number | undefined;

  /**
   * The simulator behind this transport. For tests and benchmarks only (modeled time, direct
   * inspection of the simulated target); host code never uses it.
   */
  readonly simulator: SimulatedProbe;

  constructor(simulator: SimulatedProbe) {
    this.simulator = simulator;
    this.protocol = simulator.device.identity.protocol;
    this.packetSize = this.protocol === 'v1-hid' ? simulator.device.identity.packetSize : undefined;
  }

  /** Modeled elapsed time and traffic counters of the simulated probe (never sent over CMSIS-DAP). */
  metrics(): ProbeMetrics {
    return this.simulator.metrics();
  }

  async write(packet: Uint8Array): Promise<void> {
    let report = packet;
    if (this.packetSize !== undefined && packet.length < this.packetSize) {
      // A HID report always has the endpoint's full size.
      report = new Uint8Array(this.packetSize);
      report.set(packet);
    }
    try {
      await this.simulator.device.write(report);
    } catch (error) {
      throw mapError(error, 'write');
    }
  }

  async read(timeoutMs: number): Promise<Uint8Array> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ProbeTimeoutError(`the simulated probe did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.simulator.device.read().catch((error: unknown) => Promise.reject(mapError(error, 'read'))), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.simulator.close();
  }
}
