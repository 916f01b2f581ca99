/**
 * The SW-DP of an ADIv5.2 debug system, reached through a CMSIS-DAP probe (runtime: plain Node).
 *
 * Bring-up follows ADIv5.2: select SWD (B5.2.1, or the dormant wake-up of B5.3.4 when the DP
 * does not answer), read DPIDR as the first access after the line reset (B4.3.3), clear the
 * sticky flags through ABORT (B2.2.1), then request debug and system power and wait for both
 * acknowledges (B2.2.2 CTRL/STAT, "System and debug power control"). SELECT is cached so that
 * AP and banked DP accesses only rewrite it when the AP, AP bank or DP bank changes (B2.2.9).
 *
 * After a failed transfer the probe holds back queued work until this DP has recovered:
 * FAULT and WAIT are cleared through ABORT; a missing ACK or a protocol error re-runs the line
 * reset and DPIDR read. If that fails too, the DP is "lost" and every access rejects with
 * DebugPortLostError until `connect()` succeeds again.
 */
import type { CmsisDapProbe } from '../probe/cmsis-dap/cmsis-dap-probe';
import {
  NoAckError,
  ProbeDisconnectedError,
  ProbeTimeoutError,
  ProtocolError,
  TransferError,
  TransferWaitTimeoutError,
} from '../probe/errors';
import { ABORT_ALL_CLEAR, Abort, CtrlStat, DpRegister, decodeDpidr, type Dpidr } from './dp-registers';
import { DebugPortLostError, PowerUpTimeoutError } from './errors';
import { SWD_LINE_RESET, SWITCH_DORMANT_TO_SWD, SWITCH_JTAG_TO_SWD, type SwjSequence } from './swj-sequences';

export interface DebugPortOptions {
  /** SWCLK frequency in Hz (DAP_SWJ_Clock). Default 1 MHz. */
  readonly frequency?: number;
  /** Retries of a WAIT-answered transfer inside the probe (DAP_TransferConfigure). Default 100. */
  readonly waitRetry?: number;
  /** Bound on the power-up handshake. Default 500 ms. */
  readonly powerUpTimeoutMs?: number;
}

const POWER_REQ = CtrlStat.CSYSPWRUPREQ | CtrlStat.CDBGPWRUPREQ;
const POWER_ACK = (CtrlStat.CSYSPWRUPACK | CtrlStat.CDBGPWRUPACK) >>> 0;

export class DebugPort {
  private select: number | undefined;
  private lostError: DebugPortLostError | undefined;
  private connecting = false;
  private dpidrValue: Dpidr | undefined;
  private readonly invalidateListeners = new Set<() => void>();
  private readonly options: Required<Omit<DebugPortOptions, 'frequency'>>;
  private frequencyHz: number;

  constructor(
    readonly probe: CmsisDapProbe,
    options: DebugPortOptions = {},
  ) {
    this.options = { waitRetry: options.waitRetry ?? 100, powerUpTimeoutMs: options.powerUpTimeoutMs ?? 500 };
    this.frequencyHz = options.frequency ?? 1_000_000;
    probe.onTransferError(() => this.invalidateCaches());
    probe.setRecoveryHandler((error, link) => this.recoverAfter(error, link));
  }

  /** DPIDR read at connect; undefined before. */
  get dpidr(): Dpidr | undefined {
    return this.dpidrValue;
  }

  /** Set when recovery failed; accesses reject with it until `connect()` succeeds. */
  get lost(): DebugPortLostError | undefined {
    return this.lostError;
  }

  /** Registers a callback run whenever cached AP/DP register state may be stale (after any error). */
  onInvalidate(listener: () => void): () => void {
    this.invalidateListeners.add(listener);
    return () => this.invalidateListeners.delete(listener);
  }

  /** The SWCLK frequency this DP runs at, now and after any later reconnect. */
  get frequency(): number {
    return this.frequencyHz;
  }

  /** Changes SWCLK now (DAP_SWJ_Clock) and for every later bring-up of this DP. */
  async setFrequency(hz: number): Promise<void> {
    await this.probe.setClock(hz);
    this.frequencyHz = hz;
  }

  /** Full bring-up: DAP_Connect, clock, transfer settings, SWD select, DPIDR, clear errors, power-up. */
  async connect(): Promise<Dpidr> {
    this.connecting = true;
    try {
      const probe = this.probe;
      await probe.connect();
      await probe.setClock(this.frequencyHz);
      await probe.transferConfigure({ idleCycles: 0, waitRetry: this.options.waitRetry, matchRetry: 0 });
      await probe.swdConfigure(1, false);
      this.dpidrValue = await this.selectSwd(probe);
      this.lostError = undefined;
      await this.clearStickyErrorsOn(probe);
      await this.powerUpOn(probe);
      return this.dpidrValue;
    } finally {
      this.connecting = false;
    }
  }

  /** JTAG-to-SWD, and if the DP stays silent the dormant wake-up; returns the decoded DPIDR. */
  private async selectSwd(probe: CmsisDapProbe): Promise<Dpidr> {
    this.invalidateCaches();
    try {
      return await this.switchAndIdentify(probe, SWITCH_JTAG_TO_SWD);
    } catch (error) {
      if (!(error instanceof NoAckError || error instanceof ProtocolError)) throw error;
      try {
        return await this.switchAndIdentify(probe, SWITCH_DORMANT_TO_SWD);
      } catch (second) {
        if (second instanceof NoAckError || second instanceof ProtocolError) {
          throw new NoAckError(
            `the debug port did not answer after JTAG-to-SWD and dormant wake-up (${second.message}); check the target's power, the SWD wiring and the reset line`,
            { cause: second },
          );
        }
        throw second;
      }
    }
  }

  private async switchAndIdentify(probe: CmsisDapProbe, sequence: SwjSequence): Promise<Dpidr> {
    await probe.swjSequence(sequence.bits, sequence.value);
    return decodeDpidr(await probe.readDP(DpRegister.DPIDR));
  }

  /** Writes ABORT with every sticky-flag clear bit (ADIv5.2 B2.2.1). */
  clearStickyErrors(): Promise<void> {
    return this.guard(() => this.clearStickyErrorsOn(this.probe));
  }

  private async clearStickyErrorsOn(probe: CmsisDapProbe): Promise<void> {
    await probe.writeAbort(ABORT_ALL_CLEAR);
  }

  /** Requests debug and system power-up and waits for both acknowledges. */
  powerUp(): Promise<void> {
    return this.guard(() => this.powerUpOn(this.probe));
  }

  private async powerUpOn(probe: CmsisDapProbe): Promise<void> {
    await this.writeDPOn(probe, DpRegister.CTRL_STAT, POWER_REQ);
    const deadline = Date.now() + this.options.powerUpTimeoutMs;
    let status = 0;
    for (let attempt = 0; ; attempt++) {
      status = await this.readDPOn(probe, DpRegister.CTRL_STAT);
      if ((status & POWER_ACK) >>> 0 === POWER_ACK) return;
      if (Date.now() > deadline && attempt >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(10, attempt)));
    }
    throw new PowerUpTimeoutError(
      `debug/system power-up not acknowledged within ${this.options.powerUpTimeoutMs} ms (CTRL/STAT = 0x${status.toString(16).padStart(8, '0')})`,
    );
  }

  /** Re-runs the line reset, DPIDR read, ABORT and power check; clears the "lost" state on success. */
  async reconnect(): Promise<void> {
    this.invalidateCaches();
    try {
      await this.resynchronise(this.probe);
      this.lostError = undefined;
    } catch (error) {
      throw this.markLost(error, 'reconnect');
    }
  }

  private async resynchronise(probe: CmsisDapProbe): Promise<void> {
    this.invalidateCaches();
    try {
      await this.switchAndIdentify(probe, SWD_LINE_RESET);
    } catch (error) {
      if (!(error instanceof NoAckError || error instanceof ProtocolError)) throw error;
      this.dpidrValue = await this.selectSwd(probe);
    }
    await this.clearStickyErrorsOn(probe);
    const status = await this.readDPOn(probe, DpRegister.CTRL_STAT);
    if ((status & POWER_ACK) >>> 0 !== POWER_ACK) await this.powerUpOn(probe);
  }

  private async recoverAfter(error: TransferError, link: CmsisDapProbe): Promise<void> {
    this.invalidateCaches();
    if (this.connecting) return;
    if (error instanceof ProbeDisconnectedError || error instanceof ProbeTimeoutError) {
      throw this.markLost(error, 'probe failure');
    }
    try {
      if (error instanceof NoAckError || error instanceof ProtocolError) {
        await this.resynchronise(link);
        return;
      }
      const abort = ABORT_ALL_CLEAR | (error instanceof TransferWaitTimeoutError ? Abort.DAPABORT : 0);
      try {
        await link.writeAbort(abort);
      } catch (abortError) {
        if (!(abortError instanceof NoAckError || abortError instanceof ProtocolError)) throw abortError;
        await this.resynchronise(link);
      }
    } catch (failure) {
      throw this.markLost(failure, error.message);
    }
  }

  private markLost(failure: unknown, after: string): DebugPortLostError {
    const reason = failure instanceof Error ? failure.message : String(failure);
    this.lostError = new DebugPortLostError(`cannot recover the debug port (after ${after}): ${reason}`, { cause: failure });
    return this.lostError;
  }

  private invalidateCaches(): void {
    this.select = undefined;
    for (const listener of this.invalidateListeners) listener();
  }

  private guard<T>(operation: () => Promise<T>): Promise<T> {
    if (this.lostError) return Promise.reject(this.lostError);
    return operation();
  }

  /** Writes SELECT if the DP bank for a banked register (address 0x4) differs from the cached one. */
  private selectDpBank(probe: CmsisDapProbe, register: number): void {
    if ((register & 0x0c) !== 0x04) return;
    const bank = (register >>> 4) & 0xf;
    const current = this.select ?? 0;
    if (this.select !== undefined && (current & 0xf) === bank) return;
    this.select = ((current & ~0xf) | bank) >>> 0;
    void probe.writeDP(DpRegister.SELECT, this.select);
  }

  private selectAp(apsel: number, register: number): void {
    const wanted = ((apsel << 24) | (register & 0xf0) | ((this.select ?? 0) & 0xf)) >>> 0;
    if (this.select === wanted) return;
    this.select = wanted;
    void this.probe.writeDP(DpRegister.SELECT, wanted);
  }

  private readDPOn(probe: CmsisDapProbe, register: number): Promise<number> {
    this.selectDpBank(probe, register);
    return probe.readDP(register & 0x0c);
  }

  private writeDPOn(probe: CmsisDapProbe, register: number, value: number): Promise<void> {
    if ((register & 0x0c) === DpRegister.SELECT) this.select = value >>> 0;
    this.selectDpBank(probe, register);
    return probe.writeDP(register & 0x0c, value);
  }

  /** Reads a DP register named `bank << 4 | address` (see DpRegister). */
  readDP(register: number): Promise<number> {
    return this.guard(() => this.readDPOn(this.probe, register));
  }

  writeDP(register: number, value: number): Promise<void> {
    return this.guard(() => this.writeDPOn(this.probe, register, value));
  }

  /** Reads AP register `register` (0x00–0xFC) of the AP at `apsel`. */
  readAP(apsel: number, register: number): Promise<number> {
    return this.guard(() => {
      this.selectAp(apsel, register);
      return this.probe.readAP(register & 0x0c);
    });
  }

  writeAP(apsel: number, register: number, value: number): Promise<void> {
    return this.guard(() => {
      this.selectAp(apsel, register);
      return this.probe.writeAP(register & 0x0c, value);
    });
  }

  /** `count` reads of one AP register, packed into as few packets as fit. */
  readAPRepeated(apsel: number, register: number, count: number): Promise<Uint32Array> {
    return this.guard(() => {
      this.selectAp(apsel, register);
      return this.probe.readAPRepeated(register & 0x0c, count);
    });
  }

  writeAPRepeated(apsel: number, register: number, words: Uint32Array): Promise<void> {
    return this.guard(() => {
      this.selectAp(apsel, register);
      return this.probe.writeAPRepeated(register & 0x0c, words);
    });
  }

  /** Drops the power-up requests (ADIv5.2 B2.2.2) and sends DAP_Disconnect. */
  async disconnect(): Promise<void> {
    if (!this.lostError && !this.probe.failure) await this.writeDP(DpRegister.CTRL_STAT, 0).catch(() => undefined);
    await this.probe.disconnect().catch(() => undefined);
  }
}
