import type { PeripheralId } from './core-models';

/**
 * CoreSight component identification registers at the top of each 4 KiB component block
 * (CoreSight Architecture Specification v3.0 B2.2: PIDR4-7 at 0xFD0-0xFDC, PIDR0-3 at
 * 0xFE0-0xFEC, CIDR0-3 at 0xFF0-0xFFC).
 */

/** Component classes in CIDR1[7:4]. */
export const enum ComponentClass {
  RomTable = 0x1,
  CoreSight = 0x9,
  /** Generic IP: the SCS, DWT, FPB and ITM of the M profile use it (ARMv7-M C1.2). */
  GenericIp = 0xe,
}

/** The ID register at `offset` within a component, or undefined when `offset` is not one. */
export function componentIdRegister(offset: number, pid: PeripheralId, componentClass: ComponentClass): number | undefined {
  if (offset < 0xfd0 || offset > 0xffc || (offset & 3) !== 0) return undefined;
  if (offset === 0xfd0) return pid[4];
  if (offset < 0xfe0) return 0;
  if (offset < 0xff0) return pid[(offset - 0xfe0) >> 2]!;
  return [0x0d, componentClass << 4, 0x05, 0xb1][(offset - 0xff0) >> 2]!;
}
