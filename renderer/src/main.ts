// Renderer entry (runtime: Chromium). Picks the bridge, provides it, starts the live stores.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { z } from 'zod';
import App from './App.vue';
import { bridgeKey } from './bridge/bridge-key';
import { connectBridge } from './bridge/connect-bridge';
import { useLogStore } from './stores/log';
import { useStatusStore } from './stores/status';
import { useTargetStore } from './stores/target';
import './styles.css';

// zod would probe `new Function` for its fast path; the CSP forbids eval, so ask it not to try.
z.config({ jitless: true });

const app = createApp(App);
app.provide(bridgeKey, connectBridge());
app.use(createPinia());

// Stores are created inside the app's context so they can inject the bridge.
app.runWithContext(() => {
  useLogStore().follow();
  useTargetStore().follow();
  void useStatusStore().load();
});
app.mount('#app');
