/**
 * Packs queued transfers into DAP_Transfer and DAP_TransferBlock packets (runtime: plain Node),
 * as many as fit the probe's packet size (CMSIS-DAP v2.1 "DAP_Transfer", "DAP_TransferBlock").
 *
 * DAP_Transfer: request `05 index count {req [data]}`, response `05 count ack {data}`.
 * DAP_TransferBlock: request `06 index count16 req {data}`, response `06 count16 ack {data}`.
 * A block run that fills a whole packet goes out as DAP_TransferBlock (4 bytes per word instead
 * of 5 for writes); the rest is mixed into DAP_Transfer so that, e.g., the TAR write at a 1 KiB
 * boundary rides in the same packet as the reads around it.
 */
import { DapCommand, putU16, putU32 } from './commands';
import { isRead, type Job, type TransferJob } from './transfer-jobs';

export interface Segment {
  readonly job: TransferJob;
  readonly start: number;
  readonly count: number;
}

export type Packet =
  | { readonly kind: 'command'; readonly bytes: Uint8Array; readonly job: Job & { kind: 'command' }; aborted: boolean }
  | { readonly kind: 'transfer' | 'block'; readonly bytes: Uint8Array; readonly segments: Segment[]; aborted: boolean };

/** DAP_Transfer carries at most 255 transfers (one-byte count). */
const MAX_TRANSFER_COUNT = 255;
const MAX_BLOCK_COUNT = 0xffff;

export function blockCapacity(packetSize: number, read: boolean): number {
  return Math.min(MAX_BLOCK_COUNT, Math.floor((packetSize - (read ? 4 : 5)) / 4));
}

/** Takes the next packet's worth of work from the head of `lane` (which must not be empty). */
export function buildPacket(lane: Job[], packetSize: number): Packet {
  const head = lane[0]!;
  if (head.kind === 'command') {
    lane.shift();
    return { kind: 'command', bytes: head.request, job: head, aborted: false };
  }
  const remaining = head.count - head.packed;
  const capacity = blockCapacity(packetSize, isRead(head));
  if (head.count > 1 && remaining >= capacity) return buildBlock(lane, head, capacity);
  return buildTransfer(lane, packetSize);
}

function buildBlock(lane: Job[], job: TransferJob, capacity: number): Packet {
  const count = Math.min(capacity, job.count - job.packed);
  const write = !isRead(job);
  const bytes = new Uint8Array(5 + (write ? 4 * count : 0));
  bytes[0] = DapCommand.TransferBlock;
  bytes[1] = 0;
  putU16(bytes, 2, count);
  bytes[4] = job.request;
  if (write) for (let i = 0; i < count; i++) putU32(bytes, 5 + 4 * i, job.data![job.packed + i]!);
  const segment = { job, start: job.packed, count };
  job.packed += count;
  if (job.packed === job.count) lane.shift();
  return { kind: 'block', bytes, segments: [segment], aborted: false };
}

function buildTransfer(lane: Job[], packetSize: number): Packet {
  const segments: Segment[] = [];
  let requestBytes = 3;
  let responseBytes = 3;
  let transfers = 0;
  while (lane.length > 0) {
    const job = lane[0]!;
    if (job.kind !== 'transfer') break;
    const read = isRead(job);
    const perRequest = read ? 1 : 5;
    const perResponse = read ? 4 : 0;
    let fit = job.count - job.packed;
    fit = Math.min(fit, MAX_TRANSFER_COUNT - transfers, Math.floor((packetSize - requestBytes) / perRequest));
    if (perResponse > 0) fit = Math.min(fit, Math.floor((packetSize - responseBytes) / perResponse));
    if (fit <= 0) break;
    segments.push({ job, start: job.packed, count: fit });
    job.packed += fit;
    transfers += fit;
    requestBytes += fit * perRequest;
    responseBytes += fit * perResponse;
    if (job.packed < job.count) break;
    lane.shift();
  }
  const bytes = new Uint8Array(requestBytes);
  bytes[0] = DapCommand.Transfer;
  bytes[1] = 0;
  bytes[2] = transfers;
  let at = 3;
  for (const { job, start, count } of segments) {
    for (let i = 0; i < count; i++) {
      bytes[at++] = job.request;
      if (!isRead(job)) {
        putU32(bytes, at, job.data![start + i]!);
        at += 4;
      }
    }
  }
  return { kind: 'transfer', bytes, segments, aborted: false };
}
