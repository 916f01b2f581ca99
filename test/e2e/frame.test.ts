// The workstation frame in real Chromium against the browser host started by `probedesk serve`.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import packageJson from '../../package.json';
import { chromiumAvailable, launchChromium, type Chromium } from './support/chromium';
import { startServe, type ServeProcess } from './support/serve-process';

const SHOTS = 'test-results/e2e';

describe.skipIf(!chromiumAvailable())('workstation frame in Chromium via the browser host', () => {
  let serve: ServeProcess;
  let browser: Chromium;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    serve = await startServe();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  async function openPage(url: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await browser.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(url, { timeout: 30_000 });
    return page;
  }

  it('renders the frame with live status from the host at 1280×800', async () => {
    const page = await openPage(serve.url);
    const status = page.getByTestId('status-version');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe(`ProbeDesk ${packageJson.version}`);
    expect(await page.getByTestId('status-host').textContent()).toBe('Browser host');
    expect(await page.getByTestId('status-link').textContent()).toBe('Host: linked');
    expect((await page.getByTestId('status-connection').textContent())?.trim()).toBe('No target connected');
    expect((await page.getByTestId('core-state').textContent())?.trim()).toBe('Disconnected');
    for (const view of ['flash', 'memory', 'registers', 'memory-map', 'console', 'scripts', 'log']) {
      expect(await page.getByTestId(`nav-${view}`).isVisible()).toBe(true);
    }
    await expect.poll(() => page.getByTestId('probe-picker').inputValue(), { timeout: 15_000 }).toBe('sim:nrf52840');
    expect(await page.getByTestId('connect').isEnabled()).toBe(true);
    expect(await page.getByTestId('core-halt').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/frame-1280x800.png` });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the host log, history included, in the Log view at 1920×1080', async () => {
    const page = await openPage(serve.url, { width: 1920, height: 1080 });
    await page.getByTestId('nav-log').click();
    const table = page.getByTestId('log-table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('browser host listening on 127.0.0.1');
    expect(await page.getByTestId('view-log').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/log-1920x1080.png` });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs no inline script: the Content-Security-Policy is in force', async () => {
    const page = await openPage(serve.url);
    await expect.poll(() => page.getByTestId('status-host').textContent(), { timeout: 15_000 }).toBe('Browser host');
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return w.injected === true;
    });
    expect(ran).toBe(false);
    expect(problems.some((p) => p.includes('Content Security Policy'))).toBe(true);
    problems.length = 0;
    await page.close();
  });

  it('shows a refused link, and no status, when the page URL carries a wrong token', async () => {
    const page = await openPage(serve.url.replace(/token=[\w-]+/, 'token=wrong'));
    await expect.poll(() => page.getByTestId('status-link').textContent(), { timeout: 15_000 }).toBe('Host: link lost');
    expect((await page.getByTestId('status-connection').textContent())?.trim()).toMatch(/^No link to the ProbeDesk host: reopen the address it printed/);
    expect(await page.getByTestId('status-version').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/wrong-token.png` });
    await page.close();
  });
});
