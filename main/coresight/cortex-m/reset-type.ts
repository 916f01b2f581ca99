/**
 * Reset types, named as pyOCD's `reset_type` option values so config files carry over.
 *
 * - `hw`: the probe drives nRESET (a system reset from outside the core).
 * - `sw`: the default software reset, which is SYSRESETREQ.
 * - `sw_sysresetreq`: AIRCR.SYSRESETREQ (ARMv7-M ARM B3.2.6): a system reset requested by the core.
 * - `sw_vectreset`: AIRCR.VECTRESET, a core-only local reset that exists on ARMv7-M alone; on
 *   ARMv6-M and ARMv8-M it is not available and is performed as `sw_emulated` instead.
 * - `sw_emulated`: no reset signal at all. The core is halted and its registers are loaded with
 *   their reset values (ARMv7-M ARM B1.5.5 "Reset behavior"): MSP and SP from vector table entry 0,
 *   PC from entry 1 (with bit 0 giving EPSR.T), LR = 0xFFFFFFFF, xPSR = T bit only, PRIMASK,
 *   BASEPRI, FAULTMASK and CONTROL zero. Peripherals, NVIC state and memory are NOT reset.
 */
export const ResetType = {
  Hw: 'hw',
  Sw: 'sw',
  SwSysresetreq: 'sw_sysresetreq',
  SwVectreset: 'sw_vectreset',
  SwEmulated: 'sw_emulated',
} as const;
export type ResetType = (typeof ResetType)[keyof typeof ResetType];

export const RESET_TYPES: readonly ResetType[] = Object.values(ResetType);

export function isResetType(value: string): value is ResetType {
  return (RESET_TYPES as readonly string[]).includes(value);
}
