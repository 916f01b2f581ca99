/**
 * Probe discovery (runtime: plain Node): CMSIS-DAP v2 and v1 probes on USB plus the simulated
 * probes, listed together, opened by unique ID, and watched for hot-plug.
 *
 * Unique IDs: the USB serial number for USB probes (or the bus/port path when a probe has no
 * serial), `sim:<board>` for simulated probes. Real probes come from libusb and, for CMSIS-DAP
 * v1 where the platform's HID stack owns HID devices, from node-hid (hardware-probes.ts). When USB
 * cannot be used (no libusb, no node-hid, no USB subsystem, no permission), the listing carries one
 * warning line per cause and still holds the simulated probes.
 */
import { listHardwareProbes, type HardwareSources } from './hardware-probes';
import { listSimulatedProbes, openSimulatedTransport, SIM_PREFIX, type SimulatedProbeOptions } from './sim/simulated-probes';
import type { DapTransport } from './transport';
import { loadUsb } from './usb/usb-module';
import { usbAccessProblem } from './usb/usb-errors';

export type ProbeKind = 'cmsis-dap-v2' | 'cmsis-dap-v1' | 'simulated';

export interface ProbeDescription {
  readonly uniqueId: string;
  readonly vendorName: string;
  readonly productName: string;
  readonly kind: ProbeKind;
  /** Transport flavour the probe is opened with. */
  readonly protocol: 'v1-hid' | 'v2-bulk';
  /** One line for lists, e.g. "ARM DAPLink CMSIS-DAP (CMSIS-DAP v1, HID)". */
  readonly description: string;
}

export interface ProbeListing {
  readonly probes: ProbeDescription[];
  readonly warnings: string[];
}

export interface DiscoveryOptions {
  /** Skip USB (tests, machines without probes). Default true. */
  readonly usb?: boolean;
  /** Options for the simulated probes (the `sim.preset` session option and friends). */
  readonly sim?: SimulatedProbeOptions;
  /** Where real probes come from; default this machine's libusb and HID stack. */
  readonly sources?: HardwareSources;
}

function kindOf(protocol: 'v1-hid' | 'v2-bulk'): ProbeKind {
  return protocol === 'v2-bulk' ? 'cmsis-dap-v2' : 'cmsis-dap-v1';
}

function describe(vendor: string, product: string, kind: ProbeKind): string {
  const flavour = kind === 'cmsis-dap-v2' ? 'CMSIS-DAP v2, USB bulk' : kind === 'cmsis-dap-v1' ? 'CMSIS-DAP v1, USB HID' : 'simulated';
  return `${vendor} ${product} (${flavour})`;
}

export async function listProbes(options: DiscoveryOptions = {}): Promise<ProbeListing> {
  const probes: ProbeDescription[] = [];
  const warnings: string[] = [];
  if (options.usb !== false) {
    const hardware = await listHardwareProbes(options.sources);
    warnings.push(...hardware.warnings);
    for (const p of hardware.probes) {
      const kind = kindOf(p.protocol);
      probes.push({ uniqueId: p.uniqueId, vendorName: p.vendorName, productName: p.productName, kind, protocol: p.protocol, description: describe(p.vendorName, p.productName, kind) });
    }
  }
  for (const sim of listSimulatedProbes(options.sim)) {
    probes.push({ ...sim, kind: 'simulated', description: describe(sim.vendorName, sim.productName, 'simulated') });
  }
  return { probes, warnings };
}

/** Opens the transport of the probe with `uniqueId` (exact match, or a unique prefix of a USB serial). */
export async function openProbeTransport(uniqueId: string, options: DiscoveryOptions = {}): Promise<DapTransport> {
  if (uniqueId.startsWith(SIM_PREFIX)) return openSimulatedTransport(uniqueId, options.sim);
  const hardware = await listHardwareProbes(options.sources);
  const exact = hardware.probes.filter((p) => p.uniqueId === uniqueId);
  const matches = exact.length > 0 ? exact : hardware.probes.filter((p) => p.uniqueId.startsWith(uniqueId));
  if (matches.length === 0) {
    const known = (await listProbes(options)).probes.map((p) => p.uniqueId).join(', ');
    const why = hardware.warnings.length > 0 ? ` (${hardware.warnings.join('; ')})` : '';
    throw new Error(`no probe with unique ID '${uniqueId}'${why}; connected probes: ${known || 'none'}`);
  }
  if (matches.length > 1) throw new Error(`unique ID prefix '${uniqueId}' matches ${matches.length} probes: ${matches.map((p) => p.uniqueId).join(', ')}`);
  return matches[0]!.open();
}

export type ProbeEvent = { readonly type: 'attached' | 'detached'; readonly probe: ProbeDescription } | { readonly type: 'warning'; readonly message: string };

/** Time for a newly attached device to finish enumerating before its strings are read. */
const SETTLE_MS = 300;

/**
 * Reports USB probes arriving and leaving (libusb hot-plug). Returns a function that stops
 * watching. Where USB is unavailable, one 'warning' event says so.
 */
export function watchProbes(listener: (event: ProbeEvent) => void): () => void {
  let stopped = false;
  let known = new Map<string, ProbeDescription>();
  let timer: NodeJS.Timeout | undefined;
  let detach: (() => void) | undefined;
  const rescan = async (): Promise<void> => {
    const listing = await listProbes({ sim: undefined });
    if (stopped) return;
    const current = new Map(listing.probes.filter((p) => p.kind !== 'simulated').map((p) => [p.uniqueId, p]));
    for (const [id, probe] of current) if (!known.has(id)) listener({ type: 'attached', probe });
    for (const [id, probe] of known) if (!current.has(id)) listener({ type: 'detached', probe });
    known = current;
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void rescan(), SETTLE_MS);
  };
  void (async () => {
    try {
      const { usb } = await loadUsb();
      const initial = await listProbes({});
      known = new Map(initial.probes.filter((p) => p.kind !== 'simulated').map((p) => [p.uniqueId, p]));
      if (stopped) return;
      usb.on('attach', schedule);
      usb.on('detach', schedule);
      usb.unrefHotplugEvents();
      detach = () => {
        usb.off('attach', schedule);
        usb.off('detach', schedule);
      };
    } catch (error) {
      if (!stopped) listener({ type: 'warning', message: usbAccessProblem(error) });
    }
  })();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    detach?.();
  };
}
