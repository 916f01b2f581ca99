/**
 * The real CMSIS-DAP probes on this machine, from libusb (the `usb` package) and from the
 * platform's HID stack (node-hid), merged into one list (runtime: plain Node).
 *
 * CMSIS-DAP v2.1 "USB Configuration": v2 probes use a vendor-specific bulk interface, which libusb
 * reaches on every platform (WinUSB on Windows, bound through the probe's MS OS 2.0 descriptors).
 * v1 probes are HID devices. On Windows (hid.sys) and macOS (IOHIDFamily) the HID stack owns them
 * and libusb cannot claim them, so there they come from node-hid only. On Linux libusb detaches
 * the kernel's HID driver, which works with the udev rules of docs/udev.md, and node-hid (hidraw)
 * is only asked when libusb could not open every device or cannot claim a v1 probe's interface.
 * A probe both listings show (same VID, PID and serial number) is listed once, from libusb.
 */
import { createLogger } from '../../shared/log/logger';
import { hidAccessProblem } from './hid/hid-errors';
import { listHidProbes, probeIdentity, type HidProbe } from './hid/hid-probes';
import { loadNodeHid, type NodeHidApi } from './hid/node-hid-module';
import { NodeHidTransport } from './hid/node-hid-transport';
import type { DapTransport } from './transport';
import { UsbBulkTransport } from './usb/usb-bulk-transport';
import { UsbHidTransport } from './usb/usb-hid-transport';
import { hidReportSize, listUsbProbes, type UsbIdentifyOptions, type UsbProbe, type UsbProbeListing } from './usb/usb-probes';

const log = createLogger('probe.discovery');

export interface HardwareProbe {
  readonly uniqueId: string;
  readonly vendorName: string;
  readonly productName: string;
  readonly protocol: 'v1-hid' | 'v2-bulk';
  open(): Promise<DapTransport>;
}

export interface HardwareListing {
  readonly probes: HardwareProbe[];
  /** One-line explanations (USB or HID unavailable, devices that could not be opened). */
  readonly warnings: string[];
}

/** Where real probes come from: the platform and the two USB stacks (tests inject fakes). */
export interface HardwareSources {
  readonly platform: NodeJS.Platform;
  listUsb(options: UsbIdentifyOptions): Promise<UsbProbeListing>;
  loadHid(): Promise<NodeHidApi>;
}

export const systemSources: HardwareSources = { platform: process.platform, listUsb: listUsbProbes, loadHid: loadNodeHid };

/** Platforms whose HID stack keeps HID devices from libusb. */
const HID_STACK_PLATFORMS: ReadonlySet<NodeJS.Platform> = new Set(['win32', 'darwin']);

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hidProbe(probe: HidProbe, hid: NodeHidApi): HardwareProbe {
  return { uniqueId: probe.uniqueId, vendorName: probe.vendorName, productName: probe.productName, protocol: 'v1-hid', open: () => NodeHidTransport.open(hid, probe.path) };
}

/** The same device as `probe` in the HID stack's listing, when node-hid loads and lists it. */
async function hidTwin(probe: UsbProbe, sources: HardwareSources): Promise<{ hid: NodeHidApi; twin: HidProbe } | undefined> {
  try {
    const hid = await sources.loadHid();
    const identity = probeIdentity(probe.vendorId, probe.productId, probe.serialNumber);
    const twin = (await listHidProbes(hid)).find((p) => probeIdentity(p.vendorId, p.productId, p.serialNumber) === identity);
    return twin && { hid, twin };
  } catch (error) {
    log.debug(`node-hid cannot stand in for libusb: ${hidAccessProblem(error)}`);
    return undefined;
  }
}

/** Opens a v1 probe through libusb; if its HID interface cannot be claimed, through the HID stack. */
async function openUsbHid(probe: UsbProbe, sources: HardwareSources): Promise<DapTransport> {
  try {
    return UsbHidTransport.open(probe.device, probe.interfaceNumber);
  } catch (claimError) {
    const found = await hidTwin(probe, sources);
    if (!found) throw claimError;
    log.debug(`libusb could not claim the HID interface of ${probe.uniqueId} (${describeError(claimError)}); opening ${found.twin.path} through node-hid`);
    return NodeHidTransport.open(found.hid, found.twin.path, hidReportSize(probe.device, probe.interfaceNumber));
  }
}

function usbProbe(probe: UsbProbe, sources: HardwareSources): HardwareProbe {
  const open = probe.protocol === 'v2-bulk' ? async () => UsbBulkTransport.open(probe.device, probe.interfaceNumber) : () => openUsbHid(probe, sources);
  return { uniqueId: probe.uniqueId, vendorName: probe.vendorName, productName: probe.productName, protocol: probe.protocol, open };
}

export async function listHardwareProbes(sources: HardwareSources = systemSources): Promise<HardwareListing> {
  const hidStackOwnsHid = HID_STACK_PLATFORMS.has(sources.platform);
  const usb = await sources.listUsb({ hid: !hidStackOwnsHid });
  const probes = usb.probes.map((p) => usbProbe(p, sources));
  const warnings = [...usb.warnings];
  // On Linux a warning means libusb missed devices (no permission, no USB subsystem) that hidraw may still show.
  if (!hidStackOwnsHid && usb.warnings.length === 0) return { probes, warnings };
  let hid: NodeHidApi;
  let found: HidProbe[];
  try {
    hid = await sources.loadHid();
    found = await listHidProbes(hid);
  } catch (error) {
    if (hidStackOwnsHid) warnings.push(hidAccessProblem(error));
    else log.debug(`no hidraw fallback for the devices libusb could not open: ${hidAccessProblem(error)}`);
    return { probes, warnings };
  }
  const listed = new Set(usb.probes.map((p) => probeIdentity(p.vendorId, p.productId, p.serialNumber)));
  for (const probe of found) {
    if (!listed.has(probeIdentity(probe.vendorId, probe.productId, probe.serialNumber))) probes.push(hidProbe(probe, hid));
  }
  return { probes, warnings };
}
