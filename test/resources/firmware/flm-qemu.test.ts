/**
 * Executes the four FLM algorithms' code on a Cortex-M4 model (QEMU mps2-an386, driven by
 * gdb-multiarch) the way an FLM host does: PrgCode + PrgData copied as one block to a RAM
 * address, R9 set to the copy of PrgData, arguments in R0-R2, LR at a breakpoint. Only the paths
 * that touch no flash controller run here (QEMU has none of ours): Verify and BlankCheck at two
 * different load addresses, and the static-base checks that refuse to work when R9 is wrong or
 * Init was not called. The Cortex-M0+ algorithms run unchanged, Thumb code being common to both.
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

const FLMS = ['nrf52840-flash', 'nrf52840-uicr', 'stm32l0-flash', 'stm32l0-eeprom'];
/** Two load addresses, both word aligned as an FLM host requires. */
const LOAD_ADDRESSES = [0x20001000, 0x20006004];
const STACK_TOP = 0x20020000;
const REFERENCE = 0x20010000;
const COPY = 0x20010100;

const toolsPresent = requireTools([
  { command: 'arm-none-eabi-objcopy', aptPackage: 'binutils-arm-none-eabi' },
  { command: 'qemu-system-arm', aptPackage: 'qemu-system-arm' },
  { command: 'gdb-multiarch', aptPackage: 'gdb-multiarch' },
]);

describe.runIf(toolsPresent)('FLM code run from RAM on QEMU mps2-an386', () => {
  let work = '';
  let results = new Map<string, number>();

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'probedesk-flm-qemu-'));
    // 64 bytes of 0xA5 followed by 0x5A; the copy differs from it at offset 17 only.
    const reference = Buffer.alloc(65, 0xa5);
    reference[64] = 0x5a;
    const copy = Buffer.from(reference.subarray(0, 64));
    copy[17] = 0x00;
    await writeFile(join(work, 'reference.bin'), reference);
    await writeFile(join(work, 'copy.bin'), copy);

    const script = new GdbScript(STACK_TOP).trampoline();
    script.add(`restore ${join(work, 'reference.bin')} binary ${hex(REFERENCE)}`, `restore ${join(work, 'copy.bin')} binary ${hex(COPY)}`);
    for (const name of FLMS) {
      const file = join(FIRMWARE_DIR, 'flm', 'build', `${name}.FLM`);
      const elf = parseElf32(await readFile(file));
      const blob = join(work, `${name}.bin`);
      await run('arm-none-eabi-objcopy', ['-O', 'binary', '-j', 'PrgCode', '-j', 'PrgData', file, blob], { timeout: 60_000 });
      const dataOffset = section(elf, 'PrgData').addr;
      const at = (base: number, fn: string) => base + symbol(elf, fn).value;
      const devAdr = deviceAddress(elf);
      LOAD_ADDRESSES.forEach((base, placement) => {
        script.add(`restore ${blob} binary ${hex(base)}`);
        const sb = base + dataOffset;
        script.call(`${name}.${placement}.blank`, at(base, 'BlankCheck'), sb, [REFERENCE, 64, 0xa5]);
        script.call(`${name}.${placement}.notblank`, at(base, 'BlankCheck'), sb, [REFERENCE, 65, 0xa5]);
        script.call(`${name}.${placement}.verify`, at(base, 'Verify'), sb, [REFERENCE, 64, COPY]);
        script.call(`${name}.${placement}.verifysame`, at(base, 'Verify'), sb, [REFERENCE, 17, COPY]);
        script.call(`${name}.${placement}.erasenoinit`, at(base, 'EraseSector'), sb, [devAdr]);
        script.call(`${name}.${placement}.programnoinit`, at(base, 'ProgramPage'), sb, [devAdr, 64, COPY]);
        script.call(`${name}.${placement}.initbadr9`, at(base, 'Init'), sb + 4, [devAdr, 0, 1]);
        script.call(`${name}.${placement}.initbadfnc`, at(base, 'Init'), sb, [devAdr, 0, 4]);
      });
    }
    // Any Cortex-M image gives QEMU a reset state; the committed nRF52840 demo is linked at 0x0.
    const kernel = join(FIRMWARE_DIR, 'nrf52840', 'build', 'demo.elf');
    results = parseResults(await runQemuGdb({ work, machine: 'mps2-an386', qemuArgs: ['-serial', 'null', '-kernel', kernel], script }));
  }, 240_000);

  afterAll(async () => {
    if (work !== '') await rm(work, { recursive: true, force: true });
  });

  describe.each(FLMS)('%s', (name) => {
    it.each([0, 1])('answers BlankCheck and Verify correctly when loaded at placement %i', (placement) => {
      expect(results.get(`${name}.${placement}.blank`)).toBe(0);
      expect(results.get(`${name}.${placement}.notblank`)).toBe(1);
      expect(results.get(`${name}.${placement}.verify`)).toBe(REFERENCE + 17);
      expect(results.get(`${name}.${placement}.verifysame`)).toBe(REFERENCE + 17);
    });

    it.each([0, 1])('refuses to erase or program before Init and to Init with a wrong R9 or function code (placement %i)', (placement) => {
      expect(results.get(`${name}.${placement}.erasenoinit`)).toBe(1);
      expect(results.get(`${name}.${placement}.programnoinit`)).toBe(1);
      expect(results.get(`${name}.${placement}.initbadr9`)).toBe(1);
      expect(results.get(`${name}.${placement}.initbadfnc`)).toBe(1);
    });
  });
});

/** FlashDevice.DevAdr (offset 132 in the descriptor). */
function deviceAddress(elf: ReturnType<typeof parseElf32>): number {
  const device = symbol(elf, 'FlashDevice');
  const descriptor = section(elf, 'DevDscr');
  return descriptor.data.readUInt32LE(device.value - descriptor.addr + 132);
}
