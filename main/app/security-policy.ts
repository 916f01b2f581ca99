// The window's security settings and decisions (Electron security checklist,
// https://www.electronjs.org/docs/latest/tutorial/security). Plain data and functions, so they are
// tested without Electron: the renderer is sandboxed and isolated, never navigates, opens no windows
// and is granted no permission — devices belong to the main process.

export interface WindowSecurityPreferences {
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly nodeIntegrationInWorker: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly spellcheck: false;
  readonly preload: string;
}

export function windowSecurityPreferences(preloadPath: string): WindowSecurityPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    preload: preloadPath,
  };
}

/** USB, HID, serial, media, notifications, clipboard…: none. The renderer only shows and asks. */
export function permissionGranted(_permission: string): false {
  return false;
}

/** The page never leaves itself; a different document would be a different, untrusted page. */
export function navigationAllowed(_targetUrl: string): false {
  return false;
}

export const windowOpenDecision = { action: 'deny' } as const;
