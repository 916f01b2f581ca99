import { describe, expect, it, vi } from 'vitest';
import { NodeHidTransport } from '../../../main/probe/hid/node-hid-transport';
import { CmsisDapProbe } from '../../../main/probe/cmsis-dap/cmsis-dap-probe';
import { ProbeDisconnectedError, ProbeTimeoutError } from '../../../main/probe/errors';
import { fakeNodeHid, type FakeHidDevice } from '../support/fake-node-hid';
import { infoScript } from '../support/scripted-transport';

const PATH = '\\\\?\\hid#vid_0d28&pid_0204&mi_03#7&2f5a1c1&0&0000#{4d1e55b2-f16f-11cf-88cb-001111000030}';

async function openFake(reportSize?: number): Promise<{ transport: NodeHidTransport; device: FakeHidDevice }> {
  const hid = fakeNodeHid([]);
  const transport = await NodeHidTransport.open(hid, PATH, reportSize);
  return { transport, device: hid.opened[0]! };
}

describe('NodeHidTransport', () => {
  it('writes report ID 0x00 and then the command padded to the report size (hidapi write format on Windows, macOS and Linux)', async () => {
    const { transport, device } = await openFake();
    expect(transport.protocol).toBe('v1-hid');
    expect(transport.packetSize).toBe(64);
    await transport.write(Uint8Array.of(0x00, 0xff));
    expect(device.path).toBe(PATH);
    expect(device.written).toEqual([[0x00, 0x00, 0xff, ...Array(62).fill(0)]]);
    expect(device.written[0]).toHaveLength(65);
  });

  it('takes the report size it is given, adopts the DAP_Info packet size and refuses commands larger than a report', async () => {
    const { transport, device } = await openFake(512);
    await transport.write(new Uint8Array(512).fill(0x06));
    expect(device.written[0]).toHaveLength(513);
    transport.setPacketSize(64);
    await expect(transport.write(new Uint8Array(65))).rejects.toThrow('command of 65 bytes exceeds the 64-byte HID report');
    expect(() => transport.setPacketSize(0)).toThrow('HID report size 0 is not an integer between 2 and 1024 bytes');
    await expect(NodeHidTransport.open(fakeNodeHid([]), PATH, 4096)).rejects.toThrow(/HID report size 4096/);
  });

  it('answers reads in arrival order, whether the report came before or after the read', async () => {
    const { transport, device } = await openFake();
    device.report([0x00, 0x02, 0x40, 0x00]);
    const early = transport.read(100);
    const late = transport.read(100);
    device.report([0x05, 0x01, 0x01]);
    expect([...(await early)]).toEqual([0x00, 0x02, 0x40, 0x00]);
    expect([...(await late)]).toEqual([0x05, 0x01, 0x01]);
  });

  it('rejects a read with ProbeTimeoutError when no report arrives in time, without blocking the event loop', async () => {
    const { transport } = await openFake();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const started = Date.now();
    await expect(transport.read(60)).rejects.toBeInstanceOf(ProbeTimeoutError);
    clearInterval(ticker);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(ticks).toBeGreaterThan(3);
    await expect(transport.read(10)).rejects.toThrow(/did not answer read within 10 ms \(HID .*\); unplug and reopen it/);
  });

  it('rejects a write that the device never completes with ProbeTimeoutError after 2 s', async () => {
    const { transport, device } = await openFake();
    device.writeHangs = true;
    vi.useFakeTimers();
    try {
      const write = expect(transport.write(Uint8Array.of(0x00, 0x01))).rejects.toThrow(new ProbeTimeoutError('the probe did not accept a HID report within 2000 ms; unplug and reopen it'));
      await vi.advanceTimersByTimeAsync(2000);
      await write;
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns an unplug into ProbeDisconnectedError for the waiting read and every later read and write', async () => {
    const { transport, device } = await openFake();
    const waiting = transport.read(1000);
    device.unplug();
    await expect(waiting).rejects.toBeInstanceOf(ProbeDisconnectedError);
    await expect(waiting).rejects.toThrow('HID read failed: could not read from HID device: The device is not connected. (probe unplugged?)');
    await expect(transport.read(1000)).rejects.toBeInstanceOf(ProbeDisconnectedError);
    await expect(transport.write(Uint8Array.of(0x00, 0x01))).rejects.toBeInstanceOf(ProbeDisconnectedError);
  });

  it('maps a failed write to ProbeDisconnectedError naming the hidapi message', async () => {
    const { transport, device } = await openFake();
    device.writeError = 'could not write to HID device: Device not configured';
    await expect(transport.write(Uint8Array.of(0x00, 0x01))).rejects.toThrow(new ProbeDisconnectedError('HID write failed: could not write to HID device: Device not configured (probe unplugged?)'));
  });

  it('names the device path when it cannot be opened', async () => {
    await expect(NodeHidTransport.open(fakeNodeHid([], { openError: 'cannot open device with path /dev/hidraw3' }), '/dev/hidraw3')).rejects.toThrow(
      'cannot open CMSIS-DAP v1 HID device /dev/hidraw3: cannot open device with path /dev/hidraw3',
    );
  });

  it('closes once, fails a waiting read and refuses use afterwards', async () => {
    const { transport, device } = await openFake();
    const waiting = transport.read(1000);
    await transport.close();
    await transport.close();
    expect(device.closed).toBe(true);
    await expect(waiting).rejects.toThrow(`HID device ${PATH} was closed`);
    await expect(transport.write(Uint8Array.of(0x00))).rejects.toBeInstanceOf(ProbeDisconnectedError);
  });

  it('carries the CMSIS-DAP driver: DAP_Info at open, answered report by report', async () => {
    const { transport, device } = await openFake();
    const script = infoScript(64, 4);
    const answer = (): void => {
      const step = script[device.written.length - 1]!;
      setImmediate(() => device.report([...step.response, ...Array(64 - step.response.length).fill(0)]));
    };
    const write = transport.write.bind(transport);
    transport.write = async (packet) => {
      await write(packet);
      answer();
    };
    const probe = await CmsisDapProbe.open(transport);
    expect(probe.info).toMatchObject({ packetSize: 64, packetCount: 4 });
    expect(device.written.map((report) => report.slice(0, 3))).toEqual(script.map((s) => [0x00, ...s.request]));
    await transport.close();
  });
});
