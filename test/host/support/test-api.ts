// A small contract and its services for transport tests: bytes both ways, a failing method and an
// event stream the test drives by hand.
import { z } from 'zod';
import { Bytes } from '../../../shared/api/bytes';
import { defineContract, defineEvent, defineMethod } from '../../../shared/api/contract';
import { EventHub } from '../../../main/host/event-hub';
import { Router, defineService } from '../../../main/host/router';

export const testApi = defineContract({
  methods: {
    'mem.read': defineMethod({
      summary: 'read bytes',
      params: z.object({ address: z.number().int().nonnegative(), length: z.number().int().min(0).max(256) }),
      result: z.object({ data: Bytes }),
    }),
    'mem.write': defineMethod({
      summary: 'write bytes',
      params: z.object({ address: z.number().int().nonnegative(), data: Bytes }),
      result: z.object({ written: z.number() }),
    }),
    'always.fails': defineMethod({ summary: 'throws', params: z.object({}), result: z.null() }),
  },
  events: {
    tick: defineEvent({ summary: 'ticks', params: z.object({ label: z.string() }), payload: z.object({ n: z.number(), label: z.string(), data: Bytes }) }),
  },
});
export type TestApi = typeof testApi;

export function createTestRouter() {
  const memory = new Uint8Array(512);
  const ticks = new EventHub<number>();
  let activeTickSources = 0;
  const service = defineService(testApi, {
    name: 'test',
    methods: {
      'mem.read': ({ address, length }) => ({ data: memory.slice(address, address + length) }),
      'mem.write': ({ address, data }) => {
        memory.set(data, address);
        return { written: data.length };
      },
      'always.fails': () => {
        throw new Error('the probe went away');
      },
    },
    events: {
      tick: ({ label }, emit) => {
        activeTickSources++;
        const off = ticks.subscribe((n) => emit({ n, label, data: new Uint8Array([n, n + 1]) }));
        return () => {
          activeTickSources--;
          off();
        };
      },
    },
  });
  return { router: new Router(testApi, [service]), memory, ticks, activeTickSources: () => activeTickSources };
}
