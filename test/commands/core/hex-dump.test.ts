import { describe, expect, it } from 'vitest';
import { formatHexDump } from '../../../main/commands/core/hex-dump';

const bytes = Uint8Array.from([0x40, 0x28, 0x05, 0x00, 0x48, 0x69, 0x21, 0x7f, 1, 2, 3, 4, 5, 6, 7, 8, 0x41, 0x42]);

describe('formatHexDump', () => {
  it('prints words little-endian, four per line, with the bytes as ASCII', () => {
    expect(formatHexDump(0x10000100, bytes.subarray(0, 16), 4)).toBe('10000100:  00052840 7f216948 04030201 08070605  |@(..Hi!.........|');
    expect(formatHexDump(0x10000100, bytes.subarray(0, 4), 4)).toBe(`10000100:  00052840${' '.repeat(27)}  |@(..|`);
  });

  it('prints halfwords eight per line and bytes sixteen per line in groups of four', () => {
    expect(formatHexDump(0x20000000, bytes.subarray(0, 4), 2)).toBe(`20000000:  2840 0005${' '.repeat(30)}  |@(..|`);
    expect(formatHexDump(0xfffffff0, bytes, 1).split('\n')).toEqual([
      'fffffff0:  40 28 05 00  48 69 21 7f  01 02 03 04  05 06 07 08  |@(..Hi!.........|',
      `00000000:  41 42${' '.repeat(45)}  |AB|`,
    ]);
  });
});
