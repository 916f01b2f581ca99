import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineContract, defineEvent, defineMethod } from '../../shared/api/contract';
import { Router } from '../../main/host/router';
import { createTestRouter } from './support/test-api';

const context = { transport: 'websocket', peer: 'test' } as const;

describe('Router', () => {
  it('refuses to start when a contract method or event has no service', () => {
    const api = defineContract({
      methods: { 'a.b': defineMethod({ summary: '', params: z.object({}), result: z.null() }) },
      events: { e: defineEvent({ summary: '', params: z.object({}), payload: z.null() }) },
    });
    expect(() => new Router(api, [])).toThrow("no service implements method 'a.b', event 'e'");
  });

  it('refuses two services implementing the same method', () => {
    const api = defineContract({ methods: { m: defineMethod({ summary: '', params: z.object({}), result: z.null() }) }, events: {} });
    const s = { name: 's', methods: { m: () => null } };
    expect(() => new Router(api, [s, { ...s, name: 't' }])).toThrow("method 'm' is implemented by two services (second: t)");
  });

  it('validates parameters before the service runs and names the bad field', async () => {
    const { router, memory } = createTestRouter();
    const client = router.client(context);
    const answer = await client.call('mem.write', { address: -1, data: 'AAA=' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    expect(!answer.ok && answer.error.message).toMatch(/address/);
    expect(memory[0]).toBe(0);
    expect(await client.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await client.call('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('decodes base64 parameters to bytes and encodes byte results back to base64', async () => {
    const { router, memory } = createTestRouter();
    const client = router.client(context);
    expect(await client.call('mem.write', { address: 4, data: 'AQL/' })).toEqual({ ok: true, value: { written: 3 } });
    expect([...memory.subarray(4, 7)]).toEqual([1, 2, 255]);
    expect(await client.call('mem.read', { address: 3, length: 5 })).toEqual({ ok: true, value: { data: 'AAEC/wA=' } });
  });

  it('reports a service failure as a failed call with its message', async () => {
    const { router } = createTestRouter();
    expect(await router.client(context).call('always.fails', {})).toEqual({ ok: false, error: { code: 'failed', message: 'the probe went away' } });
  });

  it('stops every subscription of a client when the client closes', () => {
    const { router, ticks, activeTickSources } = createTestRouter();
    const client = router.client(context);
    const seen: unknown[] = [];
    expect(client.subscribe('a', 'tick', { label: 'x' }, (p) => seen.push(p))).toEqual({ ok: true, value: null });
    expect(client.subscribe('a', 'tick', { label: 'x' }, () => undefined)).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    ticks.publish(5);
    client.close();
    ticks.publish(6);
    expect(seen).toEqual([{ n: 5, label: 'x', data: 'BQY=' }]);
    expect(activeTickSources()).toBe(0);
  });
});
