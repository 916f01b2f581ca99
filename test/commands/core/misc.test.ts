import { describe, expect, it } from 'vitest';
import { useConsole } from '../support/console-session';

describe('help, sleep and exit', () => {
  const c = useConsole('sim:nrf52840');

  it('help lists every command with its aliases by group, and help CMD shows usage, description and aliases', async () => {
    const overview = await c.ok('help');
    expect(overview).toMatch(/Core:\n {2}continue, c, cont, go, g +Resume execution of the target\./);
    expect(overview).toMatch(/Memory:\n {2}read16, rh +Read 16-bit halfwords\./);
    expect(overview).toContain("Type 'help CMD' for a command's usage.");
    expect(await c.ok('? read32')).toBe(
      [
        'Usage: read32 ADDR [LEN]',
        '',
        'Read 32-bit words.',
        '',
        'LEN is the number of bytes (not words) and must be a multiple of 4; without it one word is read.',
        '',
        '  ADDR       Start address, or a register holding it.',
        '  LEN        Bytes to read.',
        '',
        'Aliases: rw',
      ].join('\n'),
    );
    expect(await c.ok('help rr')).toMatch(/^Usage: reg \[-f\] \[REG\.\.\.\]/);
    expect(await c.ok('help reset')).toContain('Usage: reset [halt|-halt|-h] [TYPE]');
    expect(c.console.help('wreg')).toBe(await c.ok('help wreg'));
    expect(await c.fails('help bogus')).toBe("unknown command 'bogus' (type 'help' for the list)");
  });

  it('sleep waits without holding the probe, and refuses a negative time', async () => {
    const sleeping = c.run('sleep 200');
    // Another front end gets the probe at once while the console sleeps.
    expect(await c.session.run('other front end', () => c.session.target.read32(0x10000100), { timeoutMs: 0 })).toBe(0x00052840);
    expect((await sleeping).ok).toBe(true);
    expect(await c.fails('sleep -1')).toBe('sleep: ms must not be negative, not -1');
  });

  it('exit (and quit) ask the front end to end, after the commands before it on the line', async () => {
    expect(await c.run('exit')).toEqual({ output: '', ok: true, exit: true });
    const reply = await c.run('show uid; quit');
    expect(reply).toEqual({ output: 'sim:nrf52840', ok: true, exit: true });
  });
});
