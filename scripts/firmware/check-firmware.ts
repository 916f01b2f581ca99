/**
 * `npm run firmware:check`: rebuilds resources/firmware from a copy of its sources in a temporary
 * directory (so a different absolute path, as on CI) and fails, naming the files, when any output
 * differs from the committed one byte for byte.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The firmware folder of this checkout. */
export const FIRMWARE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/firmware');

/** A full rebuild takes a few seconds; this bound only stops a stuck toolchain. */
const MAKE_TIMEOUT_MS = 300_000;

export interface FirmwareCheckResult {
  /** Every output the Makefile produces (`make list-outputs`), in its order. */
  outputs: string[];
  /** Outputs whose rebuilt bytes differ from the committed file. */
  differing: string[];
  /** Outputs the rebuild produced that are not committed. */
  missing: string[];
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Runs make with a bounded time; a failure carries make's own output. */
async function make(args: string[]): Promise<string> {
  try {
    const { stdout } = await run('make', args, { timeout: MAKE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`firmware rebuild failed (make ${args.join(' ')}): ${e.stderr || e.stdout || e.message}`);
  }
}

/** Rebuilds the firmware from a copy of `firmwareDir` and compares every output with the committed file. */
export async function checkFirmware(firmwareDir: string = FIRMWARE_DIR): Promise<FirmwareCheckResult> {
  const work = await mkdtemp(join(tmpdir(), 'probedesk-firmware-check-'));
  try {
    const source = join(work, 'source', 'firmware');
    const out = join(work, 'out');
    await cp(firmwareDir, source, { recursive: true });
    const outputs = (await make(['-s', '-C', source, 'list-outputs'])).trim().split(/\s+/);
    await make(['-s', '-C', source, `OUT=${out}`]);
    const differing: string[] = [];
    const missing: string[] = [];
    for (const name of outputs) {
      const rebuilt = await readFile(join(out, name));
      const committed = await readOrNull(join(firmwareDir, name));
      if (committed === null) missing.push(name);
      else if (!committed.equals(rebuilt)) differing.push(name);
    }
    return { outputs, differing, missing };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const result = await checkFirmware();
  for (const name of result.missing) console.error(`not committed: resources/firmware/${name}`);
  for (const name of result.differing) console.error(`differs from the rebuild: resources/firmware/${name}`);
  if (result.missing.length > 0 || result.differing.length > 0) {
    console.error('Run `npm run firmware` and commit the outputs.');
    process.exitCode = 1;
    return;
  }
  console.log(`firmware: ${result.outputs.length} outputs match the committed files`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
