import { type ElfImage, symbolAddress } from './elf-image';
import { CORE_REGISTERS, type RegisterFile, type RegisterName, exceptionNumber, formatSideBySide } from './register-file';

/**
 * Runs one corpus program on two targets in lock step and compares registers after every step.
 *
 * Rules, each tied to a fact about the targets rather than to a result:
 * - Until QEMU's PC reaches the start-up label `registers_defined`, R0-R12, LR and the APSR flag
 *   bits (N Z C V Q, GE) are not compared: TakeReset (ARMv7-M B1.5.5, ARMv6-M B1.5.5) leaves them
 *   UNKNOWN, and QEMU happens to reset them to 0 with Z set. The start-up code writes all of them
 *   first. SP, PC, the EPSR/IPSR bits of xPSR and the system registers are compared from reset.
 * - QEMU's gdbstub folds an exception entry into the step that caused it: the step over an SVC,
 *   a faulting instruction, or an exception return that tail-chains stops at the first
 *   instruction of the handler. Our core's step is one instruction or one exception entry. So
 *   when QEMU's step ended by entering an exception (IPSR changed to a non-zero number and PC is
 *   that exception's vector) and our registers do not match yet, our core is stepped once more
 *   (the entry) before comparing. Entries that QEMU shows as a step of their own (a pended
 *   PendSV or interrupt becoming active) need no such help.
 */

/** Either side of the comparison. */
export interface LockstepTarget {
  step(): Promise<void> | void;
  readRegisters(): Promise<RegisterFile> | RegisterFile;
  /** Messages the target logged (our core's guest-error log), printed with a divergence. */
  readonly log?: readonly string[];
}

export interface LockstepProgram {
  /** Printed in messages, e.g. 'v7m/arith-flags'. */
  readonly label: string;
  readonly fileName: string;
  readonly image: ElfImage;
  /** Reads one halfword of the loaded program (for printing the instruction that diverged). */
  readonly readHalfword: (address: number) => number;
  /** Reads one word of the loaded program (the vector table). */
  readonly readWord: (address: number) => number;
}

export interface LockstepOptions {
  readonly maxSteps: number;
  /** Registers both sides show; the rest are printed but not compared. */
  readonly compared: ReadonlySet<RegisterName>;
}

export interface LockstepResult {
  /** QEMU steps taken until the program reached `test_done`. */
  readonly steps: number;
  /** How many QEMU steps included an exception entry that took our core a step of its own. */
  readonly foldedEntries: number;
}

/** Thrown at the first divergence; the message holds the instruction and both register files. */
export class DivergenceError extends Error {}

const UNKNOWN_AT_RESET: ReadonlySet<RegisterName> = new Set(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'lr']);
/** xPSR bits defined at reset: T (24) and IPSR; ICI/IT are zero too. APSR N Z C V Q and GE are UNKNOWN. */
const XPSR_DEFINED_AT_RESET = 0x07f0ffff;

function differences(ours: RegisterFile, qemu: RegisterFile, compared: ReadonlySet<RegisterName>, defined: boolean): RegisterName[] {
  const out: RegisterName[] = [];
  for (const name of compared) {
    if (!defined && UNKNOWN_AT_RESET.has(name)) continue;
    let a = ours[name];
    let b = qemu[name];
    if (!defined && name === 'xpsr' && a !== undefined && b !== undefined) {
      a &= XPSR_DEFINED_AT_RESET;
      b &= XPSR_DEFINED_AT_RESET;
    }
    if (a !== b) out.push(name);
  }
  return out;
}

const hex8 = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;

export async function runLockstep(ours: LockstepTarget, qemu: LockstepTarget, program: LockstepProgram, options: LockstepOptions): Promise<LockstepResult> {
  const done = symbolAddress(program.image, 'test_done', program.fileName);
  const registersDefined = symbolAddress(program.image, 'registers_defined', program.fileName);
  const defaultHandler = symbolAddress(program.image, 'Default_Handler', program.fileName);
  const vector = (exception: number): number => (program.readWord(4 * exception) & ~1) >>> 0;

  let q = await qemu.readRegisters();
  let o = await ours.readRegisters();
  let defined = false;
  const fail = (step: number, before: RegisterFile | undefined, what: string): never => {
    const pc = before?.pc;
    const where =
      pc === undefined
        ? 'at reset'
        : `after step ${step}, the instruction at ${hex8(pc)} (halfwords ${program.readHalfword(pc).toString(16).padStart(4, '0')} ${program
            .readHalfword(pc + 2)
            .toString(16)
            .padStart(4, '0')})`;
    const log = ours.log !== undefined && ours.log.length > 0 ? `\nour core's log (last ${Math.min(5, ours.log.length)}):\n${ours.log.slice(-5).join('\n')}` : '';
    throw new DivergenceError(`${program.label}: ${what} ${where}:\n${formatSideBySide(before ?? {}, o, q, options.compared)}${log}`);
  };
  const firstDiffs = differences(o, q, options.compared, defined);
  if (firstDiffs.length > 0) fail(0, undefined, `registers differ (${firstDiffs.join(', ')})`);

  let foldedEntries = 0;
  for (let step = 1; step <= options.maxSteps; step++) {
    const before = q;
    await qemu.step();
    await ours.step();
    q = await qemu.readRegisters();
    o = await ours.readRegisters();
    if (q.pc === registersDefined) defined = true;
    let diffs = differences(o, q, options.compared, defined);
    const qemuException = exceptionNumber(q.xpsr ?? 0);
    const qemuEntered = qemuException !== 0 && qemuException !== exceptionNumber(before.xpsr ?? 0) && q.pc === vector(qemuException);
    if (diffs.length > 0 && qemuEntered) {
      await ours.step();
      o = await ours.readRegisters();
      diffs = differences(o, q, options.compared, defined);
      foldedEntries++;
    }
    if (diffs.length > 0) fail(step, before, `first divergence (${diffs.join(', ')})`);
    if (q.pc === done) return { steps: step, foldedEntries };
    if (q.pc === defaultHandler) {
      throw new Error(`${program.label}: the program entered Default_Handler (exception ${exceptionNumber(q.xpsr ?? 0)}) at step ${step}: a corpus program error`);
    }
  }
  throw new Error(`${program.label}: did not reach test_done within ${options.maxSteps} steps (QEMU's PC is ${hex8(q.pc ?? 0)})`);
}

/** The core registers QEMU shows plus whatever system registers its target description adds. */
export function comparedRegisters(qemuShows: ReadonlySet<RegisterName>): Set<RegisterName> {
  const set = new Set<RegisterName>();
  for (const name of qemuShows) set.add(name);
  for (const name of CORE_REGISTERS) if (!qemuShows.has(name)) throw new Error(`QEMU does not show ${name}`);
  return set;
}
