import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Builds the differential-test corpus with arm-none-eabi-gcc at test time. Each file in
 * corpus/v7m (for QEMU mps2-an386, Cortex-M4) and corpus/v6m (for QEMU microbit, Cortex-M0) is
 * one program, linked with our start-up code and linker script from corpus/runtime. ELF files go
 * to a cache directory under the OS temp directory, keyed by a hash of the compiler version, the
 * flags and every input, so an unchanged corpus is not rebuilt.
 */

export type CorpusArch = 'v7m' | 'v6m';

export interface CorpusProgram {
  readonly name: string;
  readonly arch: CorpusArch;
  readonly sourcePath: string;
}

export interface BuiltProgram extends CorpusProgram {
  readonly elfPath: string;
}

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
export const corpusDir = join(here, 'corpus');
const runtimeDir = join(corpusDir, 'runtime');

interface ArchBuild {
  readonly flags: readonly string[];
  readonly startup: string;
  readonly linkerScript: string;
}

const archBuilds: Record<CorpusArch, ArchBuild> = {
  v7m: { flags: ['-mcpu=cortex-m4', '-mfloat-abi=soft'], startup: 'startup-v7m.S', linkerScript: 'mps2-an386.ld' },
  v6m: { flags: ['-mcpu=cortex-m0'], startup: 'startup-v6m.S', linkerScript: 'microbit.ld' },
};

const commonFlags = ['-mthumb', '-O2', '-g', '-ffreestanding', '-fno-builtin', '-nostdlib', '-nostartfiles', '-Wall', '-Werror', '-Wa,--fatal-warnings'];

/** Every program of the corpus, v7-M first, in file-name order. */
export function listCorpus(): CorpusProgram[] {
  const programs: CorpusProgram[] = [];
  for (const arch of ['v7m', 'v6m'] as const) {
    const dir = join(corpusDir, arch);
    for (const file of readdirSync(dir).sort()) {
      const ext = extname(file);
      if (ext !== '.S' && ext !== '.c') continue;
      programs.push({ name: basename(file, ext), arch, sourcePath: join(dir, file) });
    }
  }
  return programs;
}

let compilerVersion: Promise<string> | undefined;

/** Compiles and links `program`, or returns the cached ELF built from identical inputs. */
export async function buildProgram(program: CorpusProgram): Promise<BuiltProgram> {
  compilerVersion ??= run('arm-none-eabi-gcc', ['--version'], { timeout: 30_000 }).then((r) => r.stdout);
  const build = archBuilds[program.arch];
  const inputs = [program.sourcePath, join(runtimeDir, build.startup), join(runtimeDir, build.linkerScript), join(runtimeDir, 'sections.ld')];
  const args = [
    ...commonFlags,
    ...build.flags,
    `-L${runtimeDir}`,
    `-T${join(runtimeDir, build.linkerScript)}`,
    join(runtimeDir, build.startup),
    program.sourcePath,
    '-lgcc',
  ];
  const hash = createHash('sha256');
  hash.update(await compilerVersion);
  hash.update(args.join('\0'));
  for (const input of inputs) hash.update(readFileSync(input));
  const cacheDir = join(tmpdir(), 'probedesk-qemu-corpus', hash.digest('hex').slice(0, 16));
  const elfPath = join(cacheDir, `${program.arch}-${program.name}.elf`);
  if (existsSync(elfPath)) return { ...program, elfPath };
  mkdirSync(cacheDir, { recursive: true });
  // Build beside the final name and rename, so a concurrent or interrupted build never leaves a
  // half-written ELF under the cached name.
  const partial = `${elfPath}.${process.pid}.partial`;
  try {
    await run('arm-none-eabi-gcc', [...args, '-o', partial], { timeout: 60_000 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`building ${program.sourcePath} failed:\n${err.stderr ?? err.message}`);
  }
  renameSync(partial, elfPath);
  return { ...program, elfPath };
}
