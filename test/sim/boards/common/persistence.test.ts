import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MemoryMap from 'nrf-intel-hex';
import { afterEach, describe, expect, it } from 'vitest';
import { BusMaster } from '../../../../main/sim/bus/bus-types';
import { createBoard, defaultStateDir, eraseState, factoryReset } from '../../../../main/sim/boards';
import { recordingCores } from '../recording-core';

const C = BusMaster.Core;
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'probedesk-boards-'));
  dirs.push(d);
  return d;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A firmware root holding a tiny demo image for the nRF52840: a vector table word and a UICR word. */
function fakeFirmwareRoot(): string {
  const root = tempDir();
  mkdirSync(join(root, 'nrf52840', 'build'), { recursive: true });
  const image = new MemoryMap([
    [0x0, new Uint8Array([0x00, 0x10, 0x00, 0x20, 0x41, 0x00, 0x00, 0x00])],
    [0x1000_1080, new Uint8Array([0x78, 0x56, 0x34, 0x12])],
  ]);
  writeFileSync(join(root, 'nrf52840', 'build', 'demo.hex'), image.asHexString());
  return root;
}

function programWord(board: ReturnType<typeof createBoard>, address: number, value: number): void {
  board.bus.write(0x4001_e504, 4, 1, C);
  board.bus.write(address, 4, value, C);
  board.runUntil(board.clock.now + 100_000);
}

describe('board state persistence', () => {
  it('keeps flash and UICR across two board instances (as across processes)', () => {
    const stateDir = tempDir();
    const first = createBoard('nrf52840', { stateDir, firmware: 'erased', createCore: recordingCores().factory });
    programWord(first, 0x4_0000, 0x1234_5678);
    programWord(first, 0x1000_1084, 0xabcd_0000);
    first.close();
    const second = createBoard('nrf52840', { stateDir, createCore: recordingCores().factory });
    expect(second.bus.read(0x4_0000, 4, C)).toBe(0x1234_5678);
    expect(second.bus.read(0x1000_1084, 4, C)).toBe(0xabcd_0000);
    second.close();
    expect(readFileSync(join(stateDir, 'nrf52840', 'flash.bin')).length).toBe(1024 * 1024);
  });

  it('keeps the STM32L051 flash, data EEPROM and option bytes', () => {
    const stateDir = tempDir();
    const first = createBoard('stm32l051', { stateDir, firmware: 'erased', createCore: recordingCores().factory });
    first.bus.write(0x4002_200c, 4, 0x89ab_cdef, C);
    first.bus.write(0x4002_200c, 4, 0x0203_0405, C);
    first.bus.write(0x0808_0010, 4, 0x5a5a_5a5a, C);
    first.runUntil(4_000_000);
    first.close();
    const second = createBoard('stm32l051', { stateDir, createCore: recordingCores().factory });
    expect(second.bus.read(0x0808_0010, 4, C)).toBe(0x5a5a_5a5a);
    expect(second.bus.read(0x1ff8_0000, 4, C)).toBe(0xff55_00aa);
    expect(second.debugHooks.rdpLevel()).toBe(0);
    second.close();
  });

  it('saves changed memory shortly after the change, without waiting for close', async () => {
    const stateDir = tempDir();
    const board = createBoard('nrf52840', { stateDir, firmware: 'erased', createCore: recordingCores().factory });
    programWord(board, 0x10, 0x0);
    await new Promise((r) => setTimeout(r, 400));
    expect(readFileSync(join(stateDir, 'nrf52840', 'flash.bin')).readUInt32LE(0x10)).toBe(0);
    board.close();
  });

  it('programs a fresh board with the demo image, and factoryReset / eraseState rewrite the saved state', () => {
    const stateDir = tempDir();
    const firmwareRoot = fakeFirmwareRoot();
    const fresh = createBoard('nrf52840', { stateDir, firmwareRoot, createCore: recordingCores().factory });
    expect(fresh.bus.read(0x0, 4, C)).toBe(0x2000_1000);
    expect(fresh.bus.read(0x1000_1080, 4, C)).toBe(0x1234_5678);
    programWord(fresh, 0x0, 0);
    fresh.close();
    factoryReset('nrf52840', stateDir, firmwareRoot);
    const restored = createBoard('nrf52840', { stateDir, createCore: recordingCores().factory });
    expect(restored.bus.read(0x0, 4, C)).toBe(0x2000_1000);
    restored.close();
    eraseState('nrf52840', stateDir);
    const erased = createBoard('nrf52840', { stateDir, createCore: recordingCores().factory });
    expect(erased.bus.read(0x0, 4, C)).toBe(0xffff_ffff);
    expect(erased.bus.read(0x1000_1080, 4, C)).toBe(0xffff_ffff);
    erased.close();
  });

  it('names the missing demo image instead of starting an empty board', () => {
    const stateDir = tempDir();
    expect(() => createBoard('stm32l051', { stateDir, firmwareRoot: tempDir(), createCore: recordingCores().factory })).toThrow(/demo firmware for stm32l051 not found at .*demo\.hex/);
    expect(existsSync(join(stateDir, 'stm32l051.lock'))).toBe(false);
  });

  it('refuses a second owner with "sim:<board> is in use by process N"', async () => {
    const stateDir = tempDir();
    const board = createBoard('nrf52840', { stateDir, firmware: 'erased', createCore: recordingCores().factory });
    expect(() => createBoard('nrf52840', { stateDir, createCore: recordingCores().factory })).toThrow(`sim:nrf52840 is in use by process ${process.pid}`);
    expect(() => factoryReset('nrf52840', stateDir)).toThrow(/in use by process/);
    board.close();

    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(stateDir, 'nrf52840.lock'), `${other.pid}\n`);
      expect(() => createBoard('nrf52840', { stateDir, createCore: recordingCores().factory })).toThrow(`sim:nrf52840 is in use by process ${other.pid}`);
    } finally {
      other.kill();
    }
    await new Promise((r) => other.once('exit', r));
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const stateDir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(join(stateDir, 'stm32l051.lock'), `${gone.stdout.toString()}\n`);
    const board = createBoard('stm32l051', { stateDir, firmware: 'erased', createCore: recordingCores().factory });
    expect(readFileSync(join(stateDir, 'stm32l051.lock'), 'utf8').trim()).toBe(String(process.pid));
    board.close();
    expect(existsSync(join(stateDir, 'stm32l051.lock'))).toBe(false);
  });

  it('rejects a saved image of the wrong size, naming the file', () => {
    const stateDir = tempDir();
    createBoard('nrf52840', { stateDir, firmware: 'erased', createCore: recordingCores().factory }).close();
    writeFileSync(join(stateDir, 'nrf52840', 'uicr.bin'), new Uint8Array(10));
    expect(() => createBoard('nrf52840', { stateDir, createCore: recordingCores().factory })).toThrow(/uicr\.bin: saved uicr image is 10 bytes, expected 4096/);
  });

  it('defaults the state directory to the per-user data directory of each OS', () => {
    expect(defaultStateDir({ XDG_DATA_HOME: '/x/data' }, 'linux')).toBe('/x/data/probedesk/sim');
    expect(defaultStateDir({}, 'linux')).toMatch(/\.local\/share\/probedesk\/sim$/);
    expect(defaultStateDir({}, 'darwin')).toMatch(/Library\/Application Support\/probedesk\/sim$/);
    expect(defaultStateDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toMatch(/probedesk.sim$/);
  });
});
