import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIRMWARE_DIR, checkFirmware } from '../../../scripts/firmware/check-firmware';
import { requireTools } from '../../support/require-tool';

const toolsPresent = requireTools([
  { command: 'make', aptPackage: 'make' },
  { command: 'arm-none-eabi-gcc', aptPackage: 'gcc-arm-none-eabi' },
  { command: 'arm-none-eabi-objcopy', aptPackage: 'binutils-arm-none-eabi' },
]);

describe.runIf(toolsPresent)('npm run firmware:check', () => {
  const scratch: string[] = [];
  afterAll(async () => {
    for (const dir of scratch) await rm(dir, { recursive: true, force: true });
  });

  it('rebuilds every committed output byte for byte from a copy of the sources elsewhere', async () => {
    const result = await checkFirmware();
    expect(result.outputs).toEqual([
      'nrf52840/build/demo.elf',
      'nrf52840/build/demo.hex',
      'nrf52840/build/demo.bin',
      'stm32l051/build/demo.elf',
      'stm32l051/build/demo.hex',
      'stm32l051/build/demo.bin',
      'flm/build/nrf52840-flash.FLM',
      'flm/build/nrf52840-uicr.FLM',
      'flm/build/stm32l0-flash.FLM',
      'flm/build/stm32l0-eeprom.FLM',
    ]);
    expect(result.differing).toEqual([]);
    expect(result.missing).toEqual([]);
  });

  it('names the output that differs when a committed file was altered', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'probedesk-firmware-altered-'));
    scratch.push(copy);
    await cp(FIRMWARE_DIR, copy, { recursive: true });
    const hexPath = join(copy, 'stm32l051', 'build', 'demo.hex');
    const hex = await readFile(hexPath, 'latin1');
    await writeFile(hexPath, hex.replace(/\n/, '\r\n'), 'latin1');
    await rm(join(copy, 'flm', 'build', 'nrf52840-uicr.FLM'));
    const result = await checkFirmware(copy);
    expect(result.differing).toEqual(['stm32l051/build/demo.hex']);
    expect(result.missing).toEqual(['flm/build/nrf52840-uicr.FLM']);
  });
});
