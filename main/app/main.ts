// Electron main-process entry (runtime: Electron's Node; bundled to out/main/index.js).
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { createLogger } from '../../shared/log/logger';
import { createHostRouter } from '../host/host-router';
import { registerIpcAdapter } from '../host/ipc-adapter';
import { outDir } from '../host/project-paths';
import { hardenSession } from './harden';
import { createMainWindow, pageUrl, type AppFiles } from './main-window';

const log = createLogger('app');
const files: AppFiles = { pageFile: join(outDir, 'renderer', 'index.html'), preloadFile: join(outDir, 'preload', 'index.cjs') };

app.enableSandbox();

async function startApp(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  const { router, sessions } = createHostRouter('electron');
  const windows = new Set<number>();
  const adapter = registerIpcAdapter(router, ipcMain, () => ({ pageUrl: pageUrl(files), webContentsIds: windows }));

  const open = async () => {
    const window = createMainWindow(files);
    const id = window.webContents.id;
    windows.add(id);
    window.webContents.once('destroyed', () => {
      windows.delete(id);
      adapter.closePeer(id);
    });
    await window.loadFile(files.pageFile);
  };

  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void open();
  });
  // Quit only after the UI's session is closed, so its probe is released and the target resumed per resume_on_disconnect.
  let sessionsClosed = false;
  app.on('before-quit', (event) => {
    if (sessionsClosed) return;
    event.preventDefault();
    void sessions.dispose().finally(() => {
      sessionsClosed = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  await open();
  log.info(`ProbeDesk ${app.getVersion()} started`);
}

// One instance owns the probes; a second launch focuses the first window and quits.
if (app.requestSingleInstanceLock()) {
  startApp().catch((error: unknown) => {
    log.error(`startup failed: ${String(error)}`);
    app.exit(1);
  });
} else {
  app.quit();
}
