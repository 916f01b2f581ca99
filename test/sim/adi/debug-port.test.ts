import { describe, expect, it } from 'vitest';
import { DebugPort, type DebugPortDescription } from '../../../main/sim/adi/debug-port';
import { ABORT, CTRL_STAT } from '../../../main/sim/adi/dp-registers';
import { type AccessPort, type ApResponse, SwdAck, parity32 } from '../../../main/sim/adi/swd-types';
import { JTAG_TO_SWD, SELECTION_ALERT, SWD_ACTIVATION_CODE, SWD_TO_DORMANT } from '../../../main/sim/adi/swj-wire';

/** An AP double: registers in a map, busy until a given time, errors where told. */
class TestAp implements AccessPort {
  readonly name = 'test';
  regs = new Map<number, number>([[0xfc, 0x24770011]]);
  busyUntil = 0;
  failing = false;
  aborted = 0;
  constructor(private readonly now: () => number) {}
  read(register: number): ApResponse {
    return this.failing ? { kind: 'error' } : { kind: 'ok', value: this.regs.get(register) ?? 0 };
  }
  write(register: number, value: number): ApResponse {
    if (this.failing) return { kind: 'error' };
    this.regs.set(register, value >>> 0);
    return { kind: 'ok', value: 0 };
  }
  busy(): boolean {
    return this.now() < this.busyUntil;
  }
  abort(): void {
    this.aborted++;
    this.busyUntil = 0;
  }
}

const DPV1: DebugPortDescription = { dpidr: 0x2ba01477, swj: false, initialMode: 'swd', powerUpDelayNs: 1000 };
const DPV2: DebugPortDescription = {
  dpidr: 0x0bc12477,
  targetId: 0x01002927,
  targetInstance: 0,
  swj: true,
  initialMode: 'dormant',
  powerUpDelayNs: 1000,
};

function setup(description: DebugPortDescription = DPV1) {
  let time = 0;
  const now = () => time;
  const ap = new TestAp(now);
  const dp = new DebugPort(description, new Map([[0, ap]]), now);
  const dpRead = (a: number) => dp.transfer(false, true, a, 0);
  const dpWrite = (a: number, v: number) => dp.transfer(false, false, a, v);
  const apRead = (a: number) => dp.transfer(true, true, a, 0);
  const apWrite = (a: number, v: number) => dp.transfer(true, false, a, v);
  const powerUp = () => {
    dpWrite(0x4, CTRL_STAT.CDBGPWRUPREQ | CTRL_STAT.CSYSPWRUPREQ);
    time += 1000;
  };
  // The protocol needs a DPIDR read first after power-on (B4.3.3), as every host does.
  if (description.initialMode === 'swd') dpRead(0x0);
  return { dp, ap, dpRead, dpWrite, apRead, apWrite, powerUp, advance: (ns: number) => (time += ns) };
}

function bitsOf(value: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor(value / 2 ** i) % 2);
}
const ones = (n: number) => new Array<number>(n).fill(1);

describe('SW-DP protocol state (ADIv5.2 B4.3)', () => {
  it('answers a DPIDR read after power-on with the part value and OK', () => {
    const { dpRead } = setup();
    expect(dpRead(0x0)).toMatchObject({ ack: SwdAck.Ok, data: 0x2ba01477 });
  });

  it('locks out after a line reset when the first packet is not a DPIDR read, until the next line reset', () => {
    const { dp, dpRead, dpWrite } = setup();
    dp.wire.clockOut(ones(50));
    expect(dpWrite(0x8, 0).ack).toBe(SwdAck.NoResponse);
    expect(dpRead(0x0).ack).toBe(SwdAck.NoResponse);
    dp.wire.clockOut([...ones(56), 0, 0]);
    expect(dpRead(0x0)).toMatchObject({ ack: SwdAck.Ok, data: 0x2ba01477 });
  });

  it('gives no response while the target is unpowered and resets the debug logic when power returns', () => {
    const { dp, dpRead, dpWrite } = setup();
    dpWrite(0x4, CTRL_STAT.CDBGPWRUPREQ);
    dp.setPowered(false);
    expect(dpRead(0x0).ack).toBe(SwdAck.NoResponse);
    dp.setPowered(true);
    expect(dpRead(0x0).ack).toBe(SwdAck.Ok);
    expect(dpRead(0x4).data).toBe(0);
  });

  it('on an SWJ-DP switches from JTAG to SWD with the 0xE79E sequence and then needs a line reset', () => {
    const { dp, dpRead } = setup({ ...DPV1, swj: true, initialMode: 'jtag' });
    expect(dpRead(0x0).ack).toBe(SwdAck.NoResponse);
    dp.wire.clockOut([...ones(50), ...bitsOf(JTAG_TO_SWD, 16)]);
    expect(dp.wire.mode).toBe('swd');
    expect(dpRead(0x0).ack).toBe(SwdAck.NoResponse);
    dp.wire.clockOut([...ones(50), 0, 0]);
    expect(dpRead(0x0).ack).toBe(SwdAck.Ok);
  });

  it('on DPv2 leaves the dormant state only after the selection alert and SWD activation code, then a line reset', () => {
    const { dp, dpRead } = setup(DPV2);
    const alert = SELECTION_ALERT.flatMap((b) => bitsOf(b, 8));
    dp.wire.clockOut([...ones(50), 0, 0]);
    expect(dpRead(0x0).ack).toBe(SwdAck.NoResponse);
    dp.wire.clockOut([...ones(8), ...alert, 0, 0, 0, 0, ...bitsOf(SWD_ACTIVATION_CODE, 8)]);
    expect(dp.wire.mode).toBe('swd');
    expect(dpRead(0x0).ack).toBe(SwdAck.NoResponse);
    dp.wire.clockOut([...ones(50), 0, 0]);
    expect(dpRead(0x0)).toMatchObject({ ack: SwdAck.Ok, data: 0x0bc12477 });
    dp.wire.clockOut([...ones(50), ...bitsOf(SWD_TO_DORMANT, 16)]);
    expect(dp.wire.mode).toBe('dormant');
  });

  it('ignores a wrong activation code', () => {
    const { dp } = setup(DPV2);
    const alert = SELECTION_ALERT.flatMap((b) => bitsOf(b, 8));
    dp.wire.clockOut([...ones(8), ...alert, 0, 0, 0, 0, ...bitsOf(0x1b, 8)]);
    expect(dp.wire.mode).toBe('dormant');
  });
});

describe('DP registers (ADIv5.2 B2.2)', () => {
  it('sets CDBGPWRUPACK and CSYSPWRUPACK only after the power controller delay', () => {
    const { dpRead, dpWrite, advance } = setup();
    dpWrite(0x4, CTRL_STAT.CDBGPWRUPREQ | CTRL_STAT.CSYSPWRUPREQ);
    expect(dpRead(0x4).data).toBe((CTRL_STAT.CDBGPWRUPREQ | CTRL_STAT.CSYSPWRUPREQ) >>> 0);
    advance(1000);
    expect(dpRead(0x4).data).toBe(0xf0000000);
  });

  it('posts AP reads: each returns the previous result and RDBUFF the last one', () => {
    const { ap, apRead, dpRead, powerUp } = setup();
    powerUp();
    ap.regs.set(0x0, 0x11);
    ap.regs.set(0x4, 0x22);
    expect(apRead(0x0)).toMatchObject({ ack: SwdAck.Ok, data: 0 });
    expect(apRead(0x4).data).toBe(0x11);
    expect(dpRead(0xc).data).toBe(0x22);
    expect(dpRead(0x8).data).toBe(0x22);
    expect(dpRead(0x4).data & CTRL_STAT.READOK).toBe(CTRL_STAT.READOK);
  });

  it('selects the AP register bank with SELECT.APBANKSEL', () => {
    const { apRead, dpRead, dpWrite, powerUp } = setup();
    powerUp();
    dpWrite(0x8, 0x000000f0);
    apRead(0xc);
    expect(dpRead(0xc).data).toBe(0x24770011);
  });

  it('records an AP access without debug power as STICKYERR, answers FAULT, and ABORT.STKERRCLR clears it', () => {
    const { apRead, dpRead, dpWrite } = setup();
    expect(apRead(0x0).ack).toBe(SwdAck.Ok);
    expect(dpRead(0x4).data & CTRL_STAT.STICKYERR).toBe(CTRL_STAT.STICKYERR);
    expect(apRead(0x0).ack).toBe(SwdAck.Fault);
    expect(dpWrite(0x8, 0).ack).toBe(SwdAck.Fault);
    expect(dpRead(0x0).ack).toBe(SwdAck.Ok);
    expect(dpWrite(0x0, ABORT.STKERRCLR).ack).toBe(SwdAck.Ok);
    expect(dpRead(0x4).data & CTRL_STAT.STICKYERR).toBe(0);
  });

  it('answers WAIT while the AP is busy, sets STICKYORUN with ORUNDETECT, and DAPABORT frees the AP', () => {
    const { ap, apRead, dpRead, dpWrite, powerUp } = setup();
    powerUp();
    ap.busyUntil = Infinity;
    expect(apRead(0x0).ack).toBe(SwdAck.Wait);
    expect(dpRead(0xc).ack).toBe(SwdAck.Wait);
    expect(dpRead(0x4).ack).toBe(SwdAck.Ok);
    dpWrite(0x4, CTRL_STAT.CDBGPWRUPREQ | CTRL_STAT.CSYSPWRUPREQ | CTRL_STAT.ORUNDETECT);
    expect(apRead(0x0)).toMatchObject({ ack: SwdAck.Wait, dataPhaseAfterError: true });
    expect(dpRead(0x4).data & CTRL_STAT.STICKYORUN).toBe(CTRL_STAT.STICKYORUN);
    dpWrite(0x0, ABORT.DAPABORT | ABORT.ORUNERRCLR);
    expect(ap.aborted).toBe(1);
    expect(apRead(0x0).ack).toBe(SwdAck.Ok);
  });

  it('drops a write whose data parity was wrong and sets WDATAERR until WDERRCLR', () => {
    const { ap, dp, dpRead, dpWrite, powerUp } = setup();
    powerUp();
    expect(dp.transfer(true, false, 0x4, 0x1234, false).ack).toBe(SwdAck.Ok);
    expect(ap.regs.has(0x4)).toBe(false);
    expect(dpRead(0x4).data & CTRL_STAT.WDATAERR).toBe(CTRL_STAT.WDATAERR);
    dpWrite(0x0, ABORT.WDERRCLR);
    expect(dpRead(0x4).data & CTRL_STAT.WDATAERR).toBe(0);
  });

  it('sets STICKYCMP in pushed-compare mode when the AP value matches, cleared by STKCMPCLR', () => {
    const { ap, apWrite, dpRead, dpWrite, powerUp } = setup();
    powerUp();
    ap.regs.set(0xc, 0xcafe);
    dpWrite(0x4, CTRL_STAT.CDBGPWRUPREQ | CTRL_STAT.CSYSPWRUPREQ | (2 << 2) | (0xf << 8));
    apWrite(0xc, 0xbeef);
    expect(dpRead(0x4).data & CTRL_STAT.STICKYCMP).toBe(0);
    apWrite(0xc, 0xcafe);
    expect(dpRead(0x4).data & CTRL_STAT.STICKYCMP).toBe(CTRL_STAT.STICKYCMP);
    dpWrite(0x0, ABORT.STKCMPCLR);
    expect(dpRead(0x4).data & CTRL_STAT.STICKYCMP).toBe(0);
  });

  it('reads DLCR in bank 1 and on DPv2 TARGETID, DLPIDR and EVENTSTAT in banks 2 to 4', () => {
    const v1 = setup();
    v1.dpWrite(0x8, 1);
    v1.dpWrite(0x4, 0x100);
    expect(v1.dpRead(0x4).data).toBe(0x100);
    v1.dpWrite(0x8, 2);
    expect(v1.dpRead(0x4).data).toBe(0);

    const v2 = setup({ ...DPV2, initialMode: 'swd' });
    v2.dpWrite(0x8, 2);
    expect(v2.dpRead(0x4).data).toBe(0x01002927);
    v2.dpWrite(0x8, 3);
    expect(v2.dpRead(0x4).data).toBe(0x00000001);
    v2.dpWrite(0x8, 4);
    expect(v2.dpRead(0x4).data).toBe(0x00000001);
  });

  it('on DPv2 selects the target with TARGETSEL after a line reset, and a non-matching TARGETSEL deselects it', () => {
    const { dp, dpRead, dpWrite } = setup({ ...DPV2, initialMode: 'swd' });
    dp.wire.clockOut([...ones(50), 0, 0]);
    expect(dpWrite(0xc, 0x01002927).ack).toBe(SwdAck.NoResponse);
    expect(dpRead(0x0).ack).toBe(SwdAck.Ok);
    dp.wire.clockOut([...ones(50), 0, 0]);
    dpWrite(0xc, 0x11002927);
    expect(dpRead(0x0).ack).toBe(SwdAck.NoResponse);
  });
});

describe('JTAG-DP register access (ADIv5.2 B3.3 and the JTAG-DP column of B2.2)', () => {
  function jtagSetup() {
    const t = setup();
    const powerUp = () => {
      t.dp.jtagAccess(false, false, 0x4, CTRL_STAT.CDBGPWRUPREQ | CTRL_STAT.CSYSPWRUPREQ);
      t.advance(1000);
    };
    return { ...t, powerUp };
  }

  it('reads DPIDR at 0x0, SELECT back at 0x8 and RDBUFF as zero', () => {
    const { dp, ap, powerUp } = jtagSetup();
    powerUp();
    expect(dp.jtagAccess(false, true, 0x0, 0)).toBe(0x2ba01477);
    dp.jtagAccess(false, false, 0x8, 0x000000f0);
    expect(dp.jtagAccess(false, true, 0x8, 0)).toBe(0x000000f0);
    expect(dp.jtagAccess(true, true, 0xc, 0)).toBe(0x24770011);
    expect(dp.jtagAccess(false, true, 0xc, 0)).toBe(0);
    expect(ap.regs.get(0xfc)).toBe(0x24770011);
  });

  it('returns an AP read result at once (the TAP presents it in the next capture)', () => {
    const { dp, ap, powerUp } = jtagSetup();
    powerUp();
    ap.regs.set(0x0c, 0xcafe0001);
    expect(dp.jtagAccess(true, true, 0xc, 0)).toBe(0xcafe0001);
  });

  it('sets STICKYERR on an AP error, skips AP transactions while it is set, and clears it by writing 1 to it in CTRL/STAT', () => {
    const { dp, ap, powerUp } = jtagSetup();
    powerUp();
    ap.failing = true;
    dp.jtagAccess(true, true, 0xc, 0);
    expect(dp.jtagAccess(false, true, 0x4, 0) & CTRL_STAT.STICKYERR).toBe(CTRL_STAT.STICKYERR);
    ap.failing = false;
    dp.jtagAccess(true, false, 0x4, 0x20000000);
    expect(ap.regs.has(0x4)).toBe(false);
    dp.jtagAccess(false, false, 0x4, CTRL_STAT.CDBGPWRUPREQ | CTRL_STAT.CSYSPWRUPREQ | CTRL_STAT.STICKYERR);
    const ctrl = dp.jtagAccess(false, true, 0x4, 0);
    expect(ctrl & CTRL_STAT.STICKYERR).toBe(0);
    expect(ctrl & CTRL_STAT.CDBGPWRUPACK).toBe(CTRL_STAT.CDBGPWRUPACK);
    dp.jtagAccess(true, false, 0x4, 0x20000000);
    expect(ap.regs.get(0x4)).toBe(0x20000000);
  });

  it('reports the previous AP transaction in progress while the AP is busy, and STICKYORUN on WAIT with ORUNDETECT', () => {
    const { dp, ap, powerUp, advance } = jtagSetup();
    powerUp();
    ap.busyUntil = 1000 + 500;
    expect(dp.jtagInProgress()).toBe(true);
    dp.jtagAccess(false, false, 0x4, CTRL_STAT.CDBGPWRUPREQ | CTRL_STAT.CSYSPWRUPREQ | CTRL_STAT.ORUNDETECT);
    dp.jtagWait();
    expect(dp.jtagAccess(false, true, 0x4, 0) & CTRL_STAT.STICKYORUN).toBe(CTRL_STAT.STICKYORUN);
    advance(500);
    expect(dp.jtagInProgress()).toBe(false);
  });

  it('honours only DAPABORT in the ABORT instruction', () => {
    const { dp, ap, powerUp } = jtagSetup();
    powerUp();
    ap.failing = true;
    dp.jtagAccess(true, true, 0xc, 0);
    dp.jtagAbort(ABORT.STKERRCLR);
    expect(dp.jtagAccess(false, true, 0x4, 0) & CTRL_STAT.STICKYERR).toBe(CTRL_STAT.STICKYERR);
    dp.jtagAbort(ABORT.DAPABORT);
    expect(ap.aborted).toBe(1);
  });
});

describe('parity32', () => {
  it('is the even parity of the 32-bit word', () => {
    expect(parity32(0)).toBe(0);
    expect(parity32(1)).toBe(1);
    expect(parity32(0xffffffff)).toBe(0);
    expect(parity32(0x80000001)).toBe(0);
    expect(parity32(0x2ba01477)).toBe(0);
  });
});
