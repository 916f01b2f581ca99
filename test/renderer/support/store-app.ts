// A Vue app with Pinia and a Bridge straight into a host router (in-memory transport), so store
// tests drive the real services.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import type { Router } from '../../../main/host/router';
import { bridgeKey } from '../../../renderer/src/bridge/bridge-key';
import { probeDeskApi, type ProbeDeskApi } from '../../../shared/api/probedesk-api';
import { createBridge } from '../../../shared/bridge/create-bridge';
import { createInMemoryTransport } from '../../host/support/in-memory-transport';

export function storeApp(router: Router<ProbeDeskApi>) {
  const app = createApp({});
  app.provide(bridgeKey, createBridge(probeDeskApi, createInMemoryTransport(router)));
  app.use(createPinia());
  return <T>(use: () => T): T => app.runWithContext(use);
}
