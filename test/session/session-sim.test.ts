import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResetType } from '../../main/coresight/cortex-m/reset-type';
import type { Session } from '../../main/session/session';
import { SessionBusyError } from '../../main/session/session-lock';
import { collectTargetInfo } from '../../main/session/target-info';
import { requireTool } from '../support/require-tool';
import { SIM_BOARDS, SIM_PRESETS, demoSymbols, simSession, waitForHalt } from './support/sim-session';

const hasNm = requireTool('arm-none-eabi-nm', 'binutils-arm-none-eabi');
let open: Session | undefined;

async function connect(uid: string, preset: string, create = {}): Promise<Session> {
  open = simSession(uid, preset, create);
  await open.open();
  return open;
}

afterEach(async () => {
  await open?.close().catch(() => undefined);
  open = undefined;
});

/** The reset vector and initial SP from the vector table VTOR points at. */
async function resetVector(session: Session): Promise<{ pc: number; sp: number }> {
  const vtor = (await session.target.read32(0xe000ed08)) & 0xffffff80;
  const [sp, reset] = await session.target.readBlock32(vtor, 2);
  return { pc: reset! & ~1, sp: sp! };
}

describe.each(SIM_PRESETS.map((p) => p.id))('preset %s', (preset) => {
  describe.each(SIM_BOARDS)('$uid', (board) => {
    it('connects halted and names the DP, the AP, the core and the built-in target', async () => {
      const session = await connect(board.uid, preset);
      const info = await collectTargetInfo(session);
      expect(info.dp?.dpidr).toBe(board.dpidr);
      expect(info.aps[0]?.description).toMatch(/MEM-AP/);
      expect(info.cores.map((c) => [c.name, c.state])).toEqual([[board.core, 'halted']]);
      expect(info.target.name).toBe(board.target);
    });

    it('reads and writes core registers in a batch', async () => {
      const session = await connect(board.uid, preset);
      await session.target.writeCoreRegisters({ r0: 0x12345678, r1: 0xcafef00d, r12: 7, primask: 1 });
      expect(await session.target.readCoreRegisters(['r0', 'r1', 'r12', 'primask'])).toEqual([0x12345678, 0xcafef00d, 7, 1]);
    });

    it('steps one instruction, resumes and halts with the reason', async () => {
      const session = await connect(board.uid, preset);
      const target = session.target;
      const [before] = await target.readCoreRegisters(['pc']);
      await target.step();
      const [after] = await target.readCoreRegisters(['pc']);
      expect(after).not.toBe(before);
      expect(await target.core.getHaltReason()).toBe('step');
      await target.resume();
      expect(await target.getState()).not.toBe('halted');
      await target.halt();
      expect(await target.getState()).toBe('halted');
      expect(await target.core.getHaltReason()).toBe('debug');
    });

    it.each([ResetType.Hw, ResetType.SwSysresetreq, ResetType.SwVectreset, ResetType.SwEmulated])(
      'reset-and-halt with %s lands on the reset handler first instruction',
      async (type) => {
        const session = await connect(board.uid, preset);
        const done = await session.target.reset(type, { halt: true });
        const baseline = board.core === 'Cortex-M0+';
        expect(done).toBe(type === ResetType.SwVectreset && baseline ? ResetType.SwEmulated : type);
        const vector = await resetVector(session);
        expect(await session.target.readCoreRegisters(['pc', 'sp'])).toEqual([vector.pc, vector.sp]);
        expect(await session.target.getState()).toBe('halted');
      },
    );

    it.each([ResetType.Hw, ResetType.SwSysresetreq, ResetType.SwVectreset, ResetType.SwEmulated])('reset with %s leaves the program running', async (type) => {
      const session = await connect(board.uid, preset);
      await session.target.reset(type);
      expect(await session.target.getState()).not.toBe('halted');
    });

    it.skipIf(!hasNm)('hits a hardware breakpoint and a watchpoint in the demo firmware', async () => {
      const symbols = demoSymbols(board.elf);
      const session = await connect(board.uid, preset);
      const core = session.target.core;
      const handler = symbols.get('SysTick_Handler')! & ~1;
      await session.run('breakpoint', () => core.setBreakpoint(handler, 'hw'));
      await session.target.resume();
      await waitForHalt(session);
      expect(await session.target.readCoreRegisters(['pc'])).toEqual([handler]);
      expect(await core.getHaltReason()).toBe('breakpoint');
      await session.run('clear breakpoint', () => core.removeBreakpoint(handler));

      const ticks = symbols.get('demo_ticks')!;
      const before = await session.target.read32(ticks);
      await session.run('watchpoint', () => core.setWatchpoint(ticks, 4, 'write'));
      await session.target.resume();
      await waitForHalt(session);
      expect(await core.getHaltReason()).toBe('watchpoint');
      expect(await session.target.read32(ticks)).toBe((before + 1) >>> 0);
    });

    it('serializes concurrent front ends and fails fast with busy while a long operation runs', async () => {
      const session = await connect(board.uid, preset);
      const target = session.target;
      const expected = await target.read32(0x20000000);
      const trace: string[] = [];
      const frontEnd = (name: string) =>
        session.run(name, async () => {
          trace.push(`${name}+`);
          const values = [await target.read32(0x20000000), (await target.readBlock32(0x20000000, 64))[0]];
          await target.readCoreRegisters(['pc', 'sp']);
          trace.push(`${name}-`);
          return values;
        });
      const results = await Promise.all(['ui', 'console', 'gdb', 'script'].map(frontEnd));
      expect(results.flat()).toEqual(new Array(8).fill(expected));
      expect(trace).toEqual(['ui+', 'ui-', 'console+', 'console-', 'gdb+', 'gdb-', 'script+', 'script-']);

      const flash = session.run('flash', () => target.readBytes(0x20000000, 8192));
      await expect(session.run('halt', () => target.halt(), { timeoutMs: 0 })).rejects.toBeInstanceOf(SessionBusyError);
      await flash;
      await target.halt();
    });
  });
});

describe('session options on a simulated probe', () => {
  it('takes the probe section of probedesk.yaml and lets -O override it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'probedesk-project-'));
    writeFileSync(join(dir, 'probedesk.yaml'), 'vector_catch: hb\nprobes:\n  sim:nrf52840:\n    connect_mode: attach\n');
    const attached = await connect('sim:nrf52840', SIM_PRESETS[0]!.id, { projectDir: dir, configFile: undefined });
    expect(attached.options.source('connect_mode')).toBe('probe-config');
    expect(await attached.target.getState()).not.toBe('halted');
    expect(await attached.target.core.getVectorCatch()).toBe((1 << 10) | (1 << 8));
    await attached.close();
    const halted = await connect('sim:nrf52840', SIM_PRESETS[0]!.id, { projectDir: dir, configFile: undefined, cli: { connect_mode: 'halt' } });
    expect(await halted.target.getState()).toBe('halted');
  });
});
