import type { AccessPort, ApResponse } from './swd-types';

/**
 * The nRF52840 CTRL-AP, Nordic's access port at APSEL 1 (nRF52840 Product Specification,
 * chapter "CTRL-AP - Control access port"). It stays reachable while APPROTECT closes the
 * AHB-AP, so a debugger can erase a protected part and reset it.
 */

/** CTRL-AP register offsets (nRF52840 PS, CTRL-AP register overview). */
export const CTRL_AP_REG = {
  RESET: 0x000,
  ERASEALL: 0x004,
  ERASEALLSTATUS: 0x008,
  APPROTECTSTATUS: 0x00c,
  IDR: 0x0fc,
} as const;

/** IDR reset value from the PS: Nordic designer code, class 0 (not a MEM-AP). */
export const NRF52840_CTRL_AP_IDR = 0x02880000;

/**
 * What the CTRL-AP drives in the chip. The nRF52840 board's `debugHooks.ctrlAp` has this shape;
 * the registers read back the board's own state so that a reset or erase started elsewhere shows.
 */
export interface CtrlApHooks {
  /** RESET register: true holds the device in soft reset, false releases it. */
  setReset(asserted: boolean): void;
  /** The value last written to RESET (0 or 1). */
  readonly resetRegister: number;
  /** ERASEALL: erase flash, UICR and RAM; the AHB-AP opens again once it completes. */
  eraseAll(): void;
  /** ERASEALLSTATUS: 1 while the erase is in progress. */
  readonly eraseAllStatus: number;
  /** APPROTECTSTATUS: 1 when access port protection is not enabled, 0 when it is. */
  readonly apProtectStatus: number;
}

export class CtrlAp implements AccessPort {
  readonly name = 'CTRL-AP';
  private readonly hooks: CtrlApHooks;

  constructor(hooks: CtrlApHooks) {
    this.hooks = hooks;
  }

  busy(): boolean {
    return false;
  }

  abort(): void {}

  read(register: number): ApResponse {
    switch (register) {
      case CTRL_AP_REG.RESET:
        return ok(this.hooks.resetRegister & 1);
      case CTRL_AP_REG.ERASEALL:
        return ok(0);
      case CTRL_AP_REG.ERASEALLSTATUS:
        return ok(this.hooks.eraseAllStatus & 1);
      case CTRL_AP_REG.APPROTECTSTATUS:
        // PS: bit 0 reads 0 when protection is enabled, 1 when it is not.
        return ok(this.hooks.apProtectStatus & 1);
      case CTRL_AP_REG.IDR:
        return ok(NRF52840_CTRL_AP_IDR);
      default:
        return ok(0);
    }
  }

  write(register: number, value: number): ApResponse {
    if (register === CTRL_AP_REG.RESET) this.hooks.setReset((value & 1) === 1);
    else if (register === CTRL_AP_REG.ERASEALL && (value & 1) === 1) this.hooks.eraseAll();
    return ok(0);
  }
}

function ok(value: number): ApResponse {
  return { kind: 'ok', value: value >>> 0 };
}
