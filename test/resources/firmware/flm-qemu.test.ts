/**
 * Executes the four FLM algorithms' code on a Cortex-M4 model (QEMU mps2-an386, driven by
 * gdb-multiarch) the way an FLM host does: PrgCode + PrgData copied as one block to a RAM
 * address, R9 set to the copy of PrgData, arguments in R0-R2, LR at a breakpoint. Only the paths
 * that touch no flash controller run here (QEMU has none of ours): Verify and BlankCheck at two
 * different load addresses, and the static-base checks that refuse to work when R9 is wrong or
 * Init was not called. The Cortex-M0+ algorithms run unchanged, Thumb code being common to both.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRMWARE_DIR } from '../../../scripts/firmware/check-firmware';
import { requireTools } from '../../support/require-tool';
import { parseElf32, section, symbol } from './elf32';

const run = promisify(execFile);

const FLMS = ['nrf52840-flash', 'nrf52840-uicr', 'stm32l0-flash', 'stm32l0-eeprom'];
/** Two load addresses, both word aligned as an FLM host requires. */
const LOAD_ADDRESSES = [0x20001000, 0x20006004];
const RETURN_ADDRESS = 0x20000800;
const STACK_TOP = 0x20020000;
const REFERENCE = 0x20010000;
const COPY = 0x20010100;

const toolsPresent = requireTools([
  { command: 'arm-none-eabi-objcopy', aptPackage: 'binutils-arm-none-eabi' },
  { command: 'qemu-system-arm', aptPackage: 'qemu-system-arm' },
  { command: 'gdb-multiarch', aptPackage: 'gdb-multiarch' },
]);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const hex = (value: number) => `0x${value.toString(16)}`;

describe.runIf(toolsPresent)('FLM code run from RAM on QEMU mps2-an386', () => {
  let work = '';
  const results = new Map<string, number>();

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'probedesk-flm-qemu-'));
    // 64 bytes of 0xA5 followed by 0x5A; the copy differs from it at offset 17 only.
    const reference = Buffer.alloc(65, 0xa5);
    reference[64] = 0x5a;
    const copy = Buffer.from(reference.subarray(0, 64));
    copy[17] = 0x00;
    await writeFile(join(work, 'reference.bin'), reference);
    await writeFile(join(work, 'copy.bin'), copy);

    const port = await freePort();
    const lines = ['set pagination off', 'set confirm off', `target remote 127.0.0.1:${port}`];
    // Thumb "b ." at the return address, with a breakpoint on it.
    lines.push(`set var *(unsigned short *)${hex(RETURN_ADDRESS)} = 0xe7fe`, `break *${hex(RETURN_ADDRESS)}`);
    lines.push(`restore ${join(work, 'reference.bin')} binary ${hex(REFERENCE)}`, `restore ${join(work, 'copy.bin')} binary ${hex(COPY)}`);
    const call = (label: string, entry: number, r9: number, args: number[]) => {
      lines.push(`set var $sp = ${hex(STACK_TOP)}`, `set var $lr = ${hex(RETURN_ADDRESS | 1)}`, `set var $xpsr = 0x01000000`, `set var $r9 = ${hex(r9)}`);
      args.forEach((value, i) => lines.push(`set var $r${i} = ${hex(value)}`));
      lines.push(`set var $pc = ${hex(entry & ~1)}`, 'continue', `printf "RESULT ${label}=%u\\n", $r0`);
    };
    for (const name of FLMS) {
      const file = join(FIRMWARE_DIR, 'flm', 'build', `${name}.FLM`);
      const elf = parseElf32(await readFile(file));
      const blob = join(work, `${name}.bin`);
      await run('arm-none-eabi-objcopy', ['-O', 'binary', '-j', 'PrgCode', '-j', 'PrgData', file, blob], { timeout: 60_000 });
      const dataOffset = section(elf, 'PrgData').addr;
      const at = (base: number, fn: string) => base + symbol(elf, fn).value;
      const devAdr = deviceAddress(elf);
      LOAD_ADDRESSES.forEach((base, placement) => {
        lines.push(`restore ${blob} binary ${hex(base)}`);
        const sb = base + dataOffset;
        call(`${name}.${placement}.blank`, at(base, 'BlankCheck'), sb, [REFERENCE, 64, 0xa5]);
        call(`${name}.${placement}.notblank`, at(base, 'BlankCheck'), sb, [REFERENCE, 65, 0xa5]);
        call(`${name}.${placement}.verify`, at(base, 'Verify'), sb, [REFERENCE, 64, COPY]);
        call(`${name}.${placement}.verifysame`, at(base, 'Verify'), sb, [REFERENCE, 17, COPY]);
        call(`${name}.${placement}.erasenoinit`, at(base, 'EraseSector'), sb, [devAdr]);
        call(`${name}.${placement}.programnoinit`, at(base, 'ProgramPage'), sb, [devAdr, 64, COPY]);
        call(`${name}.${placement}.initbadr9`, at(base, 'Init'), sb + 4, [devAdr, 0, 1]);
        call(`${name}.${placement}.initbadfnc`, at(base, 'Init'), sb, [devAdr, 0, 4]);
      });
    }
    lines.push('kill');
    const script = join(work, 'session.gdb');
    await writeFile(script, lines.join('\n'));

    // Any Cortex-M image gives QEMU a reset state; the committed nRF52840 demo is linked at 0x0.
    const kernel = join(FIRMWARE_DIR, 'nrf52840', 'build', 'demo.elf');
    const qemu = spawn(
      'qemu-system-arm',
      ['-M', 'mps2-an386', '-display', 'none', '-serial', 'null', '-monitor', 'none', '-gdb', `tcp:127.0.0.1:${port}`, '-S', '-kernel', kernel],
      { stdio: 'ignore' },
    );
    try {
      const { stdout } = await run('gdb-multiarch', ['-q', '-batch', '-x', script], { timeout: 120_000 });
      for (const match of stdout.matchAll(/^RESULT (\S+)=(\d+)$/gm)) results.set(match[1]!, Number(match[2]));
    } finally {
      qemu.kill('SIGKILL');
    }
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
