import { describe, expect, it } from 'vitest';
import { CommandSyntaxError, parseCommandLine } from '../../main/commands/command-line';

describe('parseCommandLine', () => {
  it('splits commands on ; and words on white space', () => {
    const parsed = parseCommandLine('halt; reg pc ;read32 0x10000100  4');
    expect(parsed.map((p) => [p.name, ...p.args])).toEqual([['halt'], ['reg', 'pc'], ['read32', '0x10000100', '4']]);
    expect(parsed[2]!.text).toBe('read32 0x10000100  4');
  });

  it('keeps quoted spaces and semicolons inside one word and drops empty commands', () => {
    const parsed = parseCommandLine(`echo "a; b" 'c d';;`);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.args).toEqual(['a; b', 'c d']);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCommandLine('echo "abc')).toThrow(CommandSyntaxError);
  });
});
