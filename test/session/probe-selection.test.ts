import { describe, expect, it } from 'vitest';
import type { ProbeDescription } from '../../main/probe/discovery';
import { chooseProbe } from '../../main/session/probe-selection';

const probe = (uniqueId: string, kind: ProbeDescription['kind']): ProbeDescription => ({
  uniqueId,
  kind,
  vendorName: 'v',
  productName: 'p',
  protocol: 'v2-bulk',
  description: `${uniqueId} probe`,
});

const sims = [probe('sim:nrf52840', 'simulated'), probe('sim:stm32l051', 'simulated')];

describe('chooseProbe', () => {
  it('matches a unique ID exactly or by unique prefix', () => {
    const all = [...sims, probe('E6614103E7728F24', 'cmsis-dap-v2')];
    expect(chooseProbe(all, 'sim:stm32l051').uniqueId).toBe('sim:stm32l051');
    expect(chooseProbe(all, 'E661').uniqueId).toBe('E6614103E7728F24');
  });

  it('refuses an ambiguous prefix and an unknown ID, listing the probes', () => {
    expect(() => chooseProbe(sims, 'sim:')).toThrow(/"sim:" matches several probes: sim:nrf52840/);
    expect(() => chooseProbe(sims, 'XYZ')).toThrow(/No probe with unique ID "XYZ"; available probes: sim:nrf52840 \(sim:nrf52840 probe\), sim:stm32l051/);
  });

  it('uses the only USB probe without -u, and asks for -u otherwise', () => {
    expect(chooseProbe([...sims, probe('A1', 'cmsis-dap-v1')], undefined).uniqueId).toBe('A1');
    expect(() => chooseProbe(sims, undefined)).toThrow(/No USB probe connected; choose a simulated one with -u/);
    expect(() => chooseProbe([probe('A1', 'cmsis-dap-v1'), probe('B2', 'cmsis-dap-v2')], undefined)).toThrow(/Several probes connected/);
  });
});
