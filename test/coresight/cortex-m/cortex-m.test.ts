import { describe, expect, it } from 'vitest';
import { CortexM } from '../../../main/coresight/cortex-m/cortex-m';
import { CoreNotHaltedError, CoreUnsupportedError, MemoryFaultError } from '../../../main/coresight/cortex-m/core-errors';
import { CoreState, HaltReason } from '../../../main/coresight/cortex-m/core-state';
import { RESET_PULSE_MS } from '../../../main/coresight/cortex-m/core-reset';
import { ResetType } from '../../../main/coresight/cortex-m/reset-type';
import { VectorCatch } from '../../../main/coresight/cortex-m/vector-catch';
import { m0plusDouble, m4Double, type ScsDouble } from './support/scs-double';

async function started(double: ScsDouble): Promise<CortexM> {
  const core = new CortexM(double, { resetLine: double.resetLine, resetTimeoutMs: 200, haltTimeoutMs: 200 });
  await core.startDebug();
  return core;
}

describe('CortexM identification', () => {
  it('identifies a Cortex-M4 with a single-precision FPU and its FP registers', async () => {
    const core = await started(m4Double());
    expect(core.name).toBe('Cortex-M4');
    expect(core.fpu.present).toBe(true);
    expect(core.fpu.singlePrecision).toBe(true);
    expect(core.registers.map((r) => r.name)).toContain('s31');
    expect(core.hardwareBreakpointCount).toBe(6);
    expect(core.watchpointCount).toBe(4);
  });

  it('identifies a Cortex-M0+ without FPU, BASEPRI or FAULTMASK', async () => {
    const core = await started(m0plusDouble());
    expect(core.name).toBe('Cortex-M0+');
    expect(core.fpu.present).toBe(false);
    const names = core.registers.map((r) => r.name);
    expect(names).not.toContain('basepri');
    expect(names).not.toContain('s0');
  });

  it('keeps a halted core halted when enabling debug', async () => {
    const double = m4Double();
    double.debugEnabled = true;
    double.halted = true;
    await started(double);
    expect(double.halted).toBe(true);
    expect(double.demcr & (1 << 24)).not.toBe(0);
  });
});

describe('CortexM run control', () => {
  it('halts, reports halted with reason debug, and resumes', async () => {
    const double = m4Double();
    const core = await started(double);
    expect(await core.getState()).toBe(CoreState.Running);
    await core.halt();
    expect(await core.getState()).toBe(CoreState.Halted);
    expect(await core.getHaltReason()).toBe(HaltReason.Debug);
    await core.resume();
    expect(double.halted).toBe(false);
    expect(double.dfsr).toBe(0);
  });

  it('steps with C_MASKINTS set together with C_HALT first and cleared after', async () => {
    const double = m4Double();
    const core = await started(double);
    await core.halt();
    await core.writeCoreRegister('pc', 0x200);
    double.dhcsrWrites.length = 0;
    await core.step();
    expect(await core.readCoreRegister('pc')).toBe(0x202);
    expect(await core.getHaltReason()).toBe(HaltReason.Step);
    expect(double.dhcsrWrites).toEqual([0xa05f000b, 0xa05f000d, 0xa05f0003]);
    expect(double.maskInts).toBe(false);
  });

  it('steps into interrupts without touching C_MASKINTS when asked', async () => {
    const double = m4Double();
    const core = await started(double);
    await core.halt();
    double.dhcsrWrites.length = 0;
    await core.step({ intoInterrupts: true });
    expect(double.dhcsrWrites).toEqual([0xa05f0005]);
  });

  it('refuses to step a running core', async () => {
    const core = await started(m4Double());
    await expect(core.step()).rejects.toBeInstanceOf(CoreNotHaltedError);
  });

  it('reports a core held in reset when S_RESET_ST stays set over two reads', async () => {
    const double = m0plusDouble({ resetHoldReads: 5 });
    const core = await started(double);
    double.systemReset();
    expect(await core.getState()).toBe(CoreState.Reset);
  });

  it('notifies state listeners once per change', async () => {
    const core = await started(m4Double());
    const seen: string[] = [];
    core.onStateChange((s) => seen.push(s));
    await core.halt();
    await core.getState();
    await core.resume();
    expect(seen).toEqual(['halted', 'running']);
  });
});

describe('CortexM registers', () => {
  it('reads and writes a batch of general, special and FP registers', async () => {
    const core = await started(m4Double());
    await core.halt();
    await core.writeCoreRegisters({ r0: 0x11, r7: 0x77, lr: 0xfffffff9, primask: 1, basepri: 0x40, control: 2, s5: 0x3f800000, fpscr: 0x03000000 });
    expect(await core.readCoreRegisters(['r0', 'r7', 'lr', 'primask', 'basepri', 'faultmask', 'control', 's5', 'fpscr'])).toEqual([
      0x11, 0x77, 0xfffffff9, 1, 0x40, 0, 2, 0x3f800000, 0x03000000,
    ]);
  });

  it('polls S_REGRDY when the transfer is not ready by the pipelined DHCSR read', async () => {
    const core = await started(m4Double({ regReadyDelay: 3 }));
    await core.halt();
    await core.writeCoreRegisters({ r1: 0x1234, r2: 0x5678 });
    expect(await core.readCoreRegisters(['r1', 'r2'])).toEqual([0x1234, 0x5678]);
  });

  it('refuses register access on a running core and unknown names', async () => {
    const core = await started(m0plusDouble());
    await expect(core.readCoreRegister('r0')).rejects.toBeInstanceOf(CoreNotHaltedError);
    await core.halt();
    await expect(core.readCoreRegister('s0')).rejects.toThrow(/Unknown core register "s0"/);
  });
});

describe('CortexM reset', () => {
  it.each([ResetType.SwSysresetreq, ResetType.SwVectreset, ResetType.Hw])('resets the Cortex-M4 with %s and lets it run', async (type) => {
    const double = m4Double();
    const core = await started(double);
    await core.halt();
    expect(await core.reset(type)).toBe(type);
    expect(double.resets).toBe(1);
    expect(double.halted).toBe(false);
  });

  it('asks the probe for one timed nRESET pulse of RESET_PULSE_MS for a hardware reset', async () => {
    const double = m4Double();
    const core = await started(double);
    await core.reset(ResetType.Hw);
    expect(double.resetPulses).toEqual([RESET_PULSE_MS]);
  });

  it('uses SYSRESETREQ for the default sw reset', async () => {
    const double = m4Double();
    const core = await started(double);
    expect(await core.reset()).toBe(ResetType.SwSysresetreq);
    expect(double.aircrWrites).toEqual([0x05fa0004]);
  });

  it('halts on the reset handler through VC_CORERESET and restores DEMCR', async () => {
    const double = m0plusDouble({ vectors: [0x20002000, 0x000000c1] });
    const core = await started(double);
    await core.resetAndHalt(ResetType.SwSysresetreq);
    expect(await core.readCoreRegisters(['pc', 'sp'])).toEqual([0xc0, 0x20002000]);
    expect(await core.getHaltReason()).toBe(HaltReason.VectorCatch);
    expect(double.demcr & 1).toBe(0);
  });

  it('performs VECTRESET on ARMv6-M as an emulated reset, without touching AIRCR', async () => {
    const double = m0plusDouble({ vectors: [0x20001000, 0x00000201] });
    const warnings: string[] = [];
    const core = new CortexM(double, { log: (_l, m) => warnings.push(m) });
    await core.startDebug();
    await core.halt();
    await core.writeCoreRegisters({ r0: 5, pc: 0x300, control: 0, primask: 1 });
    expect(await core.resetAndHalt(ResetType.SwVectreset)).toBe(ResetType.SwEmulated);
    expect(double.aircrWrites).toEqual([]);
    expect(await core.readCoreRegisters(['pc', 'sp', 'lr', 'xpsr', 'primask'])).toEqual([0x200, 0x20001000, 0xffffffff, 0x01000000, 0]);
    expect(warnings[0]).toMatch(/no VECTRESET/);
  });

  it('refuses a hardware reset without an nRESET line', async () => {
    const double = m4Double();
    const core = new CortexM(double);
    await core.startDebug();
    await expect(core.reset(ResetType.Hw)).rejects.toBeInstanceOf(CoreUnsupportedError);
  });
});

describe('CortexM vector catch', () => {
  it('sets and reads back vector catch bits', async () => {
    const core = await started(m4Double());
    await core.setVectorCatch(VectorCatch.HardFault | VectorCatch.BusFault);
    expect(await core.getVectorCatch()).toBe(VectorCatch.HardFault | VectorCatch.BusFault);
  });

  it('refuses catches ARMv6-M does not implement', async () => {
    const core = await started(m0plusDouble());
    await expect(core.setVectorCatch(VectorCatch.BusFault)).rejects.toThrow(/ARMv6-M does not implement/);
  });
});

describe('CortexM breakpoints and watchpoints', () => {
  it('uses an FPB v1 comparator in the Code region and a BKPT in RAM beyond it', async () => {
    const double = m4Double();
    const core = await started(double);
    expect(await core.setBreakpoint(0x1002)).toEqual({ address: 0x1002, type: 'hw' });
    expect(double.fpComp[0]).toBe(0x80001001);
    expect(double.fpCtrlEnable).toBe(true);
    expect(await core.setBreakpoint(0x20000100)).toEqual({ address: 0x20000100, type: 'sw' });
    expect(double.ram[0x100] | (double.ram[0x101]! << 8)).toBe(0xbe00);
    await core.removeBreakpoint(0x20000100);
    expect(double.ram[0x101]).toBe(0);
    await core.removeBreakpoint(0x1002);
    expect(double.fpComp[0]).toBe(0);
  });

  it('refuses a hardware breakpoint above 0x20000000 on FPB v1 naming the address', async () => {
    const core = await started(m0plusDouble());
    await expect(core.setBreakpoint(0x20000200, 'hw')).rejects.toThrow(/0x20000200/);
  });

  it('places FPB v2 breakpoints anywhere', async () => {
    const double = m4Double({ fpbRevision: 1 });
    const core = await started(double);
    expect(await core.setBreakpoint(0x20000200, 'hw')).toEqual({ address: 0x20000200, type: 'hw' });
    expect(double.fpComp[0]).toBe(0x20000201);
  });

  it('names the address when a software breakpoint cannot be written', async () => {
    const core = await started(m4Double());
    await expect(core.setBreakpoint(0x00000400, 'sw')).rejects.toBeInstanceOf(MemoryFaultError);
    await expect(core.setBreakpoint(0x00000400, 'sw')).rejects.toThrow(/0x00000400/);
  });

  it('reports a breakpoint halt and steps over it on resume', async () => {
    const double = m4Double();
    const core = await started(double);
    await core.setBreakpoint(0x1000);
    double.haltBy(1 << 1, 0x1000);
    expect(await core.getHaltReason()).toBe(HaltReason.Breakpoint);
    await core.resume();
    expect(double.core[15]).toBe(0x1002);
    expect(double.fpComp[0]).toBe(0x40001001);
    expect(double.halted).toBe(false);
  });

  it('programs DWT comparators for v7-M watchpoints and reports the watchpoint halt', async () => {
    const double = m4Double();
    const core = await started(double);
    await core.setWatchpoint(0x20000010, 4, 'write');
    expect([double.dwtComp[0], double.dwtMask[0], double.dwtFunction[0]]).toEqual([0x20000010, 2, 0b0110]);
    double.haltBy(1 << 2, 0x1234);
    expect(await core.getHaltReason()).toBe(HaltReason.Watchpoint);
    await core.removeWatchpoint(0x20000010, 4, 'write');
    expect(double.dwtFunction[0]).toBe(0);
  });

  it('refuses misaligned watchpoints', async () => {
    const core = await started(m0plusDouble());
    await expect(core.setWatchpoint(0x20000002, 4, 'read')).rejects.toThrow(/not aligned/);
  });
});
