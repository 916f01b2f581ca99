import { RegisterBlock, StorageRegister } from '../common/register-block';

/**
 * DBGMCU (RM0377 chapter "Debug support (DBG)", section "MCU debug component (DBGMCU)").
 * IDCODE: DEV_ID (bits 11:0) = 0x417 for the STM32L05x/L06x (category 3), REV_ID (bits 31:16)
 * = 0x1038, revision X. CR: DBG_SLEEP (0), DBG_STOP (1), DBG_STANDBY (2). APB1_FZ and APB2_FZ:
 * the counters frozen while the core is halted. These registers sit in the debug power domain
 * and are reset only by a power-on reset, not by a system reset.
 */
export const DEV_ID = 0x417;
export const REV_ID = 0x1038;

const IDCODE = 0x00;
const CR = 0x04;
const APB1_FZ = 0x08;
const APB2_FZ = 0x0c;

/** APB1_FZ: TIM2, TIM6, RTC, WWDG, IWDG, I2C1, I2C2, I2C3 (RM0377 DBG_APB1_FZ), LPTIM1. */
const APB1_FZ_BITS = (1 << 0) | (1 << 4) | (1 << 10) | (1 << 11) | (1 << 12) | (1 << 21) | (1 << 22) | (1 << 23) | (1 << 31);
/** APB2_FZ: TIM21 (bit 2), TIM22 (bit 5). */
const APB2_FZ_BITS = (1 << 2) | (1 << 5);

export class Dbgmcu {
  readonly registers = new RegisterBlock('DBGMCU');
  readonly cr = new StorageRegister(0, 0x7);
  readonly apb1Fz = new StorageRegister(0, APB1_FZ_BITS >>> 0);
  readonly apb2Fz = new StorageRegister(0, APB2_FZ_BITS);

  constructor() {
    this.registers.defineFn(IDCODE, () => ((REV_ID << 16) | DEV_ID) >>> 0);
    this.registers.define(CR, this.cr);
    this.registers.define(APB1_FZ, this.apb1Fz);
    this.registers.define(APB2_FZ, this.apb2Fz);
  }

  powerOnReset(): void {
    this.cr.reset();
    this.apb1Fz.reset();
    this.apb2Fz.reset();
  }
}
