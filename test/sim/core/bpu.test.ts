/**
 * The ARMv6-M breakpoint unit BPU: ARMv6-M ARM (DDI 0419) C1.8 (BP_CTRL: NUM_CODE [7:4], KEY,
 * ENABLE; BP_COMPn: BP_MATCH [31:30] = 00 no breakpoint, 01 lower halfword, 10 upper halfword,
 * 11 both, COMP [28:2], ENABLE; breakpoints only in the Code region below 0x20000000).
 * Comparator count: Cortex-M0 TRM DDI 0432C and Cortex-M0+ TRM DDI 0484C, 4. A breakpoint halts
 * with DFSR.BKPT (C1.6.1).
 */
import { describe, expect, it } from 'vitest';
import type { CoreModelName } from '../../../main/sim/core/cortex-m';
import {
  C_DEBUGEN,
  createBareSystem,
  DFSR,
  DFSR_BKPT,
  FP_CTRL,
  fpComp,
  RAM_BASE,
  REGSEL_DEBUG_RETURN_ADDRESS,
  REGSEL_XPSR,
  toolchainAvailable,
  V6M_MODELS,
} from './support/bare-system';

const BP_CTRL = FP_CTRL;
const KEY = 1 << 1;
const ENABLE = 1;

const program = {
  body: `  .thumb_func
_start:
  movs r0, #0
  movs r1, #0
  b target
  .balign 4
target:
  movs r0, #1 @ lower halfword
  movs r1, #2 @ upper halfword
  movs r2, #3
done:
  bkpt #0
`,
};

function comparator(match: number, address: number): number {
  return ((match << 30) | (address & 0x1fff_fffc) | ENABLE) >>> 0;
}

function system(model: CoreModelName) {
  const s = createBareSystem(model, program);
  s.dhcsr(C_DEBUGEN);
  return s;
}

describe.skipIf(!toolchainAvailable)('ARMv6-M BPU (C1.8)', () => {
  for (const model of V6M_MODELS) {
    describe(model, () => {
      it('BP_CTRL reads NUM_CODE 4, disabled after power-on', () => {
        const s = system(model);
        expect((s.read(BP_CTRL) >>> 4) & 0xf).toBe(4);
        expect(s.read(BP_CTRL) & ENABLE).toBe(0);
      });

      it('BP_CTRL.ENABLE changes only when KEY is written as 1', () => {
        const s = system(model);
        s.write(BP_CTRL, ENABLE);
        expect(s.read(BP_CTRL) & ENABLE).toBe(0);
        s.write(BP_CTRL, KEY | ENABLE);
        expect(s.read(BP_CTRL) & ENABLE).toBe(ENABLE);
      });

      for (let n = 0; n < 4; n++) {
        it(`BP_COMP${n} with BP_MATCH 11 halts with DFSR.BKPT before the matched instruction`, () => {
          const s = system(model);
          s.write(BP_CTRL, KEY | ENABLE);
          s.write(fpComp(n), comparator(3, s.at('target')));
          expect(s.read(fpComp(n))).toBe(comparator(3, s.at('target')));
          s.runUntilStopped();
          expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('target'));
          expect(s.readReg(0)).toBe(0);
          expect(s.read(DFSR)).toBe(DFSR_BKPT);
        });
      }

      it('BP_MATCH 01 matches the lower halfword only', () => {
        const s = system(model);
        s.write(BP_CTRL, KEY | ENABLE);
        s.write(fpComp(0), comparator(1, s.at('target')));
        s.runUntilStopped();
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('target'));
        s.writeReg(REGSEL_DEBUG_RETURN_ADDRESS, s.at('target') + 2);
        s.dhcsr(C_DEBUGEN);
        s.runUntilStopped();
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('done'));
        expect(s.readReg(2)).toBe(3);
      });

      it('BP_MATCH 10 matches the upper halfword only', () => {
        const s = system(model);
        s.write(BP_CTRL, KEY | ENABLE);
        s.write(fpComp(2), comparator(2, s.at('target')));
        s.runUntilStopped();
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('target') + 2);
        expect(s.readReg(0)).toBe(1);
        expect(s.readReg(1)).toBe(0);
      });

      it('BP_MATCH 00 sets no breakpoint', () => {
        const s = system(model);
        s.write(BP_CTRL, KEY | ENABLE);
        s.write(fpComp(1), comparator(0, s.at('target')));
        s.runUntilStopped();
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('done'));
        expect(s.readReg(2)).toBe(3);
      });

      it('a comparator never matches an address at or above 0x20000000', () => {
        const s = system(model);
        const code = RAM_BASE + 0x100;
        // movs r0, #1; movs r1, #2; bkpt #0; b .
        s.write(code, 0x2102_2001);
        s.write(code + 4, 0xe7fe_be00);
        s.halt();
        s.writeReg(REGSEL_DEBUG_RETURN_ADDRESS, code);
        s.writeReg(REGSEL_XPSR, 1 << 24);
        s.write(BP_CTRL, KEY | ENABLE);
        s.write(fpComp(0), comparator(3, code));
        s.dhcsr(C_DEBUGEN);
        s.runUntilStopped();
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(code + 4);
        expect(s.readReg(1)).toBe(2);
      });
    });
  }
});
