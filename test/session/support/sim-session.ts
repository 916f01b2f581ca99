/**
 * Sessions on the simulated probes through the full byte path (Session → CMSIS-DAP driver →
 * simulated USB transport → simulated probe, DP, AP and core), with the board's non-volatile
 * state kept in memory only, and the demo firmware's symbols read from its ELF.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listSimulatedPresets, openSimulatedTransport } from '../../../main/probe/sim/simulated-probes';
import { Session, type SessionCreateOptions } from '../../../main/session/session';

export const SIM_BOARDS = [
  { uid: 'sim:nrf52840', elf: 'nrf52840/build/demo.elf', core: 'Cortex-M4', dpidr: '0x2ba01477', target: 'nrf52840' },
  { uid: 'sim:stm32l051', elf: 'stm32l051/build/demo.elf', core: 'Cortex-M0+', dpidr: '0x0bc11477', target: 'stm32l051x8' },
] as const;

export const SIM_PRESETS = listSimulatedPresets();

export function simSession(uid: string, preset: string, create: SessionCreateOptions = {}): Session {
  return new Session(
    { uniqueId: uid, description: `simulated ${uid}` },
    {
      configFile: false,
      ...create,
      cli: { frequency: SIM_PRESETS.find((p) => p.id === preset)!.maxSwclkHz, ...create.cli },
      openTransport: (id) => openSimulatedTransport(id, { preset, persist: false }),
    },
  );
}

const FIRMWARE_DIR = fileURLToPath(new URL('../../../resources/firmware/', import.meta.url));

/** Symbol addresses of a demo image, from `arm-none-eabi-nm`. */
export function demoSymbols(elf: string): Map<string, number> {
  const text = execFileSync('arm-none-eabi-nm', [FIRMWARE_DIR + elf], { encoding: 'utf8' });
  const symbols = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [address, , name] = line.trim().split(/\s+/);
    if (address && name) symbols.set(name, Number.parseInt(address, 16));
  }
  return symbols;
}

/** Polls the target until it halts, bounded. */
export async function waitForHalt(session: Session, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await session.target.getState()) !== 'halted') {
    if (Date.now() > deadline) throw new Error(`target did not halt within ${timeoutMs} ms`);
  }
}
