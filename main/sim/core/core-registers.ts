import type { Cpu } from './cpu';

/**
 * Core register access by DCRSR.REGSEL number (ARMv7-M C1.6.3, ARMv6-M C1.6.3): what the
 * debugger reads and writes through DCRSR/DCRDR, and what the simulator's API exposes.
 */

/** True when `regsel` names a register this core has. */
export function validRegsel(c: Cpu, regsel: number): boolean {
  if (regsel <= 18 || regsel === 20) return true;
  if (!c.v7m || !c.hasFpu) return false;
  return regsel === 33 || (regsel >= 64 && regsel <= 95);
}

export function readCoreRegister(c: Cpu, regsel: number): number {
  if (regsel <= 12 || regsel === 14) return c.r[regsel]! >>> 0;
  switch (regsel) {
    case 13:
      return c.r[13]! >>> 0;
    case 15:
      return c.pc >>> 0;
    case 16:
      return c.xpsr;
    case 17:
      return c.msp >>> 0;
    case 18:
      return c.psp >>> 0;
    case 20:
      // CONTROL [31:24], FAULTMASK [23:16], BASEPRI [15:8], PRIMASK [7:0].
      return ((c.control << 24) | (c.faultmask << 16) | (c.basepri << 8) | c.primask) >>> 0;
    case 33:
      return c.fpscr >>> 0;
    default:
      if (regsel >= 64 && regsel <= 95) return c.s[regsel - 64]! >>> 0;
      return 0;
  }
}

export function writeCoreRegister(c: Cpu, regsel: number, value: number): void {
  if (regsel <= 12 || regsel === 14) {
    c.r[regsel] = value;
    return;
  }
  switch (regsel) {
    case 13:
      c.r[13] = value & ~3;
      return;
    case 15:
      c.pc = (value & ~1) >>> 0;
      return;
    case 16: {
      c.xpsr = value;
      c.selectStack(value & (c.v7m ? 0x1ff : 0x3f), c.control);
      return;
    }
    case 17:
      c.msp = value;
      return;
    case 18:
      c.psp = value;
      return;
    case 20: {
      c.primask = value & 1;
      if (c.v7m) {
        c.basepri = (value >>> 8) & c.priorityMask;
        c.faultmask = (value >>> 16) & 1;
      }
      const controlMask = (c.hasUnprivileged ? 1 : 0) | 2 | (c.hasFpu ? 4 : 0);
      c.selectStack(c.ipsr, (value >>> 24) & controlMask);
      c.attention = 1;
      return;
    }
    case 33:
      c.fpscr = value & 0xf7c0009f;
      return;
    default:
      if (regsel >= 64 && regsel <= 95) c.s[regsel - 64] = value;
  }
}
