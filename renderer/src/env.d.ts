/// <reference types="vite/client" />
import type { PreloadApi } from '../../shared/bridge/preload-api';

declare global {
  interface Window {
    /** Present only in the Electron window, put there by the preload. */
    readonly probedesk?: PreloadApi;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
