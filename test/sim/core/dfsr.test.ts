/**
 * DFSR, the Debug Fault Status Register: ARMv7-M ARM (DDI 0403E) C1.6.1 and ARMv6-M ARM
 * (DDI 0419) C1.6.1. HALTED (halt request or step), BKPT (BKPT instruction or breakpoint unit),
 * DWTTRAP (DWT watchpoint), VCATCH (vector catch), EXTERNAL (EDBGRQ). The bits are sticky and
 * write-one-to-clear; a power-on reset clears them.
 */
import { describe, expect, it } from 'vitest';
import {
  AIRCR,
  ALL_MODELS,
  C_DEBUGEN,
  C_STEP,
  createBareSystem,
  DEMCR,
  DFSR,
  DFSR_BKPT,
  DFSR_DWTTRAP,
  DFSR_EXTERNAL,
  DFSR_HALTED,
  DFSR_VCATCH,
  DHCSR,
  S_HALT,
  dwtComp,
  dwtFunction,
  RAM_BASE,
  REGSEL_DEBUG_RETURN_ADDRESS,
  toolchainAvailable,
  TRCENA,
  VC_CORERESET,
} from './support/bare-system';

const program = {
  body: `  .thumb_func
_start:
  movs r0, #1
  movs r1, #2
  bkpt #1
  ldr r2, =0x20000100
  str r0, [r2]
  movs r3, #3
  movs r4, #4
  b .
`,
};

describe.skipIf(!toolchainAvailable)('DFSR (C1.6.1)', () => {
  for (const model of ALL_MODELS) {
    describe(model, () => {
      it('reads zero after power-on reset', () => {
        const s = createBareSystem(model, program);
        expect(s.read(DFSR)).toBe(0);
      });

      it('HALTED is set by a halt request and by a completed step', () => {
        const s = createBareSystem(model, program);
        s.halt();
        expect(s.read(DFSR)).toBe(DFSR_HALTED);
        s.write(DFSR, DFSR_HALTED);
        expect(s.read(DFSR)).toBe(0);
        s.write(DHCSR, 0xa05f_0000 | C_DEBUGEN | C_STEP);
        s.run();
        expect(s.read(DFSR)).toBe(DFSR_HALTED);
      });

      it('EXTERNAL is set when an external debug request (EDBGRQ) halts the running core', () => {
        const s = createBareSystem(model, program);
        s.dhcsr(C_DEBUGEN);
        s.core.externalDebugRequest();
        expect(s.read(DHCSR) & S_HALT).toBe(S_HALT);
        expect(s.read(DFSR)).toBe(DFSR_EXTERNAL);
        s.write(DFSR, DFSR_EXTERNAL);
        expect(s.read(DFSR)).toBe(0);
      });

      it('an external debug request without C_DEBUGEN does not halt the core', () => {
        const s = createBareSystem(model, program);
        s.core.externalDebugRequest();
        expect(s.read(DHCSR) & S_HALT).toBe(0);
      });

      it('BKPT is set when a BKPT instruction halts the core', () => {
        const s = createBareSystem(model, program);
        s.dhcsr(C_DEBUGEN);
        s.runUntilStopped();
        expect(s.read(DFSR)).toBe(DFSR_BKPT);
      });

      it('DWTTRAP is set when a DWT watchpoint halts the core', () => {
        const s = createBareSystem(model, program);
        s.dhcsr(C_DEBUGEN);
        s.write(DEMCR, TRCENA);
        s.write(dwtComp(0), RAM_BASE + 0x100);
        s.write(dwtFunction(0), 6);
        s.runUntilStopped();
        s.write(DFSR, DFSR_BKPT);
        s.writeReg(REGSEL_DEBUG_RETURN_ADDRESS, s.readReg(REGSEL_DEBUG_RETURN_ADDRESS) + 2);
        s.dhcsr(C_DEBUGEN);
        s.runUntilStopped();
        expect(s.read(DFSR)).toBe(DFSR_DWTTRAP);
      });

      it('VCATCH is set when a vector catch halts the core', () => {
        const s = createBareSystem(model, program);
        s.dhcsr(C_DEBUGEN);
        s.write(DEMCR, VC_CORERESET);
        s.write(AIRCR, 0x05fa_0004);
        expect(s.core.status.halted).toBe(true);
        expect(s.read(DFSR)).toBe(DFSR_VCATCH);
      });

      it('the bits are sticky: a later halt for another reason keeps the earlier bit set', () => {
        const s = createBareSystem(model, program);
        s.halt();
        s.dhcsr(C_DEBUGEN);
        s.runUntilStopped();
        expect(s.read(DFSR)).toBe(DFSR_HALTED | DFSR_BKPT);
        s.dhcsr(C_DEBUGEN);
        s.run();
        expect(s.read(DFSR)).toBe(DFSR_HALTED | DFSR_BKPT);
      });

      it('writing one clears only that bit; writing zero leaves the bits unchanged', () => {
        const s = createBareSystem(model, program);
        s.halt();
        s.dhcsr(C_DEBUGEN);
        s.runUntilStopped();
        s.write(DFSR, 0);
        expect(s.read(DFSR)).toBe(DFSR_HALTED | DFSR_BKPT);
        s.write(DFSR, DFSR_BKPT);
        expect(s.read(DFSR)).toBe(DFSR_HALTED);
        s.write(DFSR, DFSR_HALTED);
        expect(s.read(DFSR)).toBe(0);
      });

      it('a power-on reset clears the bits', () => {
        const s = createBareSystem(model, program);
        s.halt();
        s.core.powerOnReset();
        expect(s.read(DFSR)).toBe(0);
      });
    });
  }
});
