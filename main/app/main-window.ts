// The workstation window: our page from out/renderer, with the contract API from out/preload.
import { BrowserWindow } from 'electron';
import { pathToFileURL } from 'node:url';
import { hardenWebContents } from './harden';
import { windowSecurityPreferences } from './security-policy';

export interface AppFiles {
  readonly pageFile: string;
  readonly preloadFile: string;
}

export function pageUrl(files: AppFiles): string {
  return pathToFileURL(files.pageFile).href;
}

/** Creates the window without loading the page, so the caller can trust it before the page's first call. */
export function createMainWindow(files: AppFiles): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'ProbeDesk',
    show: false,
    backgroundColor: '#eef1f5',
    webPreferences: windowSecurityPreferences(files.preloadFile),
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  return window;
}
