import type { Cpu, Exec } from './cpu';

/**
 * B<c> (T1 and T3, ARMv7-M A7.7.12) with the condition fixed at decode time: one closure per
 * condition code of Table A7-1, so the executed code tests the flags directly instead of
 * going through ConditionPassed's switch, and each condition keeps a branch site of its own.
 */

/** Cycles beyond the first for a taken branch (Cortex-M TRM timing, roughly). */
const BRANCH_EXTRA = 2;

function branchIf(c: Cpu, taken: boolean, target: number, next: number): void {
  if (taken) {
    c.cycles += BRANCH_EXTRA;
    c.pc = target;
  } else {
    c.pc = next;
  }
}

export function conditionalBranch(cond: number, target: number, next: number): Exec {
  switch (cond) {
    case 0x0:
      return (c) => branchIf(c, c.z === 1, target, next);
    case 0x1:
      return (c) => branchIf(c, c.z === 0, target, next);
    case 0x2:
      return (c) => branchIf(c, c.c === 1, target, next);
    case 0x3:
      return (c) => branchIf(c, c.c === 0, target, next);
    case 0x4:
      return (c) => branchIf(c, c.n === 1, target, next);
    case 0x5:
      return (c) => branchIf(c, c.n === 0, target, next);
    case 0x6:
      return (c) => branchIf(c, c.v === 1, target, next);
    case 0x7:
      return (c) => branchIf(c, c.v === 0, target, next);
    case 0x8:
      return (c) => branchIf(c, c.c === 1 && c.z === 0, target, next);
    case 0x9:
      return (c) => branchIf(c, c.c === 0 || c.z === 1, target, next);
    case 0xa:
      return (c) => branchIf(c, c.n === c.v, target, next);
    case 0xb:
      return (c) => branchIf(c, c.n !== c.v, target, next);
    case 0xc:
      return (c) => branchIf(c, c.z === 0 && c.n === c.v, target, next);
    case 0xd:
      return (c) => branchIf(c, c.z === 1 || c.n !== c.v, target, next);
    default:
      return (c) => branchIf(c, true, target, next);
  }
}
