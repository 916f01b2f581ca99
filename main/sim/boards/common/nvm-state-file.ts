import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NvmArray } from './nvm-array';

/**
 * The saved content of a board's non-volatile arrays: one raw image file per array
 * (`<dir>/<board>/<array>.bin`), written to a temporary name and renamed so a crash leaves
 * either the old or the new image, never half of one.
 */
export class NvmStateFile {
  readonly boardDir: string;

  constructor(stateDir: string, boardName: string) {
    this.boardDir = join(stateDir, boardName);
  }

  imagePath(array: NvmArray): string {
    return join(this.boardDir, `${array.name}.bin`);
  }

  /** True when every array has a saved image. */
  exists(arrays: readonly NvmArray[]): boolean {
    return arrays.every((a) => existsSync(this.imagePath(a)));
  }

  /** Loads every array from its image; a wrong size is an error naming the file. */
  load(arrays: readonly NvmArray[]): void {
    for (const a of arrays) {
      const path = this.imagePath(a);
      const content = readFileSync(path);
      if (content.length !== a.size) throw new Error(`${path}: saved ${a.name} image is ${content.length} bytes, expected ${a.size}`);
      a.load(content);
      a.dirty = false;
    }
  }

  /** Writes the arrays that changed since the last save (all of them with `force`). */
  save(arrays: readonly NvmArray[], force = false): void {
    mkdirSync(this.boardDir, { recursive: true });
    for (const a of arrays) {
      if (!a.dirty && !force) continue;
      const path = this.imagePath(a);
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, a.bytes);
      renameSync(tmp, path);
      a.dirty = false;
    }
  }
}
