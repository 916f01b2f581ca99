/**
 * Work items of the CMSIS-DAP command pipeline (runtime: plain Node): raw commands, single
 * register transfers and repeated (block) transfers, each settled once when its packet answers.
 */
import type { TransferError } from '../errors';

export type Lane = 'normal' | 'recovery';

interface JobBase {
  readonly lane: Lane;
  settled: boolean;
  reject(error: Error): void;
}

/** One command packet of its own (DAP_Info, DAP_SWJ_Sequence, DAP_WriteABORT, ...). */
export interface CommandJob extends JobBase {
  readonly kind: 'command';
  readonly request: Uint8Array;
  resolve(response: Uint8Array): void;
}

/**
 * `count` accesses of one DP/AP register with the same request byte: a single transfer when
 * count is 1, otherwise a block that the packer spreads over DAP_Transfer and DAP_TransferBlock.
 */
export interface TransferJob extends JobBase {
  readonly kind: 'transfer';
  readonly request: number;
  readonly count: number;
  /** Values to write (writes only). */
  readonly data: Uint32Array | undefined;
  /** Values read so far (reads only). */
  readonly result: Uint32Array | undefined;
  /** Elements already placed into packets. */
  packed: number;
  /** Elements whose packet answered OK. */
  completed: number;
  resolve(result: Uint32Array | undefined): void;
}

export type Job = CommandJob | TransferJob;

export function isRead(job: TransferJob): boolean {
  return (job.request & 0x02) !== 0;
}

export function isAp(request: number): boolean {
  return (request & 0x01) !== 0;
}

export function describeRequest(request: number): string {
  const port = request & 0x01 ? 'AP' : 'DP';
  const dir = request & 0x02 ? 'read' : 'write';
  return `${port} ${dir} of register 0x${(request & 0x0c).toString(16).toUpperCase()}`;
}

export function settleReject(job: Job, error: TransferError | Error): void {
  if (job.settled) return;
  job.settled = true;
  job.reject(error);
}
