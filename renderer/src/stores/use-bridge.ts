import { inject } from 'vue';
import type { Bridge } from '../../../shared/api/bridge';
import { bridgeKey } from '../bridge/bridge-key';

export function useBridge(): Bridge {
  const bridge = inject(bridgeKey);
  if (!bridge) throw new Error('no Bridge provided to the app');
  return bridge;
}
