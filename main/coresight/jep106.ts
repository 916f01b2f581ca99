/**
 * JEP106 manufacturer codes (JEDEC JEP106) of the designers met on Cortex-M debug systems
 * (runtime: plain Node). A code is the continuation count (bank - 1) and a 7-bit identity.
 */
export interface Jep106Code {
  readonly continuation: number;
  readonly identity: number;
}

const NAMES = new Map<string, string>([
  ['4:3b', 'Arm Ltd'],
  ['2:44', 'Nordic Semiconductor'],
  ['0:20', 'STMicroelectronics'],
  ['0:15', 'NXP (Philips)'],
  ['0:17', 'Texas Instruments'],
  ['0:1f', 'Atmel (Microchip)'],
  ['9:13', 'Raspberry Pi'],
  ['3:21', 'Silicon Laboratories'],
  ['0:0e', 'Freescale (Motorola)'],
  ['0:34', 'Cypress Semiconductor'],
]);

export const ARM_JEP106: Jep106Code = { continuation: 4, identity: 0x3b };

export function jep106Name(code: Jep106Code): string {
  return (
    NAMES.get(`${code.continuation}:${code.identity.toString(16).padStart(2, '0')}`) ??
    `JEP106 bank ${code.continuation + 1} code 0x${code.identity.toString(16).padStart(2, '0')}`
  );
}

export function isArm(code: Jep106Code): boolean {
  return code.continuation === ARM_JEP106.continuation && code.identity === ARM_JEP106.identity;
}
