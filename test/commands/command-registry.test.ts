import { describe, expect, it } from 'vitest';
import { CommandRegistry } from '../../main/commands/command-registry';
import { runCommandLine } from '../../main/commands/command-runner';
import type { CommandDefinition } from '../../main/commands/command-types';

interface Ctx {
  log: string[];
}

function registry(): CommandRegistry<Ctx> {
  const r = new CommandRegistry<Ctx>();
  const defs: CommandDefinition<Ctx>[] = [
    {
      name: 'read32',
      aliases: ['rw'],
      group: 'Memory',
      summary: 'Read 32-bit words.',
      params: [
        { name: 'addr', type: 'int', acceptsRegister: true, completion: 'register', help: 'Start address.' },
        { name: 'len', type: 'int', optional: true },
      ],
      async run(ctx, args, out) {
        ctx.log.push(`read32 ${args.addr} ${args.len}`);
        out.write(`0x${(args.addr as number).toString(16)}`);
      },
    },
    {
      name: 'read16',
      group: 'Memory',
      summary: 'Read halfwords.',
      params: [{ name: 'addr', type: 'int' }],
      async run(ctx) {
        ctx.log.push('read16');
      },
    },
    {
      name: 'reset',
      group: 'Control',
      summary: 'Reset the target.',
      params: [{ name: 'type', type: 'choice', choices: ['hw', 'sw', 'sysresetreq', 'vectreset'], optional: true }],
      flags: [{ name: 'h', help: 'Halt after reset.' }],
      async run(ctx, args) {
        ctx.log.push(`reset ${args.type} ${args.h}`);
      },
    },
    {
      name: 'write32',
      group: 'Memory',
      summary: 'Write words.',
      params: [
        { name: 'addr', type: 'int' },
        { name: 'data', type: 'int', rest: true },
      ],
      async run(ctx, args) {
        ctx.log.push(`write32 ${args.addr} ${(args.data as number[]).join(',')}`);
      },
    },
  ];
  defs.forEach((d) => r.register(d));
  return r;
}

const sink = () => {
  const lines: string[] = [];
  return { lines, output: { write: (t: string) => lines.push(t) } };
};

describe('CommandRegistry', () => {
  it('resolves names by exact name, alias and unambiguous prefix', () => {
    const r = registry();
    expect(r.resolve('read32').name).toBe('read32');
    expect(r.resolve('rw').name).toBe('read32');
    expect(r.resolve('res').name).toBe('reset');
    expect(r.resolve('wr').name).toBe('write32');
  });

  it('names the candidates of an ambiguous prefix and rejects unknown names', () => {
    const r = registry();
    expect(() => r.resolve('rea')).toThrow("ambiguous command 'rea': could be read16, read32");
    expect(() => r.resolve('frobnicate')).toThrow("unknown command 'frobnicate'");
  });

  it('converts typed arguments, prefix-matched choices, switches and rest parameters', async () => {
    const r = registry();
    const ctx: Ctx = { log: [] };
    const { output } = sink();
    await runCommandLine(r, ctx, 'reset -h sys; write32 0x2000_0000 1 0b10 0o7; rw 16', output);
    expect(ctx.log).toEqual(['reset sysresetreq true', 'write32 536870912 1,2,7', 'read32 16 undefined']);
  });

  it('uses register values where an address is expected', async () => {
    const r = registry();
    const ctx: Ctx = { log: [] };
    const { lines, output } = sink();
    const resolver = { registerValue: async (n: string) => (n === 'sp' ? 0x20001000 : undefined) };
    await runCommandLine(r, ctx, 'read32 SP', output, { resolver });
    expect(lines).toEqual(['0x20001000']);
    const results = await runCommandLine(r, ctx, 'read32 bogus', output, { resolver });
    expect(results[0]!.error).toBe("read32: addr must be an integer or a register name (0x…, 0b…, 0o… or decimal), not 'bogus'");
  });

  it('stops at the first failing command and names the bad argument', async () => {
    const r = registry();
    const ctx: Ctx = { log: [] };
    const results = await runCommandLine(r, ctx, 'read16 0x10; read16 0xZZ; reset', sink().output);
    expect(results.map((x) => x.ok)).toEqual([true, false]);
    expect(results[1]!.error).toBe("read16: addr must be an integer (0x…, 0b…, 0o… or decimal), not '0xZZ'");
    expect(ctx.log).toEqual(['read16']);
  });

  it('reports missing and surplus arguments with the usage', async () => {
    const r = registry();
    const ctx: Ctx = { log: [] };
    expect((await runCommandLine(r, ctx, 'read16', sink().output))[0]!.error).toBe('read16: missing addr (usage: read16 ADDR)');
    expect((await runCommandLine(r, ctx, 'read16 1 2', sink().output))[0]!.error).toBe(
      "read16: unexpected argument '2' (usage: read16 ADDR)",
    );
    expect((await runCommandLine(r, ctx, 'reset bogus', sink().output))[0]!.error).toBe(
      "reset: type must be one of hw, sw, sysresetreq, vectreset, not 'bogus'",
    );
  });

  it('generates help from the declarations', () => {
    const r = registry();
    expect(r.help()).toContain('Memory:\n  read16');
    expect(r.help()).toContain('read32, rw');
    expect(r.help('rw')).toBe(
      ['Usage: read32 ADDR [LEN]', '', 'Read 32-bit words.', '', '  ADDR       Start address.', '', 'Aliases: rw'].join('\n'),
    );
    expect(r.help('reset')).toContain('Usage: reset [-h] [hw|sw|sysresetreq|vectreset]');
  });

  it('completes command names, choices and named sources', () => {
    const r = registry();
    expect(r.complete('re')).toEqual(['read16', 'read32', 'reset']);
    expect(r.complete('halt; reset v')).toEqual(['vectreset']);
    expect(r.complete('read32 s', { register: ['sp', 'r0'] })).toEqual(['sp']);
    expect(r.complete('read32 0x0 1 ', { register: ['sp'] })).toEqual([]);
  });

  it('refuses duplicate names and declarations whose words could go to two parameters', () => {
    const r = registry();
    expect(() => r.register({ name: 'rw', group: 'x', summary: 'x', params: [], run: async () => {} })).toThrow('already registered');
    expect(() =>
      r.register({
        name: 'bad',
        group: 'x',
        summary: 'x',
        params: [
          { name: 'a', type: 'int', optional: true },
          { name: 'b', type: 'int', rest: true },
        ],
        run: async () => {},
      }),
    ).toThrow('optional parameters and the rest parameter b would compete for the same words');
    expect(() =>
      r.register({ name: 'bad2', group: 'x', summary: 'x', params: [{ name: 'a', type: 'int', rest: true }, { name: 'b', type: 'int' }], run: async () => {} }),
    ).toThrow('rest parameter a must be last');
  });

  it('gives a leading optional parameter a word only when the required ones have theirs', async () => {
    const r = new CommandRegistry<Ctx>();
    r.register({
      name: 'readap',
      group: 'Dap',
      summary: 'Read AP register.',
      params: [
        { name: 'apsel', type: 'int', optional: true },
        { name: 'addr', type: 'int' },
      ],
      async run(ctx, args) {
        ctx.log.push(`${args.apsel} ${args.addr}`);
      },
    });
    const ctx: Ctx = { log: [] };
    await runCommandLine(r, ctx, 'readap 0xfc; readap 1 0xfc', sink().output);
    expect(ctx.log).toEqual(['undefined 252', '1 252']);
    expect(r.usage(r.resolve('readap'))).toBe('readap [APSEL] ADDR');
    expect((await runCommandLine(r, ctx, 'readap', sink().output))[0]!.error).toBe('readap: missing addr (usage: readap [APSEL] ADDR)');
  });

  it('sets a switch from its alias words, as pyOCD reset halt and reset -halt', async () => {
    const r = new CommandRegistry<Ctx>();
    r.register({
      name: 'reset',
      group: 'Device',
      summary: 'Reset.',
      params: [{ name: 'type', type: 'choice', choices: ['hw', 'sw'], optional: true }],
      flags: [{ name: 'h', aliases: ['halt', '-halt'], help: 'Halt.' }],
      async run(ctx, args) {
        ctx.log.push(`${args.h} ${args.type}`);
      },
    });
    const ctx: Ctx = { log: [] };
    await runCommandLine(r, ctx, 'reset halt hw; reset -halt; reset -h sw; reset HALT; reset', sink().output);
    expect(ctx.log).toEqual(['true hw', 'true undefined', 'true sw', 'true undefined', 'false undefined']);
    expect(r.help('reset')).toContain('Usage: reset [halt|-halt|-h] [hw|sw]');
    expect((await runCommandLine(r, ctx, 'reset -x', sink().output))[0]!.error).toBe("reset: unknown switch '-x' (expected halt|-halt|-h)");
    expect(r.complete('reset h')).toEqual(['halt', 'hw']);
    expect(r.complete('reset -')).toEqual(['-h']);
  });
});
