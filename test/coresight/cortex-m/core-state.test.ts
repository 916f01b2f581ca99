import { describe, expect, it } from 'vitest';
import { coreStateFromDhcsr, haltReasonFromDfsr } from '../../../main/coresight/cortex-m/core-state';

const S_REGRDY = 1 << 16;
const S_HALT = 1 << 17;
const S_SLEEP = 1 << 18;
const S_LOCKUP = 1 << 19;
const S_RESET_ST = 1 << 25;

describe('coreStateFromDhcsr', () => {
  it('maps the DHCSR status bits to states', () => {
    expect(coreStateFromDhcsr(S_REGRDY)).toBe('running');
    expect(coreStateFromDhcsr(S_HALT)).toBe('halted');
    expect(coreStateFromDhcsr(S_SLEEP)).toBe('sleeping');
    expect(coreStateFromDhcsr(S_LOCKUP | S_HALT)).toBe('lockedUp');
  });

  it('treats a single sticky S_RESET_ST as a past reset and a repeated one as held in reset', () => {
    expect(coreStateFromDhcsr(S_RESET_ST | S_HALT, S_HALT)).toBe('halted');
    expect(coreStateFromDhcsr(S_RESET_ST, S_RESET_ST)).toBe('reset');
  });
});

describe('haltReasonFromDfsr', () => {
  it('prefers watchpoint over breakpoint over halt, and tells a step from a halt request', () => {
    expect(haltReasonFromDfsr(0b00110, false)).toBe('watchpoint');
    expect(haltReasonFromDfsr(0b00011, false)).toBe('breakpoint');
    expect(haltReasonFromDfsr(0b00001, true)).toBe('step');
    expect(haltReasonFromDfsr(0b00001, false)).toBe('debug');
    expect(haltReasonFromDfsr(0b01000, false)).toBe('vectorCatch');
    expect(haltReasonFromDfsr(0b10000, false)).toBe('external');
    expect(haltReasonFromDfsr(0, false)).toBe('unknown');
  });
});
