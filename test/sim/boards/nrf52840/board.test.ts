import { describe, expect, it } from 'vitest';
import { BUS_ERROR, BusMaster } from '../../../../main/sim/bus/bus-types';
import { createBoard, type GpioChange, type UartLine } from '../../../../main/sim/boards';
import { RecordingCore, recordingCores } from '../recording-core';

const D = BusMaster.Debug;
const C = BusMaster.Core;
const UICR = 0x1000_1000;
const NVMC_CONFIG = 0x4001_e504;

function board() {
  const { factory, cores } = recordingCores();
  const b = createBoard('nrf52840', { persist: false, firmware: 'erased', createCore: factory });
  return { b, core: cores[0] as RecordingCore };
}

describe('sim:nrf52840', () => {
  it('asks for a Cortex-M4F at 64 MHz with 48 interrupts and powers it on', () => {
    const { core } = board();
    expect(core.spec.model).toBe('cortex-m4f');
    expect(core.spec.frequencyHz).toBe(64_000_000);
    expect(core.spec.irqCount).toBe(48);
    expect(core.resets).toEqual(['power-on']);
  });

  it('lays the FICR out as the PS does and reads unlisted FICR words as erased flash', () => {
    const { b } = board();
    expect(b.bus.read(0x1000_0010, 4, D)).toBe(0x1000); // CODEPAGESIZE
    expect(b.bus.read(0x1000_0014, 4, D)).toBe(0x100); // CODESIZE
    expect(b.bus.read(0x1000_0100, 4, D)).toBe(0x52840); // INFO.PART
    expect(b.bus.read(0x1000_0104, 4, D)).toBe(0x4141_4430); // INFO.VARIANT "AAD0"
    expect(b.bus.read(0x1000_0108, 4, D)).toBe(0x2004); // INFO.PACKAGE QI
    expect(b.bus.read(0x1000_010c, 4, D)).toBe(0x100); // INFO.RAM 256 KiB
    expect(b.bus.read(0x1000_0110, 4, D)).toBe(0x400); // INFO.FLASH 1024 KiB
    expect(b.bus.read(0x1000_0060, 4, D)).toBe(0x5d3c_8a21); // DEVICEID[0]
    expect(b.bus.read(0x1000_00a4, 4, D)).toBe(0x1f2e_3d4c); // DEVICEADDR[0]
    expect(b.bus.read(0x1000_0200, 4, D)).toBe(0xffff_ffff);
    expect(b.bus.write(0x1000_0100, 4, 0, C)).toBe(false);
  });

  it('answers a bus error to both masters where nothing is decoded', () => {
    const { b } = board();
    for (const address of [0x0010_0000, 0x1000_2000, 0x2004_0000, 0x4000_1000, 0x4000_8000, 0x6000_0000, 0x9000_0000]) {
      expect(b.bus.read(address, 4, D)).toBe(BUS_ERROR);
      expect(b.bus.read(address, 4, C)).toBe(BUS_ERROR);
      expect(b.bus.write(address, 4, 0, C)).toBe(false);
    }
  });

  it('sends UART0 bytes at the baud rate and reports lines on the I/O channel', () => {
    const { b } = board();
    const lines: UartLine[] = [];
    const bytes: number[] = [];
    b.io.on('uart-line', (l) => lines.push(l));
    b.io.on('uart-byte', (u) => bytes.push(u.byte));
    b.bus.write(0x4000_2500, 4, 4, C); // ENABLE = UART
    b.bus.write(0x4000_2524, 4, 0x01d7_e000, C); // 115200 baud
    b.bus.write(0x4000_2008, 4, 1, C); // STARTTX
    const charNs = (10 * 1e9) / ((0x01d7_e000 * 16e6) / 2 ** 32);
    for (const ch of 'ok\r\n') {
      b.bus.write(0x4000_251c, 4, ch.charCodeAt(0), C);
      expect(b.bus.read(0x4000_211c, 4, C)).toBe(0);
      b.runUntil(b.clock.now + charNs);
      expect(b.bus.read(0x4000_211c, 4, C)).toBe(1); // EVENTS_TXDRDY
      b.bus.write(0x4000_211c, 4, 0, C);
    }
    expect(bytes).toEqual([0x6f, 0x6b, 0x0d, 0x0a]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toBe('ok');
    expect(lines[0]!.timeNs).toBeCloseTo(4 * charNs, 3);
  });

  it('drops TXD writes while the UART is disabled or not started', () => {
    const { b } = board();
    const bytes: number[] = [];
    b.io.on('uart-byte', (u) => bytes.push(u.byte));
    b.bus.write(0x4000_251c, 4, 0x41, C);
    b.bus.write(0x4000_2500, 4, 4, C);
    b.bus.write(0x4000_251c, 4, 0x42, C);
    b.runUntil(10_000_000);
    expect(bytes).toEqual([]);
  });

  it('reports LED pin changes with their virtual time', () => {
    const { b } = board();
    const changes: GpioChange[] = [];
    b.io.on('gpio', (c) => changes.push(c));
    b.bus.write(0x5000_0518, 4, 1 << 13, C); // DIRSET P0.13
    b.runUntil(1000);
    b.bus.write(0x5000_0508, 4, 1 << 13, C); // OUTSET
    b.runUntil(2000);
    b.bus.write(0x5000_050c, 4, 1 << 13, C); // OUTCLR
    expect(changes).toEqual([
      { port: 'P0', pin: 13, level: 0, timeNs: 0 },
      { port: 'P0', pin: 13, level: 1, timeNs: 1000 },
      { port: 'P0', pin: 13, level: 0, timeNs: 2000 },
    ]);
    expect(b.bus.read(0x5000_0514, 4, D)).toBe(1 << 13); // DIR
    expect(b.bus.read(0x5000_0734, 4, D)).toBe(0x3); // PIN_CNF[13]: output, input disconnected
    expect(b.leds[0]).toEqual({ name: 'LED1', port: 'P0', pin: 13, activeLow: true });
    expect(b.io.pinLevel('P0', 13)).toBe(0);
  });

  it('resets the system when the watchdog is not reloaded and not while it is', () => {
    const { b, core } = board();
    b.bus.write(0x4001_0504, 4, 32_768 - 1, C); // CRV: 1 s
    b.bus.write(0x4001_0000, 4, 1, C); // START
    expect(b.bus.read(0x4001_0400, 4, C)).toBe(1); // RUNSTATUS
    b.bus.write(0x4001_0504, 4, 10, C); // ignored while running
    expect(b.bus.read(0x4001_0504, 4, C)).toBe(32_767);
    b.runUntil(900_000_000);
    b.bus.write(0x4001_0600, 4, 0x6e52_4635, C); // RR[0]
    b.runUntil(1_800_000_000);
    expect(core.resets).toEqual(['power-on']);
    b.runUntil(1_900_000_000 + 2 * 30_518);
    expect(core.resets).toEqual(['power-on', 'system']);
    expect(b.debugHooks.lastResetCause()).toBe('watchdog');
    expect(b.bus.read(0x4000_0400, 4, C)).toBe(0x2); // RESETREAS.DOG
    expect(b.bus.read(0x4001_0400, 4, C)).toBe(0); // watchdog stopped by its reset
  });

  it('injects a watchdog reset at a given virtual time', () => {
    const { b, core } = board();
    b.debugHooks.injectWatchdogReset(5_000_000);
    b.runUntil(4_999_999);
    expect(core.resets).toEqual(['power-on']);
    b.runUntil(5_000_000);
    expect(core.resets).toEqual(['power-on', 'system']);
  });

  it('raises HFCLKSTARTED after the HFXO start-up time', () => {
    const { b } = board();
    b.bus.write(0x4000_0000, 4, 1, C);
    expect(b.bus.read(0x4000_0100, 4, C)).toBe(0);
    expect(b.bus.read(0x4000_0408, 4, C)).toBe(1); // HFCLKRUN
    b.runUntil(360_000);
    expect(b.bus.read(0x4000_0100, 4, C)).toBe(1);
    expect(b.bus.read(0x4000_040c, 4, C)).toBe(0x1_0001); // HFCLKSTAT: Xtal, running
  });

  it('closes the AHB-AP at reset when UICR.APPROTECT is 0x00, until a CTRL-AP ERASEALL completes', () => {
    const { b } = board();
    expect(b.debugHooks.ahbApEnabled()).toBe(true);
    b.bus.write(NVMC_CONFIG, 4, 1, D);
    b.bus.write(UICR + 0x208, 4, 0xffff_ff00, D);
    b.bus.write(0x0, 4, 0x2000_1000, D);
    b.runUntil(1_000_000);
    expect(b.debugHooks.ahbApEnabled()).toBe(true);
    b.setResetPin(true);
    b.setResetPin(false);
    expect(b.debugHooks.ahbApEnabled()).toBe(false);
    const ap = b.debugHooks.ctrlAp;
    expect(ap.apProtectStatus).toBe(0);
    ap.eraseAll();
    expect(ap.eraseAllStatus).toBe(1);
    b.runUntil(1_000_000 + 173_000_000 - 1);
    expect(ap.eraseAllStatus).toBe(1);
    expect(b.debugHooks.ahbApEnabled()).toBe(false);
    b.runUntil(1_000_000 + 173_000_000);
    expect(ap.eraseAllStatus).toBe(0);
    expect(b.debugHooks.ahbApEnabled()).toBe(true);
    expect(ap.apProtectStatus).toBe(1);
    expect(b.bus.read(0x0, 4, D)).toBe(0xffff_ffff);
    expect(b.bus.read(UICR + 0x208, 4, D)).toBe(0xffff_ffff);
    b.setResetPin(true);
    b.setResetPin(false);
    expect(b.debugHooks.ahbApEnabled()).toBe(true);
  });

  it('holds the core in reset while CTRL-AP RESET is 1 and records a soft reset reason', () => {
    const { b, core } = board();
    b.debugHooks.ctrlAp.setReset(true);
    expect(core.status.inReset).toBe(true);
    expect(b.debugHooks.ctrlAp.resetRegister).toBe(1);
    b.debugHooks.ctrlAp.setReset(false);
    expect(core.status.inReset).toBe(false);
    expect(b.bus.read(0x4000_0400, 4, D)).toBe(0x4); // RESETREAS.SREQ
  });

  it('performs a system reset when the core requests one, resetting the peripherals', () => {
    const { b, core } = board();
    b.bus.write(NVMC_CONFIG, 4, 1, C);
    core.onSystemResetRequest?.();
    expect(core.resets).toEqual(['power-on', 'system']);
    expect(b.bus.read(NVMC_CONFIG, 4, C)).toBe(0);
    expect(b.debugHooks.lastResetCause()).toBe('sysresetreq');
  });
});
