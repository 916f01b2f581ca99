import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MemoryMap from 'nrf-intel-hex';
import type { NvmArray } from './nvm-array';

/** A non-volatile array as seen at its bus address, for placing image bytes. */
export interface ImageRegion {
  readonly base: number;
  readonly array: NvmArray;
}

/** resources/firmware/ of this checkout (the demo images are committed there). */
export function firmwareRoot(): string {
  return fileURLToPath(new URL('../../../../resources/firmware/', import.meta.url));
}

/**
 * The committed demo image of a board: `<root>/<board>/build/demo.hex` as the firmware
 * Makefile writes it. A missing image is an error naming the path, never an empty board.
 */
export function demoImagePath(boardName: string, root: string = firmwareRoot()): string {
  const dir = join(root, boardName, 'build');
  const path = join(dir, 'demo.hex');
  if (existsSync(path)) return path;
  const present = existsSync(dir) ? readdirSync(dir).join(', ') : '(directory missing)';
  throw new Error(`demo firmware for ${boardName} not found at ${path}; ${dir} holds: ${present}`);
}

/**
 * Writes an Intel HEX image into the arrays it covers, as a factory programmer does (the
 * bytes are stored as given, bypassing the memory controller). Bytes outside every region are
 * an error naming the address.
 */
export function loadHexImage(path: string, regions: readonly ImageRegion[]): void {
  const blocks = MemoryMap.fromHex(readFileSync(path, 'utf8'));
  for (const [address, bytes] of blocks) {
    for (let i = 0; i < bytes.length; ) {
      const at = address + i;
      const region = regions.find((r) => at >= r.base && at < r.base + r.array.size);
      if (region === undefined) throw new Error(`${path}: data at 0x${at.toString(16)} lies outside the board's non-volatile memory`);
      const offset = at - region.base;
      const count = Math.min(bytes.length - i, region.array.size - offset);
      region.array.bytes.set(bytes.subarray(i, i + count), offset);
      region.array.dirty = true;
      i += count;
    }
  }
  for (const r of regions) r.array.load(r.array.bytes.slice());
}
