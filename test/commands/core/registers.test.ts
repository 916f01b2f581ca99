import { describe, expect, it } from 'vitest';
import { CONSOLE_BOARDS, hex8, useConsole } from '../support/console-session';

const GENERAL = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc', 'xpsr'];

describe.each(CONSOLE_BOARDS)('registers on $uid', (board) => {
  const c = useConsole(board.uid);
  const mainline = board.architecture === 'ARMv7-M';

  it('reg prints the general registers with the values the core holds', async () => {
    await c.ok('halt');
    const values = await c.session.target.readCoreRegisters(GENERAL);
    const lines = (await c.ok('reg')).split('\n');
    expect(lines).toEqual(GENERAL.map((name, i) => `${name.padStart(9)}: ${hex8(values[i]!)}`));
    expect(await c.ok('rr')).toBe(lines.join('\n'));
  });

  it('wreg writes a core register that reg then reads back, a register name standing for its value', async () => {
    await c.ok('halt');
    expect(await c.ok('wreg r0 0x1234_5678; reg r0')).toBe(`       r0: 0x12345678`);
    const [sp] = await c.session.target.readCoreRegisters(['sp']);
    expect(await c.ok('wr r1 sp; reg r1 R13')).toBe(`       r1: ${hex8(sp!)}\n      r13: ${hex8(sp!)}`);
    expect(await c.ok('wreg r2 -1; reg r2')).toBe('       r2: 0xffffffff');
    expect(await c.fails('wreg r2 0x1_0000_0000')).toBe('wreg: value 4294967296 does not fit in 32 bits');
    expect(await c.fails('wreg cfsr 1')).toMatch(/^wreg: reg 'cfsr' is not a register of this Cortex-M/);
  });

  it('reg -f decodes xPSR with the fields this architecture has', async () => {
    await c.ok('halt');
    await c.ok('wreg xpsr 0xf1000000');
    const decoded = (await c.ok('reg -f xpsr')).split('\n');
    expect(decoded[0]).toBe('     xpsr: 0xf1000000');
    expect(decoded[1]!.trim()).toBe(mainline ? 'N=1 Z=1 C=1 V=1 Q=0 GE=0b0000 T=1 IT/ICI=0x00 ISR=0 (Thread mode)' : 'N=1 Z=1 C=1 V=1 T=1 ISR=0 (Thread mode)');
  });

  it('reg -f decodes CONTROL (nPRIV, SPSEL, and FPCA only with an FPU)', async () => {
    await c.ok('halt');
    await c.ok('wreg control 2');
    const decoded = (await c.ok('reg -f control')).split('\n');
    expect(decoded[0]).toBe('  control: 0x00000002');
    const fields = 'nPRIV=0 (privileged in Thread mode) SPSEL=1 (PSP in Thread mode)';
    expect(decoded[1]!.trim()).toBe(mainline ? `${fields} FPCA=0 (no FP context)` : fields);
    await c.ok('wreg control 0');
  });

  it('reg -f without names adds CONTROL and the fault registers, or says ARMv6-M has no CFSR', async () => {
    await c.ok('reset halt');
    const out = await c.ok('reg -f');
    expect(out).toContain('  control: 0x00000000');
    // The reset halted on the reset vector catch (DEMCR.VC_CORERESET), which DFSR.VCATCH reports.
    expect(out).toContain('     dfsr: 0x00000008  VCATCH');
    if (mainline) {
      expect(out).toContain('     cfsr: 0x00000000  MMFSR: none; BFSR: none; UFSR: none');
      expect(out).toContain('     hfsr: 0x00000000  none');
      expect(out).toContain('    mmfar: ');
      expect(out).toContain('not valid (CFSR.MMARVALID is 0)');
      expect(out).toContain('not valid (CFSR.BFARVALID is 0)');
    } else {
      expect(out).not.toContain('cfsr:');
      expect(out).toContain('CFSR, HFSR, MMFAR, BFAR do not exist on ARMv6-M');
      expect(await c.fails('reg cfsr')).toMatch(/^reg: CFSR does not exist on ARMv6-M: the configurable fault status registers are ARMv7-M/);
    }
  });

  it.runIf(board.architecture === 'ARMv7-M')('reg cfsr names the fault bits a real fault sets', async () => {
    await c.ok('halt');
    // UDF #0 (0xde00, ARMv7-M ARM A7.7.194) with UsageFault enabled (SHCSR.USGFAULTENA, B3.2.13) sets CFSR.UNDEFINSTR.
    await c.ok(`write16 ${hex8(board.ram)} 0xde00 0xde00`);
    await c.ok(`wreg pc ${hex8(board.ram)}; wreg xpsr 0x01000000`);
    await c.ok('write32 0xe000ed24 0x00070000');
    await c.ok('step');
    const out = await c.ok('reg cfsr hfsr');
    expect(out).toMatch(/cfsr: 0x00010000 {2}MMFSR: none; BFSR: none; UFSR: UNDEFINSTR/);
    expect(out).toContain('     hfsr: 0x00000000  none');
    await c.ok('write32 0xe000ed28 0xffffffff; write32 0xe000ed24 0; reset halt');
  });

  it('reg names an unknown register and lists the real ones; reg on a running core says to halt', async () => {
    expect(await c.fails('reg bogus')).toMatch(new RegExp(`^reg: reg 'bogus' is not a register of this ${board.core.replace('+', '\\+')} \\(registers: r0, r1, .*pc, xpsr`));
    await c.ok('continue');
    expect(await c.fails('reg pc')).toBe('reg: Reading core registers needs the core halted; halt it first');
    await c.ok('halt');
  });
});
