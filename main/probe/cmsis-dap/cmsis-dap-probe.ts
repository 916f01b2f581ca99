/**
 * A CMSIS-DAP probe driven over a DapTransport (runtime: plain Node). Implements the commands
 * of CMSIS-DAP v2.1 used for SWD debug: DAP_Info, DAP_Connect/Disconnect, DAP_SWJ_Clock,
 * DAP_SWJ_Sequence, DAP_SWJ_Pins, DAP_TransferConfigure, DAP_SWD_Configure, DAP_Transfer,
 * DAP_TransferBlock, DAP_WriteABORT, DAP_ResetTarget, DAP_Delay and DAP_ExecuteCommands.
 *
 * Register reads and writes are queued and resolved when their packet answers (see DapEngine),
 * so issuing many without awaiting each keeps up to Packet Count packets in flight.
 */
import { ProbeCommandError, ProtocolError, TransferFaultError, TransferWaitTimeoutError, type TransferError } from '../errors';
import type { DapTransport } from '../transport';
import { DAP_ERROR, DAP_OK, DapCommand, DapInfoId, DapPort, SwjPin, putU16, putU32, transferRequest } from './commands';
import { DapEngine, type TransferErrorListener } from './dap-engine';
import { STRING_INFO_IDS, decodeCapabilities, decodeNumber, decodeString, infoPayload, type DapInfo } from './dap-info';
import type { Lane } from './transfer-jobs';

export interface CmsisDapProbeOptions {
  /** Bound on each response wait; an unplugged probe fails after it. Default 2000 ms. */
  readonly responseTimeoutMs?: number;
}

export interface TransferSettings {
  /** Extra idle cycles after each transfer. */
  readonly idleCycles: number;
  /** How often the probe retries a transfer answered WAIT before reporting it. */
  readonly waitRetry: number;
  /** Retries of a value-match read. */
  readonly matchRetry: number;
}

/**
 * Called after a failed transfer once in-flight packets drained; gets a probe view that bypasses
 * the hold. If it rejects, work queued meanwhile fails with its (TransferError) reason.
 */
export type ProbeRecoveryHandler = (error: TransferError, probe: CmsisDapProbe) => Promise<void>;

const DEFAULT_TIMEOUT_MS = 2000;
/** DAP_Delay takes a 16-bit count of microseconds ("DAP_Delay"). */
const MAX_DELAY_US = 0xffff;

/** One command of an atomic sequence, with the size of its response (command ID included). */
interface AtomicPart {
  readonly request: Uint8Array;
  readonly responseLength: number;
  readonly name: string;
}

/**
 * A write's completion as Promise<void>. Writes are often queued without awaiting (a TAR write
 * before the DRW access that is awaited), so a rejection nobody waits for must not surface as an
 * unhandled rejection; whoever awaits the promise still gets the error.
 */
function settled(done: Promise<unknown>): Promise<void> {
  const result = done.then(() => undefined);
  result.catch(() => undefined);
  return result;
}

/** ABORT bits (ADIv5.2 B2.2.1): ORUNERRCLR, WDERRCLR, STKERRCLR, STKCMPCLR, and DAPABORT. */
export const ABORT_CLEAR_STICKY = 0x1e;
export const ABORT_DAPABORT = 0x01;

/** Default recovery: clear the sticky flags, and abort the stalled AP transaction after WAIT. */
async function clearStickyFlags(error: TransferError, probe: CmsisDapProbe): Promise<void> {
  if (error instanceof TransferFaultError) await probe.writeAbort(ABORT_CLEAR_STICKY);
  else if (error instanceof TransferWaitTimeoutError) await probe.writeAbort(ABORT_CLEAR_STICKY | ABORT_DAPABORT);
}

export class CmsisDapProbe {
  private constructor(
    readonly transport: DapTransport,
    private readonly engine: DapEngine,
    private readonly lane: Lane,
    private infoValue: DapInfo | undefined,
  ) {}

  /** Opens the driver on a transport and reads DAP_Info (packet size first, then the rest). */
  static async open(transport: DapTransport, options: CmsisDapProbeOptions = {}): Promise<CmsisDapProbe> {
    const engine = new DapEngine(transport, { responseTimeoutMs: options.responseTimeoutMs ?? DEFAULT_TIMEOUT_MS });
    if (transport.packetSize !== undefined) engine.configure({ packetSize: transport.packetSize });
    const probe = new CmsisDapProbe(transport, engine, 'normal', undefined);
    probe.infoValue = await probe.readInfo();
    transport.setPacketSize?.(probe.infoValue.packetSize);
    engine.configure({ packetSize: probe.infoValue.packetSize, packetCount: probe.infoValue.packetCount });
    probe.setRecoveryHandler(clearStickyFlags);
    return probe;
  }

  get info(): DapInfo {
    return this.infoValue!;
  }

  /** Set once the probe is unusable (unplugged, stopped answering). */
  get failure(): TransferError | undefined {
    return this.engine.failure;
  }

  private async readInfo(): Promise<DapInfo> {
    const sizePayload = await this.infoItem(DapInfoId.PacketSize);
    const packetSize = decodeNumber(sizePayload) ?? this.transport.packetSize ?? 64;
    this.engine.configure({ packetSize });
    const count = decodeNumber(await this.infoItem(DapInfoId.PacketCount)) ?? 1;
    const strings: Record<string, string | undefined> = {};
    for (const [key, id] of Object.entries(STRING_INFO_IDS)) strings[key] = decodeString(await this.infoItem(id));
    const capabilities = decodeCapabilities(await this.infoItem(DapInfoId.Capabilities));
    const timer = capabilities.testDomainTimer ? decodeNumber(await this.infoItem(DapInfoId.TestDomainTimer)) : undefined;
    const swo = capabilities.swoUart || capabilities.swoManchester ? decodeNumber(await this.infoItem(DapInfoId.SwoTraceBufferSize)) : undefined;
    return {
      vendor: strings.vendor,
      product: strings.product,
      serialNumber: strings.serialNumber,
      protocolVersion: strings.protocolVersion,
      firmwareVersion: strings.firmwareVersion,
      targetDeviceVendor: strings.targetDeviceVendor,
      targetDeviceName: strings.targetDeviceName,
      targetBoardVendor: strings.targetBoardVendor,
      targetBoardName: strings.targetBoardName,
      capabilities,
      testDomainTimerHz: timer,
      swoBufferSize: swo,
      packetCount: Math.max(1, count),
      packetSize,
    };
  }

  private async infoItem(id: number): Promise<Uint8Array> {
    return infoPayload(await this.command(new Uint8Array([DapCommand.Info, id]), 'DAP_Info'));
  }

  /** Sends one command packet and checks that the answer is for that command. */
  private async command(request: Uint8Array, name: string): Promise<Uint8Array> {
    const response = await this.engine.command(this.lane, request);
    if (response.length === 0 || response[0] !== request[0]) {
      if (response[0] === 0xff) throw new ProbeCommandError(`the probe does not implement ${name} (0x${request[0]!.toString(16)})`);
      throw new ProtocolError(`corrupted probe response to ${name}: got ${response.length === 0 ? 'an empty packet' : `command 0x${response[0]!.toString(16)}`}`);
    }
    return response;
  }

  private async statusCommand(request: Uint8Array, name: string): Promise<void> {
    const response = await this.command(request, name);
    if (response[1] === DAP_ERROR) throw new ProbeCommandError(`${name} failed (DAP_ERROR)`);
    if (response[1] !== DAP_OK) throw new ProtocolError(`corrupted probe response to ${name}: status 0x${(response[1] ?? 0).toString(16)}`);
  }

  /** DAP_Connect in SWD mode. */
  async connect(): Promise<void> {
    if (!this.info.capabilities.swd) throw new ProbeCommandError('the probe does not support SWD (DAP_Info capabilities)');
    const response = await this.command(new Uint8Array([DapCommand.Connect, DapPort.Swd]), 'DAP_Connect');
    if (response[1] !== DapPort.Swd) throw new ProbeCommandError('DAP_Connect to SWD failed: the probe answered port 0 (initialisation failed)');
  }

  async disconnect(): Promise<void> {
    await this.statusCommand(new Uint8Array([DapCommand.Disconnect]), 'DAP_Disconnect');
  }

  /** DAP_SWJ_Clock: SWCLK frequency in Hz. */
  async setClock(hz: number): Promise<void> {
    if (!Number.isInteger(hz) || hz <= 0 || hz > 0xffffffff) throw new RangeError(`SWD clock frequency ${hz} Hz is not a positive 32-bit integer`);
    const request = new Uint8Array(5);
    request[0] = DapCommand.SwjClock;
    putU32(request, 1, hz);
    await this.statusCommand(request, 'DAP_SWJ_Clock');
  }

  async transferConfigure(settings: TransferSettings): Promise<void> {
    const request = new Uint8Array(6);
    request[0] = DapCommand.TransferConfigure;
    request[1] = settings.idleCycles;
    putU16(request, 2, settings.waitRetry);
    putU16(request, 4, settings.matchRetry);
    await this.statusCommand(request, 'DAP_TransferConfigure');
    this.engine.configure({ waitRetries: settings.waitRetry });
  }

  /** DAP_SWD_Configure: turnaround period (1–4 cycles) and whether a data phase follows WAIT/FAULT. */
  async swdConfigure(turnaround = 1, dataPhase = false): Promise<void> {
    if (turnaround < 1 || turnaround > 4) throw new RangeError(`SWD turnaround ${turnaround} is not 1..4 cycles`);
    await this.statusCommand(new Uint8Array([DapCommand.SwdConfigure, (turnaround - 1) | (dataPhase ? 0x04 : 0)]), 'DAP_SWD_Configure');
  }

  /** DAP_SWJ_Sequence: `bitCount` bits of `bits` on SWDIO/TMS, least significant bit first. */
  async swjSequence(bitCount: number, bits: bigint): Promise<void> {
    let remaining = bitCount;
    let value = bits;
    while (remaining > 0) {
      const count = Math.min(256, remaining);
      const bytes = Math.ceil(count / 8);
      const request = new Uint8Array(2 + bytes);
      request[0] = DapCommand.SwjSequence;
      request[1] = count & 0xff;
      for (let i = 0; i < bytes; i++) {
        request[2 + i] = Number(value & 0xffn);
        value >>= 8n;
      }
      await this.statusCommand(request, 'DAP_SWJ_Sequence');
      remaining -= count;
    }
  }

  /** DAP_SWJ_Pins: drives the selected pins and returns the pin input levels. */
  async swjPins(output: number, select: number, waitUs = 0): Promise<number> {
    const request = new Uint8Array(7);
    request[0] = DapCommand.SwjPins;
    request[1] = output;
    request[2] = select;
    putU32(request, 3, waitUs);
    const response = await this.command(request, 'DAP_SWJ_Pins');
    return response[1] ?? 0;
  }

  /** Drives nRESET low (asserted) or releases it. */
  async setNReset(asserted: boolean): Promise<void> {
    await this.swjPins(asserted ? 0 : SwjPin.nReset, SwjPin.nReset);
  }

  /**
   * Holds nRESET low for `pulseUs` microseconds, timed by the probe: DAP_SWJ_Pins (assert),
   * DAP_Delay, DAP_SWJ_Pins (release). A probe with atomic commands (DAP_Info capabilities bit 4)
   * gets them in one DAP_ExecuteCommands packet, so host and USB latency can neither stretch the
   * pulse nor leave the line asserted between packets; others get them one by one.
   */
  async pulseNReset(pulseUs: number): Promise<void> {
    const pins = (asserted: boolean): AtomicPart => {
      const request = new Uint8Array(7);
      request[0] = DapCommand.SwjPins;
      request[1] = asserted ? 0 : SwjPin.nReset;
      request[2] = SwjPin.nReset;
      return { request, responseLength: 2, name: 'DAP_SWJ_Pins' };
    };
    const delays: AtomicPart[] = [];
    for (let left = Math.max(1, Math.round(pulseUs)); left > 0; left -= MAX_DELAY_US) {
      const request = new Uint8Array(3);
      request[0] = DapCommand.Delay;
      putU16(request, 1, Math.min(left, MAX_DELAY_US));
      delays.push({ request, responseLength: 2, name: 'DAP_Delay' });
    }
    const parts = [pins(true), ...delays, pins(false)];
    const packed = 2 + parts.reduce((n, p) => n + p.request.length, 0);
    if (this.info.capabilities.atomicCommands && packed <= this.info.packetSize && parts.length <= 0xff) {
      const responses = await this.executeCommands(parts);
      responses.forEach((response, i) => {
        if (parts[i]!.request[0] === DapCommand.Delay && response[1] !== DAP_OK) throw new ProbeCommandError('DAP_Delay failed (DAP_ERROR)');
      });
      return;
    }
    for (const part of parts) {
      if (part.request[0] === DapCommand.Delay) await this.statusCommand(part.request, part.name);
      else await this.command(part.request, part.name);
    }
  }

  /**
   * DAP_ExecuteCommands: `parts` in one packet, run by the probe back to back; returns each
   * command's response, split by the lengths the parts declare.
   */
  private async executeCommands(parts: readonly AtomicPart[]): Promise<Uint8Array[]> {
    const request = new Uint8Array(2 + parts.reduce((n, p) => n + p.request.length, 0));
    request[0] = DapCommand.ExecuteCommands;
    request[1] = parts.length;
    let offset = 2;
    for (const part of parts) {
      request.set(part.request, offset);
      offset += part.request.length;
    }
    const response = await this.command(request, 'DAP_ExecuteCommands');
    if (response[1] !== parts.length) {
      throw new ProtocolError(`corrupted probe response to DAP_ExecuteCommands: ${response[1] ?? 0} of ${parts.length} commands answered`);
    }
    const responses: Uint8Array[] = [];
    offset = 2;
    for (const part of parts) {
      const one = response.subarray(offset, offset + part.responseLength);
      if (one.length !== part.responseLength || one[0] !== part.request[0]) {
        throw new ProtocolError(`corrupted probe response to ${part.name} inside DAP_ExecuteCommands`);
      }
      responses.push(one);
      offset += part.responseLength;
    }
    return responses;
  }

  /** DAP_ResetTarget: the probe's device-specific reset sequence; false if it has none. */
  async resetTarget(): Promise<boolean> {
    const response = await this.command(new Uint8Array([DapCommand.ResetTarget]), 'DAP_ResetTarget');
    if (response[1] === DAP_ERROR) throw new ProbeCommandError('DAP_ResetTarget failed (DAP_ERROR)');
    return response[2] === 1;
  }

  /** DAP_WriteABORT: writes the DP ABORT register (ADIv5.2 B2.2.1). */
  async writeAbort(value: number): Promise<void> {
    const request = new Uint8Array(6);
    request[0] = DapCommand.WriteAbort;
    request[1] = 0;
    putU32(request, 2, value);
    await this.statusCommand(request, 'DAP_WriteABORT');
  }

  /** Reads DP register at A[3:2] = `address` (0x0, 0x4, 0x8, 0xC); bank selection is the caller's. */
  async readDP(address: number): Promise<number> {
    return (await this.engine.transfer(this.lane, transferRequest(false, true, address), 1, undefined))![0]!;
  }

  writeDP(address: number, value: number): Promise<void> {
    return settled(this.engine.transfer(this.lane, transferRequest(false, false, address), 1, Uint32Array.of(value)));
  }

  /** Reads the AP register at A[3:2] = `address` of the AP/bank selected in DP SELECT. */
  async readAP(address: number): Promise<number> {
    return (await this.engine.transfer(this.lane, transferRequest(true, true, address), 1, undefined))![0]!;
  }

  writeAP(address: number, value: number): Promise<void> {
    return settled(this.engine.transfer(this.lane, transferRequest(true, false, address), 1, Uint32Array.of(value)));
  }

  /** `count` reads of one AP register (DRW with auto-increment, or a FIFO). */
  async readAPRepeated(address: number, count: number): Promise<Uint32Array> {
    if (count === 0) return new Uint32Array(0);
    return (await this.engine.transfer(this.lane, transferRequest(true, true, address), count, undefined))!;
  }

  writeAPRepeated(address: number, words: Uint32Array): Promise<void> {
    if (words.length === 0) return Promise.resolve();
    return settled(this.engine.transfer(this.lane, transferRequest(true, false, address), words.length, words));
  }

  /** Called synchronously when a transfer fails, before anything else is sent (cache invalidation). */
  onTransferError(listener: TransferErrorListener): () => void {
    return this.engine.onTransferError(listener);
  }

  /**
   * Replaces the recovery run after a failed transfer. The default writes ABORT to clear the
   * sticky flags (and DAPABORT after WAIT) so the next access can succeed; `undefined` runs none.
   */
  setRecoveryHandler(handler: ProbeRecoveryHandler | undefined): void {
    const recoveryView = new CmsisDapProbe(this.transport, this.engine, 'recovery', this.infoValue);
    this.engine.setRecoveryHandler(handler ? (error) => handler(error, recoveryView) : undefined);
  }

  /** DAP_Disconnect (best effort) and closes the transport. */
  async close(): Promise<void> {
    if (!this.engine.failure) await this.disconnect().catch(() => undefined);
    await this.transport.close();
  }
}
