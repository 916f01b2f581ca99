import { MemorySlave } from '../../bus/system-bus';
import { BoardRuntime } from '../common/board-runtime';
import type { ImageRegion } from '../common/firmware-image';
import { NvmArray } from '../common/nvm-array';
import { NvmSlave } from '../common/nvm-slave';
import { RegisterBlock } from '../common/register-block';
import type { BoardOptions, Nrf52840Board, Nrf52840DebugHooks, ResetCause } from '../common/sim-board';
import { ClockPower } from './clock-power';
import { CtrlAp } from './ctrl-ap';
import { createFicr } from './ficr';
import { GpioPort } from './gpio';
import * as map from './memory-map';
import { Nvmc } from './nvmc';
import { Uart0 } from './uart0';
import { Wdt } from './wdt';

/** UICR.APPROTECT offset; PALL (bits 7:0) = 0xFF leaves the access port open (PS, UICR register APPROTECT). */
const UICR_APPROTECT = 0x208;
const APPROTECT_PALL_DISABLED = 0xff;

/**
 * sim:nrf52840 — an nRF52840 (PS v1.x) on an nRF52840 DK: Cortex-M4F at 64 MHz, 1 MiB flash,
 * 256 KiB RAM, FICR, UICR, NVMC, CLOCK/POWER, UART0, WDT and GPIO P0/P1. The LEDs are the
 * DK's LED1–LED4 on P0.13–P0.16, lit when the pin drives 0.
 *
 * Access port protection (PS chapter "CTRL-AP — Control access port", and UICR.APPROTECT): at
 * every reset the AHB-AP closes if UICR.APPROTECT.PALL is not 0xFF; it opens again when a
 * CTRL-AP ERASEALL completes (which erases flash, UICR and RAM).
 */
export class Nrf52840 extends BoardRuntime implements Nrf52840Board {
  readonly name = 'nrf52840' as const;
  readonly flash = new NvmArray('flash', map.FLASH_SIZE, 0xff);
  readonly uicr = new NvmArray('uicr', map.INFO_PAGE_SIZE, 0xff);
  readonly ram = new MemorySlave('RAM', map.RAM_SIZE, true);
  readonly nvmc: Nvmc;
  readonly uart0: Uart0;
  readonly wdt: Wdt;
  readonly clockPower: ClockPower;
  readonly p0: GpioPort;
  readonly p1: GpioPort;
  readonly debugHooks: Nrf52840DebugHooks;
  private apOpen = true;

  constructor(options: BoardOptions) {
    super(
      {
        name: 'nrf52840',
        coreModel: 'cortex-m4f',
        resetFrequencyHz: map.CORE_FREQUENCY_HZ,
        irqCount: map.IRQ_COUNT,
        leds: [13, 14, 15, 16].map((pin, i) => ({ name: `LED${i + 1}`, port: 'P0', pin, activeLow: true })),
      },
      options,
    );
    this.nvmc = new Nvmc(this.flash, this.uicr, this.clock, this.flashTiming, this.coreLink);
    this.uart0 = new Uart0(this.clock, this.io, this.coreLink);
    this.wdt = new Wdt(this.clock, this.coreLink, () => this.systemReset('watchdog'));
    this.clockPower = new ClockPower(this.clock, this.coreLink);
    this.p0 = new GpioPort('P0', 32, this.clock, this.io);
    this.p1 = new GpioPort('P1', 16, this.clock, this.io);
    const gpio = new RegisterBlock('GPIO');
    this.p0.mapInto(gpio, 0x000);
    this.p1.mapInto(gpio, 0x300);

    const bus = this.bus;
    bus.map(map.FLASH_BASE, map.FLASH_SIZE, new NvmSlave('flash', this.flash, this.nvmc.policy));
    bus.map(map.FICR_BASE, map.INFO_PAGE_SIZE, createFicr({ deviceId: [0x5d3c_8a21, 0x9f4e_17b0], deviceAddr: [0x1f2e_3d4c, 0xc6a5] }));
    bus.map(map.UICR_BASE, map.INFO_PAGE_SIZE, new NvmSlave('UICR', this.uicr, this.nvmc.policy));
    bus.map(map.RAM_BASE, map.RAM_SIZE, this.ram);
    bus.map(map.CLOCK_POWER_BASE, map.PERIPHERAL_SLOT_SIZE, this.clockPower.registers);
    bus.map(map.UART0_BASE, map.PERIPHERAL_SLOT_SIZE, this.uart0.registers);
    bus.map(map.WDT_BASE, map.PERIPHERAL_SLOT_SIZE, this.wdt.registers);
    bus.map(map.NVMC_BASE, map.PERIPHERAL_SLOT_SIZE, this.nvmc.registers);
    bus.map(map.GPIO_BASE, map.PERIPHERAL_SLOT_SIZE, gpio);
    for (const a of [this.flash, this.uicr]) {
      const base = a === this.flash ? map.FLASH_BASE : map.UICR_BASE;
      a.onChange((offset, length) => bus.notifyChanged(base + offset, length));
    }

    const ctrlAp = new CtrlAp(this.clock, {
      holdInReset: (asserted) => this.holdInReset(asserted, 'debug'),
      eraseAll: () => this.eraseAllMemories(),
      eraseAllDone: () => {
        this.apOpen = true;
      },
      accessPortOpen: () => this.apOpen,
    });
    this.debugHooks = {
      flashTiming: this.flashTiming,
      injectStuckBit: (address, bit, level) => this.injectStuckBit(address, bit, level),
      clearStuckBits: () => this.clearStuckBits(),
      injectWatchdogReset: (at) => this.injectWatchdogReset(at),
      lastResetCause: () => this.lastResetCause(),
      ctrlAp,
      ahbApEnabled: () => this.apOpen,
    };
  }

  protected nvmArrays(): readonly NvmArray[] {
    return [this.flash, this.uicr];
  }

  protected imageRegions(): readonly ImageRegion[] {
    return [
      { base: map.FLASH_BASE, array: this.flash },
      { base: map.UICR_BASE, array: this.uicr },
    ];
  }

  protected resetPeripherals(cause: ResetCause): void {
    this.nvmc.reset();
    this.uart0.reset();
    this.wdt.reset();
    this.clockPower.reset(cause);
    this.p0.reset();
    this.p1.reset();
    this.apOpen = (this.uicr.readWord(UICR_APPROTECT) & 0xff) === APPROTECT_PALL_DISABLED;
  }

  /** CTRL-AP ERASEALL: flash and UICR through the NVMC, and RAM cleared. Returns the end time. */
  private eraseAllMemories(): number {
    const end = this.nvmc.eraseAll();
    this.ram.directBytes.fill(0);
    this.bus.notifyChanged(map.RAM_BASE, map.RAM_SIZE);
    return end;
  }
}
