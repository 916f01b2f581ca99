import { describe, expect, it } from 'vitest';
import { validateFaultPlan } from '../../../main/sim/cmsis-dap/fault-plan';
import { createTestProbe, u32 } from './dap-fixture';

describe('fault plan validation', () => {
  it('names the field that is wrong', () => {
    expect(() => validateFaultPlan({ waitStorm: { fromNs: -1, durationNs: 5 } })).toThrow('fault plan: waitStorm.fromNs must be a non-negative number, got -1');
    expect(() => validateFaultPlan({ faultRanges: [{ start: 0x100, end: 0x100 }] })).toThrow(/faultRanges\[0\]\.end/);
    expect(() => validateFaultPlan({ corruptResponse: { packet: 0, kind: 'short' } })).toThrow(/corruptResponse\.packet/);
    expect(() => validateFaultPlan({ flashTimingScale: 0 })).toThrow(/flashTimingScale/);
    expect(() => validateFaultPlan({ readParityErrorEvery: 1.5 })).toThrow(/readParityErrorEvery/);
    expect(() => validateFaultPlan({ targetUnpowered: { fromNs: 0, untilNs: 10 } })).not.toThrow();
  });
});

describe('injected faults seen through CMSIS-DAP', () => {
  it('a FAULT range turns memory accesses there into bus errors, and other addresses still work', async () => {
    const { exchange, connect } = createTestProbe({ faults: { faultRanges: [{ start: 0x20000400, end: 0x20000800 }] } });
    await connect();
    expect(await exchange([0x05, 0x00, 0x02, 0x05, ...u32(0x20000400), 0x0d, ...u32(1)], 3)).toEqual([0x05, 0x02, 0x04]);
    await exchange([0x08, 0x00, ...u32(0x1e)]);
    expect(await exchange([0x05, 0x00, 0x02, 0x05, ...u32(0x20000800), 0x0d, ...u32(1)], 3)).toEqual([0x05, 0x02, 0x01]);
  });

  it('a WAIT storm ends at its time: the same access then succeeds', async () => {
    const { exchange, connect, clock } = createTestProbe({ faults: { waitStorm: { fromNs: 0, durationNs: 20_000_000 } } });
    await connect();
    await exchange([0x04, 0x00, 0x02, 0x00, 0x00, 0x00]);
    expect(await exchange([0x05, 0x00, 0x01, 0x0f], 3)).toEqual([0x05, 0x00, 0x02]);
    clock.advanceTo(20_000_000);
    expect(await exchange([0x05, 0x00, 0x02, 0x05, ...u32(0x20000000), 0x0f], 3)).toEqual([0x05, 0x02, 0x01]);
  });

  it('the target loses power in a window: no acknowledge inside it, a fresh DP after it', async () => {
    const { exchange, connect, clock } = createTestProbe({ faults: { targetUnpowered: { fromNs: 30_000_000, untilNs: 40_000_000 } } });
    await connect();
    clock.advanceTo(30_000_000);
    expect(await exchange([0x05, 0x00, 0x01, 0x02], 3)).toEqual([0x05, 0x00, 0x07]);
    clock.advanceTo(40_000_000);
    expect(await exchange([0x05, 0x00, 0x01, 0x02], 7)).toEqual([0x05, 0x01, 0x01, ...u32(0x2ba01477)]);
    expect(await exchange([0x05, 0x00, 0x01, 0x06], 7)).toEqual([0x05, 0x01, 0x01, ...u32(0)]);
  });

  it('pulses nRESET at the planned time', async () => {
    const { exchange, resetPin, clock } = createTestProbe({ faults: { targetResetAtNs: 2_000_000 } });
    await exchange([0x00, 0xfe]);
    clock.advanceTo(3_000_000);
    expect(resetPin).toEqual([true, false]);
  });

  it('damages the planned response so that it no longer echoes its command', async () => {
    const { exchange } = createTestProbe({ preset: 'picoprobe-v2-bulk', faults: { corruptResponse: { packet: 1, kind: 'corrupt' } } });
    const damaged = await exchange([0x00, 0xfe]);
    expect(damaged).toEqual([0x00 ^ 0x5a, 0x01 ^ 0xa5, 0x02 ^ 0xa5]);
    expect(await exchange([0x00, 0xfe])).toEqual([0x00, 0x01, 0x02]);
  });
});
