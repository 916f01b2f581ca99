import { describe, expect, it } from 'vitest';
import { CallSequence } from '../../main/target/call-sequence';

function recorder() {
  const calls: string[] = [];
  const step = (name: string) => () => {
    calls.push(name);
  };
  return { calls, step };
}

describe('CallSequence', () => {
  it('runs steps in order after inserts, replace and remove', async () => {
    const { calls, step } = recorder();
    const seq = new CallSequence([
      ['a', step('a')],
      ['b', step('b')],
      ['c', step('c')],
    ]);
    seq.insertBefore('b', 'x', step('x')).insertAfter('c', 'y', step('y')).replace('a', step('a2')).remove('c');
    expect(seq.names).toEqual(['a', 'x', 'b', 'y']);
    await seq.invoke();
    expect(calls).toEqual(['a2', 'x', 'b', 'y']);
  });

  it('wraps a step so the wrapper decides when the original runs', async () => {
    const { calls, step } = recorder();
    const seq = new CallSequence([['unlock', step('unlock')]]);
    seq.wrap('unlock', async (original) => {
      calls.push('before');
      await original();
      calls.push('after');
    });
    await seq.invoke();
    expect(calls).toEqual(['before', 'unlock', 'after']);
  });

  it('runs a sub-sequence a step returns', async () => {
    const { calls, step } = recorder();
    const seq = new CallSequence([
      ['outer', () => new CallSequence([['inner1', step('inner1')], ['inner2', step('inner2')]])],
      ['last', step('last')],
    ]);
    await seq.invoke();
    expect(calls).toEqual(['inner1', 'inner2', 'last']);
  });

  it('names the failing step and unknown steps', async () => {
    const seq = new CallSequence([['boom', () => { throw new Error('no power'); }]]);
    await expect(seq.invoke()).rejects.toThrow('Init step "boom" failed: no power');
    expect(() => seq.remove('nope')).toThrow('No step named "nope" in the sequence (steps: boom)');
    expect(() => seq.append('boom', () => undefined)).toThrow(/already has a step named "boom"/);
  });
});
