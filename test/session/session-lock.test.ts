import { describe, expect, it } from 'vitest';
import { SessionBusyError, SessionLock } from '../../main/session/session-lock';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('SessionLock', () => {
  it('never interleaves two operations', async () => {
    const lock = new SessionLock();
    const trace: string[] = [];
    const op = (name: string) =>
      lock.run(name, async () => {
        trace.push(`${name}:start`);
        await tick();
        await tick();
        trace.push(`${name}:end`);
      });
    await Promise.all([op('a'), op('b'), op('c')]);
    expect(trace).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });

  it('runs a nested operation of the holder directly', async () => {
    const lock = new SessionLock();
    const result = await lock.run('connect', () => lock.run('reset', async () => 42));
    expect(result).toBe(42);
  });

  it('fails fast with a busy error naming the holder when asked not to wait', async () => {
    const lock = new SessionLock();
    let release!: () => void;
    const flash = lock.run('flash', () => new Promise<void>((r) => (release = r)));
    await tick();
    await expect(lock.run('halt', async () => 1, { timeoutMs: 0 })).rejects.toThrow('Probe busy: "flash" is running, so "halt" cannot start now');
    release();
    await flash;
    expect(lock.busyWith).toBeUndefined();
  });

  it('gives up waiting after the timeout with a busy error', async () => {
    const lock = new SessionLock();
    let release!: () => void;
    const flash = lock.run('flash', () => new Promise<void>((r) => (release = r)));
    const waiting = lock.run('read', async () => 1, { timeoutMs: 20 });
    await expect(waiting).rejects.toBeInstanceOf(SessionBusyError);
    await expect(waiting).rejects.toThrow(/"read" waited 20 ms while "flash" was running/);
    release();
    await flash;
    expect(await lock.run('read', async () => 2)).toBe(2);
  });

  it('releases the probe when an operation throws', async () => {
    const lock = new SessionLock();
    await expect(lock.run('bad', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await lock.run('next', async () => 'ok')).toBe('ok');
  });
});
