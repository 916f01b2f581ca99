// The version shown in the status bar and by `probedesk --version`: package.json's.
import packageJson from '../../package.json';

export const appVersion: string = packageJson.version;
