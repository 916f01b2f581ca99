/**
 * Vector catch: DEMCR.VC_* bits that make the core halt on entry to the named exception
 * (ARMv7-M ARM C1.6.5). ARMv6-M implements only CORERESET and HARDERR (ARMv6-M ARM C1.6.4).
 * The bit values here are DEMCR's, so a mask can be written straight into the register.
 */
import { Demcr } from './debug-registers';

export const VectorCatch = {
  None: 0,
  CoreReset: Demcr.VC_CORERESET,
  MemManage: Demcr.VC_MMERR,
  NoCoprocessor: Demcr.VC_NOCPERR,
  CheckingError: Demcr.VC_CHKERR,
  StateError: Demcr.VC_STATERR,
  BusFault: Demcr.VC_BUSERR,
  InterruptError: Demcr.VC_INTERR,
  HardFault: Demcr.VC_HARDERR,
} as const;

export const VECTOR_CATCH_ALL_V7 =
  VectorCatch.CoreReset |
  VectorCatch.MemManage |
  VectorCatch.NoCoprocessor |
  VectorCatch.CheckingError |
  VectorCatch.StateError |
  VectorCatch.BusFault |
  VectorCatch.InterruptError |
  VectorCatch.HardFault;

export const VECTOR_CATCH_ALL_BASELINE = VectorCatch.CoreReset | VectorCatch.HardFault;

const LETTERS: Readonly<Record<string, number>> = {
  h: VectorCatch.HardFault,
  b: VectorCatch.BusFault,
  m: VectorCatch.MemManage,
  i: VectorCatch.InterruptError,
  s: VectorCatch.StateError,
  c: VectorCatch.CheckingError,
  p: VectorCatch.NoCoprocessor,
  r: VectorCatch.CoreReset,
  a: VECTOR_CATCH_ALL_V7,
  n: VectorCatch.None,
};

/**
 * pyOCD's `vector_catch` option letters (h, b, m, i, s, c, p, r, a for all, n for none) as a
 * DEMCR mask; on a Baseline core, catches it lacks are dropped from "a".
 */
export function parseVectorCatchLetters(text: string, baseline: boolean): number {
  let mask = 0;
  for (const letter of text.toLowerCase()) {
    const bits = LETTERS[letter];
    if (bits === undefined) throw new RangeError(`Vector catch letter "${letter}" in "${text}" is not one of h, b, m, i, s, c, p, r, a, n`);
    mask |= letter === 'a' && baseline ? VECTOR_CATCH_ALL_BASELINE : bits;
  }
  return mask;
}
