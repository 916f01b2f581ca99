import { describe, expect, it } from 'vitest';
import type { ElfImage } from './elf-image';
import { DivergenceError, type LockstepProgram, type LockstepTarget, runLockstep } from './lockstep';
import type { RegisterFile, RegisterName } from './register-file';

/** A target that plays back a fixed sequence of register files, one per step. */
class ScriptedTarget implements LockstepTarget {
  private index = 0;
  steps = 0;
  constructor(
    private readonly files: RegisterFile[],
    readonly log: string[] = [],
  ) {}
  step(): void {
    this.index = Math.min(this.index + 1, this.files.length - 1);
    this.steps++;
  }
  readRegisters(): RegisterFile {
    return { ...this.files[this.index]! };
  }
}

const DEFINED = 0x100;
const DONE = 0x200;
const DEFAULT_HANDLER = 0x300;
const SVC_HANDLER = 0x400;
const image: ElfImage = {
  entry: 0x81,
  segments: [],
  symbols: new Map([
    ['registers_defined', DEFINED],
    ['test_done', DONE | 1],
    ['Default_Handler', DEFAULT_HANDLER | 1],
  ]),
};
const program: LockstepProgram = {
  label: 'unit/scripted',
  fileName: 'scripted.elf',
  image,
  readHalfword: (address) => (address === 0x104 ? 0xdf05 : 0xbf00),
  readWord: (address) => (address === 4 * 11 ? SVC_HANDLER | 1 : 0),
};
const compared = new Set<RegisterName>(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc', 'xpsr']);

const base = (pc: number, extra: RegisterFile = {}): RegisterFile => ({
  r0: 0, r1: 1, r2: 2, r3: 3, r4: 4, r5: 5, r6: 6, r7: 7, r8: 8, r9: 9, r10: 10, r11: 11, r12: 12,
  sp: 0x20001000, lr: 0xffffffff, pc, xpsr: 0x01000000, ...extra,
});

describe('runLockstep', () => {
  it('steps both targets until QEMU reaches test_done and counts the steps', async () => {
    const files = [base(0x80), base(DEFINED), base(0x102), base(DONE)];
    const result = await runLockstep(new ScriptedTarget(files), new ScriptedTarget(files), program, { maxSteps: 10, compared });
    expect(result).toEqual({ steps: 3, foldedEntries: 0 });
  });

  it('reports the first divergence with the instruction address, its halfwords and both register files', async () => {
    const qemu = [base(0x80), base(DEFINED), base(0x104), base(0x106, { r3: 0x33 }), base(DONE)];
    const ours = [base(0x80), base(DEFINED), base(0x104), base(0x106, { r3: 0x44 }), base(DONE)];
    const run = runLockstep(new ScriptedTarget(ours), new ScriptedTarget(qemu), program, { maxSteps: 10, compared });
    await expect(run).rejects.toBeInstanceOf(DivergenceError);
    await expect(runLockstep(new ScriptedTarget(ours), new ScriptedTarget(qemu), program, { maxSteps: 10, compared })).rejects.toThrow(
      /unit\/scripted: first divergence \(r3\) after step 3, the instruction at 0x00000104 \(halfwords df05 bf00\):\n.*\nr0 .*\n(.*\n)*r3 +0x00000003 {3}0x00000044 {2}0x00000033 {2}<== differs/,
    );
  });

  it("appends our core's log to the divergence report", async () => {
    const qemu = [base(DEFINED), base(0x106)];
    const ours = new ScriptedTarget([base(DEFINED), base(0x300, { xpsr: 0x01000003 })], ['UNDEFINED instruction 0xb902 at 0x00000104']);
    await expect(runLockstep(ours, new ScriptedTarget(qemu), program, { maxSteps: 10, compared })).rejects.toThrow(
      "our core's log (last 1):\nUNDEFINED instruction 0xb902 at 0x00000104",
    );
  });

  it('ignores R0-R12, LR and the APSR flags until registers_defined, and compares them after', async () => {
    const qemu = [base(0x80, { r0: 0, lr: 0xffffffff, xpsr: 0x41000000 }), base(DEFINED, { r5: 99 }), base(DONE, { r5: 99 })];
    const ours = [base(0x80, { r0: 0xdead, lr: 0x1234, xpsr: 0x01000000 }), base(0x82, { r5: 98 }), base(DONE, { r5: 99 })];
    const ok = [base(0x80, { r0: 0xdead, lr: 0x1234, xpsr: 0x01000000 }), base(DEFINED, { r5: 99 }), base(DONE, { r5: 99 })];
    await expect(runLockstep(new ScriptedTarget(ok), new ScriptedTarget(qemu), program, { maxSteps: 10, compared })).resolves.toEqual({ steps: 2, foldedEntries: 0 });
    await expect(runLockstep(new ScriptedTarget(ours), new ScriptedTarget(qemu), program, { maxSteps: 10, compared })).rejects.toThrow('first divergence (r5, pc)');
  });

  it('still compares SP, PC and the IPSR/EPSR bits before registers_defined', async () => {
    const qemu = [base(0x80), base(0x82, { xpsr: 0x01000003 }), base(DONE)];
    const ours = [base(0x80), base(0x82, { xpsr: 0x01000000 }), base(DONE)];
    await expect(runLockstep(new ScriptedTarget(ours), new ScriptedTarget(qemu), program, { maxSteps: 10, compared })).rejects.toThrow('first divergence (xpsr) after step 1');
  });

  it('gives our core one extra step when QEMU folded an exception entry into the step', async () => {
    const entered = base(SVC_HANDLER, { sp: 0x20000fe0, lr: 0xfffffff9, xpsr: 0x0100000b });
    const qemu = [base(DEFINED), base(0x104), entered, base(0x106), base(DONE)];
    const ours = [base(DEFINED), base(0x104), base(0x106), entered, base(0x106), base(DONE)];
    const oursTarget = new ScriptedTarget(ours);
    const result = await runLockstep(oursTarget, new ScriptedTarget(qemu), program, { maxSteps: 10, compared });
    expect(result).toEqual({ steps: 4, foldedEntries: 1 });
    expect(oursTarget.steps).toBe(5);
  });

  it('does not give an extra step when QEMU did not enter an exception', async () => {
    const qemu = [base(DEFINED), base(0x104), base(0x108), base(DONE)];
    const ours = [base(DEFINED), base(0x104), base(0x106), base(0x108), base(DONE)];
    await expect(runLockstep(new ScriptedTarget(ours), new ScriptedTarget(qemu), program, { maxSteps: 10, compared })).rejects.toThrow('first divergence (pc) after step 2');
  });

  it('fails when the program reaches Default_Handler, and when it never reaches test_done', async () => {
    const faulted = [base(DEFINED), base(DEFAULT_HANDLER, { xpsr: 0x01000003 })];
    await expect(runLockstep(new ScriptedTarget(faulted), new ScriptedTarget(faulted), program, { maxSteps: 10, compared })).rejects.toThrow(
      'unit/scripted: the program entered Default_Handler (exception 3) at step 1',
    );
    const looping = [base(DEFINED), base(0x104)];
    await expect(runLockstep(new ScriptedTarget(looping), new ScriptedTarget(looping), program, { maxSteps: 5, compared })).rejects.toThrow(
      "unit/scripted: did not reach test_done within 5 steps (QEMU's PC is 0x00000104)",
    );
  });
});
