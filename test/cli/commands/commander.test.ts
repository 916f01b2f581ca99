import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoSymbols } from '../../session/support/sim-session';
import { runToExit } from './run-to-exit';

const stateDir = mkdtempSync(join(tmpdir(), 'probedesk-commander-'));
const BIN = fileURLToPath(new URL('../../../bin/probedesk.js', import.meta.url));

function commander(uid: string, args: string[]) {
  return runToExit(['commander', '-u', uid, '-O', `sim.state_dir=${stateDir}`, '--no-config', ...args]);
}

describe('probedesk commander batch mode', () => {
  it('prints the halted PC and the FICR part number 0x52840 on sim:nrf52840', async () => {
    const r = await commander('sim:nrf52840', ['-c', 'halt', '-c', 'reg pc', '-c', 'read32 0x10000100']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const pc = /at pc (0x[0-9a-f]{8})$/.exec(lines[0]!)![1];
    expect(lines).toEqual([lines[0], `       pc: ${pc}`, '10000100:  00052840                             |@(..|']);
  });

  it('reads the DBGMCU IDCODE with DEV_ID 0x417 on sim:stm32l051, several commands on one -c line', async () => {
    const r = await commander('sim:stm32l051', ['-c', 'read32 0x40015800; show uid']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('40015800:  10380417                             |..8.|\nsim:stm32l051\n');
  });

  it('lets a simulated board run in real time: `continue; sleep 1000; halt` runs the demo for about a second', async () => {
    const ticks = `0x${demoSymbols('nrf52840/build/demo.elf').get('demo_ticks')!.toString(16)}`;
    const r = await commander('sim:nrf52840', ['-c', `read32 ${ticks}`, '-c', 'continue', '-c', 'sleep 1000', '-c', 'halt', '-c', `read32 ${ticks}`]);
    expect(r.code).toBe(0);
    const dump = new RegExp(`^${ticks.slice(2).padStart(8, '0')}:\\s+([0-9a-f]{8})`, 'gm');
    const [before, after] = [...r.stdout.matchAll(dump)].map((m) => Number.parseInt(m[1]!, 16));
    // The demo ticks at 100 Hz: a second of wall time is about 100 ticks; well over a quarter must have run.
    expect(after! - before!).toBeGreaterThanOrEqual(25);
  });

  it('stops at the first bad command with one error line naming the command and the argument, and exits 1', async () => {
    const r = await commander('sim:nrf52840', ['-c', 'halt', '-c', 'read32 0xZZ', '-c', 'reg pc']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Core is already halted at pc 0x[0-9a-f]{8}\n$/);
    expect(r.stderr).toBe(
      "probedesk: error: command 'read32 0xZZ' failed: read32: addr must be an integer or a register name (0x…, 0b…, 0o… or decimal), not '0xZZ'\n",
    );
  });

  it('names an unknown command and a memory fault address', async () => {
    const unknown = await commander('sim:nrf52840', ['-c', 'frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("probedesk: error: command 'frobnicate' failed: unknown command 'frobnicate' (type 'help' for the list)\n");
    const fault = await commander('sim:nrf52840', ['-c', 'read32 0x30000000']);
    expect(fault.code).toBe(1);
    expect(fault.stderr).toMatch(/^probedesk: error: command 'read32 0x30000000' failed: read32: .* at 0x30000000 failed: target answered FAULT/);
  });

  it('runs -x files and -c commands in command-line order, skipping # comments, and names FILE:LINE on error', async () => {
    const good = join(stateDir, 'good.pdc');
    writeFileSync(good, '# a command file\nshow uid   # the probe\n\nread32 0x10000100\n');
    const r = await commander('sim:nrf52840', ['-c', 'show probe-uid', '-x', good, '-c', 'help "#not a comment"']);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['sim:nrf52840', 'sim:nrf52840', '10000100:  00052840                             |@(..|']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`probedesk: error: command 'help "#not a comment"' failed: unknown command '#not a comment' (type 'help' for the list)\n`);

    const bad = join(stateDir, 'bad.pdc');
    writeFileSync(bad, 'halt\n# next line is wrong\nwrite32 0x20000000\nreg pc\n');
    const failed = await commander('sim:nrf52840', ['-x', bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(`probedesk: error: ${bad}:3: command 'write32 0x20000000' failed: write32: missing data (usage: write32 ADDR DATA...)\n`);
    const missing = await commander('sim:nrf52840', ['-x', join(stateDir, 'none.pdc')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^probedesk: error: cannot read command file .*none\.pdc: ENOENT/);
  });

  it('ends the batch at exit with code 0', async () => {
    const r = await commander('sim:nrf52840', ['-c', 'show uid', '-c', 'exit', '-c', 'frobnicate']);
    expect(r).toEqual({ code: 0, stdout: 'sim:nrf52840\n', stderr: '' });
  });

  it('prints one JSON object per line under --json', async () => {
    const r = await commander('sim:nrf52840', ['--json', '-c', 'readdp 0', '-c', 'show uid']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([
      { command: 'readdp 0', ok: true, output: 'DP register 0x0 = 0x2ba01477' },
      { command: 'show uid', ok: true, output: 'sim:nrf52840' },
    ]);
  });

  it('fails with the probe selection error when the probe does not exist', async () => {
    const r = await commander('sim:nosuchboard', ['-c', 'status']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^probedesk: error: No probe with unique ID "sim:nosuchboard"/);
  });
});

describe('probedesk commander interactive mode on piped stdin', () => {
  it('reads one command line per input line, reports errors and goes on, and ends at exit', () => {
    const input = ['halt', 'reg pc', 'bogus', 'read32 0x40015800', 'exit', 'show uid', ''].join('\n');
    const r = spawnSync(process.execPath, [BIN, 'commander', '-u', 'sim:stm32l051', '-O', `sim.state_dir=${stateDir}`, '--no-config'], {
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe("error: unknown command 'bogus' (type 'help' for the list)\n");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const pc = /at pc (0x[0-9a-f]{8})$/.exec(lines[0]!)![1];
    expect(lines).toEqual([lines[0], `       pc: ${pc}`, '40015800:  10380417                             |..8.|']);
  });

  it('ends at the end of input (Ctrl+D) and closes the session', () => {
    const r = spawnSync(process.execPath, [BIN, 'commander', '-u', 'sim:nrf52840', '-O', `sim.state_dir=${stateDir}`, '--no-config'], {
      input: 'show uid\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r).toMatchObject({ status: 0, stdout: 'sim:nrf52840\n', stderr: '' });
  });
});
