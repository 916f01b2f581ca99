/**
 * The CMSIS-DAP packet pipeline (runtime: plain Node).
 *
 * Work is queued in order and packed into packets of at most the probe's packet size; up to
 * the probe's packet count are in flight at once (CMSIS-DAP v2.1 "DAP_Info": Packet Count), so
 * USB and SWD stay busy while the host prepares the next packets. Every packet is one USB
 * transfer, and responses are matched to commands in order.
 *
 * When a transfer fails, everything queued before the failure was seen is rejected with that
 * error (a later access may depend on an earlier one, e.g. DRW after TAR), listeners invalidate
 * their register caches synchronously, and once the packets still in flight have drained a
 * recovery handler runs on its own lane before queued work continues.
 */
import { ProbeDisconnectedError, TransferError } from '../errors';
import { decodeTransfer, decodeTransferBlock, type TransferOutcome } from './transfer-response';
import { buildPacket, type Packet } from './transfer-packer';
import { settleReject, type Job, type Lane, type TransferJob } from './transfer-jobs';
import type { DapTransport } from '../transport';

export type RecoveryHandler = (error: TransferError) => Promise<void>;
export type TransferErrorListener = (error: TransferError) => void;

export interface DapEngineOptions {
  /** Bound on the wait for each response; the probe is given up after it. */
  readonly responseTimeoutMs: number;
}

export class DapEngine {
  private packetSize = 64;
  private packetCount = 1;
  private waitRetries = 0;
  private readonly lanes: Record<Lane, Job[]> = { normal: [], recovery: [] };
  private readonly inFlight: Packet[] = [];
  private paused = false;
  private recoveryDue: TransferError | undefined;
  private dead: TransferError | undefined;
  private pumpScheduled = false;
  private writeChain: Promise<void> = Promise.resolve();
  private readChain: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<TransferErrorListener>();
  private recovery: RecoveryHandler | undefined;

  constructor(
    private readonly transport: DapTransport,
    private readonly options: DapEngineOptions,
  ) {}

  /** Applies DAP_Info packet size/count and the WAIT retry count (for error messages). */
  configure(settings: { packetSize?: number; packetCount?: number; waitRetries?: number }): void {
    if (settings.packetSize !== undefined) this.packetSize = settings.packetSize;
    if (settings.packetCount !== undefined) this.packetCount = Math.max(1, settings.packetCount);
    if (settings.waitRetries !== undefined) this.waitRetries = settings.waitRetries;
  }

  get limits(): { packetSize: number; packetCount: number } {
    return { packetSize: this.packetSize, packetCount: this.packetCount };
  }

  /** Set once the probe is unusable (unplugged, timed out); every later call rejects with it. */
  get failure(): TransferError | undefined {
    return this.dead;
  }

  onTransferError(listener: TransferErrorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setRecoveryHandler(handler: RecoveryHandler | undefined): void {
    this.recovery = handler;
  }

  command(lane: Lane, request: Uint8Array): Promise<Uint8Array> {
    return this.enqueue<Uint8Array>(lane, (resolve, reject) => ({ kind: 'command', lane, request, settled: false, resolve, reject }));
  }

  transfer(lane: Lane, request: number, count: number, data: Uint32Array | undefined): Promise<Uint32Array | undefined> {
    return this.enqueue<Uint32Array | undefined>(lane, (resolve, reject) => {
      const job: TransferJob = {
        kind: 'transfer',
        lane,
        request,
        count,
        data,
        result: request & 0x02 ? new Uint32Array(count) : undefined,
        packed: 0,
        completed: 0,
        settled: false,
        resolve,
        reject,
      };
      return job;
    });
  }

  private enqueue<T>(lane: Lane, make: (resolve: (v: T) => void, reject: (e: Error) => void) => Job): Promise<T> {
    const promise = new Promise<T>((resolve, reject) => {
      if (this.dead) {
        reject(this.dead);
        return;
      }
      this.lanes[lane].push(make(resolve as (v: unknown) => void, reject));
    });
    // Callers that queue a write and await only a later read must not leave an unhandled rejection;
    // whoever awaits this promise still sees the error.
    promise.catch(() => undefined);
    this.schedulePump();
    return promise;
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (!this.dead && this.inFlight.length < this.packetCount) {
      const lane = this.lanes.recovery.length > 0 ? this.lanes.recovery : !this.paused && this.lanes.normal.length > 0 ? this.lanes.normal : undefined;
      if (lane === undefined) return;
      this.send(buildPacket(lane, this.packetSize));
    }
  }

  private send(packet: Packet): void {
    this.inFlight.push(packet);
    const written = this.writeChain.then(() => this.transport.write(packet.bytes));
    this.writeChain = written.then(
      () => undefined,
      () => undefined,
    );
    this.readChain = this.readChain
      .then(async () => {
        if (this.dead) return;
        await written;
        const response = await this.transport.read(this.options.responseTimeoutMs);
        if (!this.dead) this.receive(response);
      })
      .catch((error: unknown) => this.die(error));
  }

  private receive(response: Uint8Array): void {
    const packet = this.inFlight.shift()!;
    if (!packet.aborted) {
      if (packet.kind === 'command') {
        packet.job.settled = true;
        packet.job.resolve(response);
      } else {
        const outcome: TransferOutcome =
          packet.kind === 'block'
            ? decodeTransferBlock(packet.segments[0]!, response, this.waitRetries)
            : decodeTransfer(packet.segments, response, this.waitRetries);
        if (outcome.error) this.transferFailed(packet, outcome.error);
      }
    }
    this.afterResponse();
  }

  private transferFailed(packet: Packet & { kind: 'transfer' | 'block' }, error: TransferError): void {
    const lane: Lane = packet.segments[0]!.job.lane;
    for (const s of packet.segments) settleReject(s.job, error);
    for (const later of this.inFlight) {
      later.aborted = true;
      if (later.kind === 'command') settleReject(later.job, error);
      else for (const s of later.segments) settleReject(s.job, error);
    }
    for (const job of this.lanes[lane].splice(0)) settleReject(job, error);
    if (lane === 'recovery') return;
    for (const listener of this.listeners) listener(error);
    this.paused = true;
    this.recoveryDue = error;
  }

  private afterResponse(): void {
    if (this.recoveryDue && this.inFlight.length === 0) {
      const error = this.recoveryDue;
      this.recoveryDue = undefined;
      void this.runRecovery(error);
      return;
    }
    this.pump();
  }

  private async runRecovery(error: TransferError): Promise<void> {
    try {
      if (this.recovery) await this.recovery(error);
    } catch (failure) {
      // Work queued while recovery ran assumed a usable link: it fails with the reason instead.
      const reason = failure instanceof TransferError ? failure : error;
      for (const job of this.lanes.normal.splice(0)) settleReject(job, reason);
    }
    this.paused = false;
    this.pump();
  }

  /** Later responses could no longer be matched to commands: the probe has to be reopened. */
  private die(cause: unknown): void {
    if (this.dead) return;
    this.dead =
      cause instanceof TransferError ? cause : new ProbeDisconnectedError(`probe connection failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    for (const packet of this.inFlight.splice(0)) {
      if (packet.kind === 'command') settleReject(packet.job, this.dead);
      else for (const s of packet.segments) settleReject(s.job, this.dead);
    }
    for (const lane of ['recovery', 'normal'] as const) for (const job of this.lanes[lane].splice(0)) settleReject(job, this.dead);
    for (const listener of this.listeners) listener(this.dead);
  }
}
