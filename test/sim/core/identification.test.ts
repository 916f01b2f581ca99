/**
 * Identification and coprocessor access: CPUID (ARMv7-M ARM DDI 0403E B3.2.3, ARMv6-M ARM
 * DDI 0419 B3.2.3) with each model's value from its TRM (Cortex-M0 r0p0 DDI 0432C 0x410CC200,
 * Cortex-M0+ r0p1 DDI 0484C 0x410CC601, Cortex-M3 r2p1 DDI 0337I 0x412FC231, Cortex-M4 r0p1
 * DDI 0439B 0x410FC241); CPACR (B3.2.20: CP10/CP11 in bits 23:20, RAZ/WI for an absent
 * coprocessor); MVFR0/MVFR1 (B4.1.x; Cortex-M4 TRM DDI 0439B 7.2: 0x10110021, 0x11000011); and a
 * floating-point instruction with CP10/CP11 not enabled, or with no FPU, raising the NOCP
 * UsageFault (B1.5.8 / B3.2.15 UFSR.NOCP, A5.3.18 coprocessor instructions).
 */
import { describe, expect, it } from 'vitest';
import type { CoreModelName } from '../../../main/sim/core/cortex-m';
import {
  AIRCR,
  C_DEBUGEN,
  CFSR,
  CPACR,
  CPUID,
  createBareSystem,
  MVFR0,
  MVFR1,
  REGSEL_XPSR,
  SHCSR,
  toolchainAvailable,
  Vector,
} from './support/bare-system';

const CPUIDS: Record<CoreModelName, number> = {
  'cortex-m0': 0x410c_c200,
  'cortex-m0plus': 0x410c_c601,
  'cortex-m3': 0x412f_c231,
  'cortex-m4': 0x410f_c241,
  'cortex-m4f': 0x410f_c241,
};

const USGFAULTENA = 1 << 18;
const CFSR_NOCP = 1 << 19;
const CP10_CP11_FULL = 0x00f0_0000;

/** Enables CP10/CP11 when asked (r7 = CPACR value), then executes VMOV r2, s5. */
const vfpProgram = {
  body: `  .thumb_func
_start:
  ldr r0, =0xe000ed88
  str r7, [r0]
  dsb
  isb
  .short 0xee12, 0x2a90 @ vmov r2, s5
  bkpt #1
`,
};

function vfpSystem(model: CoreModelName, cpacr: number) {
  const s = createBareSystem(model, vfpProgram);
  s.dhcsr(C_DEBUGEN);
  s.write(SHCSR, USGFAULTENA);
  s.core.writeRegister(7, cpacr);
  s.runUntilStopped();
  return s;
}

describe.skipIf(!toolchainAvailable)('identification and coprocessor access', () => {
  for (const [model, cpuid] of Object.entries(CPUIDS) as [CoreModelName, number][]) {
    it(`${model}: CPUID reads 0x${cpuid.toString(16).toUpperCase()}`, () => {
      const s = createBareSystem(model);
      expect(s.read(CPUID)).toBe(cpuid);
    });
  }

  it('cortex-m4f: CPACR CP10 and CP11 (bits 23:20) are writable and the other coprocessor fields are RAZ/WI', () => {
    const s = createBareSystem('cortex-m4f');
    expect(s.read(CPACR)).toBe(0);
    s.write(CPACR, 0xffff_ffff);
    expect(s.read(CPACR)).toBe(CP10_CP11_FULL);
    s.write(CPACR, 0x0050_0000);
    expect(s.read(CPACR)).toBe(0x0050_0000);
    s.write(CPACR, 0);
    expect(s.read(CPACR)).toBe(0);
  });

  it('cortex-m4f: a system reset returns CPACR to 0', () => {
    const s = createBareSystem('cortex-m4f');
    s.write(CPACR, CP10_CP11_FULL);
    s.write(AIRCR, 0x05fa_0004);
    expect(s.read(CPACR)).toBe(0);
  });

  for (const model of ['cortex-m3', 'cortex-m4'] as const) {
    it(`${model}: CPACR is RAZ/WI without an FPU`, () => {
      const s = createBareSystem(model);
      s.write(CPACR, CP10_CP11_FULL);
      expect(s.read(CPACR)).toBe(0);
    });
  }

  it('cortex-m4f: MVFR0 reads 0x10110021 and MVFR1 0x11000011', () => {
    const s = createBareSystem('cortex-m4f');
    expect(s.read(MVFR0)).toBe(0x1011_0021);
    expect(s.read(MVFR1)).toBe(0x1100_0011);
  });

  it('cortex-m4f: a VFP instruction with CP10/CP11 not enabled raises the NOCP UsageFault', () => {
    const s = vfpSystem('cortex-m4f', 0);
    expect(s.readReg(REGSEL_XPSR) & 0x1ff).toBe(Vector.UsageFault);
    expect(s.read(CFSR)).toBe(CFSR_NOCP);
  });

  it('cortex-m4f: with CP10/CP11 granted full access the VFP instruction no longer raises NOCP', () => {
    const s = vfpSystem('cortex-m4f', CP10_CP11_FULL);
    expect(s.read(CPACR)).toBe(CP10_CP11_FULL);
    expect(s.read(CFSR) & CFSR_NOCP).toBe(0);
  });

  for (const model of ['cortex-m3', 'cortex-m4'] as const) {
    it(`${model}: a VFP instruction raises NOCP on a core without an FPU, whatever CPACR was written`, () => {
      const s = vfpSystem(model, CP10_CP11_FULL);
      expect(s.readReg(REGSEL_XPSR) & 0x1ff).toBe(Vector.UsageFault);
      expect(s.read(CFSR)).toBe(CFSR_NOCP);
    });
  }
});
