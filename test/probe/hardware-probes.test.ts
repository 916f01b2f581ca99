import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Device } from 'usb';
import { listHardwareProbes, type HardwareSources } from '../../main/probe/hardware-probes';
import { listProbes, openProbeTransport } from '../../main/probe/discovery';
import { NodeHidTransport } from '../../main/probe/hid/node-hid-transport';
import type { NodeHidApi } from '../../main/probe/hid/node-hid-module';
import type { UsbIdentifyOptions, UsbProbe, UsbProbeListing } from '../../main/probe/usb/usb-probes';
import { logHub, type LogLevel, type LogRecord } from '../../shared/log/logger';
import { fakeNodeHid, hidEntry, type FakeNodeHid } from './support/fake-node-hid';

const SERIAL = '0240000034544e45';

/** A libusb device whose HID interface 3 cannot be claimed (the kernel driver holds it). */
function unclaimableDevice(reportSize: number): Device {
  const iface = {
    interfaceNumber: 3,
    isKernelDriverActive: () => false,
    claim: () => {
      throw new Error('LIBUSB_ERROR_BUSY');
    },
  };
  const device = {
    open: () => undefined,
    close: () => undefined,
    interface: () => iface,
    configDescriptor: { interfaces: [[{ bInterfaceNumber: 3, bInterfaceClass: 0x03, endpoints: [{ bEndpointAddress: 0x81, bmAttributes: 0x03, wMaxPacketSize: reportSize }] }]] },
  };
  return device as unknown as Device;
}

function usbProbe(protocol: 'v1-hid' | 'v2-bulk', serialNumber = SERIAL, device: Device = unclaimableDevice(64)): UsbProbe {
  return { uniqueId: serialNumber, vendorName: 'ARM', productName: 'DAPLink CMSIS-DAP', protocol, interfaceNumber: protocol === 'v2-bulk' ? 4 : 3, vendorId: 0x0d28, productId: 0x0204, serialNumber, device };
}

interface Sources extends HardwareSources {
  readonly usbAsked: UsbIdentifyOptions[];
  hidLoads: number;
}

function sources(platform: NodeJS.Platform, usb: UsbProbeListing, hid: FakeNodeHid | Error): Sources {
  const result: Sources = {
    platform,
    usbAsked: [],
    hidLoads: 0,
    listUsb: async (options) => {
      result.usbAsked.push(options);
      return usb;
    },
    loadHid: async (): Promise<NodeHidApi> => {
      result.hidLoads++;
      if (hid instanceof Error) throw hid;
      return hid;
    },
  };
  return result;
}

const daplinkHid = hidEntry({ path: 'IOService:/daplink@14200000', product: 'DAPLink CMSIS-DAP' });
const lpcLinkHid = hidEntry({ path: 'IOService:/lpc-link@14300000', product: 'LPC-LINK2 CMSIS-DAP', manufacturer: 'NXP', vendorId: 0x1fc9, productId: 0x0090, serialNumber: 'JSAQBQIQ' });
const missingBinary = new Error("No native build was found for platform=darwin arch=arm64 runtime=node abi=115 napi=4 uv=1 libc=glibc node=20.20.2\n    loaded from: node_modules/node-hid");

describe('hardware probe listing', () => {
  let records: LogRecord[];
  let unsubscribe: () => void;
  let level: LogLevel;
  beforeEach(() => {
    records = [];
    level = logHub.level;
    logHub.setLevel('debug');
    unsubscribe = logHub.subscribe((record) => records.push(record));
  });
  afterEach(() => {
    unsubscribe();
    logHub.setLevel(level);
  });

  for (const platform of ['win32', 'darwin'] as const) {
    it(`on ${platform} takes v1 probes from node-hid, not libusb, and lists a probe both show once, as v2`, async () => {
      const from = sources(platform, { probes: [usbProbe('v2-bulk')], warnings: [] }, fakeNodeHid([daplinkHid, lpcLinkHid]));
      const listing = await listHardwareProbes(from);
      expect(from.usbAsked).toEqual([{ hid: false }]);
      expect(listing.warnings).toEqual([]);
      expect(listing.probes.map((p) => [p.uniqueId, p.productName, p.protocol])).toEqual([
        [SERIAL, 'DAPLink CMSIS-DAP', 'v2-bulk'],
        ['JSAQBQIQ', 'LPC-LINK2 CMSIS-DAP', 'v1-hid'],
      ]);
    });
  }

  it('opens a node-hid probe by unique ID through NodeHidTransport at its HID path', async () => {
    const hid = fakeNodeHid([lpcLinkHid]);
    const transport = await openProbeTransport('JSAQ', { sources: sources('win32', { probes: [], warnings: [] }, hid) });
    expect(transport).toBeInstanceOf(NodeHidTransport);
    expect(hid.opened.map((d) => d.path)).toEqual(['IOService:/lpc-link@14300000']);
    await transport.close();
  });

  it('says in one line when node-hid cannot be loaded, and still lists the libusb and simulated probes', async () => {
    const from = sources('darwin', { probes: [usbProbe('v2-bulk')], warnings: [] }, missingBinary);
    const listing = await listProbes({ sources: from });
    expect(listing.warnings).toHaveLength(1);
    expect(listing.warnings[0]).toMatch(/^CMSIS-DAP v1 \(HID\) probes unavailable: the node-hid module could not be loaded \(No native build was found/);
    expect(listing.probes.map((p) => [p.uniqueId, p.kind])).toEqual([
      [SERIAL, 'cmsis-dap-v2'],
      ['sim:nrf52840', 'simulated'],
      ['sim:stm32l051', 'simulated'],
    ]);
  });

  it('on Linux uses libusb alone while it opens every device: node-hid is not even loaded', async () => {
    const from = sources('linux', { probes: [usbProbe('v1-hid')], warnings: [] }, missingBinary);
    const listing = await listHardwareProbes(from);
    expect(from.usbAsked).toEqual([{ hid: true }]);
    expect(from.hidLoads).toBe(0);
    expect(listing.probes.map((p) => [p.uniqueId, p.protocol])).toEqual([[SERIAL, 'v1-hid']]);
  });

  it('on Linux adds the v1 probes hidraw shows when libusb could not open some devices, without listing one twice', async () => {
    const denied = '1 USB device(s) that may be CMSIS-DAP probes could not be opened; USB permission denied (LIBUSB_ERROR_ACCESS): install the udev rules in docs/udev.md';
    const from = sources('linux', { probes: [usbProbe('v1-hid')], warnings: [denied] }, fakeNodeHid([daplinkHid, lpcLinkHid]));
    const listing = await listHardwareProbes(from);
    expect(listing.warnings).toEqual([denied]);
    expect(listing.probes.map((p) => p.uniqueId)).toEqual([SERIAL, 'JSAQBQIQ']);
  });

  it('on Linux keeps quiet about node-hid when it cannot stand in for libusb', async () => {
    const listing = await listHardwareProbes(sources('linux', { probes: [], warnings: ['USB unavailable: LIBUSB_ERROR_OTHER'] }, missingBinary));
    expect(listing).toEqual({ probes: [], warnings: ['USB unavailable: LIBUSB_ERROR_OTHER'] });
    expect(records.filter((r) => r.level === 'debug').map((r) => r.message)).toEqual([expect.stringMatching(/^no hidraw fallback for the devices libusb could not open: CMSIS-DAP v1 \(HID\) probes unavailable/)]);
  });

  it('opens a v1 probe through node-hid when libusb cannot claim its HID interface, with the endpoint report size and a debug log', async () => {
    const hid = fakeNodeHid([daplinkHid]);
    const [probe] = (await listHardwareProbes(sources('linux', { probes: [usbProbe('v1-hid', SERIAL, unclaimableDevice(512))], warnings: [] }, hid))).probes;
    const transport = await probe!.open();
    expect(transport).toBeInstanceOf(NodeHidTransport);
    expect(transport.packetSize).toBe(512);
    expect(hid.opened.map((d) => d.path)).toEqual(['IOService:/daplink@14200000']);
    expect(records.filter((r) => r.level === 'debug').map((r) => [r.scope, r.message])).toEqual([
      ['probe.discovery', `libusb could not claim the HID interface of ${SERIAL} (LIBUSB_ERROR_BUSY); opening IOService:/daplink@14200000 through node-hid`],
    ]);
    await transport.close();
  });

  it('reports the libusb claim failure when node-hid has no device with the same VID, PID and serial', async () => {
    const [probe] = (await listHardwareProbes(sources('linux', { probes: [usbProbe('v1-hid')], warnings: [] }, fakeNodeHid([lpcLinkHid])))).probes;
    await expect(probe!.open()).rejects.toThrow('LIBUSB_ERROR_BUSY');
  });
});
