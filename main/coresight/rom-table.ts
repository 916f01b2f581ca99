/**
 * ROM table walking (runtime: plain Node): class 0x1 ROM tables (ADIv5.2 D3.4) and class 0x9
 * CoreSight ROM tables (DEVARCH.ARCHID 0x0AF7, CoreSight Architecture v3), each entry an offset
 * from the table's base with a present flag; tables nest.
 */
import { TransferError } from '../probe/errors';
import { ComponentClass, decodeCidr, decodeComponentId, type ComponentId } from './component-id';
import type { MemoryInterface } from './memory-interface';

export interface CoreSightComponent {
  readonly address: number;
  readonly id: ComponentId;
  /** Components listed by this ROM table (empty for other components). */
  readonly children: CoreSightComponent[];
}

export interface RomTableWalk {
  readonly root: CoreSightComponent | undefined;
  /** Entries that could not be read or identified, each naming its address. */
  readonly problems: string[];
}

/** Class 0x1 tables hold up to 960 entries (0x000–0xEFC); class 0x9 32-bit tables 512 (0x000–0x7FC). */
const MAX_ENTRIES_CLASS1 = 960;
const MAX_ENTRIES_CLASS9 = 512;
const ENTRY_BATCH = 16;
const MAX_DEPTH = 8;
const DEVARCH_ROM_TABLE = 0x0af7;

function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}

/** Reads and decodes the ID registers of the component at `address`. */
export async function readComponentId(memory: MemoryInterface, address: number): Promise<ComponentId | undefined> {
  const words = await memory.readBlock32(address + 0xfd0, 12);
  const { valid, componentClass } = decodeCidr([words[8]!, words[9]!, words[10]!, words[11]!]);
  if (!valid) return undefined;
  if (componentClass === ComponentClass.CoreSight) {
    const [devarch, devtype] = await Promise.all([memory.read32(address + 0xfbc), memory.read32(address + 0xfcc)]);
    return decodeComponentId(words, devarch, devtype);
  }
  return decodeComponentId(words);
}

function isRomTable(id: ComponentId): boolean {
  if (id.componentClass === ComponentClass.RomTable) return true;
  return id.componentClass === ComponentClass.CoreSight && id.devarch !== undefined && (id.devarch & 0xffff) === DEVARCH_ROM_TABLE;
}

/** Walks the ROM table at `base` (e.g. MemAp.romTableAddress), identifying every component. */
export async function walkRomTable(memory: MemoryInterface, base: number): Promise<RomTableWalk> {
  const problems: string[] = [];
  const root = await visit(memory, base >>> 0, 0, problems, new Set());
  return { root, problems };
}

async function visit(memory: MemoryInterface, address: number, depth: number, problems: string[], seen: Set<number>): Promise<CoreSightComponent | undefined> {
  if (seen.has(address)) {
    problems.push(`ROM table loop: ${hex32(address)} listed twice`);
    return undefined;
  }
  seen.add(address);
  let id: ComponentId | undefined;
  try {
    id = await readComponentId(memory, address);
  } catch (error) {
    if (!(error instanceof TransferError)) throw error;
    problems.push(`component at ${hex32(address)}: ${error.message}`);
    return undefined;
  }
  if (id === undefined) {
    problems.push(`component at ${hex32(address)}: no valid CIDR preamble`);
    return undefined;
  }
  const component: CoreSightComponent = { address, id, children: [] };
  if (!isRomTable(id) || depth >= MAX_DEPTH) return component;
  for (const child of await readEntries(memory, address, id.componentClass === ComponentClass.RomTable, problems)) {
    const found = await visit(memory, child, depth + 1, problems, seen);
    if (found) component.children.push(found);
  }
  return component;
}

async function readEntries(memory: MemoryInterface, base: number, class1: boolean, problems: string[]): Promise<number[]> {
  const max = class1 ? MAX_ENTRIES_CLASS1 : MAX_ENTRIES_CLASS9;
  const addresses: number[] = [];
  for (let index = 0; index < max; index += ENTRY_BATCH) {
    let entries: Uint32Array;
    try {
      entries = await memory.readBlock32(base + 4 * index, Math.min(ENTRY_BATCH, max - index));
    } catch (error) {
      if (!(error instanceof TransferError)) throw error;
      problems.push(`ROM table at ${hex32(base)}: ${error.message}`);
      return addresses;
    }
    for (const entry of entries) {
      if (entry === 0) return addresses;
      // Class 0x1: bit 0 PRESENT. Class 0x9: PRESENT[1:0] = 0b11 present, 0b10 not present (skip).
      const present = class1 ? (entry & 0x1) === 1 : (entry & 0x3) === 0x3;
      if (!present) continue;
      const offset = (entry & 0xfffff000) | 0;
      addresses.push((base + offset) >>> 0);
    }
  }
  return addresses;
}

/** All components of a walk in depth-first order. */
export function flattenComponents(root: CoreSightComponent | undefined): CoreSightComponent[] {
  if (!root) return [];
  return [root, ...root.children.flatMap((c) => flattenComponents(c))];
}
