import { describe, expect, it } from 'vitest';
import { BUS_ERROR, BusMaster } from '../../../../main/sim/bus/bus-types';
import { createBoard, type GpioChange, type UartLine } from '../../../../main/sim/boards';
import { RecordingCore, recordingCores } from '../recording-core';

const C = BusMaster.Core;
const D = BusMaster.Debug;
const RCC = 0x4002_1000;
const USART2 = 0x4000_4400;
const GPIOA = 0x5000_0000;
const DBGMCU = 0x4001_5800;

function board() {
  const { factory, cores } = recordingCores();
  const b = createBoard('stm32l051', { persist: false, firmware: 'erased', createCore: factory });
  return { b, core: cores[0] as RecordingCore };
}

describe('sim:stm32l051', () => {
  it('asks for a Cortex-M0+ at the MSI reset clock of 2.097 MHz with 32 interrupts', () => {
    const { core } = board();
    expect(core.spec.model).toBe('cortex-m0plus');
    expect(core.spec.frequencyHz).toBe(2_097_000);
    expect(core.spec.irqCount).toBe(32);
  });

  it('reports DEV_ID 0x417 and its revision in DBGMCU_IDCODE and keeps CR/APB1_FZ/APB2_FZ', () => {
    const { b, core } = board();
    expect(b.bus.read(DBGMCU, 4, D)).toBe(0x1038_0417);
    b.bus.write(DBGMCU + 4, 4, 0xffff_ffff, D);
    expect(b.bus.read(DBGMCU + 4, 4, D)).toBe(0x7);
    b.bus.write(DBGMCU + 8, 4, 1 << 12, D);
    expect(b.bus.read(DBGMCU + 8, 4, D)).toBe(1 << 12);
    b.bus.write(DBGMCU + 12, 4, 0xffff_ffff, D);
    expect(b.bus.read(DBGMCU + 12, 4, D)).toBe(0x24);
    core.onSystemResetRequest?.();
    expect(b.bus.read(DBGMCU + 4, 4, D)).toBe(0x7);
    b.powerOnReset();
    expect(b.bus.read(DBGMCU + 4, 4, D)).toBe(0);
  });

  it('answers a bus error to both masters where nothing is decoded, including the Cortex-M3 DBGMCU address', () => {
    const { b } = board();
    for (const address of [0x0001_0000, 0x0801_0000, 0x0808_0800, 0x1ff0_0000, 0x1ff8_0080, 0x2000_2000, 0x4001_3800, 0x4002_3000, 0x5000_0400, DBGMCU + 0x10]) {
      expect(b.bus.read(address, 4, D)).toBe(BUS_ERROR);
      expect(b.bus.read(address, 4, C)).toBe(BUS_ERROR);
    }
    expect(b.bus.read(0x1ff8_007c, 2, D)).toBe(64); // F_SIZE
    expect(b.bus.read(0x1ff8_0060, 4, D)).toBe(BUS_ERROR);
  });

  it('switches SYSCLK to the PLL (HSI16 × 4 / 2 = 32 MHz) once it locks and tells the core', () => {
    const { b, core } = board();
    b.bus.write(RCC + 0x00, 4, 0x0000_0101, C); // HSI16ON, MSION
    expect(b.bus.read(RCC, 4, C) & 0x4).toBe(0);
    b.runUntil(3_700);
    expect(b.bus.read(RCC, 4, C) & 0x4).toBe(0x4); // HSI16RDYF
    b.bus.write(RCC + 0x0c, 4, (1 << 18) | (1 << 22), C); // PLLMUL ×4, PLLDIV /2
    b.bus.write(RCC + 0x00, 4, 0x0100_0101, C); // PLLON
    b.runUntil(3_700 + 115_000);
    expect(b.bus.read(RCC, 4, C) & (1 << 25)).toBe(1 << 25); // PLLRDY
    b.bus.write(RCC + 0x0c, 4, (1 << 18) | (1 << 22) | 3, C); // SW = PLL
    expect(b.bus.read(RCC + 0x0c, 4, C) & 0xf).toBe(0xf); // SWS = PLL
    expect(core.frequencies.at(-1)).toBe(32_000_000);
    core.onSystemResetRequest?.();
    expect(core.frequencies.at(-1)).toBe(2_097_000);
    expect(b.bus.read(RCC + 0x50, 4, C) >>> 24).toBe(0x1c); // SFTRSTF | PORRSTF | PINRSTF
  });

  it('gates GPIOA and USART2 behind their RCC clock enables', () => {
    const { b } = board();
    b.bus.write(GPIOA + 0x14, 4, 0x20, C);
    expect(b.bus.read(GPIOA + 0x14, 4, C)).toBe(0);
    b.bus.write(RCC + 0x2c, 4, 1, C); // IOPAEN
    expect(b.bus.read(GPIOA + 0x00, 4, C)).toBe(0xebff_fcff);
    expect(b.bus.read(USART2 + 0x1c, 4, C)).toBe(0);
    b.bus.write(RCC + 0x38, 4, 1 << 17, C); // USART2EN
    expect(b.bus.read(USART2 + 0x1c, 4, C)).toBe(0xc0);
  });

  it('reports PA5 (the LED) as it is driven through BSRR', () => {
    const { b } = board();
    const changes: GpioChange[] = [];
    b.io.on('gpio', (c) => changes.push(c));
    b.bus.write(RCC + 0x2c, 4, 1, C);
    b.bus.write(GPIOA + 0x00, 4, (0xebff_fcff & ~(3 << 10)) | (1 << 10), C);
    b.runUntil(500);
    b.bus.write(GPIOA + 0x18, 4, 1 << 5, C);
    b.runUntil(900);
    b.bus.write(GPIOA + 0x18, 4, 1 << 21, C);
    expect(changes).toEqual([
      { port: 'GPIOA', pin: 5, level: 0, timeNs: 0 },
      { port: 'GPIOA', pin: 5, level: 1, timeNs: 500 },
      { port: 'GPIOA', pin: 5, level: 0, timeNs: 900 },
    ]);
    expect(b.leds).toEqual([{ name: 'LD2', port: 'GPIOA', pin: 5, activeLow: false }]);
  });

  it('shifts USART2 frames out at fck / BRR and sets TC after the last one', () => {
    const { b } = board();
    const lines: UartLine[] = [];
    b.io.on('uart-line', (l) => lines.push(l));
    b.bus.write(RCC + 0x38, 4, 1 << 17, C);
    b.bus.write(USART2 + 0x0c, 4, 2_097_000 / 115_200, C);
    b.bus.write(USART2 + 0x00, 4, 0x9, C); // UE | TE
    expect(b.bus.read(USART2 + 0x1c, 4, C) & (1 << 21)).toBe(1 << 21); // TEACK
    const frameNs = (10 * 1e9) / (2_097_000 / Math.trunc(2_097_000 / 115_200));
    b.bus.write(USART2 + 0x28, 4, 0x68, C); // 'h' into the shifter
    b.bus.write(USART2 + 0x28, 4, 0x0a, C); // '\n' waits in TDR
    expect(b.bus.read(USART2 + 0x1c, 4, C) & 0xc0).toBe(0);
    b.runUntil(frameNs);
    expect(b.bus.read(USART2 + 0x1c, 4, C) & 0xc0).toBe(0x80); // TXE, TC still 0
    b.runUntil(2 * frameNs);
    expect(b.bus.read(USART2 + 0x1c, 4, C) & 0xc0).toBe(0xc0);
    expect(lines.map((l) => l.text)).toEqual(['h']);
    expect(lines[0]!.timeNs).toBeCloseTo(2 * frameNs, 3);
  });
});
