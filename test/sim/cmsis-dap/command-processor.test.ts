import { describe, expect, it } from 'vitest';
import { createTestProbe, u16, u32 } from './dap-fixture';

const ascii = (text: string) => [...new TextEncoder().encode(text)];
const infoString = (text: string) => [0x00, text.length + 1, ...ascii(text), 0x00];

describe('DAP_Info (CMSIS-DAP v2.1)', () => {
  it('answers every string ID with its NUL-terminated string and Len counting the NUL', async () => {
    const { exchange } = createTestProbe();
    const expectString = async (id: number, text: string) => expect(await exchange([0x00, id], text.length + 3)).toEqual(infoString(text));
    await expectString(0x01, 'ARM');
    await expectString(0x02, 'DAPLink CMSIS-DAP');
    await expectString(0x03, '0240000034544e45001b00028aa9001e8d61000097969900');
    await expectString(0x04, '2.1.0');
    await expectString(0x09, '0257');
  });

  it('names the target and board through IDs 0x05-0x08 on an on-board (DAPLink-class) probe', async () => {
    const strings = { deviceVendor: 'Nordic Semiconductor', deviceName: 'nRF52840_xxAA', boardVendor: 'ProbeDesk', boardName: 'Sim' };
    const { exchange } = createTestProbe({ targetStrings: strings });
    expect(await exchange([0x00, 0x05], 23)).toEqual(infoString('Nordic Semiconductor'));
    expect(await exchange([0x00, 0x06], 16)).toEqual(infoString('nRF52840_xxAA'));
    expect(await exchange([0x00, 0x07], 12)).toEqual(infoString('ProbeDesk'));
    expect(await exchange([0x00, 0x08], 6)).toEqual(infoString('Sim'));
    const probe = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    expect(await probe.exchange([0x00, 0x05])).toEqual([0x00, 0x00]);
  });

  it('answers target strings with Len 0 on a probe that is not on a board', async () => {
    const { exchange } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    for (const id of [0x05, 0x06, 0x07, 0x08]) expect(await exchange([0x00, id])).toEqual([0x00, 0x00]);
  });

  it('answers capabilities, timer, SWO buffer, packet count and packet size in their binary forms', async () => {
    const { exchange } = createTestProbe();
    expect(await exchange([0x00, 0xf0], 4)).toEqual([0x00, 0x02, 0x35, 0x00]);
    expect(await exchange([0x00, 0xf1], 6)).toEqual([0x00, 0x04, ...u32(1_000_000)]);
    expect(await exchange([0x00, 0xfd], 6)).toEqual([0x00, 0x04, ...u32(4096)]);
    expect(await exchange([0x00, 0xfe], 3)).toEqual([0x00, 0x01, 0x04]);
    expect(await exchange([0x00, 0xff], 4)).toEqual([0x00, 0x02, 0x40, 0x00]);
    expect(await exchange([0x00, 0xfb], 2)).toEqual([0x00, 0x00]);
  });

  it('reports the high-speed preset packet size 1024 and count 4, and the bulk preset without SWO', async () => {
    const hs = createTestProbe({ preset: 'mcu-link-v2-hs' });
    expect(await hs.exchange([0x00, 0xff])).toEqual([0x00, 0x02, 0x00, 0x04]);
    expect(await hs.exchange([0x00, 0xfe])).toEqual([0x00, 0x01, 0x04]);
    const pico = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    expect(await pico.exchange([0x00, 0xf0])).toEqual([0x00, 0x02, 0x31, 0x00]);
    expect(await pico.exchange([0x00, 0xfd])).toEqual([0x00, 0x00]);
    expect(await pico.exchange([0x00, 0xfe])).toEqual([0x00, 0x01, 0x02]);
  });
});

describe('CMSIS-DAP general commands', () => {
  it('DAP_HostStatus answers OK', async () => {
    expect(await createTestProbe().exchange([0x01, 0x00, 0x01], 2)).toEqual([0x01, 0x00]);
  });

  it('DAP_Connect selects SWD for default and SWD and fails JTAG; DAP_Disconnect answers OK', async () => {
    const { exchange } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    expect(await exchange([0x02, 0x00])).toEqual([0x02, 0x01]);
    expect(await exchange([0x02, 0x01])).toEqual([0x02, 0x01]);
    expect(await exchange([0x02, 0x02])).toEqual([0x02, 0x00]);
    expect(await exchange([0x03])).toEqual([0x03, 0x00]);
  });

  it('DAP_Transfer and DAP_TransferBlock execute nothing when no port is connected', async () => {
    const { exchange } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    expect(await exchange([0x05, 0x00, 0x01, 0x02])).toEqual([0x05, 0x00, 0x00]);
    expect(await exchange([0x06, 0x00, 0x02, 0x00, 0x0f])).toEqual([0x06, 0x00, 0x00, 0x00]);
    expect(await exchange([0x08, 0x00, ...u32(0x1e)])).toEqual([0x08, 0xff]);
  });

  it('DAP_TransferConfigure, DAP_SWD_Configure and DAP_ResetTarget answer with their fixed forms', async () => {
    const { exchange } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    expect(await exchange([0x04, 0x02, ...u16(100), ...u16(3)])).toEqual([0x04, 0x00]);
    expect(await exchange([0x13, 0x00])).toEqual([0x13, 0x00]);
    expect(await exchange([0x0a])).toEqual([0x0a, 0x00, 0x00]);
  });

  it('DAP_Delay answers OK and lets the delay pass in modeled time', async () => {
    const { exchange, clock } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    const before = clock.now;
    expect(await exchange([0x09, ...u16(5000)])).toEqual([0x09, 0x00]);
    expect(clock.now - before).toBeGreaterThanOrEqual(5_000_000);
  });

  it('DAP_SWJ_Pins drives nRESET into the board and returns the pin levels', async () => {
    const { exchange, resetPin } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    expect(await exchange([0x10, 0x00, 0x80, ...u32(0)])).toEqual([0x10, 0x27]);
    expect(await exchange([0x10, 0x80, 0x80, ...u32(0)])).toEqual([0x10, 0xa7]);
    expect(resetPin).toEqual([true, false]);
  });

  it('DAP_SWJ_Clock rejects 0 Hz and accepts a frequency', async () => {
    const { exchange, device } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    expect(await exchange([0x11, ...u32(0)])).toEqual([0x11, 0xff]);
    expect(await exchange([0x11, ...u32(4_000_000)])).toEqual([0x11, 0x00]);
    expect(device.processor.link.swclkHz).toBe(4_000_000);
    await exchange([0x11, ...u32(100_000_000)]);
    expect(device.processor.link.swclkHz).toBe(25_000_000);
  });

  it('DAP_SWJ_Sequence clocks bits LSB first into the wire (a line reset) and answers OK', async () => {
    const { exchange, debug } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    const resets = debug.dp.wire.lineResets;
    expect(await exchange([0x12, 51, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x07])).toEqual([0x12, 0x00]);
    expect(debug.dp.wire.lineResets).toBe(resets + 1);
  });

  it('DAP_SWD_Sequence outputs and captures bits: an undriven line reads 1', async () => {
    const { exchange } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    expect(await exchange([0x1d, 0x02, 0x08, 0xff, 0x84])).toEqual([0x1d, 0x00, 0x0f]);
    expect(await exchange([0x1d, 0x01, 0x80])).toEqual([0x1d, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  });

  it('answers 0xFF for commands it does not implement (UART, vendor, unknown)', async () => {
    const { exchange } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    for (const id of [0x1f, 0x42, 0x80]) expect(await exchange([id, 0x00])).toEqual([0xff]);
  });

  it('answers DAP_ERROR to the JTAG commands of an SWD-only probe, consuming each request whole', async () => {
    const { exchange } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    // DAP_JTAG_Sequence: two sequences (3 TCK with TDO capture: 1 data byte; 64 TCK: 8 bytes), then DAP_Info(0xFE) in one DAP_ExecuteCommands.
    const sequence = [0x14, 0x02, 0x83, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(await exchange([0x7f, 0x02, ...sequence, 0x00, 0xfe])).toEqual([0x7f, 0x02, 0x14, 0xff, 0x00, 0x01, 0x02]);
    // DAP_JTAG_Configure: a count of 2 IR lengths, then DAP_Info(0xFE).
    expect(await exchange([0x7f, 0x02, 0x15, 0x02, 0x04, 0x05, 0x00, 0xfe])).toEqual([0x7f, 0x02, 0x15, 0xff, 0x00, 0x01, 0x02]);
    expect(await exchange([0x16, 0x00])).toEqual([0x16, 0xff]);
  });

  it('DAP_TransferAbort has no response', async () => {
    const { device } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    await device.write(Uint8Array.of(0x07));
    await expect(device.read()).rejects.toThrow(/no command outstanding/);
  });
});

describe('DAP_Transfer (CMSIS-DAP v2.1) against the SW-DP', () => {
  it('reads DPIDR byte-exactly', async () => {
    const { exchange, connect } = createTestProbe();
    await connect();
    expect(await exchange([0x05, 0x00, 0x01, 0x02], 7)).toEqual([0x05, 0x01, 0x01, ...u32(0x2ba01477)]);
  });

  it('writes memory through TAR/DRW and reads it back with posted AP reads collected through RDBUFF', async () => {
    const { exchange, connect, ram } = createTestProbe();
    await connect();
    const write = [0x05, 0x00, 0x03, 0x05, ...u32(0x20000100), 0x0d, ...u32(0xdeadbeef), 0x0d, ...u32(0x01234567)];
    expect(await exchange(write, 3)).toEqual([0x05, 0x03, 0x01]);
    expect(Array.from(ram.directBytes.slice(0x100, 0x108))).toEqual([0xef, 0xbe, 0xad, 0xde, 0x67, 0x45, 0x23, 0x01]);
    const read = [0x05, 0x00, 0x04, 0x05, ...u32(0x20000100), 0x0f, 0x0f, 0x02];
    expect(await exchange(read, 15)).toEqual([0x05, 0x04, 0x01, ...u32(0xdeadbeef), ...u32(0x01234567), ...u32(0x2ba01477)]);
  });

  it('adds the test-domain timestamp before the data of a timestamped read', async () => {
    const { exchange, connect, clock } = createTestProbe();
    await connect();
    const response = await exchange([0x05, 0x00, 0x01, 0x82], 11);
    const stamp = response[3]! | (response[4]! << 8) | (response[5]! << 16) | (response[6]! << 24);
    expect(response.slice(0, 3)).toEqual([0x05, 0x01, 0x01]);
    expect(response.slice(7)).toEqual(u32(0x2ba01477));
    expect(stamp).toBeGreaterThan(0);
    expect(stamp).toBeLessThanOrEqual(Math.floor(clock.now / 1000));
  });

  it('matches a read value under the mask and reports a mismatch after the match retries', async () => {
    const { exchange, connect } = createTestProbe();
    await connect();
    await exchange([0x04, 0x00, ...u16(10), ...u16(3)]);
    expect(await exchange([0x05, 0x00, 0x02, 0x20, ...u32(0xf0000000), 0x16, ...u32(0xf0000000)], 3)).toEqual([0x05, 0x02, 0x01]);
    expect(await exchange([0x05, 0x00, 0x02, 0x20, ...u32(0x0000ffff), 0x12, ...u32(0x00001478)], 3)).toEqual([0x05, 0x01, 0x11]);
  });

  it('answers FAULT while STICKYERR is set after a bus error, and DAP_WriteABORT clears it', async () => {
    const { exchange, connect } = createTestProbe();
    await connect();
    const fault = [0x05, 0x00, 0x02, 0x05, ...u32(0x40000000), 0x0f];
    // The posted DRW read is counted; collecting it through RDBUFF meets the FAULT.
    expect(await exchange(fault, 3)).toEqual([0x05, 0x02, 0x04]);
    expect(await exchange([0x05, 0x00, 0x01, 0x02], 7)).toEqual([0x05, 0x01, 0x01, ...u32(0x2ba01477)]);
    expect(await exchange([0x05, 0x00, 0x01, 0x06], 7)).toEqual([0x05, 0x01, 0x01, ...u32(0xf0000020)]);
    expect(await exchange([0x08, 0x00, ...u32(0x04)], 2)).toEqual([0x08, 0x00]);
    expect(await exchange([0x05, 0x00, 0x01, 0x06], 7)).toEqual([0x05, 0x01, 0x01, ...u32(0xf0000000)]);
  });

  it('answers WAIT after the configured retries during a WAIT storm', async () => {
    const { exchange, connect, device } = createTestProbe({ faults: { waitStorm: { fromNs: 0, durationNs: 1e12 } } });
    await connect();
    await exchange([0x04, 0x00, ...u16(5), ...u16(0)]);
    const before = device.metrics().transfers;
    expect(await exchange([0x05, 0x00, 0x01, 0x0f], 3)).toEqual([0x05, 0x00, 0x02]);
    expect(device.metrics().transfers - before).toBe(6);
  });

  it('answers NO_ACK (7) when the target is unpowered', async () => {
    const { exchange } = createTestProbe({ faults: { targetUnpowered: true } });
    await exchange([0x02, 0x01]);
    expect(await exchange([0x05, 0x00, 0x01, 0x02], 3)).toEqual([0x05, 0x00, 0x07]);
  });

  it('answers a protocol error (bit 3) for read data with a wrong parity bit', async () => {
    const { exchange } = createTestProbe({ faults: { readParityErrorEvery: 1 } });
    await exchange([0x02, 0x01]);
    expect(await exchange([0x05, 0x00, 0x01, 0x02], 3)).toEqual([0x05, 0x00, 0x08]);
  });

  it('a DAP_TransferAbort arriving during a long WAIT retry ends the transfer early', async () => {
    const { exchange, connect, device, clock } = createTestProbe({ faults: { waitStorm: { fromNs: 0, durationNs: 1e12 } } });
    await connect(1_000_000);
    await exchange([0x04, 0x00, ...u16(65535), ...u16(0)]);
    const start = clock.now;
    await device.write(Uint8Array.of(0x05, 0x00, 0x01, 0x0f));
    await device.write(Uint8Array.of(0x07));
    expect(Array.from(await device.read()).slice(0, 3)).toEqual([0x05, 0x00, 0x02]);
    expect(clock.now - start).toBeLessThan(10_000_000);
  });
});

describe('DAP_TransferBlock', () => {
  it('writes and reads a block of words through DRW', async () => {
    const { exchange, connect, ram } = createTestProbe();
    await connect();
    await exchange([0x05, 0x00, 0x01, 0x05, ...u32(0x20000200)]);
    const words = [0x11111111, 0x22222222, 0x33333333];
    expect(await exchange([0x06, 0x00, ...u16(3), 0x0d, ...words.flatMap(u32)], 4)).toEqual([0x06, 0x03, 0x00, 0x01]);
    expect(ram.directBytes[0x208]).toBe(0x33);
    await exchange([0x05, 0x00, 0x01, 0x05, ...u32(0x20000200)]);
    expect(await exchange([0x06, 0x00, ...u16(3), 0x0f], 16)).toEqual([0x06, 0x03, 0x00, 0x01, ...words.flatMap(u32)]);
  });

  it('stops at the failing transfer and reports how many completed', async () => {
    const { exchange, connect } = createTestProbe();
    await connect();
    await exchange([0x05, 0x00, 0x01, 0x05, ...u32(0x30000000)]);
    const response = await exchange([0x06, 0x00, ...u16(4), 0x0f], 4);
    expect(response).toEqual([0x06, 0x00, 0x00, 0x04]);
  });
});

describe('SWO (UART mode)', () => {
  it('configures, captures at the baud rate and returns trace bytes with status and count', async () => {
    const { exchange, device, clock } = createTestProbe();
    expect(await exchange([0x18, 0x02], 2)).toEqual([0x18, 0xff]);
    expect(await exchange([0x18, 0x01], 2)).toEqual([0x18, 0x00]);
    expect(await exchange([0x17, 0x01], 2)).toEqual([0x17, 0x00]);
    expect(await exchange([0x19, ...u32(2_000_000)], 5)).toEqual([0x19, ...u32(2_000_000)]);
    expect(await exchange([0x1a, 0x01], 2)).toEqual([0x1a, 0x00]);
    device.processor.swo!.receive(Uint8Array.of(0x01, 0x41, 0x01, 0x42), clock.now);
    expect(await exchange([0x1b], 6)).toEqual([0x1b, 0x01, ...u32(4)]);
    expect(await exchange([0x1c, ...u16(16)], 8)).toEqual([0x1c, 0x01, ...u16(4), 0x01, 0x41, 0x01, 0x42]);
    const ext = await exchange([0x1e, 0x07], 14);
    expect(ext.slice(0, 10)).toEqual([0x1e, 0x01, ...u32(0), ...u32(4)]);
    expect(await exchange([0x1a, 0x00], 2)).toEqual([0x1a, 0x00]);
    expect(await exchange([0x1b], 6)).toEqual([0x1b, 0x00, ...u32(0)]);
  });

  it('refuses to start without a mode, and a probe without SWO answers 0xFF', async () => {
    expect(await createTestProbe().exchange([0x1a, 0x01], 2)).toEqual([0x1a, 0xff]);
    expect(await createTestProbe({ preset: 'picoprobe-v2-bulk' }).exchange([0x1b])).toEqual([0xff]);
  });
});

describe('DAP_ExecuteCommands and DAP_QueueCommands', () => {
  it('executes several commands from one packet and concatenates their responses', async () => {
    const { exchange } = createTestProbe({ preset: 'picoprobe-v2-bulk' });
    expect(await exchange([0x7f, 0x02, 0x00, 0xfe, 0x00, 0xff])).toEqual([0x7f, 0x02, 0x00, 0x01, 0x02, 0x00, 0x02, 0x40, 0x00]);
  });

  it('holds queued packets until a packet of another command arrives, then answers each in order', async () => {
    const { device } = createTestProbe({ preset: 'mcu-link-v2-hs' });
    await device.write(Uint8Array.of(0x7e, 0x01, 0x00, 0xfe));
    await expect(device.read()).rejects.toThrow(/DAP_QueueCommands/);
    await device.write(Uint8Array.of(0x00, 0xfe));
    // The probe turns each held DAP_QueueCommands packet into DAP_ExecuteCommands (reference firmware's DAP thread).
    expect(Array.from(await device.read())).toEqual([0x7f, 0x01, 0x00, 0x01, 0x04]);
    expect(Array.from(await device.read())).toEqual([0x00, 0x01, 0x04]);
  });
});
