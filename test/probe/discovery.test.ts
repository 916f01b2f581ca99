import { describe, expect, it } from 'vitest';
import { listProbes, openProbeTransport, watchProbes } from '../../main/probe/discovery';
import { CmsisDapProbe } from '../../main/probe/cmsis-dap/cmsis-dap-probe';
import { SimulatedTransport } from '../../main/probe/sim/simulated-probes';
import { idleCore } from './support/idle-core';

describe('probe discovery', () => {
  it('lists both simulated probes with the default preset when USB is skipped', async () => {
    const listing = await listProbes({ usb: false });
    expect(listing.warnings).toEqual([]);
    expect(listing.probes.map((p) => [p.uniqueId, p.kind, p.protocol])).toEqual([
      ['sim:nrf52840', 'simulated', 'v1-hid'],
      ['sim:stm32l051', 'simulated', 'v1-hid'],
    ]);
    expect(listing.probes[0]!.vendorName).toBe('ARM');
    expect(listing.probes[0]!.description).toMatch(/^ARM DAPLink CMSIS-DAP .*nRF52840.*\(simulated\)$/);
  });

  it('takes vendor, product and protocol of the simulated probes from the sim.preset option', async () => {
    const listing = await listProbes({ usb: false, sim: { preset: 'mcu-link-v2-hs' } });
    expect(listing.probes.map((p) => [p.uniqueId, p.vendorName, p.protocol])).toEqual([
      ['sim:nrf52840', 'NXP Semiconductors', 'v2-bulk'],
      ['sim:stm32l051', 'NXP Semiconductors', 'v2-bulk'],
    ]);
  });

  it('still lists the simulated probes with USB, and any USB problem is a single-line warning', async () => {
    const listing = await listProbes();
    expect(listing.probes.filter((p) => p.kind === 'simulated').map((p) => p.uniqueId)).toEqual(['sim:nrf52840', 'sim:stm32l051']);
    for (const warning of listing.warnings) expect(warning).not.toContain('\n');
  });

  it('opens a simulated probe by unique ID whose DAP_Info matches the preset', async () => {
    const transport = await openProbeTransport('sim:stm32l051', { sim: { preset: 'picoprobe-v2-bulk', persist: false, createCore: idleCore } });
    expect(transport).toBeInstanceOf(SimulatedTransport);
    const probe = await CmsisDapProbe.open(transport);
    expect(probe.info).toMatchObject({ vendor: 'Raspberry Pi', packetSize: 64, packetCount: 2, protocolVersion: '2.1.0' });
    expect(probe.info.capabilities.swd).toBe(true);
    await probe.close();
  });

  it('names the option when the simulated preset is unknown, and lists the probes when the ID is unknown', async () => {
    await expect(openProbeTransport('sim:nrf52840', { sim: { preset: 'no-such-probe' } })).rejects.toThrow(/unknown simulated probe preset 'no-such-probe' \(option sim.preset\); known presets: daplink-v1-hid/);
    await expect(openProbeTransport('sim:nrf51')).rejects.toThrow(/no simulated probe 'sim:nrf51'; simulated probes: sim:nrf52840, sim:stm32l051/);
    await expect(openProbeTransport('0240000034544e45', { usb: false })).rejects.toThrow(/no probe with unique ID '0240000034544e45'.*sim:nrf52840/);
  });

  it('watches for hot-plug and stops cleanly', async () => {
    const events: unknown[] = [];
    const stop = watchProbes((event) => events.push(event));
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    for (const event of events) expect(event).toMatchObject({ type: 'warning' });
  });
});
