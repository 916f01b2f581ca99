// System status (version, host kind, probe connection) and the link to the host, live.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LinkState } from '../../../shared/api/bridge';
import type { SystemStatus } from '../../../shared/api/schemas/system';
import { useBridge } from './use-bridge';

export const useStatusStore = defineStore('status', () => {
  const bridge = useBridge();
  const status = ref<SystemStatus | null>(null);
  const link = ref<LinkState | 'connecting'>('connecting');
  const error = ref<string | null>(null);

  bridge.onLink((state) => {
    link.value = state;
  });

  async function load(): Promise<void> {
    try {
      status.value = await bridge.call('system.status', {});
      const subscription = bridge.subscribe('system.status', {}, (next) => {
        status.value = next;
      });
      await subscription.ready;
      error.value = null;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  return { status, link, error, load, host: bridge.host };
});
