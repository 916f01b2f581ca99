import { describe, expect, it } from 'vitest';
import { CliError } from '../../main/cli/cli-error';
import type { CliIo } from '../../main/cli/cli-io';
import type { CommandContext, RegisterCommand } from '../../main/cli/command-spec';
import { runCli } from '../../main/cli/program';
import { logHub } from '../../shared/log/logger';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

async function run(argv: string[], commands: RegisterCommand[]) {
  const cap = capture();
  const code = await runCli(argv, { io: cap.io, version: '9.8.7', commands, signal: new AbortController().signal });
  return { code, out: cap.out(), err: cap.err() };
}

describe('probedesk command line framework', () => {
  let seen: CommandContext<{ count?: string }> | undefined;
  const probe: RegisterCommand = (registry) =>
    registry.add<{ count?: string }>({
      name: 'probe-test <name>',
      summary: 'test command that echoes its inputs',
      configure: (c) => c.option('-n, --count <n>', 'a count'),
      run: async (ctx) => {
        seen = ctx;
        ctx.log.debug('debug line');
        ctx.output.result({ name: ctx.args[0] }, (v) => `name is ${v.name}`);
      },
    });
  const failing: RegisterCommand = (registry) =>
    registry.add({ name: 'fail', summary: 'always fails', run: async () => { throw new CliError('the probe went away', 3); } });

  it('lists registered commands in --help and prints the version with --version', async () => {
    const help = await run(['--help'], [probe, failing]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/probe-test \[options\] <name>\s+test command that echoes its inputs/);
    expect(help.out).toMatch(/fail\s+always fails/);
    const version = await run(['--version'], []);
    expect(version).toMatchObject({ code: 0, out: '9.8.7\n' });
  });

  it('parses the global options once and hands them to the subcommand, before or after its name', async () => {
    const r = await run(['-u', 'sim:nrf', 'probe-test', 'x', '-t', 'nrf52840', '-f', '4M', '-O', 'a=1', '-O', 'b=two=2', '-j', '/p', '--no-config', '-n', '5'], [probe]);
    expect(r.code).toBe(0);
    expect(seen!.globals).toEqual({
      uid: 'sim:nrf', target: 'nrf52840', frequency: 4_000_000, project: '/p', config: false,
      sessionOptions: { a: '1', b: 'two=2' }, logLevel: 'warn', json: false,
    });
    expect(seen!.options.count).toBe('5');
    expect(r.out).toBe('name is x\n');
  });

  it('prints the result as JSON under --json and routes log lines to stderr at the -vv level', async () => {
    const r = await run(['probe-test', 'y', '--json', '-vv'], [probe]);
    expect(JSON.parse(r.out)).toEqual({ name: 'y' });
    expect(r.err).toContain('debug cli.probe-test: debug line');
    expect(seen!.globals.logLevel).toBe('debug');
    logHub.setLevel('info');
  });

  it('prints warnings by default, info with -v, trace with -vvv and errors only with -q', async () => {
    const levels = [];
    for (const flags of [[], ['-v'], ['-vvv'], ['-q']]) {
      await run([...flags, 'probe-test', 'a'], [probe]);
      levels.push(seen!.globals.logLevel);
    }
    expect(levels).toEqual(['warn', 'info', 'trace', 'error']);
    logHub.setLevel('info');
  });

  it('keeps info records in the hub for the UI while the terminal shows only warnings', async () => {
    const chatty: RegisterCommand = (registry) =>
      registry.add({ name: 'chatty', summary: 'logs', run: async (ctx) => { ctx.log.info('quiet info'); ctx.log.warn('loud warning'); } });
    const records: string[] = [];
    const off = logHub.subscribe((r) => records.push(r.message));
    const r = await run(['chatty'], [chatty]);
    off();
    expect(r.err).toBe('warn  cli.chatty: loud warning\n');
    expect(records).toEqual(['quiet info', 'loud warning']);
  });

  it('reports a failing command as one error line with its exit code', async () => {
    const r = await run(['fail'], [failing]);
    expect(r).toEqual({ code: 3, out: '', err: 'probedesk: error: the probe went away\n' });
  });

  it('rejects a bad frequency, a bad -O and an unknown command with one line and a non-zero exit', async () => {
    for (const argv of [['-f', 'fast', 'probe-test', 'a'], ['-O', 'novalue', 'probe-test', 'a'], ['nosuch']]) {
      const r = await run(argv, [probe]);
      expect(r.code).not.toBe(0);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect((await run(['-f', '12x', 'probe-test', 'a'], [probe])).err).toContain('-f, --frequency');
  });
});
