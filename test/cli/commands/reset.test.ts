import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoSymbols } from '../../session/support/sim-session';
import { runToExit } from './run-to-exit';

const stateDir = mkdtempSync(join(tmpdir(), 'probedesk-reset-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));
const sim = ['-O', `sim.state_dir=${stateDir}`];

describe('probedesk reset', () => {
  it('--halt stops the nRF52840 on its reset handler and reports the PC as JSON', async () => {
    const run = await runToExit(['--json', 'reset', '--halt', '-u', 'sim:nrf52840', ...sim]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { resetType: string; halted: boolean; pc: number };
    expect(result.halted).toBe(true);
    expect(result.resetType).toBe('sw_sysresetreq');
    expect(result.pc).toBe(demoSymbols('nrf52840/build/demo.elf').get('Reset_Handler'));
  });

  it('-m sw_vectreset on the ARMv6-M STM32L051 performs an emulated reset instead, says so, and halts on the reset handler', async () => {
    const run = await runToExit(['--json', 'reset', '--halt', '-m', 'sw_vectreset', '-u', 'sim:stm32l051', ...sim]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { resetType: string; halted: boolean; pc: number };
    expect(result.resetType).toBe('sw_emulated');
    expect(run.stderr).toContain('has no VECTRESET; performing an emulated reset instead');
    expect(result.pc).toBe(demoSymbols('stm32l051/build/demo.elf').get('Reset_Handler'));
  });

  it('rejects an unknown reset type with one line listing the types', async () => {
    const run = await runToExit(['reset', '-m', 'vectreset', '-u', 'sim:stm32l051', ...sim]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toBe("error: option '-m, --method <type>' argument 'vectreset' is invalid. expected one of hw, sw, sw_sysresetreq, sw_vectreset, sw_emulated.\n");
  });
});
