import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MemoryMap from 'nrf-intel-hex';
import { afterEach, describe, expect, it } from 'vitest';
import { createBoard, type BoardName } from '../../../main/sim/boards/index';
import { BUS_ERROR, BusMaster } from '../../../main/sim/bus/bus-types';
import { requireTools } from '../../support/require-tool';
import { marker, type OpenOcdTarget, openOcdConfig, runOpenOcd, section } from './openocd-run';
import { type RunningSimBoard, runSimCommand, startSimBoard } from './sim-board-process';

/**
 * The independent check of the simulator: OpenOCD 0.12 (Debian's `openocd`) drives each simulated
 * board through `probedesk sim --remote-bitbang` and its JTAG-DP test port with its own DAP code,
 * its own Cortex-M debug code and its own flash drivers (nrf5, stm32lx, whose loaders run on the
 * simulated core while OpenOCD polls memory), and the flash the board saves afterwards must hold
 * exactly the demo HEX.
 */

const toolsPresent = requireTools([{ command: 'openocd', aptPackage: 'openocd' }]);

const firmware = fileURLToPath(new URL('../../../resources/firmware/', import.meta.url));

interface BoardCase {
  readonly board: BoardName;
  readonly driver: string;
  readonly target: OpenOcdTarget;
  readonly flashBase: number;
  /** A word of erased flash: nRF52840 NVMC 0xFFFFFFFF, STM32L0 program memory 0 (RM0377 3.3.1). */
  readonly erasedWord: string;
  /** AP IDR of the processor's AHB-AP (Cortex-M4 / Cortex-M0+ TRM). */
  readonly ahbApIdr: string;
  /** ROM table components `dap info` must name. */
  readonly components: readonly string[];
}

const CASES: readonly BoardCase[] = [
  {
    board: 'nrf52840',
    driver: 'nrf5',
    // nRF52840 PS "Debug and trace": DPIDR 0x2BA01477, the ID OpenOCD's own nrf52.cfg expects.
    target: { chip: 'nrf52', expectedId: 0x2ba01477, workAreaSize: 0x4000, flashBank: 'nrf5 0x00000000 0 1 1' },
    flashBase: 0x0000_0000,
    erasedWord: 'ffffffff',
    ahbApIdr: '0x24770011',
    components: ['Cortex-M4 ROM (ROM Table)', 'Cortex-M3 DWT', 'Cortex-M3 FPB', 'Cortex-M3 ITM', 'Cortex-M4 TPIU', 'Cortex-M4 ETM'],
  },
  {
    board: 'stm32l051',
    driver: 'stm32lx',
    // RM0377 "Debug support": DPIDR 0x0BC11477, the ID OpenOCD's own stm32l0.cfg expects.
    target: { chip: 'stm32l0', expectedId: 0x0bc11477, workAreaSize: 0x800, flashBank: 'stm32lx 0x08000000 0 0 0' },
    flashBase: 0x0800_0000,
    erasedWord: '00000000',
    ahbApIdr: '0x04770031',
    components: ['Designer is 0x020, STMicroelectronics', 'Cortex-M0+ ROM (ROM Table)', 'Cortex-M0 DWT', 'Cortex-M0 BPU'],
  },
];

const OPENOCD_TIMEOUT_MS = 90_000;

const cleanups: (() => Promise<unknown> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function hexWord(bytes: Uint8Array, offset: number): string {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset, true).toString(16).padStart(8, '0');
}

function pcOf(text: string): number {
  const match = /pc(?: \(\/32\))?: 0x([0-9a-f]{8})/.exec(text);
  if (!match) throw new Error(`no pc in: ${text}`);
  return Number.parseInt(match[1]!, 16);
}

/** The board's saved flash, read back through a new board instance on the same state directory. */
function persistedBytes(board: BoardName, stateDir: string, image: MemoryMap): Map<number, Uint8Array> {
  const reopened = createBoard(board, { stateDir });
  try {
    const result = new Map<number, Uint8Array>();
    for (const [address, bytes] of image) {
      const read = new Uint8Array(bytes.length);
      for (let i = 0; i < bytes.length; i++) {
        const value = reopened.bus.read(address + i, 1, BusMaster.Debug);
        if (value === BUS_ERROR) throw new Error(`bus error reading 0x${(address + i).toString(16)}`);
        read[i] = value;
      }
      result.set(address, read);
    }
    return result;
  } finally {
    reopened.close();
  }
}

describe.skipIf(!toolsPresent)('OpenOCD 0.12 over the simulated JTAG-DP test port (probedesk sim --remote-bitbang)', () => {
  for (const c of CASES) {
    it(`${c.board}: init, dap info, halt, reg, mdw, step, resume and reset halt work, the demo HEX programmed by OpenOCD's ${c.driver} driver passes verify_image, and the saved flash equals the HEX`, async () => {
      const stateDir = tempDir('probedesk-openocd-state-');
      const work = tempDir('probedesk-openocd-cfg-');
      const hexPath = join(firmware, c.board, 'build', 'demo.hex');
      const image = MemoryMap.fromHex(readFileSync(hexPath, 'utf8'));
      const imageBytes = [...image.values()].reduce((n, b) => n + b.length, 0);
      const first = image.get(c.flashBase)!;

      expect(await runSimCommand(stateDir, ['--board', c.board, '--factory-reset'])).toContain(`sim:${c.board}: saved state in ${stateDir} reset to the factory state`);
      const running: RunningSimBoard = await startSimBoard(stateDir, c.board);
      cleanups.push(() => running.stop());

      const base = `0x${c.flashBase.toString(16).padStart(8, '0')}`;
      const { exitCode, output } = await runOpenOcd(
        work,
        openOcdConfig(c.target, running.port),
        [
          'init',
          marker('dap-info'),
          'dap info',
          marker('halt'),
          'halt',
          marker('reg'),
          'reg',
          marker('mdw'),
          `mdw ${base} 2`,
          marker('step'),
          'step',
          'reg pc',
          marker('resume'),
          'resume',
          marker('reset-halt'),
          'reset halt',
          marker('erase'),
          'flash erase_sector 0 0 0',
          `mdw ${base} 2`,
          marker('program'),
          `flash write_image erase ${hexPath}`,
          marker('verify'),
          `verify_image ${hexPath}`,
          marker('end'),
          'shutdown',
        ],
        OPENOCD_TIMEOUT_MS,
      );
      expect(exitCode, output).toBe(0);
      expect(output).toContain(`tap/device found: 0x${c.target.expectedId.toString(16).padStart(8, '0')}`);

      const dapInfo = section(output, 'dap-info');
      expect(dapInfo).toContain(`AP ID register ${c.ahbApIdr}`);
      expect(dapInfo).toContain('Valid ROM table present');
      for (const component of c.components) expect(dapInfo).toContain(component);

      expect(section(output, 'halt')).toContain('halted due to debug-request');
      const regs = section(output, 'reg');
      const haltedPc = pcOf(regs);
      expect(regs).toMatch(/msp \(\/32\): 0x[0-9a-f]{8}/);
      expect(section(output, 'mdw')).toContain(`${base}: ${hexWord(first, 0)} ${hexWord(first, 4)}`);

      const step = section(output, 'step');
      expect(step).toContain('halted due to single-step');
      expect(pcOf(step)).not.toBe(haltedPc);

      const resetHalt = section(output, 'reset-halt');
      const resetVector = Number.parseInt(hexWord(first, 4), 16);
      expect(pcOf(resetHalt)).toBe((resetVector & ~1) >>> 0);
      expect(resetHalt).toContain(`msp: 0x${hexWord(first, 0)}`);

      expect(section(output, 'erase')).toContain(`${base}: ${c.erasedWord} ${c.erasedWord}`);
      expect(section(output, 'program')).toContain(`wrote `);
      expect(section(output, 'verify')).toContain(`verified ${imageBytes} bytes`);

      expect(await running.stop()).toBe(0);
      const saved = persistedBytes(c.board, stateDir, image);
      for (const [address, bytes] of image) expect(saved.get(address), `flash at 0x${address.toString(16)}`).toEqual(bytes);
    });
  }
});
