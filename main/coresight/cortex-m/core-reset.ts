/**
 * The reset procedures (see reset-type.ts for what each type means). System and local resets are
 * requested, then DHCSR.S_RESET_ST (sticky, ARMv7-M ARM C1.6.2) is watched: it must be seen set
 * (the reset happened) and later clear (the core has left reset). Accesses may fault while the
 * system resets, so errors are tolerated inside the bounded polls.
 */
import type { MemoryInterface } from '../memory-interface';
import { pollUntil } from './bounded-poll';
import { CoreUnsupportedError, MemoryFaultError } from './core-errors';
import { AIRCR, Aircr, DHCSR, Dhcsr, VTOR } from './debug-registers';
import type { HardwareResetLine } from './hardware-reset-line';
import { writeTransferRegisters } from './register-transfer';
import { ResetType } from './reset-type';

export const RESET_TIMEOUT_MS = 2000;
/** nRESET low time. Vendor minimums are microseconds (nRF52840 PS "Pin reset", STM32L0 NRST). */
export const RESET_PULSE_MS = 5;

/** Transfer-register numbers used by the emulated reset (ARMv7-M ARM C1.6.3). */
const REGSEL = { lr: 14, pc: 15, xpsr: 16, msp: 17, cfbp: 0x14 } as const;
const XPSR_T = 1 << 24;

export interface ResetContext {
  readonly memory: MemoryInterface;
  readonly resetLine?: HardwareResetLine;
  readonly baseline: boolean;
  readonly timeoutMs?: number;
}

/** Resolves `sw` to the software reset it stands for and VECTRESET on cores without it. */
export function effectiveResetType(type: ResetType, baseline: boolean): ResetType {
  if (type === ResetType.Sw) return ResetType.SwSysresetreq;
  if (type === ResetType.SwVectreset && baseline) return ResetType.SwEmulated;
  return type;
}

async function requestReset(context: ResetContext, type: ResetType): Promise<void> {
  const { memory } = context;
  switch (type) {
    case ResetType.Hw: {
      const line = context.resetLine;
      if (!line) throw new CoreUnsupportedError('A hardware reset needs the probe nRESET line, and this connection has none');
      await line.pulseReset(RESET_PULSE_MS);
      return;
    }
    case ResetType.SwSysresetreq:
    case ResetType.SwVectreset: {
      const bit = type === ResetType.SwSysresetreq ? Aircr.SYSRESETREQ : Aircr.VECTRESET;
      // The write can be cut short by the reset it causes; a fault here is expected (B3.2.6).
      await memory.write32(AIRCR, Aircr.VECTKEY | bit).catch(() => undefined);
      return;
    }
    default:
      throw new CoreUnsupportedError(`Reset type "${type}" is not a reset signal`);
  }
}

/** Performs a reset by signal (hw, SYSRESETREQ, VECTRESET) and waits until the core is out of it. */
export async function resetBySignal(context: ResetContext, type: ResetType): Promise<void> {
  const timeoutMs = context.timeoutMs ?? RESET_TIMEOUT_MS;
  // Clear a stale S_RESET_ST so the next one seen belongs to this reset.
  await context.memory.read32(DHCSR).catch(() => undefined);
  await requestReset(context, type);
  let seen = false;
  await pollUntil(
    () => context.memory.read32(DHCSR),
    (dhcsr) => {
      if (dhcsr & Dhcsr.S_RESET_ST) {
        seen = true;
        return false;
      }
      return seen;
    },
    { timeoutMs, what: `the core to go through reset (${type}) as DHCSR.S_RESET_ST reports`, tolerateErrors: true },
  );
}

/**
 * The documented software reset (reset-type.ts): loads the reset register values from the vector
 * table. The core must already be halted.
 */
export async function applyEmulatedReset(context: ResetContext): Promise<{ pc: number; sp: number }> {
  const { memory } = context;
  // VTOR is optional on ARMv6-M (RAZ or absent); a fault means the table is at 0.
  const vtor = ((await memory.read32(VTOR).catch(() => 0)) & 0xffffff80) >>> 0;
  let sp: number;
  let resetVector: number;
  try {
    sp = await memory.read32(vtor);
    resetVector = await memory.read32(vtor + 4);
  } catch (error) {
    throw new MemoryFaultError(vtor, 'reading the vector table for an emulated reset', { cause: error });
  }
  const pc = (resetVector & ~1) >>> 0;
  await writeTransferRegisters(
    memory,
    [REGSEL.cfbp, REGSEL.msp, REGSEL.lr, REGSEL.pc, REGSEL.xpsr],
    [0, (sp & ~3) >>> 0, 0xffffffff, pc, resetVector & 1 ? XPSR_T : 0],
  );
  return { pc, sp: (sp & ~3) >>> 0 };
}
