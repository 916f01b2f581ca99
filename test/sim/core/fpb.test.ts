/**
 * The Flash Patch and Breakpoint unit, FPB version 1: ARMv7-M ARM (DDI 0403E) C1.11 (FP_CTRL
 * C1.11.3: KEY, ENABLE, NUM_CODE [14:12,7:4], NUM_LIT [11:8], REV [31:28] = 0 for version 1;
 * FP_REMAP C1.11.4: REMAP [28:5], RMPSPT bit 29; FP_COMPn C1.11.5: REPLACE [31:30], COMP [28:2],
 * ENABLE; C1.11.1: comparators only match addresses in the Code region 0x00000000-0x1FFFFFFF,
 * REPLACE 00 remaps to FP_REMAP + 4n, 01/10/11 are breakpoints on the lower, upper or both
 * halfwords; literal comparators remap literal loads). Comparator counts: Cortex-M3 TRM DDI 0337I
 * and Cortex-M4 TRM DDI 0439B, 6 instruction and 2 literal comparators. A breakpoint is a debug
 * event that halts with DFSR.BKPT (C1.6.1).
 */
import { describe, expect, it } from 'vitest';
import type { CoreModelName } from '../../../main/sim/core/cortex-m';
import {
  C_DEBUGEN,
  createBareSystem,
  DFSR,
  DFSR_BKPT,
  FP_CTRL,
  FP_REMAP,
  fpComp,
  RAM_BASE,
  REGSEL_DEBUG_RETURN_ADDRESS,
  REGSEL_XPSR,
  toolchainAvailable,
} from './support/bare-system';

const KEY = 1 << 1;
const ENABLE = 1;
const REMAP_TABLE = RAM_BASE + 0x200;

const program = {
  body: `  .thumb_func
_start:
  movs r0, #0
  movs r1, #0
  b target
  .balign 4
target:
  movs r0, #1 @ lower halfword of the word
  movs r1, #2 @ upper halfword
  movs r2, #3
  ldr r3, lit
done:
  bkpt #0
  .balign 4
lit:
  .word 0x11111111
`,
};

function comparator(replace: number, address: number): number {
  return ((replace << 30) | (address & 0x1fff_fffc) | ENABLE) >>> 0;
}

function system(model: CoreModelName) {
  const s = createBareSystem(model, program);
  s.dhcsr(C_DEBUGEN);
  return s;
}

function pc(s: ReturnType<typeof system>): number {
  return s.readReg(REGSEL_DEBUG_RETURN_ADDRESS);
}

describe.skipIf(!toolchainAvailable)('FPB version 1 (C1.11)', () => {
  for (const model of ['cortex-m3', 'cortex-m4'] as const) {
    describe(model, () => {
      it('FP_CTRL reads REV 0, NUM_CODE 6 and NUM_LIT 2, disabled after power-on', () => {
        const s = system(model);
        const ctrl = s.read(FP_CTRL);
        expect(ctrl >>> 28).toBe(0);
        expect(((ctrl >>> 8) & 0x70) | ((ctrl >>> 4) & 0xf)).toBe(6);
        expect((ctrl >>> 8) & 0xf).toBe(2);
        expect(ctrl & ENABLE).toBe(0);
      });

      it('FP_CTRL.ENABLE changes only when KEY is written as 1, and KEY reads as 0', () => {
        const s = system(model);
        s.write(FP_CTRL, ENABLE);
        expect(s.read(FP_CTRL) & (ENABLE | KEY)).toBe(0);
        s.write(FP_CTRL, KEY | ENABLE);
        expect(s.read(FP_CTRL) & (ENABLE | KEY)).toBe(ENABLE);
        s.write(FP_CTRL, 0);
        expect(s.read(FP_CTRL) & ENABLE).toBe(ENABLE);
        s.write(FP_CTRL, KEY);
        expect(s.read(FP_CTRL) & ENABLE).toBe(0);
      });

      it('FP_REMAP reads RMPSPT (bit 29) set and holds the REMAP field [28:5]', () => {
        const s = system(model);
        expect(s.read(FP_REMAP) & (1 << 29)).toBe(1 << 29);
        s.write(FP_REMAP, REMAP_TABLE & 0x1fff_ffe0);
        expect(s.read(FP_REMAP)).toBe(REMAP_TABLE);
      });

      it('every one of the 8 comparators holds its REPLACE, COMP and ENABLE fields', () => {
        const s = system(model);
        for (let n = 0; n < 6; n++) s.write(fpComp(n), comparator(n % 4, 0x100 + 0x10 * n));
        for (let n = 6; n < 8; n++) s.write(fpComp(n), comparator(0, 0x100 + 0x10 * n));
        for (let n = 0; n < 6; n++) expect(s.read(fpComp(n))).toBe(comparator(n % 4, 0x100 + 0x10 * n));
        for (let n = 6; n < 8; n++) expect(s.read(fpComp(n))).toBe(comparator(0, 0x100 + 0x10 * n));
      });

      it('REPLACE 01 halts with DFSR.BKPT before the instruction in the lower halfword', () => {
        const s = system(model);
        s.write(FP_CTRL, KEY | ENABLE);
        s.write(fpComp(0), comparator(1, s.at('target')));
        s.runUntilStopped();
        expect(pc(s)).toBe(s.at('target'));
        expect(s.readReg(0)).toBe(0);
        expect(s.read(DFSR)).toBe(DFSR_BKPT);
      });

      it('REPLACE 10 halts before the instruction in the upper halfword only', () => {
        const s = system(model);
        s.write(FP_CTRL, KEY | ENABLE);
        s.write(fpComp(3), comparator(2, s.at('target')));
        s.runUntilStopped();
        expect(pc(s)).toBe(s.at('target') + 2);
        expect(s.readReg(0)).toBe(1);
        expect(s.readReg(1)).toBe(0);
        expect(s.read(DFSR)).toBe(DFSR_BKPT);
      });

      it('REPLACE 11 halts on both halfwords', () => {
        const s = system(model);
        s.write(FP_CTRL, KEY | ENABLE);
        s.write(fpComp(5), comparator(3, s.at('target')));
        s.runUntilStopped();
        expect(pc(s)).toBe(s.at('target'));
        s.writeReg(REGSEL_DEBUG_RETURN_ADDRESS, s.at('target') + 2);
        s.dhcsr(C_DEBUGEN);
        s.run();
        expect(s.core.status.halted).toBe(true);
        expect(pc(s)).toBe(s.at('target') + 2);
        expect(s.readReg(1)).toBe(0);
      });

      it('no comparator acts while FP_CTRL.ENABLE is clear', () => {
        const s = system(model);
        s.write(fpComp(0), comparator(3, s.at('target')));
        s.runUntilStopped();
        expect(pc(s)).toBe(s.at('done'));
        expect(s.readReg(2)).toBe(3);
      });

      it('REPLACE 00 remaps the instruction fetch of the matched word to FP_REMAP + 4n', () => {
        const s = system(model);
        // Slot n = 1 at REMAP + 4: movs r0, #0x55 (0x2055); movs r1, #0x66 (0x2166).
        s.write(REMAP_TABLE + 4, 0x2166_2055);
        s.write(FP_REMAP, REMAP_TABLE);
        s.write(FP_CTRL, KEY | ENABLE);
        s.write(fpComp(1), comparator(0, s.at('target')));
        s.runUntilStopped();
        expect(pc(s)).toBe(s.at('done'));
        expect(s.readReg(0)).toBe(0x55);
        expect(s.readReg(1)).toBe(0x66);
        expect(s.readReg(2)).toBe(3);
        expect(s.read(DFSR)).toBe(DFSR_BKPT);
      });

      it('a literal comparator remaps a literal load to FP_REMAP + 4n (n = 6 for the first literal comparator)', () => {
        const s = system(model);
        s.write(REMAP_TABLE + 4 * 6, 0xcafe_f00d);
        s.write(FP_REMAP, REMAP_TABLE);
        s.write(FP_CTRL, KEY | ENABLE);
        s.write(fpComp(6), comparator(0, s.at('lit')));
        s.runUntilStopped();
        expect(s.readReg(3)).toBe(0xcafe_f00d);
        expect(s.readReg(0)).toBe(1);
      });

      it('without the literal comparator the same load reads the flash word', () => {
        const s = system(model);
        s.write(REMAP_TABLE + 4 * 6, 0xcafe_f00d);
        s.write(FP_REMAP, REMAP_TABLE);
        s.write(FP_CTRL, KEY | ENABLE);
        s.runUntilStopped();
        expect(s.readReg(3)).toBe(0x1111_1111);
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
        s.write(FP_CTRL, KEY | ENABLE);
        // COMP [28:2] equals address bits [28:2] of the RAM code; bits [31:29] differ.
        s.write(fpComp(0), comparator(3, code));
        s.dhcsr(C_DEBUGEN);
        s.runUntilStopped();
        expect(pc(s)).toBe(code + 4);
        expect(s.readReg(0)).toBe(1);
        expect(s.readReg(1)).toBe(2);
      });
    });
  }
});
