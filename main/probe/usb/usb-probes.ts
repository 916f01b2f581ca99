/**
 * Finds CMSIS-DAP probes on USB (runtime: plain Node). CMSIS-DAP v2.1 "Firmware": a v2 probe
 * has a vendor-specific interface (class 0xFF) whose interface string contains "CMSIS-DAP"
 * with bulk endpoints; a v1 probe has a HID interface and "CMSIS-DAP" in its product string.
 * A probe exposing both is listed once, as v2. Where the platform's HID stack owns HID devices
 * (Windows, macOS), v1 probes come from node-hid instead and HID interfaces are not looked at here.
 */
import type { Device } from 'usb';
import { loadUsb } from './usb-module';
import { usbAccessProblem } from './usb-errors';
import { readStringDescriptor } from './usb-strings';

export interface UsbProbe {
  readonly uniqueId: string;
  readonly vendorName: string;
  readonly productName: string;
  readonly protocol: 'v2-bulk' | 'v1-hid';
  readonly interfaceNumber: number;
  readonly vendorId: number;
  readonly productId: number;
  /** The USB serial number, '' when the device has none. */
  readonly serialNumber: string;
  readonly device: Device;
}

export interface UsbProbeListing {
  readonly probes: UsbProbe[];
  /** One-line explanations (USB unavailable, devices that could not be opened). */
  readonly warnings: string[];
}

const VENDOR_CLASS = 0xff;
const HID_CLASS = 0x03;
const MARKER = 'CMSIS-DAP';
const ENDPOINT_IN = 0x80;
const TRANSFER_TYPE_MASK = 0x03;
const INTERRUPT = 0x03;

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

export interface UsbIdentifyOptions {
  /** Look at HID interfaces too (CMSIS-DAP v1). Default true. */
  readonly hid?: boolean;
}

/** Interfaces that could belong to a CMSIS-DAP probe, judged from the cached descriptors alone. */
function candidateInterfaces(device: Device, hid: boolean): { number: number; cls: number; iInterface: number }[] {
  const config = device.configDescriptor;
  if (!config) return [];
  return config.interfaces
    .map((alts) => alts[0]!)
    .filter((d) => d.bInterfaceClass === VENDOR_CLASS || (hid && d.bInterfaceClass === HID_CLASS))
    .map((d) => ({ number: d.bInterfaceNumber, cls: d.bInterfaceClass, iInterface: d.iInterface }));
}

/**
 * The HID report size of interface `interfaceNumber`: the wMaxPacketSize of its interrupt IN
 * endpoint (CMSIS-DAP v2.1 "USB Configuration for HID"), from the cached descriptors.
 */
export function hidReportSize(device: Device, interfaceNumber: number): number | undefined {
  const iface = device.configDescriptor?.interfaces.map((alts) => alts[0]!).find((d) => d.bInterfaceNumber === interfaceNumber);
  const input = iface?.endpoints?.find((e) => (e.bEndpointAddress & ENDPOINT_IN) !== 0 && (e.bmAttributes & TRANSFER_TYPE_MASK) === INTERRUPT);
  return input?.wMaxPacketSize;
}

async function identify(device: Device, hid: boolean): Promise<UsbProbe | undefined> {
  const candidates = candidateInterfaces(device, hid);
  if (candidates.length === 0) return undefined;
  const desc = device.deviceDescriptor;
  device.open();
  try {
    const product = (await readStringDescriptor(device, desc.iProduct)) ?? '';
    const vendor = (await readStringDescriptor(device, desc.iManufacturer)) ?? '';
    const serial = await readStringDescriptor(device, desc.iSerialNumber);
    let chosen: { protocol: 'v2-bulk' | 'v1-hid'; number: number } | undefined;
    for (const c of candidates.filter((c) => c.cls === VENDOR_CLASS)) {
      const name = (await readStringDescriptor(device, c.iInterface)) ?? '';
      if (name.includes(MARKER)) {
        chosen = { protocol: 'v2-bulk', number: c.number };
        break;
      }
    }
    if (!chosen && product.includes(MARKER)) {
      const hid = candidates.find((c) => c.cls === HID_CLASS);
      if (hid) chosen = { protocol: 'v1-hid', number: hid.number };
    }
    if (!chosen) return undefined;
    const location = `usb-${device.busNumber}-${device.portNumbers.join('.') || device.deviceAddress}`;
    return {
      uniqueId: serial && serial.length > 0 ? serial : location,
      vendorName: vendor || `VID ${hex4(desc.idVendor)}`,
      productName: product || `PID ${hex4(desc.idProduct)}`,
      protocol: chosen.protocol,
      interfaceNumber: chosen.number,
      vendorId: desc.idVendor,
      productId: desc.idProduct,
      serialNumber: serial ?? '',
      device,
    };
  } finally {
    device.close();
  }
}

export async function listUsbProbes(options: UsbIdentifyOptions = {}): Promise<UsbProbeListing> {
  let devices: Device[];
  try {
    const { usb } = await loadUsb();
    devices = usb.getDeviceList();
  } catch (error) {
    return { probes: [], warnings: [usbAccessProblem(error)] };
  }
  return identifyUsbProbes(devices, options);
}

/** Picks the CMSIS-DAP probes among `devices`, opening each candidate to read its strings. */
export async function identifyUsbProbes(devices: readonly Device[], options: UsbIdentifyOptions = {}): Promise<UsbProbeListing> {
  const probes: UsbProbe[] = [];
  let denied = 0;
  let lastProblem: unknown;
  for (const device of devices) {
    try {
      const probe = await identify(device, options.hid ?? true);
      if (probe) probes.push(probe);
    } catch (error) {
      denied++;
      lastProblem = error;
    }
  }
  const warnings = denied > 0 ? [`${denied} USB device(s) that may be CMSIS-DAP probes could not be opened; ${usbAccessProblem(lastProblem)}`] : [];
  return { probes, warnings };
}
