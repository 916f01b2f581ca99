import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** True when a process with this id exists (EPERM means it exists but belongs to someone else). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A simulated board is owned by one process at a time, as a USB probe is: a lock file holding
 * the owner's pid. A lock left by a process that no longer exists is taken over.
 */
export class BoardLock {
  private held = false;

  private constructor(
    readonly path: string,
    readonly boardLabel: string,
  ) {}

  /** Takes the lock or throws "<label> is in use by process N". */
  static acquire(path: string, boardLabel: string): BoardLock {
    mkdirSync(dirname(path), { recursive: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        const lock = new BoardLock(path, boardLabel);
        lock.held = true;
        return lock;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const owner = BoardLock.owner(path);
      if (owner !== undefined && processAlive(owner)) {
        throw new Error(`${boardLabel} is in use by process ${owner} (lock file ${path})`);
      }
      try {
        unlinkSync(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    throw new Error(`${boardLabel}: could not take the lock file ${path}`);
  }

  /** The pid recorded in the lock file, or undefined when it is missing or unreadable. */
  static owner(path: string): number | undefined {
    try {
      const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    if (BoardLock.owner(this.path) === process.pid) unlinkSync(this.path);
  }
}
