import { describe, expect, it } from 'vitest';
import { parseFloatArgument, parseInteger } from '../../main/commands/integer';

describe('parseInteger', () => {
  it.each([
    ['42', 42],
    ['0x2A', 42],
    ['0X2a', 42],
    ['0b101010', 42],
    ['0o52', 42],
    ['1_000_000', 1_000_000],
    ['0x2000_0000', 0x2000_0000],
    ['-16', -16],
    ['0xffffffff', 0xffffffff],
  ])('reads %s as %d', (text, value) => {
    expect(parseInteger(text)).toBe(value);
  });

  it.each(['', '0x', '0b102', '0o9', '12ab', '_1', '1_', '1__0', 'pc', '1.5'])('rejects %j', (text) => {
    expect(parseInteger(text)).toBeUndefined();
  });
});

describe('parseFloatArgument', () => {
  it('accepts decimals, exponents and every integer form', () => {
    expect(parseFloatArgument('1.5')).toBe(1.5);
    expect(parseFloatArgument('-2e3')).toBe(-2000);
    expect(parseFloatArgument('0x10')).toBe(16);
    expect(parseFloatArgument('abc')).toBeUndefined();
  });
});
