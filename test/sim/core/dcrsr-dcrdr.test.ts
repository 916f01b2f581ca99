/**
 * DCRSR and DCRDR, the Debug Core Register Selector and Data registers: ARMv7-M ARM (DDI 0403E)
 * C1.6.3-C1.6.4 and ARMv6-M ARM (DDI 0419) C1.6.3-C1.6.4. REGSEL values: 0-12 R0-R12, 13 the
 * current SP, 14 LR, 15 DebugReturnAddress, 16 xPSR, 17 MSP, 18 PSP, 20 CONTROL[31:24] /
 * FAULTMASK[23:16] / BASEPRI[15:8] / PRIMASK[7:0] (ARMv6-M: CONTROL and PRIMASK only), and with the
 * FP extension 0x21 FPSCR and 0x40-0x5F S0-S31. Register layouts: xPSR B1.4.2, CONTROL B1.4.4
 * (ARMv6-M: nPRIV bit 0 only with the Unprivileged extension, SPSEL bit 1; ARMv7-M adds FPCA bit 2),
 * SP selection B1.4.1, FPSCR A2.5.3. Reserved REGSEL values are UNPREDICTABLE and are not asserted
 * here; only the simulator API's refusal of them is.
 */
import { describe, expect, it } from 'vitest';
import type { CoreModelName } from '../../../main/sim/core/cortex-m';
import {
  ALL_MODELS,
  createBareSystem,
  DCRDR,
  DCRSR,
  REGSEL_DEBUG_RETURN_ADDRESS,
  REGSEL_FPSCR,
  REGSEL_LR,
  REGSEL_MSP,
  REGSEL_PSP,
  REGSEL_S0,
  REGSEL_SP,
  REGSEL_SPECIAL,
  REGSEL_XPSR,
  REGWNR,
  toolchainAvailable,
  V6M_MODELS,
  V7M_MODELS,
} from './support/bare-system';

const program = {
  body: `  .thumb_func
_start:
  movs r0, #0
spin:
  adds r0, #1
  b spin
  .thumb_func
elsewhere:
  movs r7, #0x42
  b .
`,
};

function halted(model: CoreModelName) {
  const s = createBareSystem(model, program);
  s.run();
  s.halt();
  return s;
}

const T_BIT = 1 << 24;

describe.skipIf(!toolchainAvailable)('DCRSR/DCRDR core register transfers (C1.6.3)', () => {
  for (const model of ALL_MODELS) {
    describe(model, () => {
      it('round-trips R0-R12 and LR through DCRDR', () => {
        const s = halted(model);
        const selectors = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, REGSEL_LR];
        for (const sel of selectors) s.writeReg(sel, (0x1000_0000 + sel * 0x0101_0101) >>> 0);
        for (const sel of selectors) expect(s.readReg(sel)).toBe((0x1000_0000 + sel * 0x0101_0101) >>> 0);
        expect(s.core.readRegister(9)).toBe((0x1000_0000 + 9 * 0x0101_0101) >>> 0);
      });

      it('REGWnR=0 copies the selected register into DCRDR and leaves the register unchanged', () => {
        const s = halted(model);
        s.writeReg(3, 0x3333_3333);
        s.write(DCRDR, 0xdead_beef);
        s.write(DCRSR, 3);
        expect(s.read(DCRDR)).toBe(0x3333_3333);
        expect(s.core.readRegister(3)).toBe(0x3333_3333);
      });

      it('REGWnR=1 copies DCRDR into the selected register', () => {
        const s = halted(model);
        s.write(DCRDR, 0x7654_3210);
        s.write(DCRSR, REGWNR | 6);
        expect(s.core.readRegister(6)).toBe(0x7654_3210);
      });

      it('MSP (17) and PSP (18) round-trip, and SP (13) is MSP in Thread mode with SPSEL clear', () => {
        const s = halted(model);
        s.writeReg(REGSEL_MSP, 0x2000_4000);
        s.writeReg(REGSEL_PSP, 0x2000_2000);
        expect(s.readReg(REGSEL_MSP)).toBe(0x2000_4000);
        expect(s.readReg(REGSEL_PSP)).toBe(0x2000_2000);
        expect(s.readReg(REGSEL_SP)).toBe(0x2000_4000);
        s.writeReg(REGSEL_SP, 0x2000_3000);
        expect(s.readReg(REGSEL_MSP)).toBe(0x2000_3000);
      });

      it('CONTROL.SPSEL (bit 25 of selector 20) makes SP (13) the PSP in Thread mode', () => {
        const s = halted(model);
        s.writeReg(REGSEL_MSP, 0x2000_4000);
        s.writeReg(REGSEL_PSP, 0x2000_2000);
        s.writeReg(REGSEL_SPECIAL, 0x0200_0000);
        expect(s.readReg(REGSEL_SPECIAL)).toBe(0x0200_0000);
        expect(s.readReg(REGSEL_SP)).toBe(0x2000_2000);
        s.writeReg(REGSEL_SP, 0x2000_1000);
        expect(s.readReg(REGSEL_PSP)).toBe(0x2000_1000);
        expect(s.readReg(REGSEL_MSP)).toBe(0x2000_4000);
      });

      it('PRIMASK is bit 0 of selector 20', () => {
        const s = halted(model);
        s.writeReg(REGSEL_SPECIAL, 1);
        expect(s.readReg(REGSEL_SPECIAL)).toBe(1);
        s.writeReg(REGSEL_SPECIAL, 0);
        expect(s.readReg(REGSEL_SPECIAL)).toBe(0);
      });

      it('xPSR reads with the T bit set after reset (EPSR.T from bit 0 of the reset vector) and IPSR 0 in Thread mode', () => {
        const s = halted(model);
        expect(s.readReg(REGSEL_XPSR) & (T_BIT | 0x1ff)).toBe(T_BIT);
      });

      it('DebugReturnAddress (15) reads the halt address and a write makes execution resume there', () => {
        const s = halted(model);
        const pc = s.readReg(REGSEL_DEBUG_RETURN_ADDRESS);
        expect([s.at('spin'), s.at('spin') + 2]).toContain(pc);
        s.writeReg(REGSEL_DEBUG_RETURN_ADDRESS, s.at('elsewhere'));
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('elsewhere'));
        s.dhcsr(1);
        s.run();
        expect(s.core.readRegister(7)).toBe(0x42);
      });
    });
  }

  for (const model of V6M_MODELS) {
    it(`${model}: xPSR round-trips N, Z, C, V (bits 31:28) and T (bit 24)`, () => {
      const s = halted(model);
      s.writeReg(REGSEL_XPSR, 0xf100_0000);
      expect(s.readReg(REGSEL_XPSR)).toBe(0xf100_0000);
      s.writeReg(REGSEL_XPSR, 0x5100_0000);
      expect(s.readReg(REGSEL_XPSR)).toBe(0x5100_0000);
    });
  }

  it('cortex-m0plus: CONTROL.nPRIV (Unprivileged extension) is bit 24 of selector 20', () => {
    const s = halted('cortex-m0plus');
    s.writeReg(REGSEL_SPECIAL, 0x0300_0001);
    expect(s.readReg(REGSEL_SPECIAL)).toBe(0x0300_0001);
  });

  for (const model of V7M_MODELS) {
    it(`${model}: xPSR round-trips N, Z, C, V, Q (bits 31:27) and T`, () => {
      const s = halted(model);
      s.writeReg(REGSEL_XPSR, 0xf900_0000);
      expect(s.readReg(REGSEL_XPSR)).toBe(0xf900_0000);
      s.writeReg(REGSEL_XPSR, 0x2900_0000);
      expect(s.readReg(REGSEL_XPSR)).toBe(0x2900_0000);
    });

    it(`${model}: selector 20 packs CONTROL [31:24], FAULTMASK [23:16], BASEPRI [15:8], PRIMASK [7:0]`, () => {
      const s = halted(model);
      s.writeReg(REGSEL_SPECIAL, 0x0301_4001);
      expect(s.readReg(REGSEL_SPECIAL)).toBe(0x0301_4001);
      s.writeReg(REGSEL_SPECIAL, 0x0000_a000);
      expect(s.readReg(REGSEL_SPECIAL)).toBe(0x0000_a000);
      s.writeReg(REGSEL_SPECIAL, 0x0001_0000);
      expect(s.readReg(REGSEL_SPECIAL)).toBe(0x0001_0000);
    });
  }

  for (const model of ['cortex-m4', 'cortex-m4f'] as const) {
    it(`${model}: xPSR round-trips APSR.GE[3:0] (bits 19:16, DSP extension)`, () => {
      const s = halted(model);
      s.writeReg(REGSEL_XPSR, 0x010a_0000);
      expect(s.readReg(REGSEL_XPSR)).toBe(0x010a_0000);
    });
  }

  it('cortex-m4f: CONTROL.FPCA is bit 26 of selector 20', () => {
    const s = halted('cortex-m4f');
    s.writeReg(REGSEL_SPECIAL, 0x0400_0000);
    expect(s.readReg(REGSEL_SPECIAL)).toBe(0x0400_0000);
  });

  it('cortex-m4f: FPSCR (0x21) round-trips N, Z, C, V, AHP, DN, FZ, RMode and the cumulative exception bits', () => {
    const s = halted('cortex-m4f');
    s.writeReg(REGSEL_FPSCR, 0xf7c0_009f);
    expect(s.readReg(REGSEL_FPSCR)).toBe(0xf7c0_009f);
    s.writeReg(REGSEL_FPSCR, 0x0040_0001);
    expect(s.readReg(REGSEL_FPSCR)).toBe(0x0040_0001);
  });

  it('cortex-m4f: S0-S31 (0x40-0x5F) round-trip independently', () => {
    const s = halted('cortex-m4f');
    for (let i = 0; i < 32; i++) s.writeReg(REGSEL_S0 + i, (0x3f80_0000 + i * 0x0001_0203) >>> 0);
    for (let i = 0; i < 32; i++) expect(s.readReg(REGSEL_S0 + i)).toBe((0x3f80_0000 + i * 0x0001_0203) >>> 0);
  });

  for (const model of ['cortex-m0', 'cortex-m0plus', 'cortex-m3', 'cortex-m4'] as const) {
    it(`${model}: the simulator API refuses the FP selectors, which the core does not implement`, () => {
      const s = halted(model);
      expect(() => s.core.readRegister(REGSEL_FPSCR)).toThrow(/no register/);
      expect(() => s.core.readRegister(REGSEL_S0)).toThrow(/no register/);
      expect(() => s.core.writeRegister(REGSEL_S0 + 31, 0)).toThrow(/no register/);
    });
  }
});
