import { MemorySlave } from '../../bus/system-bus';
import { BoardRuntime } from '../common/board-runtime';
import type { ImageRegion } from '../common/firmware-image';
import { NvmArray } from '../common/nvm-array';
import { NvmSlave } from '../common/nvm-slave';
import type { BoardOptions, ResetCause, Stm32l051Board, Stm32l051DebugHooks } from '../common/sim-board';
import { ClockGate } from './clock-gate';
import { Dbgmcu } from './dbgmcu';
import { createFactoryInfo } from './factory-info';
import { FlashInterface } from './flash-interface';
import { GpioPort } from './gpio';
import { McuRomTable } from './mcu-rom-table';
import * as map from './memory-map';
import { OptionBytes } from './option-bytes';
import { Pwr } from './pwr';
import { Rcc } from './rcc';
import { Usart } from './usart';

/** RCC enable bits: IOPENR.IOPAEN (0), APB1ENR.USART2EN (17), APB1ENR.PWREN (28). */
const IOPAEN = 1 << 0;
const USART2EN = 1 << 17;
const PWREN = 1 << 28;
/** RCC_CCIPR.USART2SEL (bits 3:2): 00 PCLK1, 01 SYSCLK, 10 HSI16, 11 LSE. */
const USART2SEL_SHIFT = 2;

/**
 * sim:stm32l051 — an STM32L051x8 (RM0377, category 3) on a Nucleo-style board: Cortex-M0+
 * from MSI 2.097 MHz at reset, 64 KiB flash at 0x08000000 (aliased at 0x0: the board boots
 * from flash), 8 KiB SRAM, 2 KiB data EEPROM, option bytes with RDP, the NVM interface,
 * RCC, PWR, DBGMCU, USART2 and GPIOA. The LED (LD2) is on PA5, lit when the pin drives 1.
 */
export class Stm32l051 extends BoardRuntime implements Stm32l051Board {
  readonly name = 'stm32l051' as const;
  readonly flash = new NvmArray('flash', map.FLASH_SIZE, 0x00);
  readonly eeprom = new NvmArray('eeprom', map.EEPROM_SIZE, 0x00);
  readonly optionBytes = new OptionBytes();
  readonly sram = new MemorySlave('SRAM', map.SRAM_SIZE, true);
  readonly flashInterface: FlashInterface;
  readonly rcc: Rcc;
  readonly pwr = new Pwr();
  readonly dbgmcu = new Dbgmcu();
  readonly usart2: Usart;
  readonly gpioA: GpioPort;
  readonly debugHooks: Stm32l051DebugHooks;

  constructor(options: BoardOptions) {
    super(
      {
        name: 'stm32l051',
        coreModel: 'cortex-m0plus',
        resetFrequencyHz: map.RESET_CLOCK_HZ,
        irqCount: map.IRQ_COUNT,
        leds: [{ name: 'LD2', port: 'GPIOA', pin: 5, activeLow: false }],
      },
      options,
    );
    this.rcc = new Rcc(this.clock, this.coreLink, (hz) => this.setCoreFrequency(hz));
    this.flashInterface = new FlashInterface(this.flash, this.eeprom, this.optionBytes, this.clock, this.flashTiming, this.coreLink, () =>
      this.systemReset('option-load'),
    );
    this.usart2 = new Usart('USART2', map.IRQ_USART2, () => this.usart2KernelHz(), this.clock, this.io, this.coreLink);
    this.gpioA = new GpioPort('GPIOA', { moder: 0xebff_fcff, ospeedr: 0x0c00_0000, pupdr: 0x2400_0000 }, this.clock, this.io);

    const bus = this.bus;
    const flashPolicy = this.flashInterface.policy;
    bus.map(map.BOOT_ALIAS_BASE, map.FLASH_SIZE, new NvmSlave('flash (boot alias)', this.flash, flashPolicy));
    bus.map(map.FLASH_BASE, map.FLASH_SIZE, new NvmSlave('flash', this.flash, flashPolicy));
    bus.map(map.EEPROM_BASE, map.EEPROM_SIZE, new NvmSlave('data EEPROM', this.eeprom, flashPolicy));
    bus.map(map.OPTION_BYTES_BASE, map.OPTION_BYTES_SIZE, new NvmSlave('option bytes', this.optionBytes.array, flashPolicy));
    bus.map(
      map.FACTORY_INFO_BASE,
      map.FACTORY_INFO_SIZE,
      createFactoryInfo({ uniqueId: [0x3530_3233, 0x0020_4d51, 0x1a2b_3c4d], vrefintCal: 0x0674, tsCal1: 0x029e, tsCal2: 0x0363, flashKiB: map.FLASH_SIZE / 1024 }),
    );
    bus.map(map.SRAM_BASE, map.SRAM_SIZE, this.sram);
    bus.map(map.PWR_BASE, map.PWR_SIZE, new ClockGate(this.pwr.registers, () => (this.rcc.apb1enr.value & PWREN) !== 0));
    bus.map(map.USART2_BASE, map.USART2_SIZE, new ClockGate(this.usart2.registers, () => (this.rcc.apb1enr.value & USART2EN) !== 0));
    bus.map(map.DBGMCU_BASE, map.DBGMCU_SIZE, this.dbgmcu.registers);
    bus.map(map.RCC_BASE, map.RCC_SIZE, this.rcc.registers);
    bus.map(map.FLASH_IF_BASE, map.FLASH_IF_SIZE, this.flashInterface.registers);
    bus.map(map.GPIOA_BASE, map.GPIO_SIZE, new ClockGate(this.gpioA.registers, () => (this.rcc.iopenr.value & IOPAEN) !== 0));
    bus.map(map.MCU_ROM_TABLE_BASE, map.MCU_ROM_TABLE_SIZE, new McuRomTable());
    this.flash.onChange((offset, length) => {
      bus.notifyChanged(map.BOOT_ALIAS_BASE + offset, length);
      bus.notifyChanged(map.FLASH_BASE + offset, length);
    });
    this.eeprom.onChange((offset, length) => bus.notifyChanged(map.EEPROM_BASE + offset, length));
    this.optionBytes.array.onChange((offset, length) => bus.notifyChanged(map.OPTION_BYTES_BASE + offset, length));

    this.debugHooks = {
      flashTiming: this.flashTiming,
      injectStuckBit: (address, bit, level) => this.injectStuckBit(address, bit, level),
      clearStuckBits: () => this.clearStuckBits(),
      injectWatchdogReset: (at) => this.injectWatchdogReset(at),
      lastResetCause: () => this.lastResetCause(),
      rdpLevel: () => this.optionBytes.rdpLevel,
    };
  }

  protected nvmArrays(): readonly NvmArray[] {
    return [this.flash, this.eeprom, this.optionBytes.array];
  }

  protected imageRegions(): readonly ImageRegion[] {
    return [
      { base: map.FLASH_BASE, array: this.flash },
      { base: map.EEPROM_BASE, array: this.eeprom },
      { base: map.OPTION_BYTES_BASE, array: this.optionBytes.array },
    ];
  }

  protected override factoryContent(): void {
    this.optionBytes.writeFactoryContent();
  }

  protected resetPeripherals(cause: ResetCause): void {
    // Option bytes load at power-on and on OBL_LAUNCH (RM0377 3.4 "Option bytes loading").
    if (cause === 'power-on' || cause === 'option-load') this.flashInterface.setOptionError(!this.optionBytes.load());
    if (cause === 'power-on') this.dbgmcu.powerOnReset();
    this.flashInterface.reset();
    this.rcc.reset(cause);
    this.pwr.reset();
    this.usart2.reset();
    this.gpioA.reset();
  }

  private usart2KernelHz(): number {
    const sel = (this.rcc.ccipr.value >>> USART2SEL_SHIFT) & 3;
    if (sel === 1) return this.rcc.sysclkHz;
    if (sel === 2) return this.rcc.hsi16Hz;
    if (sel === 3) return 0;
    return this.rcc.pclk1Hz;
  }
}
