import { describe, expect, it } from 'vitest';
import { BusMaster } from '../../../main/sim/bus/bus-types';
import { createBoard, type GpioChange, type UartLine } from '../../../main/sim/boards';

/** The committed demo images (resources/firmware/<board>/build/demo.hex) on the real simulated core. */
describe.each([
  { name: 'nrf52840' as const, port: 'UART0', led: { port: 'P0', pin: 13 }, deviceId: 0x52840, clockHz: 64_000_000 },
  { name: 'stm32l051' as const, port: 'USART2', led: { port: 'GPIOA', pin: 5 }, deviceId: 0x1038_0417, clockHz: 32_000_000 },
])('demo firmware on sim:$name', ({ name, port, led, deviceId, clockHz }) => {
  it('boots, prints "tick N" lines every 0.5 s over the UART and toggles the LED', () => {
    const board = createBoard(name, { persist: false });
    const lines: UartLine[] = [];
    const ledChanges: GpioChange[] = [];
    board.io.on('uart-line', (l) => lines.push(l));
    board.io.on('gpio', (c) => {
      if (c.port === led.port && c.pin === led.pin) ledChanges.push(c);
    });
    board.runUntil(1_200_000_000);
    expect(lines.map((l) => l.port)).toEqual([port, port, port]);
    expect(lines.map((l) => l.text)).toEqual(['tick 0', 'tick 1', 'tick 2']);
    expect(lines[1]!.timeNs - lines[0]!.timeNs).toBeCloseTo(500_000_000, -6);
    expect(lines[2]!.timeNs - lines[1]!.timeNs).toBeCloseTo(500_000_000, -6);
    const levels = ledChanges.filter((c) => c.level !== null).map((c) => c.level);
    expect(levels.length).toBeGreaterThanOrEqual(3);
    expect(new Set(levels.slice(-3))).toEqual(new Set([0, 1]));
    // demo_state at 0x20000000: magic, then device_id at +40 and core_clock_hz at +44 (firmware README).
    expect(board.bus.read(0x2000_0000, 4, BusMaster.Debug)).toBe(0xc0ff_ee42);
    expect(board.bus.read(0x2000_0028, 4, BusMaster.Debug)).toBe(deviceId);
    expect(board.bus.read(0x2000_002c, 4, BusMaster.Debug)).toBe(clockHz);
    expect(board.core.status.lockup).toBe(false);
    board.close();
  });
});
