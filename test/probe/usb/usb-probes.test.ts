import { describe, expect, it } from 'vitest';
import type { Device } from 'usb';
import { identifyUsbProbes } from '../../../main/probe/usb/usb-probes';

interface FakeInterface {
  readonly number: number;
  readonly cls: number;
  readonly name?: string;
}

/** A device as the `usb` package presents it: cached descriptors, strings only after open(). */
function fakeDevice(options: { product: string; serial?: string; interfaces: FakeInterface[]; openError?: string }): Device {
  const strings = new Map<number, string>([
    [1, 'ACME'],
    [2, options.product],
  ]);
  if (options.serial) strings.set(3, options.serial);
  options.interfaces.forEach((i, k) => i.name && strings.set(10 + k, i.name));
  let opened = false;
  const device = {
    busNumber: 1,
    deviceAddress: 7,
    portNumbers: [2, 1],
    deviceDescriptor: { idVendor: 0x0d28, idProduct: 0x0204, iManufacturer: 1, iProduct: 2, iSerialNumber: options.serial ? 3 : 0 },
    configDescriptor: {
      interfaces: options.interfaces.map((i, k) => [{ bInterfaceNumber: i.number, bInterfaceClass: i.cls, iInterface: i.name ? 10 + k : 0 }]),
    },
    open() {
      if (options.openError) throw new Error(options.openError);
      opened = true;
    },
    close() {
      opened = false;
    },
    getStringDescriptor(index: number, callback: (error?: Error, value?: string) => void) {
      if (!opened) callback(new Error('LIBUSB_ERROR_IO'));
      else callback(undefined, strings.get(index));
    },
  };
  return device as unknown as Device;
}

describe('USB probe identification', () => {
  it('recognises a v2 probe by the "CMSIS-DAP" vendor interface string and prefers it over its HID interface', async () => {
    const device = fakeDevice({
      product: 'DAPLink CMSIS-DAP',
      serial: '0240000034544e45',
      interfaces: [
        { number: 0, cls: 0x08, name: 'USB_MSC' },
        { number: 3, cls: 0x03, name: 'CMSIS-DAP v1' },
        { number: 4, cls: 0xff, name: 'CMSIS-DAP v2' },
      ],
    });
    const listing = await identifyUsbProbes([device]);
    expect(listing.warnings).toEqual([]);
    expect(listing.probes.map(({ uniqueId, vendorName, productName, protocol, interfaceNumber }) => ({ uniqueId, vendorName, productName, protocol, interfaceNumber }))).toEqual([
      { uniqueId: '0240000034544e45', vendorName: 'ACME', productName: 'DAPLink CMSIS-DAP', protocol: 'v2-bulk', interfaceNumber: 4 },
    ]);
  });

  it('recognises a v1 probe by the product string and uses the bus/port path when it has no serial', async () => {
    const device = fakeDevice({ product: 'LPC11U35 CMSIS-DAP', interfaces: [{ number: 0, cls: 0x03 }] });
    const listing = await identifyUsbProbes([device]);
    expect(listing.probes.map((p) => [p.uniqueId, p.protocol, p.interfaceNumber])).toEqual([['usb-1-2.1', 'v1-hid', 0]]);
  });

  it('ignores HID and vendor devices that are not CMSIS-DAP, and never opens devices without such interfaces', async () => {
    const keyboard = fakeDevice({ product: 'USB Keyboard', interfaces: [{ number: 0, cls: 0x03 }] });
    const serialAdapter = fakeDevice({ product: 'FT232R', interfaces: [{ number: 0, cls: 0xff, name: 'UART' }] });
    const storage = fakeDevice({ product: 'Disk', interfaces: [{ number: 0, cls: 0x08 }], openError: 'LIBUSB_ERROR_ACCESS' });
    const listing = await identifyUsbProbes([keyboard, serialAdapter, storage]);
    expect(listing).toEqual({ probes: [], warnings: [] });
  });

  it('looks only at vendor interfaces when HID belongs to the platform HID stack (hid: false), never opening HID-only devices', async () => {
    const v1Only = fakeDevice({ product: 'LPC11U35 CMSIS-DAP', interfaces: [{ number: 0, cls: 0x03 }], openError: 'LIBUSB_ERROR_NOT_SUPPORTED' });
    const composite = fakeDevice({ product: 'DAPLink CMSIS-DAP', serial: 'S1', interfaces: [{ number: 3, cls: 0x03 }, { number: 4, cls: 0xff, name: 'CMSIS-DAP v2' }] });
    const listing = await identifyUsbProbes([v1Only, composite], { hid: false });
    expect(listing.warnings).toEqual([]);
    expect(listing.probes.map((p) => [p.uniqueId, p.serialNumber, p.protocol, p.interfaceNumber])).toEqual([['S1', 'S1', 'v2-bulk', 4]]);
  });

  it('turns devices it may not open into one warning pointing at the udev rules', async () => {
    const locked = fakeDevice({ product: 'CMSIS-DAP', interfaces: [{ number: 0, cls: 0xff }], openError: 'LIBUSB_ERROR_ACCESS' });
    const listing = await identifyUsbProbes([locked, locked]);
    expect(listing.probes).toEqual([]);
    expect(listing.warnings).toEqual([
      '2 USB device(s) that may be CMSIS-DAP probes could not be opened; USB permission denied (LIBUSB_ERROR_ACCESS): install the udev rules in docs/udev.md',
    ]);
  });
});
