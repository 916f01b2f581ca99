/**
 * BKPT and breakpoint debug events: ARMv7-M ARM (DDI 0403E) A7.7.17 BKPT, C1.7 (debug events:
 * with halting debug enabled the processor halts, DFSR.BKPT, at the BKPT instruction; otherwise
 * the DebugMonitor exception if DEMCR.MON_EN is set and its priority allows, else escalation to
 * HardFault with HFSR.DEBUGEVT, B3.2.16; an escalation at HardFault priority locks up, B1.5.15).
 * ARMv6-M ARM (DDI 0419) A6.7.12 and C1.7: no DebugMonitor; BKPT without halting debug is a
 * HardFault, and a BKPT in the HardFault handler locks up (B1.5.15). The return address of the
 * synchronous exception is the BKPT instruction itself (B1.5.6).
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
  DHCSR,
  FP_CTRL,
  fpComp,
  HFSR,
  MON_EN,
  type ProgramSource,
  REGSEL_DEBUG_RETURN_ADDRESS,
  REGSEL_MSP,
  REGSEL_XPSR,
  S_LOCKUP,
  SHPR2,
  toolchainAvailable,
  V6M_MODELS,
  V7M_MODELS,
  Vector,
} from './support/bare-system';

const DEBUGEVT = 0x8000_0000;
const FORCED = 1 << 30;

const handlers = {
  [Vector.HardFault]: 'hard_fault',
  [Vector.DebugMonitor]: 'debug_monitor',
  [Vector.SvCall]: 'svc_handler',
};

const program = {
  body: `  .thumb_func
_start:
  movs r0, #1
breakpoint:
  bkpt #0x42
  movs r1, #2
  b .
  .thumb_func
hard_fault:
  b hard_fault
  .thumb_func
debug_monitor:
  b debug_monitor
  .thumb_func
svc_handler:
  b svc_handler
`,
  handlers,
};

/** BKPT in the SVCall handler, for priority tests. */
const bkptInSvc = {
  body: `  .thumb_func
_start:
  svc #0
  b .
  .thumb_func
hard_fault:
  b hard_fault
  .thumb_func
debug_monitor:
  b debug_monitor
  .thumb_func
svc_handler:
breakpoint:
  bkpt #1
  b .
`,
  handlers,
};

/** BKPT inside the HardFault handler entered from an UNDEFINED instruction. */
const bkptInHardFault = {
  body: `  .thumb_func
_start:
  .short 0xde00 @ udf #0
  .thumb_func
hard_fault:
  bkpt #2
  b .
`,
  handlers: { [Vector.HardFault]: 'hard_fault' },
};

function ipsr(s: ReturnType<typeof createBareSystem>): number {
  return s.core.readRegister(REGSEL_XPSR) & 0x1ff;
}

function stackedReturnAddress(s: ReturnType<typeof createBareSystem>): number {
  return s.read(s.core.readRegister(REGSEL_MSP) + 24);
}

function runFree(model: CoreModelName, source: ProgramSource, demcr = 0) {
  const s = createBareSystem(model, source);
  s.write(DEMCR, demcr);
  s.run();
  return s;
}

describe.skipIf(!toolchainAvailable)('BKPT (C1.7)', () => {
  for (const model of ALL_MODELS) {
    it(`${model}: with C_DEBUGEN, BKPT halts at the BKPT instruction with DFSR.BKPT`, () => {
      const s = createBareSystem(model, program);
      s.dhcsr(C_DEBUGEN);
      s.runUntilStopped();
      expect(s.core.status.halted).toBe(true);
      expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('breakpoint'));
      expect(s.read(DFSR)).toBe(DFSR_BKPT);
      expect(s.readReg(0)).toBe(1);
      expect(s.readReg(1)).toBe(0);
    });
  }

  for (const model of V6M_MODELS) {
    it(`${model}: without halting debug, BKPT raises HardFault with the BKPT as return address`, () => {
      const s = runFree(model, program);
      expect(s.core.status.halted).toBe(false);
      expect(ipsr(s)).toBe(Vector.HardFault);
      expect(s.core.readRegister(15)).toBe(s.at('hard_fault'));
      expect(stackedReturnAddress(s)).toBe(s.at('breakpoint'));
    });

    it(`${model}: without halting debug, BKPT in the HardFault handler locks up`, () => {
      const s = runFree(model, bkptInHardFault);
      expect(s.core.status.lockup).toBe(true);
      expect(s.read(DHCSR) & S_LOCKUP).toBe(S_LOCKUP);
    });
  }

  for (const model of V7M_MODELS) {
    it(`${model}: without halting debug or MON_EN, BKPT escalates to HardFault with HFSR.DEBUGEVT and DFSR.BKPT`, () => {
      const s = runFree(model, program);
      expect(ipsr(s)).toBe(Vector.HardFault);
      expect(s.read(HFSR)).toBe(DEBUGEVT);
      expect(s.read(DFSR)).toBe(DFSR_BKPT);
      expect(stackedReturnAddress(s)).toBe(s.at('breakpoint'));
    });

    it(`${model}: with MON_EN and no halting debug, BKPT takes the DebugMonitor exception with DFSR.BKPT`, () => {
      const s = runFree(model, program, MON_EN);
      expect(ipsr(s)).toBe(Vector.DebugMonitor);
      expect(s.core.readRegister(15)).toBe(s.at('debug_monitor'));
      expect(s.read(DFSR)).toBe(DFSR_BKPT);
      expect(s.read(HFSR)).toBe(0);
      expect(stackedReturnAddress(s)).toBe(s.at('breakpoint'));
    });

    it(`${model}: with MON_EN, BKPT at a priority the DebugMonitor cannot preempt escalates to HardFault with DEBUGEVT`, () => {
      const s = createBareSystem(model, bkptInSvc);
      // SVCall priority 0x00 (reset), DebugMonitor priority 0x80 (SHPR3 byte 0).
      s.write(0xe000_ed20, 0x80);
      s.write(DEMCR, MON_EN);
      s.run();
      expect(ipsr(s)).toBe(Vector.HardFault);
      expect(s.read(HFSR)).toBe(DEBUGEVT);
    });

    it(`${model}: with MON_EN, BKPT at a priority the DebugMonitor can preempt takes the DebugMonitor`, () => {
      const s = createBareSystem(model, bkptInSvc);
      s.write(SHPR2, 0x8000_0000);
      s.write(DEMCR, MON_EN);
      s.run();
      expect(ipsr(s)).toBe(Vector.DebugMonitor);
      expect(stackedReturnAddress(s)).toBe(s.at('breakpoint'));
    });

    it(`${model}: BKPT in the HardFault handler without halting debug locks up, with MON_EN or without`, () => {
      for (const demcr of [0, MON_EN]) {
        const s = runFree(model, bkptInHardFault, demcr);
        expect(s.core.status.lockup).toBe(true);
        expect(s.read(DHCSR) & S_LOCKUP).toBe(S_LOCKUP);
        // FORCED records the UDF's escalation into the HardFault handler.
        expect(s.read(HFSR) & FORCED).toBe(FORCED);
      }
    });

    it(`${model}: with C_DEBUGEN and MON_EN, halting debug takes the BKPT`, () => {
      const s = createBareSystem(model, program);
      s.dhcsr(C_DEBUGEN);
      s.write(DEMCR, MON_EN);
      s.runUntilStopped();
      expect(s.core.status.halted).toBe(true);
      expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('breakpoint'));
      expect(s.readReg(REGSEL_XPSR) & 0x1ff).toBe(0);
    });

    it(`${model}: an FPB breakpoint without halting debug takes the DebugMonitor with MON_EN`, () => {
      const s = createBareSystem(model, program);
      s.write(DEMCR, MON_EN);
      s.write(FP_CTRL, 3);
      const target = s.at('_start');
      const replace = (target & 2) !== 0 ? 2 : 1;
      s.write(fpComp(0), ((replace << 30) | (target & 0x1fff_fffc) | 1) >>> 0);
      s.run();
      expect(ipsr(s)).toBe(Vector.DebugMonitor);
      expect(s.read(DFSR)).toBe(DFSR_BKPT);
      expect(stackedReturnAddress(s)).toBe(target);
      expect(s.core.readRegister(0)).toBe(0);
    });
  }
});
