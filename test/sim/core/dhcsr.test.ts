/**
 * DHCSR, the Debug Halting Control and Status Register: ARMv7-M ARM (DDI 0403E) C1.6.2 and
 * ARMv6-M ARM (DDI 0419) C1.6.2; debug stepping C1.5 (ARMv7-M C1.5.2 "Debug stepping"); lockup
 * B1.5.15 (ARMv7-M) / B1.5.15 (ARMv6-M); S_RESET_ST while held in reset as the Cortex-M3 TRM
 * (DDI 0337) DHCSR description gives it ("reset, or is now being reset").
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_MODELS,
  C_DEBUGEN,
  C_HALT,
  C_MASKINTS,
  C_STEP,
  createBareSystem,
  DBGKEY,
  DCRSR,
  DFSR,
  DFSR_HALTED,
  DHCSR,
  NVIC_ISER0,
  NVIC_ISPR0,
  REGSEL_DEBUG_RETURN_ADDRESS,
  REGSEL_XPSR,
  S_HALT,
  S_LOCKUP,
  S_REGRDY,
  S_RESET_ST,
  S_RETIRE_ST,
  S_SLEEP,
  toolchainAvailable,
  Vector,
} from './support/bare-system';

const straightLine = {
  body: `  .thumb_func
_start:
  movs r0, #1
  movs r1, #2
  movs r2, #3
  movs r3, #4
spin:
  b spin
  .thumb_func
irq0:
  movs r5, #5
  bx lr
`,
  handlers: { [Vector.Irq0]: 'irq0' },
};

const sleeper = {
  body: `  .thumb_func
_start:
  wfi
after_wfi:
  movs r0, #1
spin:
  b spin
  .thumb_func
irq0:
  movs r4, #7
  bx lr
`,
  handlers: { [Vector.Irq0]: 'irq0' },
};

/** A UDF in Thread mode, then another in the HardFault handler: a fault at priority -1 (B1.5.15). */
const faultInHardFault = {
  body: `  .thumb_func
_start:
  .short 0xde00 @ udf #0
  .thumb_func
hard_fault:
  .short 0xde01 @ udf #1
`,
  handlers: { [Vector.HardFault]: 'hard_fault' },
};

describe.skipIf(!toolchainAvailable)('DHCSR (C1.6.2)', () => {
  for (const model of ALL_MODELS) {
    describe(model, () => {
      it('ignores a write without DBGKEY 0xA05F in bits [31:16]', () => {
        const s = createBareSystem(model, straightLine);
        s.write(DHCSR, C_DEBUGEN | C_HALT);
        s.write(DHCSR, 0xa05e_0000 | C_DEBUGEN | C_HALT);
        expect(s.read(DHCSR) & (C_DEBUGEN | C_HALT | S_HALT)).toBe(0);
        expect(s.core.status.halted).toBe(false);
      });

      it('keeps C_DEBUGEN clear when software on the core writes DHCSR, even with DBGKEY', () => {
        const s = createBareSystem(model, straightLine);
        s.coreWrite(DHCSR, DBGKEY | C_DEBUGEN | C_HALT);
        expect(s.read(DHCSR) & (C_DEBUGEN | S_HALT)).toBe(0);
        expect(s.core.status.halted).toBe(false);
      });

      it('does not halt on C_HALT while C_DEBUGEN is clear', () => {
        const s = createBareSystem(model, straightLine);
        s.dhcsr(C_HALT);
        expect(s.read(DHCSR) & S_HALT).toBe(0);
        s.run();
        expect(s.core.readRegister(3)).toBe(4);
      });

      it('halts on C_DEBUGEN|C_HALT with S_HALT and DFSR.HALTED, and runs again when C_HALT is cleared', () => {
        const s = createBareSystem(model, straightLine);
        s.halt();
        expect(s.read(DHCSR) & (C_DEBUGEN | C_HALT | S_HALT)).toBe(C_DEBUGEN | C_HALT | S_HALT);
        expect(s.read(DFSR) & DFSR_HALTED).toBe(DFSR_HALTED);
        const pc = s.readReg(REGSEL_DEBUG_RETURN_ADDRESS);
        s.run();
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(pc);
        s.dhcsr(C_DEBUGEN);
        s.run();
        expect(s.read(DHCSR) & S_HALT).toBe(0);
        expect(s.core.readRegister(3)).toBe(4);
        expect(s.core.readRegister(15)).toBe(s.at('spin'));
      });

      it('C_STEP executes exactly one instruction and halts again with DFSR.HALTED', () => {
        const s = createBareSystem(model, straightLine);
        s.halt();
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('_start'));
        s.write(DFSR, 0x1f);
        s.dhcsr(C_DEBUGEN | C_STEP);
        s.run();
        expect(s.read(DHCSR) & S_HALT).toBe(S_HALT);
        expect(s.read(DFSR)).toBe(DFSR_HALTED);
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('_start') + 2);
        expect(s.readReg(0)).toBe(1);
        expect(s.readReg(1)).toBe(0);
        s.dhcsr(C_DEBUGEN | C_STEP);
        s.run();
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('_start') + 4);
        expect(s.readReg(1)).toBe(2);
        expect(s.readReg(2)).toBe(0);
      });

      it('a step with an enabled pending interrupt and C_MASKINTS clear enters the handler and halts at its first instruction', () => {
        const s = createBareSystem(model, straightLine);
        s.halt();
        s.write(NVIC_ISER0, 1);
        s.write(NVIC_ISPR0, 1);
        s.dhcsr(C_DEBUGEN | C_STEP);
        s.run();
        expect(s.read(DHCSR) & S_HALT).toBe(S_HALT);
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('irq0'));
        expect(s.readReg(REGSEL_XPSR) & 0x1ff).toBe(Vector.Irq0);
        expect(s.readReg(0)).toBe(0);
      });

      it('a step with C_MASKINTS set executes the next instruction and leaves the interrupt pending', () => {
        const s = createBareSystem(model, straightLine);
        s.halt();
        s.write(NVIC_ISER0, 1);
        s.write(NVIC_ISPR0, 1);
        s.dhcsr(C_DEBUGEN | C_HALT | C_MASKINTS);
        s.dhcsr(C_DEBUGEN | C_STEP | C_MASKINTS);
        s.run();
        expect(s.read(DHCSR) & (S_HALT | C_MASKINTS)).toBe(S_HALT | C_MASKINTS);
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('_start') + 2);
        expect(s.readReg(REGSEL_XPSR) & 0x1ff).toBe(0);
        expect(s.readReg(0)).toBe(1);
        expect(s.read(NVIC_ISPR0) & 1).toBe(1);
      });

      it('sets S_REGRDY once a DCRSR transfer has completed in Debug state', () => {
        const s = createBareSystem(model, straightLine);
        s.halt();
        s.write(DCRSR, 0);
        expect(s.read(DHCSR) & S_REGRDY).toBe(S_REGRDY);
        s.write(DCRSR, REGSEL_XPSR);
        expect(s.read(DHCSR) & S_REGRDY).toBe(S_REGRDY);
      });

      it('sets S_SLEEP while the core sleeps in WFI and clears it when an interrupt wakes the core', () => {
        const s = createBareSystem(model, sleeper);
        s.run();
        expect(s.read(DHCSR) & (S_SLEEP | S_HALT)).toBe(S_SLEEP);
        expect(s.core.readRegister(15)).toBe(s.at('after_wfi'));
        s.write(NVIC_ISER0, 1);
        s.write(NVIC_ISPR0, 1);
        s.run();
        expect(s.read(DHCSR) & S_SLEEP).toBe(0);
        expect(s.core.readRegister(4)).toBe(7);
        expect(s.core.readRegister(0)).toBe(1);
      });

      it('sets S_LOCKUP when a fault occurs in the HardFault handler', () => {
        const s = createBareSystem(model, faultInHardFault);
        s.run();
        expect(s.core.status.lockup).toBe(true);
        expect(s.read(DHCSR) & (S_LOCKUP | S_HALT)).toBe(S_LOCKUP);
      });

      it('leaves lockup when halted: S_LOCKUP clears on entry to Debug state and PC reads 0xFFFFFFFE', () => {
        const s = createBareSystem(model, faultInHardFault);
        s.run();
        s.write(DHCSR, DBGKEY | C_DEBUGEN | C_HALT);
        expect(s.read(DHCSR) & (S_LOCKUP | S_HALT)).toBe(S_HALT);
        expect(s.core.status.lockup).toBe(false);
        expect(s.core.readRegister(15) >>> 0).toBe(0xfffffffe);
      });

      it('S_RETIRE_ST is set after instructions retire, cleared by the read, and stays clear while halted', () => {
        const s = createBareSystem(model, straightLine);
        s.read(DHCSR);
        s.run();
        expect(s.read(DHCSR) & S_RETIRE_ST).toBe(S_RETIRE_ST);
        expect(s.read(DHCSR) & S_RETIRE_ST).toBe(0);
        s.halt();
        s.read(DHCSR);
        s.run();
        expect(s.read(DHCSR) & S_RETIRE_ST).toBe(0);
      });

      it('S_RESET_ST is set by a reset and cleared by the read', () => {
        const s = createBareSystem(model, straightLine);
        expect(s.read(DHCSR) & S_RESET_ST).toBe(S_RESET_ST);
        expect(s.read(DHCSR) & S_RESET_ST).toBe(0);
        s.core.setResetPin(true);
        s.core.setResetPin(false);
        expect(s.read(DHCSR) & S_RESET_ST).toBe(S_RESET_ST);
        expect(s.read(DHCSR) & S_RESET_ST).toBe(0);
      });

      it('S_RESET_ST reads 1 on every read while the core is held in reset', () => {
        const s = createBareSystem(model, straightLine);
        s.read(DHCSR);
        s.core.setResetPin(true);
        expect(s.read(DHCSR) & S_RESET_ST).toBe(S_RESET_ST);
        expect(s.read(DHCSR) & S_RESET_ST).toBe(S_RESET_ST);
        s.core.setResetPin(false);
        s.read(DHCSR);
        expect(s.read(DHCSR) & S_RESET_ST).toBe(0);
      });
    });
  }
});
