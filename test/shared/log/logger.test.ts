import { describe, expect, it } from 'vitest';
import { LogHub, type LogRecord } from '../../../shared/log/logger';

describe('LogHub', () => {
  it('drops records below the level and delivers the rest with scope and message', () => {
    const hub = new LogHub();
    const seen: LogRecord[] = [];
    hub.subscribe((r) => seen.push(r));
    hub.setLevel('warn');
    const log = hub.logger('probe');
    log.info('hidden');
    log.warn('shown');
    log.child('swd').error('child');
    expect(seen.map((r) => [r.level, r.scope, r.message])).toEqual([
      ['warn', 'probe', 'shown'],
      ['error', 'probe.swd', 'child'],
    ]);
  });

  it('builds a lazy message only when its level is enabled', () => {
    const hub = new LogHub();
    let built = 0;
    hub.logger('x').debug(() => `n=${++built}`);
    expect(built).toBe(0);
    hub.setLevel('trace');
    hub.logger('x').debug(() => `n=${++built}`);
    expect(built).toBe(1);
  });

  it('stops delivering after unsubscribe and removes a sink that throws', () => {
    const hub = new LogHub();
    const seen: string[] = [];
    const off = hub.subscribe((r) => seen.push(r.message));
    hub.subscribe(() => {
      throw new Error('closed');
    });
    hub.logger('a').info('one');
    off();
    hub.logger('a').info('two');
    expect(seen).toEqual(['one']);
  });
});
