// The preload (runtime: Electron's sandboxed preload, CommonJS, bundled into one file): exposes the
// contract-built API as `window.probedesk`, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { probeDeskApi } from '../shared/api/probedesk-api';
import { buildPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld('probedesk', buildPreloadApi(probeDeskApi, ipcRenderer));
