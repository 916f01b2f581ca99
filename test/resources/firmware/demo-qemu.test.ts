/**
 * Runs the demo code shared by both boards (resources/firmware/common: start-up, SysTick tick
 * counter, "tick N" lines, RTT, the echo and the fault request) on a real Cortex-M4 model,
 * QEMU's mps2-an386, with a test-only board file for that machine's UART. A debugger
 * (gdb-multiarch over QEMU's gdbstub) stops it at chosen points, feeds RTT input, requests a
 * fault and dumps memory; the RTT control block is then decoded here from raw bytes by the
 * public layout, not through the firmware's own debug info.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRMWARE_DIR } from '../../../scripts/firmware/check-firmware';
import { requireTools } from '../../support/require-tool';
import { GdbScript, runQemuGdb } from './qemu-gdb';

const run = promisify(execFile);
const FIXTURE_DIR = join(import.meta.dirname, 'qemu-mps2');
const COMMON = join(FIRMWARE_DIR, 'common');
const RTT_CONTROL_BLOCK_SIZE = 72;

const toolsPresent = requireTools([
  { command: 'arm-none-eabi-gcc', aptPackage: 'gcc-arm-none-eabi' },
  { command: 'qemu-system-arm', aptPackage: 'qemu-system-arm' },
  { command: 'gdb-multiarch', aptPackage: 'gdb-multiarch' },
]);

interface RttBuffer {
  name: number;
  buffer: number;
  size: number;
  wrOff: number;
  rdOff: number;
  flags: number;
}

function decodeBuffer(block: Buffer, at: number): RttBuffer {
  const word = (i: number) => block.readUInt32LE(at + 4 * i);
  return { name: word(0), buffer: word(1), size: word(2), wrOff: word(3), rdOff: word(4), flags: word(5) };
}

describe.runIf(toolsPresent)('shared demo code on QEMU mps2-an386 (Cortex-M4)', () => {
  let work = '';
  let gdbOutput = '';
  let serial = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'probedesk-demo-qemu-'));
    const elf = join(work, 'demo.elf');
    await run(
      'arm-none-eabi-gcc',
      [
        '-mcpu=cortex-m4', '-mfloat-abi=soft', '-mthumb', '-Os', '-std=c11', '-ffreestanding', '-fno-common', '-fno-builtin',
        '-fno-tree-loop-distribute-patterns', '-ffunction-sections', '-fdata-sections', '-Wall', '-Wextra', '-Werror', '-g',
        `-I${COMMON}`, '-DDEMO_IRQ_COUNT=32', '-DBOARD_CORE_CLOCK_HZ=25000000u', '-DDEMO_BOARD_NAME="ProbeDesk demo QEMU MPS2"',
        '-nostdlib', '-nostartfiles', '-Wl,--build-id=none', '-Wl,--gc-sections', `-L${COMMON}`, '-Wl,-T,' + join(FIXTURE_DIR, 'mps2-an386.ld'),
        join(COMMON, 'startup.c'), join(COMMON, 'demo.c'), join(COMMON, 'rtt.c'), join(FIXTURE_DIR, 'board.c'), '-o', elf,
      ],
      { timeout: 120_000 },
    );

    const serialPath = join(work, 'serial.txt');
    const script = new GdbScript(0).add(
      // Stop as the fourth line (tick 3) is about to reach RTT: tick 0-2 are in the buffer.
      'break rtt_write if demo_state.lines_sent == 3',
      'continue',
      'delete',
      `dump binary memory ${join(work, 'cb-first.bin')} &_SEGGER_RTT ((char *)&_SEGGER_RTT) + ${RTT_CONTROL_BLOCK_SIZE}`,
      `dump binary memory ${join(work, 'up-first.bin')} _SEGGER_RTT.aUp[0].pBuffer _SEGGER_RTT.aUp[0].pBuffer + _SEGGER_RTT.aUp[0].WrOff`,
      // Host side of RTT down buffer 0: three bytes, then WrOff.
      "set var *(char *)(_SEGGER_RTT.aDown[0].pBuffer + 0) = 'h'",
      "set var *(char *)(_SEGGER_RTT.aDown[0].pBuffer + 1) = 'i'",
      "set var *(char *)(_SEGGER_RTT.aDown[0].pBuffer + 2) = '!'",
      'set var _SEGGER_RTT.aDown[0].WrOff = 3',
      'break rtt_write if demo_state.lines_sent == 5',
      'continue',
      'delete',
      `dump binary memory ${join(work, 'up-second.bin')} _SEGGER_RTT.aUp[0].pBuffer _SEGGER_RTT.aUp[0].pBuffer + _SEGGER_RTT.aUp[0].WrOff`,
      'printf "RESULT echoed=%u down_rdoff=%u ticks=%u\\n", demo_state.rtt_echoed, _SEGGER_RTT.aDown[0].RdOff, demo_ticks',
      'set var demo_fault_request = 1',
      'break HardFault_Handler',
      'continue',
      'printf "RESULT cfsr=0x%08x hfsr=0x%08x bfar=0x%08x\\n", *(unsigned *)0xE000ED28, *(unsigned *)0xE000ED2C, *(unsigned *)0xE000ED38',
    );
    // -icount with sleep=off makes the guest clock follow instructions and jump over WFI idle time.
    gdbOutput = await runQemuGdb({
      work,
      machine: 'mps2-an386',
      qemuArgs: ['-icount', 'shift=0,sleep=off', '-serial', `file:${serialPath}`, '-kernel', elf],
      script,
      elf,
    });
    serial = await readFile(serialPath, 'latin1');
  }, 240_000);

  afterAll(async () => {
    if (work !== '') await rm(work, { recursive: true, force: true });
  });

  it('prints tick 0, tick 1, ... over the UART, one line per 50 SysTick interrupts', () => {
    expect(serial.startsWith('tick 0\r\ntick 1\r\ntick 2\r\ntick 3\r\ntick 4\r\ntick 5\r\n')).toBe(true);
    const ticks = Number(/ticks=(\d+)/.exec(gdbOutput)?.[1]);
    expect(ticks).toBeGreaterThanOrEqual(250);
    expect(ticks).toBeLessThan(300);
  });

  it('publishes an RTT control block in the SEGGER layout with the tick lines in up buffer 0', async () => {
    const block = await readFile(join(work, 'cb-first.bin'));
    expect(block.toString('latin1', 0, 16)).toBe('SEGGER RTT\0\0\0\0\0\0');
    expect(block.readInt32LE(16)).toBe(1);
    expect(block.readInt32LE(20)).toBe(1);
    const up = decodeBuffer(block, 24);
    const down = decodeBuffer(block, 48);
    expect(up.size).toBe(1024);
    expect(down.size).toBe(16);
    expect(up.flags).toBe(0);
    expect(up.wrOff).toBe(24);
    expect(up.buffer).toBeGreaterThanOrEqual(0x20000000);
    expect(down.buffer).toBeGreaterThanOrEqual(0x20000000);
    expect((await readFile(join(work, 'up-first.bin'))).toString('latin1')).toBe('tick 0\r\ntick 1\r\ntick 2\r\n');
  });

  it('echoes bytes written to RTT down buffer 0 into up buffer 0 and consumes them', async () => {
    expect((await readFile(join(work, 'up-second.bin'))).toString('latin1')).toBe(
      'tick 0\r\ntick 1\r\ntick 2\r\ntick 3\r\nhi!tick 4\r\n',
    );
    expect(gdbOutput).toMatch(/echoed=3 down_rdoff=3/);
  });

  it('faults on request with a precise bus error at 0x90000000 escalated to HardFault', () => {
    const match = /cfsr=0x([0-9a-f]+) hfsr=0x([0-9a-f]+) bfar=0x([0-9a-f]+)/.exec(gdbOutput);
    expect(match).not.toBeNull();
    const [cfsr, hfsr, bfar] = match!.slice(1).map((hex) => parseInt(hex, 16));
    expect(cfsr! & 0x8200).toBe(0x8200); // BFARVALID | PRECISERR
    expect(hfsr! & 0x40000000).toBe(0x40000000); // FORCED
    expect(bfar).toBe(0x90000000);
  });
});
