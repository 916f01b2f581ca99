/**
 * The Data Watchpoint and Trace unit: ARMv7-M ARM (DDI 0403E) C1.8 (DWT_CTRL C1.8.7: NUMCOMP
 * [31:28] and the read-only NOTRCPKT/NOEXTTRIG/NOCYCCNT/NOPRFCNT feature bits [27:24], CYCCNTENA;
 * CYCCNT C1.8.8, counting processor cycles while CYCCNTENA and DEMCR.TRCENA are set and not in
 * Debug state; DWT_COMPn/DWT_MASKn/DWT_FUNCTIONn C1.8.15-C1.8.17: FUNCTION 0b0101 data read,
 * 0b0110 data write, 0b0111 read or write watchpoint, MASK ignoring low address bits, MATCHED
 * bit 24 set on a match and cleared by reading FUNCTION); ARMv6-M ARM (DDI 0419) C1.8 (NUMCOMP,
 * the same watchpoint FUNCTION values, no CYCCNT). A watchpoint halts with DFSR.DWTTRAP
 * (C1.6.1). Comparator counts from the TRMs: Cortex-M3 DDI 0337I and Cortex-M4 DDI 0439B 4,
 * Cortex-M0 DDI 0432C and Cortex-M0+ DDI 0484C 2. Watchpoint halts are asynchronous to the
 * access, so the tests do not assert the exact halt address.
 */
import { describe, expect, it } from 'vitest';
import type { CoreModelName } from '../../../main/sim/core/cortex-m';
import {
  ALL_MODELS,
  C_DEBUGEN,
  createBareSystem,
  DEMCR,
  DFSR,
  DFSR_BKPT,
  DFSR_DWTTRAP,
  DWT_CTRL,
  DWT_CYCCNT,
  dwtComp,
  dwtFunction,
  dwtMask,
  type ProgramSource,
  RAM_BASE,
  REGSEL_DEBUG_RETURN_ADDRESS,
  toolchainAvailable,
  TRCENA,
  V6M_MODELS,
  V7M_MODELS,
} from './support/bare-system';

const MATCHED = 1 << 24;
const READ = 0b0101;
const WRITE = 0b0110;
const READ_WRITE = 0b0111;
const CYCCNTENA = 1;
const WATCHED = RAM_BASE + 0x200;

const program = {
  body: `  .thumb_func
_start:
  ldr r1, =0x20000200
  ldr r2, =0x20000300
  movs r0, #0x5a
  ldr r3, [r2]
  str r0, [r2]
  ldr r4, [r1]
  movs r5, #5
  str r0, [r1]
  movs r6, #6
done:
  bkpt #0
`,
};

/** Accesses 0x20000210 (outside a 16-byte range at 0x20000200), then 0x2000020C (inside). */
const rangeProgram = {
  body: `  .thumb_func
_start:
  ldr r1, =0x2000020c
  ldr r2, =0x20000210
  ldr r3, [r2]
  str r3, [r2]
  movs r5, #5
  ldr r4, [r1]
  movs r6, #6
done:
  bkpt #0
`,
};

const counting = {
  body: `  .thumb_func
_start:
  movs r0, #0
loop:
  adds r0, #1
  b loop
`,
};

function watch(model: CoreModelName, source: ProgramSource, fn: number, mask = 0) {
  const s = createBareSystem(model, source);
  s.ram.directBytes.set([0x78, 0x56, 0x34, 0x12], 0x200);
  s.ram.directBytes.set([0x78, 0x56, 0x34, 0x12], 0x20c);
  s.bus.notifyChanged(WATCHED, 0x10);
  s.dhcsr(C_DEBUGEN);
  s.write(DEMCR, TRCENA);
  s.write(dwtComp(0), WATCHED);
  s.write(dwtMask(0), mask);
  s.write(dwtFunction(0), fn);
  s.runUntilStopped();
  return s;
}

function resume(s: ReturnType<typeof watch>): void {
  s.write(DFSR, 0x1f);
  s.dhcsr(C_DEBUGEN);
  s.runUntilStopped();
}

describe.skipIf(!toolchainAvailable)('DWT (C1.8)', () => {
  for (const [models, count] of [
    [V7M_MODELS, 4],
    [V6M_MODELS, 2],
  ] as const) {
    for (const model of models) {
      it(`${model}: DWT_CTRL.NUMCOMP reads ${count}`, () => {
        const s = createBareSystem(model);
        expect(s.read(DWT_CTRL) >>> 28).toBe(count);
      });
    }
  }

  for (const model of V7M_MODELS) {
    it(`${model}: DWT_CTRL reads 0x40000000 after power-on and its feature bits [27:24] are read-only`, () => {
      const s = createBareSystem(model);
      expect(s.read(DWT_CTRL)).toBe(0x4000_0000);
      s.write(DWT_CTRL, 0x0f00_0000 | CYCCNTENA);
      expect(s.read(DWT_CTRL)).toBe(0x4000_0000 | CYCCNTENA);
    });
  }

  for (const model of ALL_MODELS) {
    describe(model, () => {
      it('FUNCTION 0b0101 (data read) halts with DFSR.DWTTRAP on the read and sets MATCHED, cleared by the read of FUNCTION', () => {
        const s = watch(model, program, READ);
        expect(s.core.status.halted).toBe(true);
        expect(s.read(DFSR)).toBe(DFSR_DWTTRAP);
        expect(s.readReg(4)).toBe(0x1234_5678);
        expect(s.read(dwtFunction(0)) & (MATCHED | 0xf)).toBe(MATCHED | READ);
        expect(s.read(dwtFunction(0)) & (MATCHED | 0xf)).toBe(READ);
      });

      it('FUNCTION 0b0101 does not fire on the write to the same address', () => {
        const s = watch(model, program, READ);
        resume(s);
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('done'));
        expect(s.read(DFSR)).toBe(DFSR_BKPT);
        expect(s.read(WATCHED)).toBe(0x5a);
      });

      it('FUNCTION 0b0110 (data write) ignores the read and halts with DFSR.DWTTRAP after the write', () => {
        const s = watch(model, program, WRITE);
        expect(s.read(DFSR)).toBe(DFSR_DWTTRAP);
        expect(s.readReg(5)).toBe(5);
        expect(s.read(WATCHED)).toBe(0x5a);
        expect(s.read(dwtFunction(0)) & MATCHED).toBe(MATCHED);
        expect(s.read(dwtFunction(0)) & MATCHED).toBe(0);
      });

      it('FUNCTION 0b0111 (read or write) halts on the read and again on the write', () => {
        const s = watch(model, program, READ_WRITE);
        expect(s.read(DFSR)).toBe(DFSR_DWTTRAP);
        expect(s.readReg(4)).toBe(0x1234_5678);
        expect(s.read(dwtFunction(0)) & MATCHED).toBe(MATCHED);
        resume(s);
        expect(s.read(DFSR)).toBe(DFSR_DWTTRAP);
        expect(s.read(WATCHED)).toBe(0x5a);
        expect(s.read(dwtFunction(0)) & MATCHED).toBe(MATCHED);
        resume(s);
        expect(s.read(DFSR)).toBe(DFSR_BKPT);
      });

      it('MASK 4 makes the comparator match the 16 bytes from COMP and no further', () => {
        const s = watch(model, rangeProgram, READ_WRITE, 4);
        expect(s.read(DFSR)).toBe(DFSR_DWTTRAP);
        expect(s.readReg(5)).toBe(5);
        expect(s.readReg(4)).toBe(0x1234_5678);
      });

      it('MASK 0 matches the COMP address only', () => {
        const s = watch(model, rangeProgram, READ_WRITE, 0);
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('done'));
        expect(s.read(DFSR)).toBe(DFSR_BKPT);
      });
    });
  }

  for (const model of V7M_MODELS) {
    describe(`${model} CYCCNT`, () => {
      it('counts at least one cycle per retired instruction while CYCCNTENA and TRCENA are set', () => {
        const s = createBareSystem(model, counting);
        s.write(DEMCR, TRCENA);
        s.write(DWT_CYCCNT, 0);
        s.write(DWT_CTRL, CYCCNTENA);
        const retired = s.core.retiredInstructions;
        s.run();
        const cycles = s.read(DWT_CYCCNT);
        expect(cycles).toBeGreaterThan(0);
        expect(cycles).toBeGreaterThanOrEqual(s.core.retiredInstructions - retired);
      });

      it('holds its value while CYCCNTENA is clear', () => {
        const s = createBareSystem(model, counting);
        s.write(DEMCR, TRCENA);
        s.write(DWT_CTRL, CYCCNTENA);
        s.run();
        s.write(DWT_CTRL, 0);
        const held = s.read(DWT_CYCCNT);
        s.run();
        expect(s.read(DWT_CYCCNT)).toBe(held);
        expect(s.core.readRegister(0)).toBeGreaterThan(0);
      });

      it('does not count while DEMCR.TRCENA is clear', () => {
        const s = createBareSystem(model, counting);
        s.write(DEMCR, TRCENA);
        s.write(DWT_CTRL, CYCCNTENA);
        s.run();
        const before = s.read(DWT_CYCCNT);
        s.write(DEMCR, 0);
        s.run();
        s.write(DEMCR, TRCENA);
        expect(s.read(DWT_CYCCNT)).toBe(before);
      });

      it('does not count while the core is halted', () => {
        const s = createBareSystem(model, counting);
        s.write(DEMCR, TRCENA);
        s.write(DWT_CTRL, CYCCNTENA);
        s.run();
        s.halt();
        const held = s.read(DWT_CYCCNT);
        s.run();
        expect(s.read(DWT_CYCCNT)).toBe(held);
      });

      it('is writable', () => {
        const s = createBareSystem(model, counting);
        s.write(DEMCR, TRCENA);
        s.write(DWT_CYCCNT, 0x1234_0000);
        expect(s.read(DWT_CYCCNT)).toBe(0x1234_0000);
      });
    });
  }
});
