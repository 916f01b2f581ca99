import { describe, expect, it } from 'vitest';
import { navigationAllowed, permissionGranted, windowOpenDecision, windowSecurityPreferences } from '../../main/app/security-policy';

describe('window security policy', () => {
  it('isolates and sandboxes the renderer with no Node integration anywhere', () => {
    expect(windowSecurityPreferences('/app/out/preload/index.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it.each(['usb', 'hid', 'serial', 'media', 'notifications', 'clipboard-read', 'geolocation'])('denies the %s permission', (permission) => {
    expect(permissionGranted(permission)).toBe(false);
  });

  it('denies every navigation and window.open', () => {
    expect(navigationAllowed('https://example.com/')).toBe(false);
    expect(navigationAllowed('file:///etc/passwd')).toBe(false);
    expect(windowOpenDecision).toEqual({ action: 'deny' });
  });
});
