import { describe, expect, it } from 'vitest';
import { type JtagDpPort, JtagAck } from '../../../main/sim/jtag/jtag-dp-port';
import { JtagDpTap, JtagInstruction } from '../../../main/sim/jtag/jtag-dp-tap';
import { TapState } from '../../../main/sim/jtag/tap-state';
import { RemoteBitbangSession } from '../../../main/sim/remote-bitbang/remote-bitbang-session';

/** A register file standing in for the DP: records transactions, answers reads with a pattern. */
class RecordingPort implements JtagDpPort {
  readonly idcode = 0x4ba00477;
  readonly log: string[] = [];
  aborts: number[] = [];
  busy = false;
  waits = 0;
  inProgress() {
    return this.busy;
  }
  waited() {
    this.waits++;
  }
  access(ap: boolean, read: boolean, a32: number, value: number) {
    this.log.push(`${ap ? 'AP' : 'DP'} ${read ? 'R' : 'W'} 0x${a32.toString(16)} 0x${value.toString(16)}`);
    return read ? 0xc0de0000 + a32 : 0;
  }
  writeAbort(value: number) {
    this.aborts.push(value);
  }
}

/** Drives a TAP the way OpenOCD's bitbang driver does: TCK low with TMS/TDI, sample, TCK high. */
class BitbangDriver {
  readonly session: RemoteBitbangSession;
  resets: boolean[] = [];
  advancedNs = 0;
  constructor(readonly tap: JtagDpTap) {
    this.session = new RemoteBitbangSession({
      tap,
      setSystemReset: (a) => this.resets.push(a),
      advance: (ns) => (this.advancedNs += ns),
    });
  }
  private bit(tms: number, tdi: number): number {
    const low = 0x30 + (tms << 1) + tdi;
    const reply = this.session.receive(Uint8Array.from([low, 0x52, low + 4]));
    return reply[0] === 0x31 ? 1 : 0;
  }
  tms(bits: number[]): void {
    for (const b of bits) this.bit(b, 0);
  }
  /** From Run-Test/Idle: scan `length` bits of `value` through IR or DR, back to Run-Test/Idle. */
  scan(ir: boolean, value: bigint, length: number): bigint {
    this.tms(ir ? [1, 1, 0, 0] : [1, 0, 0]);
    let out = 0n;
    for (let i = 0; i < length; i++) {
      const last = i === length - 1 ? 1 : 0;
      out |= BigInt(this.bit(last, Number((value >> BigInt(i)) & 1n))) << BigInt(i);
    }
    this.tms([1, 0]);
    return out;
  }
}

function setup() {
  const port = new RecordingPort();
  const tap = new JtagDpTap(port);
  const driver = new BitbangDriver(tap);
  driver.tms([1, 1, 1, 1, 1, 0]);
  return { port, tap, driver };
}

describe('JTAG-DP test port over remote_bitbang', () => {
  it('selects IDCODE after Test-Logic-Reset and returns the DPIDR in a 32-bit DR scan', () => {
    const { driver, tap } = setup();
    expect(tap.tapState).toBe(TapState.RunTestIdle);
    expect(driver.scan(false, 0n, 32)).toBe(0x4ba00477n);
  });

  it('captures 0b0001 in the instruction register, as IEEE 1149.1 requires', () => {
    const { driver } = setup();
    expect(driver.scan(true, BigInt(JtagInstruction.Bypass), 4)).toBe(0b0001n);
  });

  it('BYPASS is a one-bit register that delays TDI by one clock', () => {
    const { driver } = setup();
    driver.scan(true, BigInt(JtagInstruction.Bypass), 4);
    expect(driver.scan(false, 0b1011n, 4)).toBe(0b0110n);
  });

  it('runs DPACC and APACC transactions and returns each read in the next capture with its ACK', () => {
    const { driver, port } = setup();
    driver.scan(true, BigInt(JtagInstruction.Dpacc), 4);
    driver.scan(false, (0x01000000n << 3n) | (0b10n << 1n), 35);
    driver.scan(true, BigInt(JtagInstruction.Apacc), 4);
    driver.scan(false, (0n << 3n) | (0b11n << 1n) | 1n, 35);
    const captured = driver.scan(false, (0n << 3n) | (0b11n << 1n) | 1n, 35);
    expect(Number(captured & 0b111n)).toBe(JtagAck.OkFault);
    expect(Number(captured >> 3n)).toBe(0xc0de000c);
    expect(port.log).toEqual(['DP W 0x8 0x1000000', 'AP R 0xc 0x0', 'AP R 0xc 0x0']);
  });

  it('captures WAIT while the previous transaction is in progress and ignores that scan\'s request', () => {
    const { driver, port } = setup();
    driver.scan(true, BigInt(JtagInstruction.Dpacc), 4);
    port.busy = true;
    expect(Number(driver.scan(false, (0b01n << 1n) | 1n, 35) & 0b111n)).toBe(JtagAck.Wait);
    expect(port.log).toEqual([]);
    expect(port.waits).toBe(1);
    port.busy = false;
    expect(Number(driver.scan(false, (0b01n << 1n) | 1n, 35) & 0b111n)).toBe(JtagAck.OkFault);
    expect(port.log).toEqual(['DP R 0x4 0x0']);
  });

  it('writes ABORT through the ABORT instruction', () => {
    const { driver, port } = setup();
    driver.scan(true, BigInt(JtagInstruction.Abort), 4);
    driver.scan(false, 0x1en << 3n, 35);
    expect(port.aborts).toEqual([0x1e]);
  });

  it('drives SRST from the r–u commands, answers R with TDO and lets time pass per TCK', () => {
    const { driver } = setup();
    driver.session.receive(new TextEncoder().encode('sr'));
    expect(driver.resets).toEqual([true, false]);
    expect(driver.advancedNs).toBeGreaterThan(0);
    driver.session.receive(new TextEncoder().encode('Q'));
    expect(driver.session.ended).toBe(true);
  });
});
