// Debian's Chromium under playwright-core (never a downloaded browser), with a fresh profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { requireTool } from '../../support/require-tool';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** True when chromium is installed; under CI=true a missing chromium throws (a failure, not a skip). */
export function chromiumAvailable(): boolean {
  return requireTool('chromium', 'chromium');
}

export interface Chromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'probedesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
