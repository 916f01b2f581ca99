/**
 * A CommandConsole on a simulated board through the full byte path (see
 * test/session/support/sim-session.ts), with the board's state in memory only.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { CommandConsole, type ConsoleReply } from '../../../main/commands/command-console';
import type { Session } from '../../../main/session/session';
import { SIM_PRESETS, simSession } from '../../session/support/sim-session';

/** What each board's tests assert: values read from the simulated silicon. */
export const CONSOLE_BOARDS = [
  {
    uid: 'sim:nrf52840',
    core: 'Cortex-M4',
    architecture: 'ARMv7-M',
    dpidr: 0x2ba01477,
    ap0Idr: 0x24770011,
    // FICR INFO.PART: the part number 0x52840.
    idWord: { address: 0x10000100, value: 0x00052840 },
    ram: 0x20000000,
    unmapped: 0x30000000,
  },
  {
    uid: 'sim:stm32l051',
    core: 'Cortex-M0+',
    architecture: 'ARMv6-M',
    dpidr: 0x0bc11477,
    ap0Idr: 0x04770031,
    // DBGMCU_IDCODE: REV_ID 0x1038, DEV_ID 0x417 (STM32L0x1 category 3).
    idWord: { address: 0x40015800, value: 0x10380417 },
    ram: 0x20000000,
    unmapped: 0x30000000,
  },
] as const;

export type ConsoleBoard = (typeof CONSOLE_BOARDS)[number];

export interface ConsoleHarness {
  readonly session: Session;
  readonly console: CommandConsole;
  /** Runs a line and returns its reply. */
  run(line: string): Promise<ConsoleReply>;
  /** Runs a line that must succeed and returns its output. */
  ok(line: string): Promise<string>;
  /** Runs a line that must fail and returns its error. */
  fails(line: string): Promise<string>;
}

/** Opens one session per describe block on the board's first preset, closed after the block. */
export function useConsole(uid: string): ConsoleHarness {
  let session: Session | undefined;
  let console: CommandConsole | undefined;
  beforeAll(async () => {
    session = simSession(uid, SIM_PRESETS[0]!.id);
    await session.open();
    console = new CommandConsole(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  const harness: ConsoleHarness = {
    get session() {
      return session!;
    },
    get console() {
      return console!;
    },
    run: (line) => console!.execute(line),
    ok: async (line) => {
      const reply = await console!.execute(line);
      expect(reply.error, `${line} failed`).toBeUndefined();
      expect(reply.ok).toBe(true);
      return reply.output;
    },
    fails: async (line) => {
      const reply = await console!.execute(line);
      expect(reply.ok, `${line} should fail`).toBe(false);
      return reply.error!;
    },
  };
  return harness;
}

export const hex8 = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
