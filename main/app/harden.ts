// Applies the security policy to Electron's session and web contents.
import type { Session, WebContents } from 'electron';
import { createLogger } from '../../shared/log/logger';
import { navigationAllowed, permissionGranted, windowOpenDecision } from './security-policy';

const log = createLogger('app.security');

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`denied permission request: ${permission}`);
    callback(permissionGranted(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => permissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  // Device pickers (WebHID, Web Serial, WebUSB) are refused outright: main owns the probes.
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(url)) {
      event.preventDefault();
      log.warn(`blocked navigation to ${url}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`blocked window.open(${url})`);
    return windowOpenDecision;
  });
}
