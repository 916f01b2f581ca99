import { describe, expect, it } from 'vitest';
import { coreStateLabel } from '../../../renderer/src/format/core-state-label';

describe('coreStateLabel', () => {
  it('names a halted core with its reason and its PC as eight hex digits', () => {
    expect(coreStateLabel({ core: 0, state: 'halted', haltReason: 'debug-request', pc: 0x234 })).toBe('Halted: debug request @ 0x00000234');
    expect(coreStateLabel({ core: 0, state: 'halted', haltReason: 'vector-catch', pc: 0xfffffffe })).toBe('Halted: vector catch @ 0xfffffffe');
    expect(coreStateLabel({ core: 0, state: 'halted' })).toBe('Halted');
  });

  it('names every other run state', () => {
    const label = (state: 'running' | 'sleeping' | 'lockup' | 'reset' | 'disconnected') => coreStateLabel({ core: 0, state });
    expect([label('running'), label('sleeping'), label('lockup'), label('reset'), label('disconnected')]).toEqual([
      'Running',
      'Running · sleeping',
      'Locked up',
      'In reset',
      'Disconnected',
    ]);
  });
});
