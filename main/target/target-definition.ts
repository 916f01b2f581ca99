/**
 * Target definitions: what the host knows about a part before connecting. Built-in ones are
 * YAML files in resources/targets/ (validated by target-definition-schema.ts); `cortex_m` is the
 * generic definition that knows nothing beyond what discovery finds (an empty memory map, as
 * pyOCD's generic target).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryMap } from './memory-map';
import { DeviceRegion, FlashRegion, RamRegion, RomRegion, type MemoryRegion } from './memory-region';
import { targetDefinitionSchema, type RegionData, type TargetDefinitionData } from './target-definition-schema';
import { YamlSourceError, parseYamlWithSchema } from './yaml-source';

export type DefaultResetTypeName = NonNullable<TargetDefinitionData['defaultResetType']>;

export interface TargetDefinition {
  readonly name: string;
  readonly vendor: string;
  readonly part: string;
  readonly family?: string;
  readonly core?: string;
  readonly sources: readonly string[];
  readonly defaultResetType?: DefaultResetTypeName;
  /** Where the definition came from (a file path, or "built-in"). */
  readonly origin: string;
  /** A fresh memory map each time: a session's map is its own to change. */
  createMemoryMap(): MemoryMap;
}

export const GENERIC_TARGET_NAME = 'cortex_m';

/** resources/ in the source tree, where the built-in definitions and flash algorithms live. */
export const DEFAULT_RESOURCES_DIR = fileURLToPath(new URL('../../resources/', import.meta.url));

function createRegion(region: RegionData): MemoryRegion {
  const { type, ...options } = region;
  switch (type) {
    case 'ram':
      return new RamRegion(options);
    case 'rom':
      return new RomRegion(options);
    case 'device':
      return new DeviceRegion(options);
    case 'flash':
      return new FlashRegion(region);
  }
}

/** Parses and checks one definition; errors name the file, line and setting. */
export function parseTargetDefinition(text: string, file: string): TargetDefinition {
  const parsed = parseYamlWithSchema(text, file, targetDefinitionSchema);
  const data = parsed.value;
  const build = (): MemoryMap => {
    const map = new MemoryMap();
    data.memoryMap.forEach((region, index) => {
      try {
        map.addRegion(createRegion(region));
      } catch (error) {
        throw new YamlSourceError(file, parsed.lineOf(['memoryMap', index]), `memoryMap.${index}`, (error as Error).message);
      }
    });
    return map;
  };
  build();
  const { memoryMap: _regions, ...identity } = data;
  return { ...identity, origin: file, createMemoryMap: build };
}

export function loadTargetDefinitionFile(file: string): TargetDefinition {
  return parseTargetDefinition(readFileSync(file, 'utf8'), file);
}

export const genericCortexM: TargetDefinition = {
  name: GENERIC_TARGET_NAME,
  vendor: 'Arm',
  part: 'Generic Cortex-M',
  sources: ['ARMv7-M Architecture Reference Manual; discovery through the ROM table and CPUID'],
  origin: 'built-in',
  createMemoryMap: () => new MemoryMap(),
};

/** Built-in definitions: resources/targets/*.yaml plus the generic `cortex_m`. */
export class TargetRegistry {
  private readonly definitions = new Map<string, TargetDefinition>();

  constructor(resourcesDir: string = DEFAULT_RESOURCES_DIR) {
    this.definitions.set(genericCortexM.name, genericCortexM);
    const dir = join(resourcesDir, 'targets');
    for (const entry of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
      const definition = loadTargetDefinitionFile(join(dir, entry));
      if (definition.name !== basename(entry, '.yaml')) {
        throw new YamlSourceError(join(dir, entry), 1, 'name', `the name "${definition.name}" must match the file name`);
      }
      this.definitions.set(definition.name, definition);
    }
  }

  get names(): string[] {
    return [...this.definitions.keys()].sort();
  }

  get(name: string): TargetDefinition | undefined {
    return this.definitions.get(name.toLowerCase());
  }

  require(name: string): TargetDefinition {
    const found = this.get(name);
    if (!found) throw new RangeError(`Unknown target "${name}"; known targets: ${this.names.join(', ')}`);
    return found;
  }
}
