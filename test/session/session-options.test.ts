import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIntegerText } from '../../main/session/option-definition';
import { OptionRegistry } from '../../main/session/option-registry';
import { resolveProjectPath, resolveSessionOptions } from '../../main/session/project-options';
import { SessionOptions } from '../../main/session/session-options';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'probedesk-session-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('option registry', () => {
  it('gives pyOCD-named options with their defaults', () => {
    const options = new SessionOptions(new OptionRegistry());
    expect(options.get('frequency')).toBe(1_000_000);
    expect(options.get('connect_mode')).toBe('halt');
    expect(options.get('reset_type')).toBe('sw');
    expect(options.get('auto_unlock')).toBe(true);
    expect(options.get('resume_on_disconnect')).toBe(true);
    expect(options.source('frequency')).toBe('default');
  });

  it('parses -O text into each type', () => {
    const options = new SessionOptions(new OptionRegistry(), {
      cli: { frequency: '0x3d_0900', auto_unlock: 'off', connect_mode: 'under-reset', 'sim.preset': 'mcu-link' },
    });
    expect(options.get('frequency')).toBe(4_000_000);
    expect(options.get('auto_unlock')).toBe(false);
    expect(options.get('connect_mode')).toBe('under-reset');
    expect(options.get('sim.preset')).toBe('mcu-link');
  });

  it('names the option and what it expects on bad input', () => {
    const registry = new OptionRegistry();
    expect(() => new SessionOptions(registry, { cli: { frequency: 'fast' } })).toThrow('Option "frequency": expected an integer (decimal, 0x, 0b or 0o), got "fast"');
    expect(() => new SessionOptions(registry, { cli: { connect_mode: 'now' } })).toThrow(/connect_mode.*one of halt, pre-reset, under-reset, attach/);
    expect(() => new SessionOptions(registry, { cli: { frequncy: '1' } })).toThrow(/Option "frequncy": unknown option/);
  });

  it('reads integers in every base with separators', () => {
    expect([parseIntegerText('1_000'), parseIntegerText('0b101'), parseIntegerText('0o17'), parseIntegerText('-0x10'), parseIntegerText('1.5')]).toEqual([1000, 5, 15, -16, undefined]);
  });

  it('lets a run-time set win over every layer and tells listeners', () => {
    const options = new SessionOptions(new OptionRegistry(), { cli: { frequency: 2000 } });
    const seen: unknown[] = [];
    options.onChange((name, value) => seen.push([name, value]));
    options.set('frequency', '5000');
    expect(options.get('frequency')).toBe(5000);
    expect(options.source('frequency')).toBe('runtime');
    expect(seen).toEqual([['frequency', 5000]]);
  });
});

describe('config file and precedence', () => {
  const yaml = [
    'frequency: 2000000',
    'reset_type: hw',
    'sim:',
    '  preset: daplink',
    'probes:',
    '  sim:nrf52840:',
    '    frequency: 8000000',
    '    connect_mode: attach',
    '',
  ].join('\n');

  it('applies CLI over the probe section over the config top level over defaults', () => {
    const dir = project({ 'probedesk.yaml': yaml });
    const { options, configPath, projectDir } = resolveSessionOptions({ projectDir: dir, cli: { connect_mode: 'pre-reset' } });
    expect(configPath).toBe(join(dir, 'probedesk.yaml'));
    expect(projectDir).toBe(dir);
    expect(options.get('frequency')).toBe(2_000_000);
    options.setProbe('sim:nrf52840');
    expect(options.get('frequency')).toBe(8_000_000);
    expect(options.source('frequency')).toBe('probe-config');
    expect(options.get('connect_mode')).toBe('pre-reset');
    expect(options.get('reset_type')).toBe('hw');
    expect(options.get('sim.preset')).toBe('daplink');
    expect(options.get('auto_unlock')).toBe(true);
  });

  it('finds .probedesk.yaml too, and ignores config files with --no-config', () => {
    const dir = project({ '.probedesk.yaml': 'frequency: 123\n' });
    expect(resolveSessionOptions({ projectDir: dir }).options.get('frequency')).toBe(123);
    const none = resolveSessionOptions({ projectDir: dir, configFile: false });
    expect(none.configPath).toBeUndefined();
    expect(none.options.get('frequency')).toBe(1_000_000);
  });

  it('reads an explicit --config relative to the working directory', () => {
    const dir = project({ 'other.yaml': 'reset_type: sw_emulated\n' });
    const resolved = resolveSessionOptions({ cwd: dir, configFile: 'other.yaml' });
    expect(resolved.options.get('reset_type')).toBe('sw_emulated');
  });

  it('names the file, line and option of a bad value', () => {
    const dir = project({ 'probedesk.yaml': 'frequency: 1000\nprobes:\n  abc:\n    connect_mode: sideways\n' });
    expect(() => resolveSessionOptions({ projectDir: dir })).toThrow(`${join(dir, 'probedesk.yaml')}:4: connect_mode: expected one of halt, pre-reset, under-reset, attach, got "sideways"`);
  });

  it('names the file, line and name of an unknown option', () => {
    const dir = project({ 'probedesk.yaml': 'frequency: 1000\nsim:\n  presett: x\n' });
    expect(() => resolveSessionOptions({ projectDir: dir })).toThrow(/probedesk\.yaml:3: sim\.presett: unknown option \(did you mean sim\.preset, sim\.real_time, sim\.state_dir\?\)/);
  });

  it('names the line of a YAML syntax error and a missing explicit file', () => {
    const dir = project({ 'probedesk.yaml': 'frequency: 1000\n  bad: [\n' });
    expect(() => resolveSessionOptions({ projectDir: dir })).toThrow(/probedesk\.yaml:\d+: /);
    expect(() => resolveSessionOptions({ cwd: dir, configFile: 'missing.yaml' })).toThrow(/missing\.yaml: cannot read the config file/);
  });

  it('resolves relative paths against the project directory', () => {
    expect(resolveProjectPath('/p/proj', 'scripts/u.ts')).toBe('/p/proj/scripts/u.ts');
    expect(resolveProjectPath('/p/proj', '/abs/u.ts')).toBe('/abs/u.ts');
  });
});
