import { describe, expect, it } from 'vitest';
import { CmsisDapProbe } from '../../../main/probe/cmsis-dap/cmsis-dap-probe';
import { NoAckError, ProbeTimeoutError, ProtocolError, TransferFaultError, TransferWaitTimeoutError } from '../../../main/probe/errors';
import type { DapTransport } from '../../../main/probe/transport';
import { SWITCH_JTAG_TO_SWD } from '../../../main/coresight/swj-sequences';
import { ScriptedTransport, infoScript, type ScriptStep } from '../support/scripted-transport';

const u32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

async function openWith(steps: ScriptStep[], packetSize = 64, packetCount = 4): Promise<{ probe: CmsisDapProbe; transport: ScriptedTransport }> {
  const transport = new ScriptedTransport([...infoScript(packetSize, packetCount), ...steps]);
  const probe = await CmsisDapProbe.open(transport);
  return { probe, transport };
}

describe('CmsisDapProbe', () => {
  it('reads DAP_Info packet size, count, strings and capabilities at open', async () => {
    const steps: ScriptStep[] = [
      { request: [0x00, 0xff], response: [0x00, 0x02, 0x00, 0x02] },
      { request: [0x00, 0xfe], response: [0x00, 0x01, 0x08] },
      { request: [0x00, 0x01], response: [0x00, 0x04, 0x41, 0x52, 0x4d, 0x00] },
      { request: [0x00, 0x02], response: [0x00, 0x0a, ...Buffer.from('CMSIS-DAP'), 0x00] },
      { request: [0x00, 0x03], response: [0x00, 0x03, 0x31, 0x32, 0x00] },
      { request: [0x00, 0x04], response: [0x00, 0x06, ...Buffer.from('2.1.0'), 0x00] },
      ...[0x05, 0x06, 0x07, 0x08].map((id) => ({ request: [0x00, id], response: [0x00, 0x00] })),
      { request: [0x00, 0x09], response: [0x00, 0x04, ...Buffer.from('1.0'), 0x00] },
      { request: [0x00, 0xf0], response: [0x00, 0x02, 0x15, 0x00] },
      { request: [0x00, 0xfd], response: [0x00, 0x04, ...u32(4096)] },
    ];
    const transport = new ScriptedTransport(steps);
    const probe = await CmsisDapProbe.open(transport);
    expect(probe.info).toMatchObject({ vendor: 'ARM', product: 'CMSIS-DAP', serialNumber: '12', protocolVersion: '2.1.0', firmwareVersion: '1.0', packetSize: 512, packetCount: 8, swoBufferSize: 4096 });
    expect(probe.info.capabilities).toMatchObject({ swd: true, jtag: false, swoUart: true, atomicCommands: true });
    expect(transport.remaining).toBe(0);
  });

  it('sends DAP_Connect, SWJ_Clock, TransferConfigure and SWD_Configure byte-exactly', async () => {
    const { probe, transport } = await openWith([
      { request: [0x02, 0x01], response: [0x02, 0x01] },
      { request: [0x11, ...u32(4_000_000)], response: [0x11, 0x00] },
      { request: [0x04, 0x00, 0x64, 0x00, 0x00, 0x00], response: [0x04, 0x00] },
      { request: [0x13, 0x00], response: [0x13, 0x00] },
      { request: [0x10, 0x00, 0x80, 0, 0, 0, 0], response: [0x10, 0x00] },
      { request: [0x10, 0x80, 0x80, 0, 0, 0, 0], response: [0x10, 0x80] },
      { request: [0x08, 0x00, 0x1e, 0, 0, 0], response: [0x08, 0x00] },
    ]);
    await probe.connect();
    await probe.setClock(4_000_000);
    await probe.transferConfigure({ idleCycles: 0, waitRetry: 100, matchRetry: 0 });
    await probe.swdConfigure(1, false);
    await probe.setNReset(true);
    await probe.setNReset(false);
    await probe.writeAbort(0x1e);
    expect(transport.remaining).toBe(0);
  });

  it('pulses nRESET atomically with DAP_ExecuteCommands when the probe has atomic commands', async () => {
    const transport = new ScriptedTransport([
      ...infoScript(64, 4, 0x11),
      {
        request: [0x7f, 0x03, 0x10, 0x00, 0x80, 0, 0, 0, 0, 0x09, 0x88, 0x13, 0x10, 0x80, 0x80, 0, 0, 0, 0],
        response: [0x7f, 0x03, 0x10, 0x00, 0x09, 0x00, 0x10, 0x80],
      },
    ]);
    const probe = await CmsisDapProbe.open(transport);
    await probe.pulseNReset(5000);
    expect(transport.remaining).toBe(0);
  });

  it('pulses nRESET as three commands without atomic commands, splitting DAP_Delay at 65535 us', async () => {
    const { probe, transport } = await openWith([
      { request: [0x10, 0x00, 0x80, 0, 0, 0, 0], response: [0x10, 0x00] },
      { request: [0x09, 0xff, 0xff], response: [0x09, 0x00] },
      { request: [0x09, 0x01, 0x00], response: [0x09, 0x00] },
      { request: [0x10, 0x80, 0x80, 0, 0, 0, 0], response: [0x10, 0x80] },
    ]);
    await probe.pulseNReset(65_536);
    expect(transport.remaining).toBe(0);
  });

  it('rejects a DAP_ExecuteCommands answer that covers fewer commands, or a failed DAP_Delay inside it', async () => {
    const short = new ScriptedTransport([...infoScript(64, 4, 0x11), { request: [0x7f, 0x03, 0x10, 0x00, 0x80, 0, 0, 0, 0, 0x09, 0x0a, 0x00, 0x10, 0x80, 0x80, 0, 0, 0, 0], response: [0x7f, 0x02, 0x10, 0x00, 0x09, 0x00] }]);
    await expect((await CmsisDapProbe.open(short)).pulseNReset(10)).rejects.toThrow(/DAP_ExecuteCommands: 2 of 3 commands answered/);
    const failed = new ScriptedTransport([...infoScript(64, 4, 0x11), { request: [0x7f, 0x03, 0x10, 0x00, 0x80, 0, 0, 0, 0, 0x09, 0x0a, 0x00, 0x10, 0x80, 0x80, 0, 0, 0, 0], response: [0x7f, 0x03, 0x10, 0x00, 0x09, 0xff, 0x10, 0x80] }]);
    await expect((await CmsisDapProbe.open(failed)).pulseNReset(10)).rejects.toThrow(/DAP_Delay failed \(DAP_ERROR\)/);
  });

  it('sends the JTAG-to-SWD switch as one DAP_SWJ_Sequence, LSB first', async () => {
    const bits: number[] = [...Array(51).fill(1)];
    for (let i = 0; i < 16; i++) bits.push((0xe79e >> i) & 1);
    bits.push(...Array(51).fill(1), ...Array(8).fill(0));
    const bytes: number[] = [];
    for (let i = 0; i < bits.length; i += 8) bytes.push(bits.slice(i, i + 8).reduce((acc, b, j) => acc | (b << j), 0));
    const { probe, transport } = await openWith([{ request: [0x12, bits.length, ...bytes], response: [0x12, 0x00] }]);
    await probe.swjSequence(SWITCH_JTAG_TO_SWD.bits, SWITCH_JTAG_TO_SWD.value);
    expect(bits.length).toBe(126);
    expect(transport.remaining).toBe(0);
  });

  it('batches transfers queued together into one DAP_Transfer and resolves each read', async () => {
    const { probe, transport } = await openWith([
      {
        request: [0x05, 0x00, 0x04, 0x02, 0x08, ...u32(0x0f000000), 0x0f, 0x01, ...u32(0x23000052)],
        response: [0x05, 0x04, 0x01, ...u32(0x2ba01477), ...u32(0x24770011)],
      },
    ]);
    const [dpidr, , idr] = await Promise.all([probe.readDP(0x0), probe.writeDP(0x8, 0x0f000000), probe.readAP(0xc), probe.writeAP(0x0, 0x23000052)]);
    expect(dpidr).toBe(0x2ba01477);
    expect(idr).toBe(0x24770011);
    expect(transport.remaining).toBe(0);
  });

  it('uses DAP_TransferBlock for runs that fill a packet and keeps up to packet-count packets in flight', async () => {
    const words = Array.from({ length: 40 }, (_, i) => (i * 0x01010101) >>> 0);
    const block = (from: number, n: number): number[] => words.slice(from, from + n).flatMap(u32);
    const { probe, transport } = await openWith([
      { request: [0x06, 0x00, 0x0f, 0x00, 0x0f], response: [0x06, 0x0f, 0x00, 0x01, ...block(0, 15)] },
      { request: [0x06, 0x00, 0x0f, 0x00, 0x0f], response: [0x06, 0x0f, 0x00, 0x01, ...block(15, 15)] },
      { request: [0x05, 0x00, 0x0a, ...Array(10).fill(0x0f)], response: [0x05, 0x0a, 0x01, ...block(30, 10)] },
    ]);
    const result = await probe.readAPRepeated(0xc, 40);
    expect([...result]).toEqual(words);
    expect(transport.maxInFlight).toBe(3);
  });

  it('writes a block with DAP_TransferBlock at 4 bytes per word', async () => {
    const words = Uint32Array.from({ length: 14 }, (_, i) => 0x20000000 + i);
    const { probe, transport } = await openWith([{ request: [0x06, 0x00, 0x0e, 0x00, 0x0d, ...[...words].flatMap(u32)], response: [0x06, 0x0e, 0x00, 0x01] }]);
    await probe.writeAPRepeated(0xc, words);
    expect(transport.remaining).toBe(0);
  });

  it('rejects a FAULT with TransferFaultError, cancels queued work and clears sticky flags with DAP_WriteABORT', async () => {
    const { probe, transport } = await openWith([
      { request: [0x05, 0x00, 0x02, 0x05, ...u32(0x40000000), 0x0f], response: [0x05, 0x02, 0x04] },
      { request: [0x08, 0x00, 0x1e, 0, 0, 0], response: [0x08, 0x00] },
      { request: [0x05, 0x00, 0x01, 0x02], response: [0x05, 0x01, 0x01, ...u32(0x2ba01477)] },
    ]);
    const failing = Promise.all([probe.writeAP(0x4, 0x40000000), probe.readAP(0xc)]);
    await expect(failing).rejects.toBeInstanceOf(TransferFaultError);
    await expect(failing).rejects.toThrow(/FAULT.*AP read of register 0xC/);
    expect(await probe.readDP(0)).toBe(0x2ba01477);
    expect(transport.remaining).toBe(0);
  });

  it('maps WAIT after retries to TransferWaitTimeoutError and aborts the AP transaction (DAPABORT)', async () => {
    const { probe, transport } = await openWith([
      { request: [0x05, 0x00, 0x01, 0x0f], response: [0x05, 0x00, 0x02] },
      { request: [0x08, 0x00, 0x1f, 0, 0, 0], response: [0x08, 0x00] },
    ]);
    await expect(probe.readAP(0xc)).rejects.toBeInstanceOf(TransferWaitTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(transport.remaining).toBe(0);
  });

  it('maps a missing ACK to NoAckError and a parity error to ProtocolError', async () => {
    const { probe } = await openWith([
      { request: [0x05, 0x00, 0x01, 0x02], response: [0x05, 0x00, 0x07] },
      { request: [0x05, 0x00, 0x01, 0x02], response: [0x05, 0x00, 0x09] },
    ]);
    await expect(probe.readDP(0)).rejects.toBeInstanceOf(NoAckError);
    await expect(probe.readDP(0)).rejects.toBeInstanceOf(ProtocolError);
  });

  it('reports a response for the wrong command as a corrupted response', async () => {
    const { probe } = await openWith([{ request: [0x05, 0x00, 0x01, 0x02], response: [0x06, 0x00, 0x00, 0x01] }]);
    await expect(probe.readDP(0)).rejects.toThrow(/corrupted probe response: expected DAP_Transfer/);
  });

  it('attributes a FAULT found by the closing RDBUFF read to the posted AP read and keeps earlier values', async () => {
    const { probe } = await openWith([
      { request: [0x05, 0x00, 0x02, 0x02, 0x0f], response: [0x05, 0x02, 0x04, ...u32(0x2ba01477)] },
      { request: [0x08, 0x00, 0x1e, 0, 0, 0], response: [0x08, 0x00] },
    ]);
    const dpidr = probe.readDP(0);
    const drw = probe.readAP(0xc);
    expect(await dpidr).toBe(0x2ba01477);
    await expect(drw).rejects.toThrow(/AP read of register 0xC \(transfer 2 of 2/);
  });

  it('fails with ProbeTimeoutError when the probe stops answering, and every later call fails at once', async () => {
    const script = infoScript(64, 1);
    let step = 0;
    const silent: DapTransport = {
      protocol: 'v2-bulk',
      packetSize: undefined,
      write: async () => {
        step++;
      },
      read: (timeoutMs) =>
        step <= script.length
          ? Promise.resolve(Uint8Array.from(script[step - 1]!.response))
          : new Promise((_, reject) => setTimeout(() => reject(new ProbeTimeoutError(`no answer in ${timeoutMs} ms`)), timeoutMs)),
      close: async () => {},
    };
    const probe = await CmsisDapProbe.open(silent, { responseTimeoutMs: 20 });
    await expect(probe.readDP(0)).rejects.toBeInstanceOf(ProbeTimeoutError);
    await expect(probe.readDP(0)).rejects.toBeInstanceOf(ProbeTimeoutError);
    expect(probe.failure).toBeInstanceOf(ProbeTimeoutError);
  });
});
