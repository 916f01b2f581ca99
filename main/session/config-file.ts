/**
 * Config files (pyOCD's pyocd.yaml, here `probedesk.yaml` or `.probedesk.yaml` in the project
 * directory): session options at the top level, and per-probe sections under
 * `probes: { <unique id>: { ...options } }`. Nested mappings stand for dotted names
 * (`sim: { preset: x }` is `sim.preset: x`). Every error names the file, the line and the option.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { YamlSourceError, parseYamlWithSchema } from '../target/yaml-source';
import { OptionValueError, checkOptionValue } from './option-definition';
import type { OptionRegistry } from './option-registry';

export const CONFIG_FILE_NAMES = ['probedesk.yaml', 'probedesk.yml', '.probedesk.yaml', '.probedesk.yml'] as const;

export interface ConfigFileContents {
  readonly path: string;
  readonly config: Record<string, unknown>;
  readonly probes: Record<string, Record<string, unknown>>;
}

/** The first config file present in `projectDir`, in pyOCD's order (visible name first). */
export function findConfigFile(projectDir: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(projectDir, name)).find((path) => existsSync(path));
}

const topLevel = z.record(z.string(), z.unknown());

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseConfigFile(text: string, path: string, registry: OptionRegistry): ConfigFileContents {
  const parsed = parseYamlWithSchema(text, path, topLevel);

  const readOptions = (mapping: Record<string, unknown>, yamlPath: string[], prefix: string, into: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(mapping)) {
      const name = prefix ? `${prefix}.${key}` : key;
      const where = [...yamlPath, key];
      if (isMapping(value) && !registry.has(name)) {
        readOptions(value, where, name, into);
        continue;
      }
      try {
        into[name] = checkOptionValue(registry.require(name), value);
      } catch (error) {
        const detail = error instanceof OptionValueError ? error.message.replace(/^Option "[^"]*": /, '') : (error as Error).message;
        throw new YamlSourceError(path, parsed.lineOf(where), name, detail);
      }
    }
  };

  const { probes, ...rest } = parsed.value;
  const config: Record<string, unknown> = {};
  readOptions(rest, [], '', config);
  const probeSections: Record<string, Record<string, unknown>> = {};
  if (probes !== undefined) {
    if (!isMapping(probes)) throw new YamlSourceError(path, parsed.lineOf(['probes']), 'probes', 'expected a mapping of probe unique IDs to options');
    for (const [uid, section] of Object.entries(probes)) {
      if (!isMapping(section)) {
        throw new YamlSourceError(path, parsed.lineOf(['probes', uid]), `probes.${uid}`, 'expected a mapping of options');
      }
      probeSections[uid] = {};
      readOptions(section, ['probes', uid], '', probeSections[uid]);
    }
  }
  return { path, config, probes: probeSections };
}

export function loadConfigFile(path: string, registry: OptionRegistry): ConfigFileContents {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new YamlSourceError(path, undefined, '', `cannot read the config file: ${(error as Error).message}`);
  }
  return parseConfigFile(text, path, registry);
}
