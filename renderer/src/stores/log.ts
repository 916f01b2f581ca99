// The engine log as the Log view shows it: the most recent records, newest last.
import { defineStore } from 'pinia';
import { shallowRef, triggerRef } from 'vue';
import type { LogRecord } from '../../../shared/api/schemas/log';
import { useBridge } from './use-bridge';

/** Enough for a session's worth of context without growing without bound. */
const MAX_RECORDS = 5000;

export const useLogStore = defineStore('log', () => {
  const bridge = useBridge();
  const records = shallowRef<LogRecord[]>([]);

  function follow(): void {
    bridge.subscribe('log', { minLevel: 'debug', history: true }, (record) => {
      records.value.push(record);
      if (records.value.length > MAX_RECORDS) records.value.splice(0, records.value.length - MAX_RECORDS);
      triggerRef(records);
    });
  }

  function clear(): void {
    records.value = [];
  }

  return { records, follow, clear };
});
