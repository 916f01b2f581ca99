// "Builds if needed": each output (out/main, out/preload, out/renderer) is rebuilt with its Vite
// config when it is missing or older than any of its sources.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { createLogger } from '../../../shared/log/logger';
import { projectRoot } from '../../host/project-paths';
import { CliError } from '../cli-error';

export type BuildTarget = 'main' | 'preload' | 'renderer';

interface TargetFiles {
  readonly config: string;
  readonly output: string;
  readonly sources: readonly string[];
}

const TARGETS: Record<BuildTarget, TargetFiles> = {
  main: { config: 'vite.main.config.ts', output: 'out/main/index.js', sources: ['main', 'shared', 'package.json'] },
  preload: { config: 'vite.preload.config.ts', output: 'out/preload/index.cjs', sources: ['preload', 'shared'] },
  renderer: { config: 'vite.renderer.config.ts', output: 'out/renderer/index.html', sources: ['renderer', 'shared'] },
};

const log = createLogger('cli.build');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why `target` must be (re)built, or undefined when its output is current. */
export function staleReason(target: BuildTarget, root = projectRoot): string | undefined {
  const files = TARGETS[target];
  const output = join(root, files.output);
  if (!existsSync(output)) return `${files.output} is missing`;
  const built = statSync(output).mtimeMs;
  const inputs = [...files.sources, files.config].map((s) => join(root, s));
  return inputs.some((input) => newestMtime(input) > built) ? `${files.output} is older than its sources` : undefined;
}

const LOCK_WAIT_MS = 180_000;
/** A lock older than this belongs to a build that died; a real build takes seconds. */
const LOCK_STALE_MS = 600_000;

/**
 * Runs `fn` holding out/.build-lock, so two commands started together (two `npm start`s, parallel
 * test files) never build into the same directory at once. mkdir is atomic, so it is the lock.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(projectRoot, 'out', '.build-lock');
  mkdirSync(join(projectRoot, 'out'), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  while (true) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new CliError(`another build has held ${lock} for ${Math.round(age / 1000)} s; remove it if no build is running`);
      else await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function ensureBuilt(targets: readonly BuildTarget[], notice: (line: string) => void): Promise<void> {
  if (targets.every((target) => !staleReason(target))) return;
  await withBuildLock(async () => {
    for (const target of targets) {
      // Checked again under the lock: another process may have just built it.
      const reason = staleReason(target);
      if (!reason) continue;
      notice(`Building ${target} (${reason})…`);
      let vite: typeof import('vite');
      try {
        vite = await import('vite');
      } catch {
        throw new CliError(`${reason} and Vite is not installed to build it: run \`npm install && npm run build\``);
      }
      await vite.build({ configFile: join(projectRoot, TARGETS[target].config), logLevel: 'warn' });
      log.debug(`built ${target}`);
    }
  });
}
