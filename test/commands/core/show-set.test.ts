import { describe, expect, it } from 'vitest';
import { logHub } from '../../../shared/log/logger';
import { CONSOLE_BOARDS, hex8, useConsole } from '../support/console-session';

describe.each(CONSOLE_BOARDS)('show and set on $uid', (board) => {
  const c = useConsole(board.uid);

  it('show probe-uid (and uid) prints the probe unique ID', async () => {
    expect(await c.ok('show probe-uid')).toBe(board.uid);
    expect(await c.ok('show uid')).toBe(board.uid);
  });

  it('show target, cores and aps describe what discovery found', async () => {
    const definition = c.session.target.definition;
    expect(await c.ok('show target')).toBe(
      [`Target:  ${definition.name} (${definition.vendor} ${definition.part})`, `DPIDR:   ${hex8(board.dpidr)}`, 'Cores:   1, selected core 0'].join('\n'),
    );
    expect(await c.ok('show cores')).toMatch(new RegExp(`^Core 0: ${board.core.replace('+', '\\+')} r\\dp\\d \\(${board.architecture}\\), FPU `));
    expect((await c.ok('show aps')).split('\n')[0]).toBe(`AP0: IDR ${hex8(board.ap0Idr)}  AHB3 MEM-AP (Arm Ltd)`);
  });

  it('show map lists every region of the memory map', async () => {
    const lines = (await c.ok('show map')).split('\n');
    expect(lines[0]).toMatch(/^Region +Type +Start +End +Size +Access$/);
    const regions = c.session.target.memoryMap.regions;
    expect(lines).toHaveLength(regions.length + 1);
    regions.forEach((r, i) => expect(lines[i + 1]!.split(/ +/)).toEqual([r.name, r.type, hex8(r.start), hex8(r.end), `0x${r.length.toString(16)}`, r.access]));
  });

  it('set nreset 0 holds the target in reset and show nreset reads the line back', async () => {
    expect(await c.ok('show nreset')).toBe('1 (released)');
    await c.ok('set nreset 0');
    expect(await c.ok('show nreset')).toBe('0 (asserted)');
    await c.ok('set nreset 1');
    expect(await c.ok('show nreset')).toBe('1 (released)');
    await c.ok('reset halt');
    expect(await c.fails('set nreset 2')).toBe("set: nreset must be 0 (assert) or 1 (release), not '2'");
  });

  it('set option goes through the typed option registry, with its validation errors', async () => {
    await c.ok('set option vector_catch=hb busy_timeout=0x2000');
    expect(await c.ok('show option vector_catch busy_timeout')).toBe('vector_catch = "hb" (runtime)\nbusy_timeout = 8192 (runtime)');
    expect(await c.fails('set option busy_timeout=soon')).toBe('set: Option "busy_timeout": expected an integer (decimal, 0x, 0b or 0o), got "soon"');
    expect(await c.fails('set option connect_mode=sideways')).toBe(
      'set: Option "connect_mode": expected one of halt, pre-reset, under-reset, attach, got "sideways"',
    );
    expect(await c.fails('set option bogus=1')).toMatch(/^set: Option "bogus": unknown option/);
    expect(await c.fails('set option busy_timeout')).toBe("set: option expects NAME=VALUE, not 'busy_timeout'");
    expect((await c.ok('show option')).split('\n')).toHaveLength(c.session.options.registry.names.length);
  });

  it('set reset-type changes the reset that a plain reset performs, and show reset-type reports it', async () => {
    await c.ok('set reset-type hardware');
    expect((await c.ok('show reset-type')).split('\n')[0]).toBe('reset_type = hw');
    expect(await c.ok('reset halt')).toMatch(/^Reset \(hw\) and halted/);
    await c.ok('set option reset_type=sw_emulated');
    expect(await c.ok('reset halt')).toMatch(/^Reset \(sw_emulated\) and halted/);
    await c.ok('set reset-type sw');
    expect(await c.fails('set reset-type sideways')).toMatch(/^set: reset-type must be one of hw, hardware, .* not 'sideways'$/);
  });

  it('set frequency takes Hz with k/M suffixes, clocks the probe and keeps working', async () => {
    await c.ok('set frequency 2M');
    expect(await c.ok('show frequency')).toBe('2000000 Hz');
    await c.ok('set frequency 400kHz');
    expect(await c.ok('show frequency')).toBe('400000 Hz');
    expect(c.session.target.dp.frequency).toBe(400_000);
    expect(await c.ok('readdp 0')).toBe(`DP register 0x0 = ${hex8(board.dpidr)}`);
    expect(await c.fails('set frequency fast')).toBe("set: frequency must be a clock in Hz such as 4000000, 4M or 400k, not 'fast'");
  });

  it('set log changes the log level, with pyOCD level names accepted', async () => {
    const before = logHub.level;
    try {
      await c.ok('set log debug');
      expect(await c.ok('show log')).toBe('debug');
      await c.ok('set log warning');
      expect(logHub.level).toBe('warn');
      expect(await c.fails('set log loud')).toMatch(/^set: log must be one of trace, debug, info, warn, error, warning, critical, not 'loud'$/);
    } finally {
      logHub.setLevel(before);
    }
  });

  it('show and set name what they accept', async () => {
    expect(await c.fails('show bogus')).toMatch(/^show: name must be one of probe-uid, target, cores, aps, map, nreset, option, reset-type, frequency, log, uid, not 'bogus'$/);
    expect(await c.fails('set target x')).toMatch(/^set: name must be one of nreset, option, reset-type, frequency, log, not 'target'$/);
    expect(await c.fails('set log')).toBe('set: missing value (usage: set NAME VALUE...)');
  });
});
