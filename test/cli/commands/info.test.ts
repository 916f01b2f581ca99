import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runToExit } from './run-to-exit';

const stateDir = mkdtempSync(join(tmpdir(), 'probedesk-info-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));
const sim = ['-O', `sim.state_dir=${stateDir}`];

describe('probedesk info', () => {
  it('describes the simulated nRF52840: DP, both APs, the Cortex-M4 ROM table components and the core by name', async () => {
    const run = await runToExit(['info', '-u', 'sim:nrf52840', ...sim]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^DP: +DPIDR 0x2ba01477/m);
    expect(run.stdout).toMatch(/^ {2}AP0: IDR 0x24770011 +AHB3 MEM-AP/m);
    expect(run.stdout).toMatch(/^ {2}AP1: IDR 0x02880000 .*Nordic Semiconductor/m);
    for (const component of ['ROM table (Cortex-M4)', 'SCS-M4', 'DWT', 'FPB', 'ITM', 'TPIU-M4', 'ETM-M4']) {
      expect(run.stdout).toContain(`  ${component} (Arm Ltd)`);
    }
    expect(run.stdout).toMatch(/^ {2}core 0: Cortex-M4 r0p1 \(ARMv7-M\), FPU single precision, 6 hardware breakpoints, 4 watchpoints/m);
  });

  it('describes the simulated STM32L051 from the MCU ROM table down to its Cortex-M0+ core, as JSON under --json', async () => {
    const run = await runToExit(['--json', 'info', '-u', 'sim:stm32l051', ...sim]);
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout) as {
      target: { name: string };
      dp: { dpidr: string };
      aps: { apsel: number; idr: string }[];
      components: { address: string; name: string; designer: string }[];
      cores: { name: string; architecture: string; hardwareBreakpoints: number; watchpoints: number }[];
    };
    expect(info.target.name).toBe('stm32l051x8');
    expect(info.dp.dpidr).toBe('0x0bc11477');
    expect(info.aps).toEqual([expect.objectContaining({ apsel: 0, idr: '0x04770031' })]);
    expect(info.components.map((c) => `${c.address} ${c.name} (${c.designer})`)).toEqual([
      '0xf0000000 ROM table (STMicroelectronics)',
      '0xe00ff000 ROM table (Cortex-M0+) (Arm Ltd)',
      '0xe000e000 SCS-M0 (Arm Ltd)',
      '0xe0001000 DWT (Arm Ltd)',
      '0xe0002000 BPU (Arm Ltd)',
    ]);
    expect(info.cores).toEqual([expect.objectContaining({ name: 'Cortex-M0+', architecture: 'ARMv6-M', hardwareBreakpoints: 4, watchpoints: 2 })]);
  });

  it('fails with one line naming an unknown probe', async () => {
    const run = await runToExit(['info', '-u', 'sim:nosuchboard', ...sim]);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('sim:nosuchboard');
  });
});
