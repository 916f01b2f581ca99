/**
 * Core register transfers through DCRSR/DCRDR (ARMv7-M ARM C1.6.3, C1.6.4). A transfer is
 * complete when DHCSR.S_REGRDY reads one. A batch issues every register's accesses without
 * waiting for the previous ones (write DCRSR, read DHCSR, read DCRDR, ...), so the probe's packet
 * pipeline stays full; the DHCSR read that follows each DCRSR write proves S_REGRDY. A register
 * whose transfer was not ready by then is redone alone with a bounded poll.
 */
import type { MemoryInterface } from '../memory-interface';
import { pollUntil } from './bounded-poll';
import { MemoryFaultError } from './core-errors';
import { DCRDR, DCRSR, DHCSR, Dcrsr, Dhcsr } from './debug-registers';

export const REGISTER_TRANSFER_TIMEOUT_MS = 200;

async function waitRegReady(memory: MemoryInterface, regsel: number): Promise<void> {
  await pollUntil(() => memory.read32(DHCSR), (v) => (v & Dhcsr.S_REGRDY) !== 0, {
    timeoutMs: REGISTER_TRANSFER_TIMEOUT_MS,
    what: `DHCSR.S_REGRDY after core register transfer (REGSEL 0x${regsel.toString(16)})`,
  });
}

function wrap(error: unknown, address: number, purpose: string): never {
  if (error instanceof MemoryFaultError) throw error;
  throw new MemoryFaultError(address, purpose, { cause: error });
}

/** Reads the transfer registers `regsels` in order; values are unsigned 32-bit. */
export async function readTransferRegisters(memory: MemoryInterface, regsels: readonly number[]): Promise<number[]> {
  const pending = regsels.map((regsel) => {
    const select = memory.write32(DCRSR, regsel & Dcrsr.REGSEL_MASK);
    const status = memory.read32(DHCSR);
    const data = memory.read32(DCRDR);
    return { regsel, select, status, data };
  });
  const results: number[] = [];
  let firstError: unknown;
  for (const p of pending) {
    // Await every queued access, even after a failure, so none rejects unobserved.
    const settled = await Promise.allSettled([p.select, p.status, p.data]);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) {
      firstError ??= (failed as PromiseRejectedResult).reason;
      results.push(0);
      continue;
    }
    const status = (settled[1] as PromiseFulfilledResult<number>).value;
    const data = (settled[2] as PromiseFulfilledResult<number>).value;
    if (status & Dhcsr.S_REGRDY) {
      results.push(data >>> 0);
    } else {
      await memory.write32(DCRSR, p.regsel & Dcrsr.REGSEL_MASK);
      await waitRegReady(memory, p.regsel);
      results.push((await memory.read32(DCRDR)) >>> 0);
    }
  }
  if (firstError !== undefined) wrap(firstError, DCRSR, 'reading core registers through DCRSR/DCRDR');
  return results;
}

/** Writes `values[i]` to transfer register `regsels[i]`, in order. */
export async function writeTransferRegisters(
  memory: MemoryInterface,
  regsels: readonly number[],
  values: readonly number[],
): Promise<void> {
  const pending = regsels.map((regsel, i) => {
    const data = memory.write32(DCRDR, values[i]! >>> 0);
    const select = memory.write32(DCRSR, Dcrsr.REGWnR | (regsel & Dcrsr.REGSEL_MASK));
    const status = memory.read32(DHCSR);
    return { regsel, value: values[i]! >>> 0, data, select, status };
  });
  let firstError: unknown;
  for (const p of pending) {
    const settled = await Promise.allSettled([p.data, p.select, p.status]);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) {
      firstError ??= (failed as PromiseRejectedResult).reason;
      continue;
    }
    const status = (settled[2] as PromiseFulfilledResult<number>).value;
    if (!(status & Dhcsr.S_REGRDY)) {
      // The pipelined write may have overlapped an unfinished transfer: settle, then redo it alone.
      await waitRegReady(memory, p.regsel);
      await memory.write32(DCRDR, p.value);
      await memory.write32(DCRSR, Dcrsr.REGWnR | (p.regsel & Dcrsr.REGSEL_MASK));
      await waitRegReady(memory, p.regsel);
    }
  }
  if (firstError !== undefined) wrap(firstError, DCRSR, 'writing core registers through DCRSR/DCRDR');
}
