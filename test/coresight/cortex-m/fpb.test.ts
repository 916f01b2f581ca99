import { describe, expect, it } from 'vitest';
import { decodeFpCtrl, fpCompValue } from '../../../main/coresight/cortex-m/fpb';

describe('FPB comparator encoding', () => {
  it('decodes NUM_CODE from both FP_CTRL fields and REV as the version', () => {
    expect(decodeFpCtrl(0x00000260)).toEqual({ version: 1, codeComparators: 6, literalComparators: 2 });
    expect(decodeFpCtrl(0x10001081)).toEqual({ version: 2, codeComparators: 0x18, literalComparators: 0 });
  });

  it('encodes FPB v1 REPLACE for the lower and upper halfword', () => {
    expect(fpCompValue(1, 0x1000)).toBe(0x40001001);
    expect(fpCompValue(1, 0x1002)).toBe(0x80001001);
  });

  it('refuses FPB v1 breakpoints at or above 0x20000000, naming the address', () => {
    expect(() => fpCompValue(1, 0x20000100)).toThrow(/0x20000100.*below 0x20000000/);
  });

  it('encodes FPB v2 BPADDR with BE for any address', () => {
    expect(fpCompValue(2, 0x20000102)).toBe(0x20000103);
  });
});
