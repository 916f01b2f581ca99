import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/sim/clock/virtual-clock';

describe('VirtualClock', () => {
  it('fires events in time order, equal times in scheduling order', () => {
    const clock = new VirtualClock();
    const seen: string[] = [];
    clock.schedule(30, () => seen.push('c'));
    clock.schedule(10, () => seen.push('a1'));
    clock.schedule(10, () => seen.push('a2'));
    clock.schedule(20, () => seen.push('b'));
    clock.advanceTo(25);
    expect(seen).toEqual(['a1', 'a2', 'b']);
    expect(clock.now).toBe(25);
    expect(clock.nextEventTime()).toBe(30);
  });

  it('runs events scheduled by callbacks when they fall inside the advance', () => {
    const clock = new VirtualClock();
    const times: number[] = [];
    clock.schedule(5, () => {
      times.push(clock.now);
      clock.after(5, () => times.push(clock.now));
    });
    clock.advanceTo(100);
    expect(times).toEqual([5, 10]);
  });

  it('skips cancelled events and never moves backwards', () => {
    const clock = new VirtualClock();
    let fired = false;
    const e = clock.schedule(10, () => (fired = true));
    clock.cancel(e);
    clock.advanceTo(50);
    clock.advanceTo(20);
    expect(fired).toBe(false);
    expect(clock.now).toBe(50);
    expect(clock.nextEventTime()).toBe(Infinity);
  });
});
