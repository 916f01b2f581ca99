import { describe, expect, it } from 'vitest';
import { CmsisDapProbe } from '../../main/probe/cmsis-dap/cmsis-dap-probe';
import { DebugPort } from '../../main/coresight/debug-port';
import { DpRegister } from '../../main/coresight/dp-registers';
import { ApRegister } from '../../main/coresight/access-port';
import { ScriptedTransport, infoScript } from '../probe/support/scripted-transport';

const u32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

describe('DebugPort SELECT handling (ADIv5.2 B2.2.9)', () => {
  it('writes SELECT only when APSEL, APBANKSEL or DPBANKSEL change, in the same packet as the access', async () => {
    const transport = new ScriptedTransport([
      ...infoScript(64, 1),
      { request: [0x05, 0x00, 0x02, 0x08, ...u32(0x000000f0), 0x0f], response: [0x05, 0x02, 0x01, ...u32(0x24770011)] },
      { request: [0x05, 0x00, 0x01, 0x0b], response: [0x05, 0x01, 0x01, ...u32(0xe00ff003)] },
      { request: [0x05, 0x00, 0x02, 0x08, ...u32(0x010000f0), 0x0f], response: [0x05, 0x02, 0x01, ...u32(0x02880000)] },
      { request: [0x05, 0x00, 0x02, 0x08, ...u32(0x010000f2), 0x06], response: [0x05, 0x02, 0x01, ...u32(0x01002927)] },
      { request: [0x05, 0x00, 0x02, 0x08, ...u32(0x010000f0), 0x06], response: [0x05, 0x02, 0x01, ...u32(0xf0000040)] },
      { request: [0x05, 0x00, 0x01, 0x0e], response: [0x05, 0x01, 0x01, ...u32(0x12345678)] },
    ]);
    const probe = await CmsisDapProbe.open(transport);
    const dp = new DebugPort(probe);
    expect(await dp.readAP(0, ApRegister.IDR)).toBe(0x24770011);
    expect(await dp.readAP(0, ApRegister.BASE)).toBe(0xe00ff003);
    expect(await dp.readAP(1, ApRegister.IDR)).toBe(0x02880000);
    expect(await dp.readDP(DpRegister.TARGETID)).toBe(0x01002927);
    expect(await dp.readDP(DpRegister.CTRL_STAT)).toBe(0xf0000040);
    expect(await dp.readDP(DpRegister.RDBUFF)).toBe(0x12345678);
    expect(transport.remaining).toBe(0);
  });
});
