import { describe, expect, it } from 'vitest';
import { decodeCpuid } from '../../../main/coresight/cortex-m/cpuid';

describe('decodeCpuid', () => {
  it.each([
    [0x410cc200, 'Cortex-M0', 'ARMv6-M'],
    [0x410cc601, 'Cortex-M0+', 'ARMv6-M'],
    [0x412fc230, 'Cortex-M3', 'ARMv7-M'],
    [0x410fc241, 'Cortex-M4', 'ARMv7-M'],
    [0x411fc272, 'Cortex-M7', 'ARMv7-M'],
    [0x410cd200, 'Cortex-M23', 'ARMv8-M Baseline'],
    [0x410fd210, 'Cortex-M33', 'ARMv8-M Mainline'],
    [0x410fd220, 'Cortex-M55', 'ARMv8.1-M Mainline'],
  ])('names CPUID 0x%s as %s (%s)', (raw, name, arch) => {
    const info = decodeCpuid(raw);
    expect(info.name).toBe(name);
    expect(info.architecture).toBe(arch);
  });

  it('splits the fields of a Cortex-M4 r0p1 CPUID', () => {
    const info = decodeCpuid(0x410fc241);
    expect(info).toMatchObject({ implementer: 0x41, variant: 0, architectureField: 0xf, partNumber: 0xc24, revision: 1, revisionString: 'r0p1' });
  });

  it('falls back to the ARCHITECTURE field for an unknown part', () => {
    const info = decodeCpuid(0x530cc999);
    expect(info.architecture).toBe('ARMv6-M');
    expect(info.name).toContain('part 0xc99');
  });
});
