/**
 * Decodes DAP_Transfer / DAP_TransferBlock responses (runtime: plain Node) and hands each
 * queued access its value, or finds the access that failed (CMSIS-DAP v2.1 "DAP_Transfer").
 *
 * Attribution follows how a CMSIS-DAP probe executes SWD (ADIv5.2 B4.2): an AP read is posted,
 * so its data (or its fault) arrives with the next access or the closing RDBUFF read; a FAULT ACK
 * means a sticky flag was already set, i.e. an earlier AP access failed on the bus; the probe
 * closes a packet that wrote with an RDBUFF read to check the last write.
 */
import {
  DapCommand,
  TRANSFER_PROTOCOL_ERROR,
  TRANSFER_VALUE_MISMATCH,
  TransferAck,
  getU16,
  getU32,
} from './commands';
import {
  NoAckError,
  ProtocolError,
  TransferError,
  TransferFaultError,
  TransferWaitTimeoutError,
} from '../errors';
import { describeRequest, isAp, isRead, type TransferJob } from './transfer-jobs';
import type { Segment } from './transfer-packer';

export interface TransferOutcome {
  /** Accesses completed OK, in packet order, with their data for reads. */
  readonly completed: number;
  readonly error: TransferError | undefined;
}

/** Maps the response byte to the typed error of CMSIS-DAP "Transfer Response". */
export function ackError(ack: number, where: string, waitRetries: number): TransferError | undefined {
  if (ack & TRANSFER_PROTOCOL_ERROR) return new ProtocolError(`SWD protocol (parity) error on ${where}`);
  if (ack & TRANSFER_VALUE_MISMATCH) return new ProtocolError(`value mismatch on ${where}`);
  switch (ack & 0x07) {
    case TransferAck.Ok:
      return undefined;
    case TransferAck.Wait:
      return new TransferWaitTimeoutError(`target answered WAIT to ${where} after ${waitRetries} retries`);
    case TransferAck.Fault:
      return new TransferFaultError(`target answered FAULT to ${where} (sticky error flag set in the DP)`);
    case TransferAck.NoAck:
      return new NoAckError(`no ACK from the target on ${where} (not connected, not powered, or SWD not active)`);
    default:
      return new ProtocolError(`corrupted probe response: invalid ACK value ${ack & 0x07} for ${where}`);
  }
}

function flatten(segments: readonly Segment[]): number[] {
  const requests: number[] = [];
  for (const s of segments) for (let i = 0; i < s.count; i++) requests.push(s.job.request);
  return requests;
}

/** Gives each of the first `done` accesses of the packet its result. */
function complete(segments: readonly Segment[], done: number, values: readonly number[]): void {
  let index = 0;
  let value = 0;
  for (const { job, start, count } of segments) {
    for (let i = 0; i < count; i++, index++) {
      if (index >= done) return;
      if (isRead(job)) job.result![start + i] = values[value++]!;
      job.completed++;
    }
    finish(job);
  }
}

function finish(job: TransferJob): void {
  if (!job.settled && job.completed === job.count) {
    job.settled = true;
    job.resolve(job.result);
  }
}

function corrupted(message: string): TransferOutcome {
  return { completed: 0, error: new ProtocolError(`corrupted probe response: ${message}`) };
}

export function decodeTransfer(segments: readonly Segment[], response: Uint8Array, waitRetries: number): TransferOutcome {
  if (response.length < 3 || response[0] !== DapCommand.Transfer) {
    return corrupted(`expected DAP_Transfer (0x05), got ${response.length === 0 ? 'an empty packet' : `0x${response[0]!.toString(16)}`}`);
  }
  const requests = flatten(segments);
  const n = requests.length;
  const count = response[1]!;
  const ack = response[2]!;
  if (count > n) return corrupted(`DAP_Transfer reports ${count} transfers of ${n}`);
  const okAck = (ack & 0x1f) === TransferAck.Ok;
  if (okAck && count !== n) return corrupted(`DAP_Transfer stopped at ${count} of ${n} with ACK OK`);
  const postedLost = !okAck && count > 0 && isAp(requests[count - 1]!) && isRead(segmentJobAt(segments, count - 1));
  let reads = 0;
  for (let i = 0; i < count; i++) if (requests[i]! & 0x02) reads++;
  if (postedLost) reads--;
  if (response.length < 3 + 4 * reads) return corrupted(`DAP_Transfer response too short (${response.length} bytes for ${reads} values)`);
  const values: number[] = [];
  for (let i = 0; i < reads; i++) values.push(getU32(response, 3 + 4 * i));
  if (okAck) {
    complete(segments, n, values);
    return { completed: n, error: undefined };
  }
  const failed = failingIndex(requests, count, ack, postedLost);
  complete(segments, failed, values);
  const where = `${describeRequest(requests[failed]!)} (transfer ${failed + 1} of ${n} in DAP_Transfer)`;
  return { completed: failed, error: ackError(ack, where, waitRetries) };
}

function segmentJobAt(segments: readonly Segment[], index: number): TransferJob {
  let at = index;
  for (const s of segments) {
    if (at < s.count) return s.job;
    at -= s.count;
  }
  throw new RangeError(`transfer index ${index} outside the packet`);
}

function failingIndex(requests: readonly number[], count: number, ack: number, postedLost: boolean): number {
  if (postedLost) return count - 1;
  const n = requests.length;
  const lastApBefore = (end: number): number => {
    for (let i = end - 1; i >= 0; i--) if (isAp(requests[i]!)) return i;
    return -1;
  };
  if (count === n) {
    const ap = lastApBefore(n);
    return ap >= 0 ? ap : n - 1;
  }
  if ((ack & 0x07) === TransferAck.Fault && !(ack & TRANSFER_PROTOCOL_ERROR)) {
    const ap = lastApBefore(count);
    if (ap >= 0) return ap;
  }
  return count;
}

export function decodeTransferBlock(segment: Segment, response: Uint8Array, waitRetries: number): TransferOutcome {
  if (response.length < 4 || response[0] !== DapCommand.TransferBlock) {
    return corrupted(`expected DAP_TransferBlock (0x06), got ${response.length === 0 ? 'an empty packet' : `0x${response[0]!.toString(16)}`}`);
  }
  const n = segment.count;
  const count = getU16(response, 1);
  const ack = response[3]!;
  if (count > n) return corrupted(`DAP_TransferBlock reports ${count} transfers of ${n}`);
  const okAck = (ack & 0x1f) === TransferAck.Ok;
  if (okAck && count !== n) return corrupted(`DAP_TransferBlock stopped at ${count} of ${n} with ACK OK`);
  const read = isRead(segment.job);
  const words = read ? count : 0;
  if (response.length < 4 + 4 * words) return corrupted(`DAP_TransferBlock response too short (${response.length} bytes for ${words} values)`);
  const values: number[] = [];
  for (let i = 0; i < words; i++) values.push(getU32(response, 4 + 4 * i));
  if (okAck) {
    complete([segment], n, values);
    return { completed: n, error: undefined };
  }
  const failed = count === n ? n - 1 : count;
  complete([segment], failed, values);
  const where = `${describeRequest(segment.job.request)} (word ${failed + 1} of ${n} in DAP_TransferBlock)`;
  return { completed: failed, error: ackError(ack, where, waitRetries) };
}
