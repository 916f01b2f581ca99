/**
 * The fault status and address registers `reg` reads from the System Control Space. CFSR, HFSR,
 * MMFAR and BFAR belong to ARMv7-M (B3.2.15–B3.2.18) and the ARMv8-M Main extension; ARMv6-M
 * has none of them (every fault is a HardFault there) and only DFSR (ARMv6-M ARM C1.6.1).
 */
import { CFSR_BFARVALID, CFSR_MMARVALID, decodeCfsr, decodeDfsr, decodeHfsr } from './register-fields';
import { hex } from '../../probe/cmsis-dap/commands';

export interface FaultRegister {
  readonly name: string;
  readonly address: number;
  readonly mainlineOnly: boolean;
  /** The fields of the value, given CFSR for the address registers whose validity it holds. */
  describe(value: number, cfsr: number): string;
}

export const FAULT_REGISTERS: readonly FaultRegister[] = [
  { name: 'cfsr', address: 0xe000ed28, mainlineOnly: true, describe: (v) => decodeCfsr(v) },
  { name: 'hfsr', address: 0xe000ed2c, mainlineOnly: true, describe: (v) => decodeHfsr(v) },
  { name: 'dfsr', address: 0xe000ed30, mainlineOnly: false, describe: (v) => decodeDfsr(v) },
  {
    name: 'mmfar',
    address: 0xe000ed34,
    mainlineOnly: true,
    describe: (v, cfsr) => (cfsr & CFSR_MMARVALID ? `valid: faulting address ${hex(v)}` : 'not valid (CFSR.MMARVALID is 0)'),
  },
  {
    name: 'bfar',
    address: 0xe000ed38,
    mainlineOnly: true,
    describe: (v, cfsr) => (cfsr & CFSR_BFARVALID ? `valid: faulting address ${hex(v)}` : 'not valid (CFSR.BFARVALID is 0)'),
  },
];

export const CFSR_ADDRESS = FAULT_REGISTERS[0]!.address;

export function findFaultRegister(name: string): FaultRegister | undefined {
  return FAULT_REGISTERS.find((r) => r.name === name.toLowerCase());
}

/** Why a Baseline core has no such register, for an error or the `reg -f` listing. */
export function missingOnBaseline(names: readonly string[], architecture: string): string {
  return `${names.map((n) => n.toUpperCase()).join(', ')} ${names.length > 1 ? 'do' : 'does'} not exist on ${architecture}: the configurable fault status registers are ARMv7-M (B3.2.15–B3.2.18) and every fault on this core is a HardFault`;
}
