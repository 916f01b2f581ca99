import { describe, expect, it } from 'vitest';
import { UsbSchedule } from '../../../main/sim/cmsis-dap/usb-schedule';
import { createTestProbe, u16, u32 } from './dap-fixture';

const FRAME_NS = 1_000_000;
/** Words per DAP_TransferBlock read that fit a 64-byte response (4 header bytes). */
const WORDS = 15;

async function blockReadSetup(preset: string) {
  const probe = createTestProbe({ preset });
  await probe.connect(10_000_000);
  await probe.exchange([0x05, 0x00, 0x01, 0x05, ...u32(0x20000000)]);
  const request = Uint8Array.from([0x06, 0x00, ...u16(WORDS), 0x0f]);
  return { probe, request };
}

describe('timing model on the full-speed HID preset', () => {
  it('a host that waits for each response needs two frames per block-read packet, never more', async () => {
    const { probe, request } = await blockReadSetup('daplink-v1-hid');
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      await probe.device.write(request);
      const response = await probe.device.read();
      expect(Array.from(response.slice(0, 4))).toEqual([0x06, WORDS, 0x00, 0x01]);
      times.push(probe.device.metrics().elapsedNs);
    }
    const perPacket = (times[19]! - times[9]!) / 10;
    expect(perPacket).toBeLessThanOrEqual(2 * FRAME_NS);
    expect(perPacket).toBeGreaterThan(FRAME_NS);
  });

  it('a host with four packets in flight gets one frame per packet', async () => {
    const { probe, request } = await blockReadSetup('daplink-v1-hid');
    const times: number[] = [];
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < 4; i++) inFlight.push(probe.device.write(request));
    for (let i = 0; i < 24; i++) {
      const response = await probe.device.read();
      expect(Array.from(response.slice(0, 4))).toEqual([0x06, WORDS, 0x00, 0x01]);
      times.push(probe.device.metrics().elapsedNs);
      if (i < 20) inFlight.push(probe.device.write(request));
    }
    await Promise.all(inFlight);
    const perPacket = (times[20]! - times[10]!) / 10;
    expect(perPacket).toBeLessThanOrEqual(FRAME_NS);
  });
});

describe('timing model of SWD on the wire', () => {
  it('charges each block-read transfer its bits at SWCLK: 8 + 1 + 3 + 33 + 1 cycles', async () => {
    const { probe, request } = await blockReadSetup('mcu-link-v2-hs');
    const before = probe.device.metrics();
    await probe.device.write(request);
    await probe.device.read();
    const after = probe.device.metrics();
    // The posted first read, 14 further reads and the final RDBUFF read.
    expect(after.transfers - before.transfers).toBe(WORDS + 1);
    expect(after.swdBits - before.swdBits).toBe((WORDS + 1) * 46);
  });

  it('keeps the target running while the probe works: the clock advances with every transfer', async () => {
    const { probe, request } = await blockReadSetup('picoprobe-v2-bulk');
    const before = probe.clock.now;
    await probe.device.write(request);
    await probe.device.read();
    expect(probe.clock.now - before).toBeGreaterThanOrEqual(((WORDS + 1) * 46 * 1e9) / 10_000_000);
  });

  it('counts packets and USB payload bytes in both directions', async () => {
    const probe = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    const before = probe.device.metrics();
    await probe.exchange([0x00, 0xfe]);
    const after = probe.device.metrics();
    expect(after.packetsOut - before.packetsOut).toBe(1);
    expect(after.packetsIn - before.packetsIn).toBe(1);
    expect(after.usbBytes - before.usbBytes).toBe(2 + 3);
  });
});

describe('UsbSchedule', () => {
  it('services a full-speed interrupt endpoint once per frame and reports completion at the frame end', () => {
    const usb = new UsbSchedule('full', 'v1-hid', 64);
    expect(usb.out(0, 64)).toMatchObject({ start: 0, seenAt: FRAME_NS });
    expect(usb.out(0, 64)).toMatchObject({ start: FRAME_NS, seenAt: 2 * FRAME_NS });
    expect(usb.in(1500, 64)).toMatchObject({ start: FRAME_NS, seenAt: 2 * FRAME_NS });
  });

  it('runs high-speed bulk transfers back to back on 125 µs microframes', () => {
    const usb = new UsbSchedule('high', 'v2-bulk', 1024);
    const a = usb.out(0, 1024);
    const b = usb.out(0, 1024);
    expect(b.start).toBe(a.end);
    expect(a.seenAt).toBe(125_000);
  });
});
