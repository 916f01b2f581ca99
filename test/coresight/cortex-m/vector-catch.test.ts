import { describe, expect, it } from 'vitest';
import { VectorCatch, parseVectorCatchLetters } from '../../../main/coresight/cortex-m/vector-catch';

describe('parseVectorCatchLetters', () => {
  it('turns pyOCD letters into DEMCR bits', () => {
    expect(parseVectorCatchLetters('h', false)).toBe(VectorCatch.HardFault);
    expect(parseVectorCatchLetters('hbr', false)).toBe(VectorCatch.HardFault | VectorCatch.BusFault | VectorCatch.CoreReset);
    expect(parseVectorCatchLetters('n', false)).toBe(0);
  });

  it('limits "all" to hard fault and core reset on a Baseline core', () => {
    expect(parseVectorCatchLetters('a', true)).toBe(VectorCatch.HardFault | VectorCatch.CoreReset);
    expect(parseVectorCatchLetters('a', false)).toBe(0x7f1);
  });

  it('names a bad letter', () => {
    expect(() => parseVectorCatchLetters('hz', false)).toThrow(/letter "z" in "hz"/);
  });
});
