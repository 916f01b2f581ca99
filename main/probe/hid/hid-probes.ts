/**
 * Finds CMSIS-DAP v1 probes among the HID devices the platform's HID stack lists through node-hid
 * (runtime: plain Node). CMSIS-DAP v2.1 "Firmware": a v1 probe is a HID device with "CMSIS-DAP"
 * in its product string. Its reports live in a vendor-defined top-level collection (HID Usage
 * Tables: usage pages 0xFF00-0xFFFF), so where the stack reports a usage page, only such a
 * collection is taken: a probe that also exposes, say, a keyboard collection is opened on the
 * right one. hidapi lists one entry per top-level collection; a device is listed once.
 */
import type { NodeHidApi, NodeHidDeviceInfo } from './node-hid-module';

export interface HidProbe {
  readonly uniqueId: string;
  readonly vendorName: string;
  readonly productName: string;
  readonly vendorId: number;
  readonly productId: number;
  /** The USB serial number, '' when the device has none. */
  readonly serialNumber: string;
  /** The platform's device path, what node-hid opens. */
  readonly path: string;
}

const MARKER = 'CMSIS-DAP';
const VENDOR_USAGE_PAGE_FIRST = 0xff00;

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

/** The key that says two listings show the same probe: VID, PID and serial number. */
export function probeIdentity(vendorId: number, productId: number, serialNumber: string): string {
  return `${hex4(vendorId)}:${hex4(productId)}:${serialNumber}`;
}

function isCmsisDapCollection(device: NodeHidDeviceInfo): device is NodeHidDeviceInfo & { path: string } {
  if (!device.path || !(device.product ?? '').includes(MARKER)) return false;
  return device.usagePage === undefined || device.usagePage === 0 || device.usagePage >= VENDOR_USAGE_PAGE_FIRST;
}

export function identifyHidProbes(devices: readonly NodeHidDeviceInfo[]): HidProbe[] {
  const probes = new Map<string, HidProbe>();
  for (const device of devices.filter(isCmsisDapCollection)) {
    const serialNumber = device.serialNumber ?? '';
    const identity = probeIdentity(device.vendorId, device.productId, serialNumber);
    if (probes.has(identity)) continue;
    probes.set(identity, {
      uniqueId: serialNumber.length > 0 ? serialNumber : `hid-${device.path}`,
      vendorName: device.manufacturer || `VID ${hex4(device.vendorId)}`,
      productName: device.product!,
      vendorId: device.vendorId,
      productId: device.productId,
      serialNumber,
      path: device.path,
    });
  }
  return [...probes.values()];
}

export async function listHidProbes(hid: NodeHidApi): Promise<HidProbe[]> {
  return identifyHidProbes(await hid.devicesAsync());
}
