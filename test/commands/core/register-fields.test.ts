import { describe, expect, it } from 'vitest';
import { decodeCfsr, decodeControl, decodeDfsr, decodeHfsr, decodeXpsr } from '../../../main/commands/core/register-fields';

const M4 = { baseline: false, dsp: true, fpu: true };
const M3 = { baseline: false, dsp: false, fpu: false };
const M0 = { baseline: true, dsp: false, fpu: false };

describe('register field decodes', () => {
  it('xPSR: flags, GE only with the DSP extension, IT/ICI from both EPSR parts, exception name', () => {
    // IT[1:0] = 0b01 in bits 26:25, IT[7:2] = 0b101010 in bits 15:10: IT = 0xa9.
    const value = (1 << 27) | (0b0101 << 16) | (1 << 24) | (0b01 << 25) | (0b101010 << 10) | 15;
    expect(decodeXpsr(value, M4)).toBe('N=0 Z=0 C=0 V=0 Q=1 GE=0b0101 T=1 IT/ICI=0xa9 ISR=15 (SysTick)');
    expect(decodeXpsr(value, M3)).toBe('N=0 Z=0 C=0 V=0 Q=1 T=1 IT/ICI=0xa9 ISR=15 (SysTick)');
    expect(decodeXpsr(0x21000000 | 19, M0)).toBe('N=0 Z=0 C=1 V=0 T=1 ISR=19 (IRQ 3)');
    // IPSR is 6 bits wide on ARMv6-M.
    expect(decodeXpsr(0x1000000 | 0x1c3, M0)).toBe('N=0 Z=0 C=0 V=0 T=1 ISR=3 (HardFault)');
  });

  it('CONTROL: nPRIV and SPSEL everywhere, FPCA only with an FPU', () => {
    expect(decodeControl(0b111, M4)).toBe('nPRIV=1 (unprivileged in Thread mode) SPSEL=1 (PSP in Thread mode) FPCA=1 (FP context active)');
    expect(decodeControl(0b111, M0)).toBe('nPRIV=1 (unprivileged in Thread mode) SPSEL=1 (PSP in Thread mode)');
  });

  it('CFSR, HFSR and DFSR bits by name', () => {
    expect(decodeCfsr((1 << 1) | (1 << 7) | (1 << 9) | (1 << 15) | (1 << 24) | (1 << 25))).toBe(
      'MMFSR: DACCVIOL MMARVALID; BFSR: PRECISERR BFARVALID; UFSR: UNALIGNED DIVBYZERO',
    );
    expect(decodeCfsr(0)).toBe('MMFSR: none; BFSR: none; UFSR: none');
    expect(decodeHfsr(0xc0000002)).toBe('VECTTBL FORCED DEBUGEVT');
    expect(decodeDfsr(0b10110)).toBe('BKPT DWTTRAP EXTERNAL');
  });
});
