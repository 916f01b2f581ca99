/**
 * AIRCR and the resets: ARMv7-M ARM (DDI 0403E) B3.2.6 (VECTKEY 0x05FA on write, VECTKEYSTAT
 * 0xFA05 on read, ENDIANNESS, PRIGROUP, SYSRESETREQ, VECTCLRACTIVE, VECTRESET), B1.5.5 (reset
 * behaviour: a power-on reset resets the core, the system and the debug logic; a local or system
 * reset leaves the debug logic, C1.6), C1.6.2 (S_RESET_ST); ARMv6-M ARM (DDI 0419) B3.2.6 (no
 * PRIGROUP, bit 0 VECTRESET reserved) and B1.5.5. VECTRESET resets the core only, so the board's
 * peripheral reset (onSystemResetRequest) is not asked for; nRESET is a system reset.
 */
import { describe, expect, it } from 'vitest';
import type { CoreModelName } from '../../../main/sim/core/cortex-m';
import {
  AIRCR,
  ALL_MODELS,
  C_DEBUGEN,
  createBareSystem,
  DEMCR,
  DFSR,
  DHCSR,
  dwtComp,
  dwtFunction,
  FP_CTRL,
  fpComp,
  RAM_TOP,
  REGSEL_DEBUG_RETURN_ADDRESS,
  REGSEL_MSP,
  REGSEL_XPSR,
  S_RESET_ST,
  SHCSR,
  toolchainAvailable,
  TRCENA,
  V6M_MODELS,
  V7M_MODELS,
  VC_CORERESET,
  VC_HARDERR,
  Vector,
} from './support/bare-system';

const VECTKEY = 0x05fa_0000;
const SYSRESETREQ = 1 << 2;
const VECTCLRACTIVE = 1 << 1;
const VECTRESET = 1 << 0;
const SVCALLACT = 1 << 7;

const program = {
  body: `  .thumb_func
_start:
  movs r0, #0
  ldr r6, =0x20000800
  mov sp, r6
count:
  adds r0, #1
  b count
`,
};

const svcProgram = {
  body: `  .thumb_func
_start:
  svc #0
  b .
  .thumb_func
svc_handler:
  bkpt #3
  b .
`,
  handlers: { [Vector.SvCall]: 'svc_handler' },
};

function running(model: CoreModelName) {
  const s = createBareSystem(model, program);
  s.run();
  return s;
}

describe.skipIf(!toolchainAvailable)('AIRCR (B3.2.6) and resets (B1.5.5)', () => {
  for (const model of ALL_MODELS) {
    describe(model, () => {
      it('reads VECTKEYSTAT 0xFA05 in [31:16] and ENDIANNESS 0 (little-endian) in bit 15', () => {
        const s = createBareSystem(model, program);
        expect(s.read(AIRCR) >>> 16).toBe(0xfa05);
        expect(s.read(AIRCR) & (1 << 15)).toBe(0);
      });

      it('ignores a SYSRESETREQ written without VECTKEY', () => {
        const s = running(model);
        s.read(DHCSR);
        s.write(AIRCR, SYSRESETREQ);
        s.write(AIRCR, 0xfa05_0000 | SYSRESETREQ);
        expect(s.read(DHCSR) & S_RESET_ST).toBe(0);
        expect(s.core.readRegister(13)).toBe(0x2000_0800);
      });

      it('SYSRESETREQ resets the core from the vector table, asks the board to reset its peripherals and sets S_RESET_ST', () => {
        const s = running(model);
        const requests: number[] = [];
        s.core.onSystemResetRequest = () => {
          requests.push(s.clock.now);
          s.core.systemReset();
        };
        s.read(DHCSR);
        s.write(AIRCR, VECTKEY | SYSRESETREQ);
        expect(requests).toHaveLength(1);
        expect(s.read(DHCSR) & S_RESET_ST).toBe(S_RESET_ST);
        expect(s.core.readRegister(REGSEL_MSP)).toBe(RAM_TOP);
        expect(s.core.readRegister(15)).toBe(s.at('_start'));
      });

      it('SYSRESETREQ keeps the debug logic: C_DEBUGEN, DEMCR, breakpoint and watchpoint comparators', () => {
        const s = running(model);
        s.dhcsr(C_DEBUGEN);
        s.write(DEMCR, TRCENA | VC_HARDERR);
        s.halt();
        s.dhcsr(C_DEBUGEN);
        s.write(FP_CTRL, 3);
        s.write(fpComp(0), 0xc000_1001);
        s.write(dwtComp(0), 0x2000_0400);
        s.write(dwtFunction(0), 6);
        s.write(AIRCR, VECTKEY | SYSRESETREQ);
        expect(s.read(DHCSR) & C_DEBUGEN).toBe(C_DEBUGEN);
        expect(s.read(DEMCR)).toBe(TRCENA | VC_HARDERR);
        expect(s.read(FP_CTRL) & 1).toBe(1);
        expect(s.read(fpComp(0))).toBe(0xc000_1001);
        expect(s.read(dwtComp(0))).toBe(0x2000_0400);
        expect(s.read(dwtFunction(0)) & 0xf).toBe(6);
      });

      it('a power-on reset returns DHCSR, DEMCR, DFSR and the comparators to their reset values', () => {
        const s = running(model);
        s.halt();
        s.write(DEMCR, TRCENA | VC_CORERESET);
        s.write(FP_CTRL, 3);
        s.write(fpComp(0), 0xc000_1001);
        s.write(dwtFunction(0), 6);
        s.core.powerOnReset();
        expect(s.read(DHCSR) & 0xffff).toBe(0);
        expect(s.core.status.halted).toBe(false);
        expect(s.read(DEMCR)).toBe(0);
        expect(s.read(DFSR)).toBe(0);
        expect(s.read(FP_CTRL) & 1).toBe(0);
        expect(s.read(fpComp(0)) & 1).toBe(0);
        expect(s.read(dwtFunction(0)) & 0xf).toBe(0);
      });

      it('VECTCLRACTIVE from the debugger clears the active exception and IPSR', () => {
        const s = createBareSystem(model, svcProgram);
        s.dhcsr(C_DEBUGEN);
        s.runUntilStopped();
        expect(s.readReg(REGSEL_XPSR) & 0x1ff).toBe(Vector.SvCall);
        s.write(AIRCR, VECTKEY | VECTCLRACTIVE);
        expect(s.readReg(REGSEL_XPSR) & 0x1ff).toBe(0);
      });

      it('nRESET holds the core while asserted and resets it on release, keeping the debug logic', () => {
        const s = running(model);
        s.dhcsr(C_DEBUGEN);
        s.write(DEMCR, TRCENA | VC_HARDERR);
        s.core.setResetPin(true);
        const retired = s.core.retiredInstructions;
        s.run();
        expect(s.core.status.inReset).toBe(true);
        expect(s.core.retiredInstructions).toBe(retired);
        s.core.setResetPin(false);
        expect(s.core.readRegister(REGSEL_MSP)).toBe(RAM_TOP);
        expect(s.core.readRegister(15)).toBe(s.at('_start'));
        expect(s.read(DHCSR) & (C_DEBUGEN | S_RESET_ST)).toBe(C_DEBUGEN | S_RESET_ST);
        expect(s.read(DEMCR)).toBe(TRCENA | VC_HARDERR);
        s.run();
        expect(s.core.retiredInstructions).toBeGreaterThan(retired);
      });
    });
  }

  for (const model of V7M_MODELS) {
    it(`${model}: VECTCLRACTIVE clears SHCSR.SVCALLACT`, () => {
      const s = createBareSystem(model, svcProgram);
      s.dhcsr(C_DEBUGEN);
      s.runUntilStopped();
      expect(s.read(SHCSR) & SVCALLACT).toBe(SVCALLACT);
      s.write(AIRCR, VECTKEY | VECTCLRACTIVE);
      expect(s.read(SHCSR) & SVCALLACT).toBe(0);
    });

    it(`${model}: PRIGROUP (bits 10:8) is written with VECTKEY and kept without it`, () => {
      const s = createBareSystem(model, program);
      s.write(AIRCR, VECTKEY | (5 << 8));
      expect(s.read(AIRCR)).toBe(0xfa05_0500);
      s.write(AIRCR, 3 << 8);
      expect(s.read(AIRCR)).toBe(0xfa05_0500);
    });

    it(`${model}: SYSRESETREQ resets PRIGROUP to 0`, () => {
      const s = createBareSystem(model, program);
      s.write(AIRCR, VECTKEY | (5 << 8));
      s.write(AIRCR, VECTKEY | SYSRESETREQ);
      expect(s.read(AIRCR)).toBe(0xfa05_0000);
    });

    it(`${model}: VECTRESET resets the core without the board's system reset and keeps the debug logic`, () => {
      const s = running(model);
      let systemResets = 0;
      s.core.onSystemResetRequest = () => {
        systemResets++;
        s.core.systemReset();
      };
      s.write(DEMCR, VC_CORERESET | TRCENA);
      s.halt();
      s.read(DHCSR);
      s.write(AIRCR, VECTKEY | VECTRESET);
      expect(systemResets).toBe(0);
      expect(s.read(DHCSR) & (S_RESET_ST | C_DEBUGEN)).toBe(S_RESET_ST | C_DEBUGEN);
      expect(s.read(DEMCR)).toBe(VC_CORERESET | TRCENA);
      expect(s.readReg(REGSEL_MSP)).toBe(RAM_TOP);
      expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('_start'));
    });
  }

  for (const model of V6M_MODELS) {
    it(`${model}: bit 0 (VECTRESET on ARMv7-M) does not reset an ARMv6-M core`, () => {
      const s = running(model);
      s.halt();
      s.read(DHCSR);
      const r0 = s.readReg(0);
      s.write(AIRCR, VECTKEY | VECTRESET);
      expect(s.read(DHCSR) & S_RESET_ST).toBe(0);
      expect(s.readReg(0)).toBe(r0);
      expect(s.readReg(REGSEL_MSP)).toBe(0x2000_0800);
    });
  }
});
