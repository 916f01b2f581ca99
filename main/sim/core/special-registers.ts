import type { Cpu } from './cpu';
import { Exception } from './fault-codes';

/**
 * MRS and MSR on the special registers (ARMv7-M B5.2.2/B5.2.3, ARMv6-M B4.2.2/B4.2.3), by SYSm.
 */

/** MRS: the value read; unprivileged reads of the stack pointers and masks give zero. */
export function readSpecial(c: Cpu, sysm: number): number {
  if (sysm < 8) {
    let value = 0;
    if ((sysm & 1) !== 0) value |= c.ipsr;
    // The EPSR execution-state bits read as zero through MRS (B5.2.2).
    if ((sysm & 4) === 0) value |= c.apsr;
    return value | 0;
  }
  const privileged = c.privileged;
  switch (sysm) {
    case 8:
      return privileged ? c.msp : 0;
    case 9:
      return privileged ? c.psp : 0;
    case 16:
      return c.primask;
    case 17:
    case 18:
      return c.v7m ? c.basepri : 0;
    case 19:
      return c.v7m ? c.faultmask : 0;
    case 20:
      return c.control;
    default:
      return 0;
  }
}

/** MSR: writes that the mode or the architecture does not allow are ignored. */
export function writeSpecial(c: Cpu, sysm: number, mask: number, value: number): void {
  if (sysm < 8) {
    // Only APSR is writable; mask bit 1 writes NZCVQ, bit 0 the GE bits (DSP extension).
    if ((sysm & 4) === 0) {
      const current = c.apsr;
      let next = current;
      if ((mask & 2) !== 0 || !c.v7m) next = (next & 0x000fffff) | (value & 0xf8000000);
      if ((mask & 1) !== 0) next = (next & ~0x000f0000) | (value & 0x000f0000);
      c.apsr = next;
    }
    return;
  }
  if (!c.privileged) return;
  switch (sysm) {
    case 8:
      c.msp = value;
      return;
    case 9:
      c.psp = value;
      return;
    case 16:
      c.primask = value & 1;
      c.hooks.priorityChanged();
      return;
    case 17:
      if (c.v7m) {
        c.basepri = value & c.priorityMask;
        c.hooks.priorityChanged();
      }
      return;
    case 18:
      if (c.v7m) {
        const v = value & c.priorityMask;
        if (v !== 0 && (v < c.basepri || c.basepri === 0)) c.basepri = v;
        c.hooks.priorityChanged();
      }
      return;
    case 19:
      // FAULTMASK can be set only when the execution priority is above -1 (B5.2.3).
      if (c.v7m && !(c.ipsr === Exception.HardFault || c.ipsr === Exception.Nmi) || (value & 1) === 0) {
        if (c.v7m) c.faultmask = value & 1;
      }
      c.hooks.priorityChanged();
      return;
    case 20: {
      let control = c.control;
      if (c.hasUnprivileged) control = (control & ~1) | (value & 1);
      if (c.ipsr === 0) control = (control & ~2) | (value & 2);
      if (c.hasFpu) control = (control & ~4) | (value & 4);
      c.selectStack(c.ipsr, control);
      return;
    }
    default:
      return;
  }
}
