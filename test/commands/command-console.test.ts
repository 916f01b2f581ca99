import { afterEach, describe, expect, it } from 'vitest';
import { CommandConsole } from '../../main/commands/command-console';
import { createCoreCommandRegistry } from '../../main/commands/core/core-command-registry';
import type { Session } from '../../main/session/session';
import { SIM_PRESETS, simSession } from '../session/support/sim-session';
import { CONSOLE_BOARDS, hex8 } from './support/console-session';

let open: Session | undefined;

async function connect(uid: string): Promise<Session> {
  open = simSession(uid, SIM_PRESETS[0]!.id);
  await open.open();
  return open;
}

afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe.each(CONSOLE_BOARDS)('CommandConsole on $uid', (board) => {
  it('runs the commands of one line in order and joins their output', async () => {
    const session = await connect(board.uid);
    const console = new CommandConsole(session);
    const [pc] = await session.target.readCoreRegisters(['pc']);
    const reply = await console.execute(`h; reg pc ; rw ${hex8(board.idWord.address)}`);
    expect(reply.ok).toBe(true);
    expect(reply.output.split('\n').slice(0, 2)).toEqual([`Core is already halted at pc ${hex8(pc!)}`, `       pc: ${hex8(pc!)}`]);
    expect(reply.output.split('\n')[2]).toMatch(new RegExp(`^${board.idWord.address.toString(16)}:  ${board.idWord.value.toString(16).padStart(8, '0')} `));
  });

  it('stops at the first failing command and reports its error with the output before it', async () => {
    const session = await connect(board.uid);
    const console = new CommandConsole(session);
    const reply = await console.execute('show uid; read32 0xZZ; set option vector_catch=n');
    expect(reply).toEqual({
      output: board.uid,
      ok: false,
      error: "read32: addr must be an integer or a register name (0x…, 0b…, 0o… or decimal), not '0xZZ'",
    });
    expect(session.options.source('vector_catch')).toBe('default');
    expect((await console.execute('"unterminated')).error).toBe('unterminated " quote in: "unterminated');
  });

  it('completes command names, register names, option names and choices', async () => {
    const session = await connect(board.uid);
    const console = new CommandConsole(session);
    expect(await console.complete('wr')).toEqual(['wr', 'wreg', 'write16', 'write32', 'write8', 'writeap', 'writedp']);
    expect(await console.complete('halt; reg p')).toEqual(['pc', 'primask', 'psp']);
    expect(await console.complete('reg ba')).toEqual(board.architecture === 'ARMv7-M' ? ['basepri'] : []);
    expect(await console.complete('set option sim.')).toEqual(['sim.preset', 'sim.real_time', 'sim.state_dir']);
    expect(await console.complete('show re')).toEqual(['reset-type']);
    expect(await console.complete('help wr')).toEqual(['wreg', 'write16', 'write32', 'write8', 'writeap', 'writedp']);
    expect(console.help()).toBe((await console.execute('help')).output);
  });

  it('runs each command as one session operation: another front end never lands inside it', async () => {
    const session = await connect(board.uid);
    const trace: string[] = [];
    const registry = createCoreCommandRegistry();
    registry.register({
      name: 'traced-read',
      group: 'Test',
      summary: 'Reads the ID word twice, noting when it starts and ends.',
      params: [],
      async run(context, _args, output) {
        trace.push('console+');
        const first = await context.session.target.read32(board.idWord.address);
        const second = await context.session.target.read32(board.idWord.address);
        trace.push('console-');
        output.write(`${hex8(first)} ${hex8(second)}`);
      },
    });
    const console = new CommandConsole(session, { registry });
    const ui = session.run('ui', async () => {
      trace.push('ui+');
      await session.target.read32(board.idWord.address);
      trace.push('ui-');
    });
    const reply = await console.execute('traced-read');
    await ui;
    expect(reply.output).toBe(`${hex8(board.idWord.value)} ${hex8(board.idWord.value)}`);
    expect(trace).toEqual(['ui+', 'ui-', 'console+', 'console-']);
  });

  it('names the operation holding the probe when it is busy', async () => {
    const session = await connect(board.uid);
    const console = new CommandConsole(session);
    await console.execute('set option busy_timeout=0');
    let release: () => void = () => undefined;
    const flash = session.run('flash', () => new Promise<void>((resolve) => (release = resolve)));
    const reply = await console.execute('readdp 0');
    release();
    await flash;
    expect(reply.error).toBe('readdp: Probe busy: "flash" is running, so "console: readdp 0" cannot start now');
    expect((await console.execute('readdp 0')).output).toBe(`DP register 0x0 = ${hex8(board.dpidr)}`);
  });
});
