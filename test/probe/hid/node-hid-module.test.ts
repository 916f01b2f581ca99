import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadNodeHid } from '../../../main/probe/hid/node-hid-module';
import { listHidProbes } from '../../../main/probe/hid/hid-probes';

describe('the real node-hid module', () => {
  it('loads its prebuilt hidapi binary in this Node and lists HID devices', async () => {
    const hid = await loadNodeHid();
    const devices = await hid.devicesAsync();
    expect(Array.isArray(devices)).toBe(true);
    const syncDevices = (createRequire(import.meta.url)('node-hid') as typeof import('node-hid')).devices();
    expect(Array.isArray(syncDevices)).toBe(true);
    // Without a probe attached (CI) nothing is listed; with one, only CMSIS-DAP devices are.
    const probes = await listHidProbes(hid);
    for (const probe of probes) expect(probe.productName).toContain('CMSIS-DAP');
    if (!devices.some((d) => (d.product ?? '').includes('CMSIS-DAP'))) expect(probes).toEqual([]);
  });
});
