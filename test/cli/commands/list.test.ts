import { describe, expect, it } from 'vitest';
import { runToExit } from './run-to-exit';

describe('probedesk list', () => {
  it('lists both simulated probes by unique ID with their board descriptions', async () => {
    const run = await runToExit(['list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\s*\d+\s+sim:nrf52840\s+.*Nordic nRF52840.*\(simulated\)$/m);
    expect(run.stdout).toMatch(/^\s*\d+\s+sim:stm32l051\s+.*ST STM32L051.*\(simulated\)$/m);
  });

  it('prints the probes as a JSON array under --json, naming the chosen preset', async () => {
    const run = await runToExit(['--json', 'list', '-O', 'sim.preset=mcu-link-v2-hs']);
    expect(run.code).toBe(0);
    const probes = JSON.parse(run.stdout) as { uniqueId: string; description: string }[];
    const ids = probes.map((p) => p.uniqueId);
    expect(ids).toContain('sim:nrf52840');
    expect(ids).toContain('sim:stm32l051');
    expect(probes.find((p) => p.uniqueId === 'sim:nrf52840')!.description).toMatch(/^NXP Semiconductors MCU-LINK CMSIS-DAP → Nordic nRF52840/);
  });
});
