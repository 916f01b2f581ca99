/**
 * DEMCR, the Debug Exception and Monitor Control Register, and vector catch: ARMv7-M ARM
 * (DDI 0403E) C1.6.5 (VC_CORERESET, VC_MMERR, VC_NOCPERR, VC_CHKERR, VC_STATERR, VC_BUSERR,
 * VC_INTERR, VC_HARDERR, TRCENA) and C1.7 (vector catch is a debug event taken on exception entry,
 * halting before the first instruction of the handler); ARMv6-M ARM (DDI 0419) C1.6.5 (only
 * VC_HARDERR, VC_CORERESET and DWTENA). The faults: UsageFault UNDEFINSTR / DIVBYZERO / NOCP,
 * BusFault PRECISERR / STKERR, MemManage IACCVIOL on the Execute Never System region
 * (B3.2.15, B3.1), escalation to HardFault when the fault is disabled (B1.5.4). VC_INTERR covers a
 * fault on exception entry or return: the Cortex-M3 TRM (DDI 0337) fault table lists STKERR,
 * UNSTKERR and vector read errors under INTERR, and its DEMCR text places the halt on the handler
 * of the derived fault. TRCENA is the global enable of the DWT and ITM (C1.6.5; ITM C1.7, D4.2.8).
 */
import { describe, expect, it } from 'vitest';
import type { CoreModelName } from '../../../main/sim/core/cortex-m';
import {
  AIRCR,
  ALL_MODELS,
  CCR,
  CFSR,
  createBareSystem,
  DEMCR,
  DFSR,
  DFSR_BKPT,
  DFSR_VCATCH,
  ITM_STIM0,
  ITM_TCR,
  ITM_TER,
  REGSEL_DEBUG_RETURN_ADDRESS,
  REGSEL_XPSR,
  SHCSR,
  SHPR2,
  toolchainAvailable,
  TRCENA,
  V6M_MODELS,
  V7M_MODELS,
  VC_BUSERR,
  VC_CHKERR,
  VC_CORERESET,
  VC_HARDERR,
  VC_INTERR,
  VC_MMERR,
  VC_NOCPERR,
  VC_STATERR,
  Vector,
} from './support/bare-system';

const MEMFAULTENA = 1 << 16;
const BUSFAULTENA = 1 << 17;
const USGFAULTENA = 1 << 18;
const DIV_0_TRP = 1 << 4;
const STKALIGN = 1 << 9;
const CFSR_STKERR = 1 << 12;
const CFSR_UNSTKERR = 1 << 11;

interface FaultCase {
  name: string;
  catchBit: number;
  exception: Vector;
  models: readonly CoreModelName[];
  body: string;
  handlers?: Record<number, string>;
  /** Debugger set-up before the program runs. */
  setup?: (write: (address: number, value: number) => void) => void;
}

const cases: FaultCase[] = [
  {
    name: 'VC_HARDERR catches an UNDEFINED instruction escalated to HardFault (UsageFault disabled)',
    catchBit: VC_HARDERR,
    exception: Vector.HardFault,
    models: V7M_MODELS,
    body: `  .short 0xde00 @ udf #0`,
  },
  {
    name: 'VC_STATERR catches the UsageFault of an UNDEFINED instruction',
    catchBit: VC_STATERR,
    exception: Vector.UsageFault,
    models: V7M_MODELS,
    body: `  .short 0xde00 @ udf #0`,
    setup: (write) => write(SHCSR, USGFAULTENA),
  },
  {
    name: 'VC_CHKERR catches the UsageFault of a division by zero with CCR.DIV_0_TRP',
    catchBit: VC_CHKERR,
    exception: Vector.UsageFault,
    models: V7M_MODELS,
    body: `  movs r1, #1
  movs r2, #0
  sdiv r0, r1, r2`,
    setup: (write) => {
      write(SHCSR, USGFAULTENA);
      write(CCR, STKALIGN | DIV_0_TRP);
    },
  },
  {
    name: 'VC_NOCPERR catches the NOCP UsageFault of a VFP instruction with CP10/CP11 not enabled',
    catchBit: VC_NOCPERR,
    exception: Vector.UsageFault,
    models: V7M_MODELS,
    body: `  .short 0xee12, 0x2a90 @ vmov r2, s5`,
    setup: (write) => write(SHCSR, USGFAULTENA),
  },
  {
    name: 'VC_BUSERR catches the precise BusFault of a load from unmapped memory',
    catchBit: VC_BUSERR,
    exception: Vector.BusFault,
    models: V7M_MODELS,
    body: `  ldr r1, =0x30000000
  ldr r0, [r1]`,
    setup: (write) => write(SHCSR, BUSFAULTENA),
  },
  {
    name: 'VC_MMERR catches the MemManage fault of an instruction fetch from the Execute Never System region',
    catchBit: VC_MMERR,
    exception: Vector.MemManage,
    models: V7M_MODELS,
    body: `  ldr r0, =0xe0000001
  bx r0`,
    setup: (write) => write(SHCSR, MEMFAULTENA),
  },
  {
    name: 'VC_INTERR catches the BusFault derived from a stacking error on exception entry',
    catchBit: VC_INTERR,
    exception: Vector.BusFault,
    models: V7M_MODELS,
    body: `  ldr r0, =0x30000000
  mov sp, r0
  svc #0`,
    setup: (write) => {
      write(SHCSR, BUSFAULTENA);
      // SVCall at priority 0x80 so that the derived BusFault (priority 0) preempts it.
      write(SHPR2, 0x8000_0000);
    },
  },
  {
    name: 'VC_INTERR catches the BusFault derived from an unstacking error on exception return',
    catchBit: VC_INTERR,
    exception: Vector.BusFault,
    models: V7M_MODELS,
    body: `  svc #0
  b .
  .thumb_func
svc_unstack:
  ldr r0, =0x30000000
  msr msp, r0
  bx lr`,
    handlers: { [Vector.SvCall]: 'svc_unstack' },
    setup: (write) => write(SHCSR, BUSFAULTENA),
  },
  {
    name: 'VC_HARDERR catches the HardFault of an UNDEFINED instruction',
    catchBit: VC_HARDERR,
    exception: Vector.HardFault,
    models: V6M_MODELS,
    body: `  .short 0xde00 @ udf #0`,
  },
];

function faultSystem(model: CoreModelName, c: FaultCase, demcr: number) {
  const s = createBareSystem(model, {
    body: `  .thumb_func
_start:
${c.body}
  b .
`,
    ...(c.handlers === undefined ? {} : { handlers: c.handlers }),
  });
  s.dhcsr(1);
  s.write(DEMCR, demcr);
  c.setup?.((address, value) => s.write(address, value));
  s.runUntilStopped();
  return s;
}

describe.skipIf(!toolchainAvailable)('DEMCR vector catch (C1.6.5)', () => {
  for (const c of cases) {
    for (const model of c.models) {
      it(`${model}: ${c.name}, halting at the handler's first instruction with DFSR.VCATCH`, () => {
        const s = faultSystem(model, c, c.catchBit);
        expect(s.core.status.halted).toBe(true);
        expect(s.read(DFSR)).toBe(DFSR_VCATCH);
        expect(s.readReg(REGSEL_XPSR) & 0x1ff).toBe(c.exception);
        expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('default_handler'));
      });

      it(`${model}: without its catch bit the same fault runs the handler (${c.name.split(' ')[0]} clear)`, () => {
        const s = faultSystem(model, c, 0);
        expect(s.core.status.halted).toBe(true);
        expect(s.read(DFSR)).toBe(DFSR_BKPT);
        expect(s.readReg(REGSEL_XPSR) & 0x1ff).toBe(c.exception);
      });
    }
  }

  for (const model of V7M_MODELS) {
    it(`${model}: VC_INTERR halts with CFSR.STKERR recording the stacking error`, () => {
      const stacking = cases.find((c) => c.name.includes('from a stacking error'))!;
      const s = faultSystem(model, stacking, VC_INTERR);
      expect(s.read(CFSR) & CFSR_STKERR).toBe(CFSR_STKERR);
    });

    it(`${model}: VC_INTERR on exception return halts with CFSR.UNSTKERR recording the unstacking error`, () => {
      const unstacking = cases.find((c) => c.name.includes('unstacking error'))!;
      const s = faultSystem(model, unstacking, VC_INTERR);
      expect(s.read(CFSR) & CFSR_UNSTKERR).toBe(CFSR_UNSTKERR);
    });

    it(`${model}: DEMCR holds every v7-M vector catch bit and TRCENA`, () => {
      const s = createBareSystem(model);
      const bits = TRCENA | VC_HARDERR | VC_INTERR | VC_BUSERR | VC_STATERR | VC_CHKERR | VC_NOCPERR | VC_MMERR | VC_CORERESET;
      s.write(DEMCR, bits);
      expect(s.read(DEMCR)).toBe(bits);
    });
  }

  for (const model of V6M_MODELS) {
    it(`${model}: DEMCR holds VC_HARDERR, VC_CORERESET and DWTENA`, () => {
      const s = createBareSystem(model);
      s.write(DEMCR, TRCENA | VC_HARDERR | VC_CORERESET);
      expect(s.read(DEMCR)).toBe(TRCENA | VC_HARDERR | VC_CORERESET);
    });
  }

  for (const model of ALL_MODELS) {
    it(`${model}: VC_CORERESET halts before the first instruction of the reset handler after SYSRESETREQ`, () => {
      const s = createBareSystem(model, { body: `  .thumb_func\n_start:\n  movs r0, #9\n  b .\n` });
      s.dhcsr(1);
      s.write(DEMCR, VC_CORERESET);
      s.run();
      s.write(AIRCR, 0x05fa_0004);
      s.run();
      expect(s.core.status.halted).toBe(true);
      expect(s.read(DFSR) & DFSR_VCATCH).toBe(DFSR_VCATCH);
      expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('_start'));
      expect(s.readReg(0)).toBe(0);
    });

    it(`${model}: VC_CORERESET halts at the reset handler when nRESET is released`, () => {
      const s = createBareSystem(model, { body: `  .thumb_func\n_start:\n  movs r0, #9\n  b .\n` });
      s.dhcsr(1);
      s.write(DEMCR, VC_CORERESET);
      s.run();
      s.core.setResetPin(true);
      s.run();
      expect(s.core.status.halted).toBe(false);
      s.core.setResetPin(false);
      s.run();
      expect(s.core.status.halted).toBe(true);
      expect(s.read(DFSR) & DFSR_VCATCH).toBe(DFSR_VCATCH);
      expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('_start'));
      expect(s.readReg(0)).toBe(0);
    });

    it(`${model}: without VC_CORERESET a system reset runs the reset handler`, () => {
      const s = createBareSystem(model, { body: `  .thumb_func\n_start:\n  movs r0, #9\n  b .\n` });
      s.dhcsr(1);
      s.write(AIRCR, 0x05fa_0004);
      s.run();
      expect(s.core.status.halted).toBe(false);
      expect(s.core.readRegister(0)).toBe(9);
    });
  }

  for (const model of V7M_MODELS) {
    it(`${model}: VC_CORERESET halts at the reset handler after VECTRESET`, () => {
      const s = createBareSystem(model, { body: `  .thumb_func\n_start:\n  movs r0, #9\n  b .\n` });
      s.dhcsr(1);
      s.write(DEMCR, VC_CORERESET);
      s.run();
      s.halt();
      s.write(AIRCR, 0x05fa_0001);
      s.run();
      expect(s.core.status.halted).toBe(true);
      expect(s.read(DFSR) & DFSR_VCATCH).toBe(DFSR_VCATCH);
      expect(s.readReg(REGSEL_DEBUG_RETURN_ADDRESS)).toBe(s.at('_start'));
    });
  }

  for (const model of ['cortex-m3', 'cortex-m4'] as const) {
    it(`${model}: TRCENA gates the ITM: a stimulus write emits a packet only with TRCENA set`, () => {
      const s = createBareSystem(model);
      const packets: number[][] = [];
      s.core.onTraceBytes = (bytes) => packets.push([...bytes]);
      s.write(DEMCR, TRCENA);
      s.write(ITM_TCR, 1);
      s.write(ITM_TER, 1);
      s.write(DEMCR, 0);
      s.coreWrite(ITM_STIM0, 0x41);
      expect(packets).toEqual([]);
      s.write(DEMCR, TRCENA);
      s.coreWrite(ITM_STIM0, 0x41);
      expect(packets).toEqual([[0x03, 0x41, 0, 0, 0]]);
    });
  }
});
