import { describe, expect, it } from 'vitest';
import { listHidProbes } from '../../../main/probe/hid/hid-probes';
import { fakeNodeHid, hidEntry } from '../support/fake-node-hid';

describe('HID probe enumeration (node-hid)', () => {
  it('takes only CMSIS-DAP devices in a vendor-defined collection, once per device', async () => {
    const hid = fakeNodeHid([
      hidEntry({ path: 'IOService:/keyboard', product: 'Apple Internal Keyboard / Trackpad', manufacturer: 'Apple Inc.', vendorId: 0x05ac, productId: 0x0262, usagePage: 0x01, usage: 6 }),
      hidEntry({ path: 'IOService:/daplink@1', product: 'DAPLink CMSIS-DAP' }),
      hidEntry({ path: 'IOService:/daplink@1-second-collection', product: 'DAPLink CMSIS-DAP' }),
      hidEntry({ path: 'IOService:/daplink@1-consumer', product: 'DAPLink CMSIS-DAP', serialNumber: '0240000034544e46', usagePage: 0x0c }),
      hidEntry({ path: 'IOService:/lpc11u35@2', product: 'LPC11U35 CMSIS-DAP', manufacturer: '', vendorId: 0xc251, productId: 0xf002, serialNumber: 'A000000001', usagePage: undefined }),
    ]);
    expect(await listHidProbes(hid)).toEqual([
      { uniqueId: '0240000034544e45', vendorName: 'ARM', productName: 'DAPLink CMSIS-DAP', vendorId: 0x0d28, productId: 0x0204, serialNumber: '0240000034544e45', path: 'IOService:/daplink@1' },
      { uniqueId: 'A000000001', vendorName: 'VID c251', productName: 'LPC11U35 CMSIS-DAP', vendorId: 0xc251, productId: 0xf002, serialNumber: 'A000000001', path: 'IOService:/lpc11u35@2' },
    ]);
  });

  it('falls back to the device path as unique ID when the probe has no serial number, and skips entries without a path', async () => {
    const hid = fakeNodeHid([hidEntry({ path: '/dev/hidraw2', product: 'CMSIS-DAP', serialNumber: '' }), { ...hidEntry({ path: '', product: 'CMSIS-DAP' }), path: undefined }]);
    expect((await listHidProbes(hid)).map((p) => p.uniqueId)).toEqual(['hid-/dev/hidraw2']);
  });
});
