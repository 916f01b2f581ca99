/**
 * Executes the nRF52840 flash and UICR algorithms' sources against QEMU's nRF51 NVMC model
 * (machine `microbit`), which has the same NVMC registers at 0x4001E000 (READY, CONFIG,
 * ERASEPAGE, ERASEALL, ERASEUICR) and memory-mapped flash at 0x0 and UICR at 0x10001000. Its
 * CPU is a Cortex-M0, so the sources are built here for ARMv6-M with the same FLM flags and
 * linker script; the committed Cortex-M4 builds are checked structurally in flm.test.ts. QEMU's
 * model completes every operation at once, so this proves the algorithms' data path (word
 * assembly, padding, addresses, CONFIG sequencing, Init/UnInit through R9), not flash timing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRMWARE_DIR } from '../../../scripts/firmware/check-firmware';
import { requireTools } from '../../support/require-tool';
import { parseElf32, section, symbol } from './elf32';
import { GdbScript, hex, parseResults, runQemuGdb } from './qemu-gdb';

const run = promisify(execFile);
const FLM_SOURCES = join(FIRMWARE_DIR, 'flm');
const LOAD_ADDRESS = 0x20001000;
const DATA = 0x20002000;
const STACK_TOP = 0x20004000;
const NVMC_CONFIG = 0x4001e504;
const FLASH_PAGE = 0x8000;
const UICR_CUSTOMER = 0x10001080;

const toolsPresent = requireTools([
  { command: 'arm-none-eabi-gcc', aptPackage: 'gcc-arm-none-eabi' },
  { command: 'arm-none-eabi-objcopy', aptPackage: 'binutils-arm-none-eabi' },
  { command: 'qemu-system-arm', aptPackage: 'qemu-system-arm' },
  { command: 'gdb-multiarch', aptPackage: 'gdb-multiarch' },
]);

/** Builds one algorithm for the Cortex-M0 and returns its entry points and static base. */
async function buildForCortexM0(work: string, name: string) {
  const elfPath = join(work, `${name}-m0.elf`);
  const blob = join(work, `${name}-m0.bin`);
  await run(
    'arm-none-eabi-gcc',
    [
      '-mcpu=cortex-m0', '-mthumb', '-Os', '-std=c11', '-ffreestanding', '-fno-common', '-fno-builtin', '-fno-tree-loop-distribute-patterns',
      '-ffunction-sections', '-fdata-sections', '-Wall', '-Wextra', '-Werror', `-I${FLM_SOURCES}`, '-fPIC', '-msingle-pic-base',
      '-mpic-register=r9', '-mno-pic-data-is-text-relative', '-nostdlib', '-nostartfiles', '-Wl,--build-id=none',
      `-Wl,-T,${join(FLM_SOURCES, 'flm.ld')}`, '-Wl,--no-undefined', join(FLM_SOURCES, `${name}.c`), join(FLM_SOURCES, 'flm-common.c'), '-o', elfPath,
    ],
    { timeout: 120_000 },
  );
  await run('arm-none-eabi-objcopy', ['-O', 'binary', '-j', 'PrgCode', '-j', 'PrgData', elfPath, blob], { timeout: 60_000 });
  const elf = parseElf32(await readFile(elfPath));
  const entry = (fn: string) => LOAD_ADDRESS + symbol(elf, fn).value;
  return { blob, entry, staticBase: LOAD_ADDRESS + section(elf, 'PrgData').addr };
}

describe.runIf(toolsPresent)('nRF52840 flash algorithms on the QEMU nRF51 NVMC model', () => {
  let work = '';
  let results = new Map<string, number>();
  // Words 0-15: a counting pattern with one all-ones word (index 5), which the algorithm skips.
  const pattern = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) pattern[i] = (i * 7 + 3) & 0xff;
  pattern.writeUInt32LE(0xffffffff, 20);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'probedesk-flm-nvmc-'));
    await writeFile(join(work, 'pattern.bin'), pattern);
    const flash = await buildForCortexM0(work, 'nrf52840-flash');
    const uicr = await buildForCortexM0(work, 'nrf52840-uicr');
    const config = (label: string) => `printf "RESULT ${label}=%u\\n", *(unsigned *)${hex(NVMC_CONFIG)}`;
    const word = (label: string, address: number) => `printf "RESULT ${label}=%u\\n", *(unsigned *)${hex(address)}`;

    const script = new GdbScript(STACK_TOP).trampoline().add(`restore ${join(work, 'pattern.bin')} binary ${hex(DATA)}`);
    script.add(`restore ${flash.blob} binary ${hex(LOAD_ADDRESS)}`);
    const f = (label: string, fn: string, args: number[]) => script.call(`flash.${label}`, flash.entry(fn), flash.staticBase, args);
    f('init-erase', 'Init', [0, 64_000_000, 1]);
    f('erase', 'EraseSector', [FLASH_PAGE]);
    script.add(config('flash.config-after-erase'));
    f('blank', 'BlankCheck', [FLASH_PAGE, 1024, 0xff]);
    f('uninit-erase', 'UnInit', [1]);
    f('init-program', 'Init', [0, 64_000_000, 2]);
    f('program', 'ProgramPage', [FLASH_PAGE, 64, DATA]);
    script.add(config('flash.config-after-program'));
    f('verify', 'Verify', [FLASH_PAGE, 64, DATA]);
    f('program-partial', 'ProgramPage', [FLASH_PAGE + 64, 6, DATA]);
    script.add(word('flash.partial-word-1', FLASH_PAGE + 68));
    f('program-misaligned', 'ProgramPage', [FLASH_PAGE + 130, 4, DATA]);
    f('program-beyond', 'ProgramPage', [0x100000, 4, DATA]);
    f('uninit-program', 'UnInit', [2]);
    f('erase-after-uninit', 'EraseSector', [FLASH_PAGE]);
    f('init-chip', 'Init', [0, 64_000_000, 1]);
    f('erase-chip', 'EraseChip', []);
    f('blank-after-chip', 'BlankCheck', [FLASH_PAGE, 1024, 0xff]);
    f('uninit-chip', 'UnInit', [1]);

    script.add(`restore ${uicr.blob} binary ${hex(LOAD_ADDRESS)}`);
    const u = (label: string, fn: string, args: number[]) => script.call(`uicr.${label}`, uicr.entry(fn), uicr.staticBase, args);
    u('init', 'Init', [0x10001000, 64_000_000, 2]);
    u('erase', 'EraseSector', [0x10001000]);
    u('blank', 'BlankCheck', [UICR_CUSTOMER, 16, 0xff]);
    u('program', 'ProgramPage', [UICR_CUSTOMER, 16, DATA]);
    // QEMU's UICR model answers a byte read with the low byte of the word, so the programmed
    // words are read back whole here instead of through Verify's byte compare.
    for (let i = 0; i < 4; i++) script.add(word(`uicr.word${i}`, UICR_CUSTOMER + 4 * i));
    u('program-outside', 'ProgramPage', [0x10002000, 4, DATA]);
    u('erase-chip', 'EraseChip', []);
    u('blank-after-chip', 'BlankCheck', [UICR_CUSTOMER, 16, 0xff]);
    u('uninit', 'UnInit', [2]);

    results = parseResults(await runQemuGdb({ work, machine: 'microbit', qemuArgs: ['-serial', 'null'], script }));
  }, 240_000);

  afterAll(async () => {
    if (work !== '') await rm(work, { recursive: true, force: true });
  });

  it('erases a page to 0xFF between Init(erase) and UnInit, leaving CONFIG read-only', () => {
    expect(results.get('flash.init-erase')).toBe(0);
    expect(results.get('flash.erase')).toBe(0);
    expect(results.get('flash.config-after-erase')).toBe(0);
    expect(results.get('flash.blank')).toBe(0);
    expect(results.get('flash.uninit-erase')).toBe(0);
  });

  it('programs a page so that Verify passes, and pads a trailing partial word with 0xFF', () => {
    expect(results.get('flash.init-program')).toBe(0);
    expect(results.get('flash.program')).toBe(0);
    expect(results.get('flash.config-after-program')).toBe(0);
    expect(results.get('flash.verify')).toBe(FLASH_PAGE + 64);
    expect(results.get('flash.program-partial')).toBe(0);
    expect(results.get('flash.partial-word-1')).toBe((0xffff0000 | pattern.readUInt16LE(4)) >>> 0);
  });

  it('rejects a misaligned or out-of-range ProgramPage and any erase after UnInit', () => {
    expect(results.get('flash.program-misaligned')).toBe(1);
    expect(results.get('flash.program-beyond')).toBe(1);
    expect(results.get('flash.uninit-program')).toBe(0);
    expect(results.get('flash.erase-after-uninit')).toBe(1);
  });

  it('erases the whole flash with EraseChip', () => {
    expect(results.get('flash.init-chip')).toBe(0);
    expect(results.get('flash.erase-chip')).toBe(0);
    expect(results.get('flash.blank-after-chip')).toBe(0);
    expect(results.get('flash.uninit-chip')).toBe(0);
  });

  it('erases, programs and verifies UICR words and rejects addresses outside the UICR', () => {
    expect(results.get('uicr.init')).toBe(0);
    expect(results.get('uicr.erase')).toBe(0);
    expect(results.get('uicr.blank')).toBe(0);
    expect(results.get('uicr.program')).toBe(0);
    for (let i = 0; i < 4; i++) expect(results.get(`uicr.word${i}`)).toBe(pattern.readUInt32LE(4 * i));
    expect(results.get('uicr.program-outside')).toBe(1);
    expect(results.get('uicr.erase-chip')).toBe(0);
    expect(results.get('uicr.blank-after-chip')).toBe(0);
    expect(results.get('uicr.uninit')).toBe(0);
  });
});
