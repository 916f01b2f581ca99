import { afterEach, describe, expect, it } from 'vitest';
import { type SimulatedProbe, createSimulatedProbe, listPresets, listSimulatedBoards } from '../../main/sim/index';

const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const word = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** A minimal host: raw CMSIS-DAP packets through the device, one response per command. */
function host(probe: SimulatedProbe) {
  const exchange = async (request: number[]): Promise<Uint8Array> => {
    await probe.device.write(Uint8Array.from(request));
    return probe.device.read();
  };
  return {
    exchange,
    async connect() {
      await exchange([0x02, 0x01]);
      await exchange([0x11, ...u32(4_000_000)]);
      await exchange([0x12, 51, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x07]);
      await exchange([0x12, 8, 0x00]);
      const idr = await exchange([0x05, 0x00, 0x01, 0x02]);
      expect(idr[2]).toBe(0x01);
      await exchange([0x05, 0x00, 0x01, 0x04, ...u32(0x50000000)]);
      await exchange([0x09, 0x0a, 0x00]);
      return word(idr, 3);
    },
    async apRead(apsel: number, register: number): Promise<number> {
      const r = await exchange([0x05, 0x00, 0x02, 0x08, ...u32((apsel << 24) | (register & 0xf0)), 0x03 | (register & 0x0c)]);
      expect(r.slice(0, 3)).toEqual(Uint8Array.of(0x05, 0x02, 0x01));
      return word(r, 3);
    },
    async memRead(address: number): Promise<number> {
      const r = await exchange([0x05, 0x00, 0x04, 0x08, ...u32(0), 0x01, ...u32(0x23000012), 0x05, ...u32(address), 0x0f]);
      expect(r.slice(0, 3)).toEqual(Uint8Array.of(0x05, 0x04, 0x01));
      return word(r, 3);
    },
  };
}

let open: SimulatedProbe | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('simulator entry', () => {
  it('lists both boards and the three presets', () => {
    expect(listSimulatedBoards().map((b) => b.label)).toEqual(['sim:nrf52840', 'sim:stm32l051']);
    expect(listPresets().map((p) => [p.id, p.protocol, p.usbSpeed, p.packetSize, p.packetCount])).toEqual([
      ['daplink-v1-hid', 'v1-hid', 'full', 64, 4],
      ['picoprobe-v2-bulk', 'v2-bulk', 'full', 64, 2],
      ['mcu-link-v2-hs', 'v2-bulk', 'high', 1024, 4],
    ]);
  });

  it('rejects an unknown preset and a bad fault plan with the offending name', () => {
    expect(() => createSimulatedProbe({ board: 'nrf52840', preset: 'jlink', persist: false })).toThrow(/unknown probe preset 'jlink'/);
    expect(() => createSimulatedProbe({ board: 'nrf52840', persist: false, faults: { unplugAfterPackets: -1 } })).toThrow(/unplugAfterPackets/);
  });

  it('reaches the nRF52840 through the probe: DPIDR, AHB-AP, CTRL-AP, ROM table and CPUID', async () => {
    open = createSimulatedProbe({ board: 'nrf52840', preset: 'picoprobe-v2-bulk', persist: false });
    expect(open.device.identity).toMatchObject({ protocol: 'v2-bulk', usbSpeed: 'full', packetSize: 64, productName: 'Debug Probe (CMSIS-DAP)' });
    const h = host(open);
    expect(await h.connect()).toBe(0x2ba01477);
    expect(await h.apRead(0, 0xfc)).toBe(0x24770011);
    expect(await h.apRead(0, 0xf8)).toBe(0xe00ff003);
    expect(await h.apRead(1, 0xfc)).toBe(0x02880000);
    expect(await h.memRead(0xe000ed00)).toBe(0x410fc241);
    expect((await h.memRead(0xe00ff000)) & 0xfff).toBe(0x003);
  });

  it('reaches the STM32L051 through the probe: DPIDR, AHB-AP and CPUID', async () => {
    open = createSimulatedProbe({ board: 'stm32l051', preset: 'mcu-link-v2-hs', persist: false });
    const h = host(open);
    expect(await h.connect()).toBe(0x0bc11477);
    expect(await h.apRead(0, 0xfc)).toBe(0x04770031);
    expect(await h.apRead(0, 0xf8)).toBe(0xf0000003);
    expect(await h.memRead(0xe000ed00)).toBe(0x410cc601);
  });

  it('rejects reads and writes once the probe is unplugged after N packets', async () => {
    open = createSimulatedProbe({ board: 'nrf52840', persist: false, faults: { unplugAfterPackets: 2 } });
    const h = host(open);
    await h.exchange([0x00, 0xfe]);
    await h.exchange([0x00, 0xff]);
    await expect(open.device.write(Uint8Array.of(0x00, 0x01))).rejects.toThrow(/disconnected: unplugged after 2 packets/);
    await expect(open.device.read()).rejects.toThrow(/disconnected/);
  });

  it('delivers a corrupted and a short response where the fault plan says', async () => {
    open = createSimulatedProbe({ board: 'stm32l051', preset: 'picoprobe-v2-bulk', persist: false, faults: { corruptResponse: { packet: 2, kind: 'short' } } });
    const h = host(open);
    expect(Array.from(await h.exchange([0x00, 0xfe]))).toEqual([0x00, 0x01, 0x02]);
    expect(Array.from(await h.exchange([0x00, 0xfe]))).toEqual([0x00]);
    expect(Array.from(await h.exchange([0x00, 0xfe]))).toEqual([0x00, 0x01, 0x02]);
  });

  it('keeps the core running while the host talks: modeled time passes and the metrics count the traffic', async () => {
    open = createSimulatedProbe({ board: 'nrf52840', preset: 'daplink-v1-hid', persist: false });
    const h = host(open);
    await h.connect();
    const m = open.metrics();
    expect(m.packetsOut).toBe(m.packetsIn);
    expect(m.transfers).toBeGreaterThanOrEqual(2);
    expect(m.usbBytes).toBe(m.packetsOut * 64 * 2);
    expect(open.board.clock.now).toBeGreaterThan(5_000_000);
    expect(open.board.core.status.halted).toBe(false);
  });

  it('erases the nRF52840 through the CTRL-AP: ERASEALL, ERASEALLSTATUS polled by value match, then erased flash', async () => {
    open = createSimulatedProbe({ board: 'nrf52840', preset: 'mcu-link-v2-hs', persist: false });
    const h = host(open);
    await h.connect();
    expect(await h.memRead(0x00000000)).not.toBe(0xffffffff);
    await h.exchange([0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
    const erase = await h.exchange([0x05, 0x00, 0x04, 0x08, ...u32(0x01000000), 0x05, ...u32(1), 0x20, ...u32(1), 0x1b, ...u32(0)]);
    expect(Array.from(erase.slice(0, 3))).toEqual([0x05, 0x04, 0x01]);
    expect(await h.apRead(1, 0x0c)).toBe(1);
    expect(await h.memRead(0x00000000)).toBe(0xffffffff);
  });

  it('hands the watchdog and flash-timing faults to the board', async () => {
    open = createSimulatedProbe({ board: 'stm32l051', persist: false, faults: { watchdogResetAtNs: 1_000_000, flashTimingScale: 4 } });
    expect(open.board.debugHooks.flashTiming.scale).toBe(4);
    await host(open).exchange([0x09, 0xd0, 0x07]);
    expect(open.board.debugHooks.lastResetCause()).toBe('watchdog');
  });

  it('with the pacer on, lets the target run in wall-clock time while the host is silent', async () => {
    open = createSimulatedProbe({ board: 'nrf52840', persist: false, pacer: true });
    const before = open.board.clock.now;
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(open.board.clock.now - before).toBeGreaterThan(40_000_000);
  });
});
