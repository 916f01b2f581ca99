// The core's live run state from the `target.state` stream.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { TargetState } from '../../../shared/api/schemas/target-state';
import { useBridge } from './use-bridge';

export const useTargetStore = defineStore('target', () => {
  const bridge = useBridge();
  const state = ref<TargetState>({ core: 0, state: 'disconnected' });

  function follow(): void {
    bridge.subscribe('target.state', {}, (next) => {
      state.value = next;
    });
  }

  return { state, follow };
});
