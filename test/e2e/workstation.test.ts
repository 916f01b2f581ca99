// Issue 8's scenario in real Chromium through `probedesk serve`: connect to the simulated nRF52840,
// see it run, halt with the reason and PC, step, read registers and the FICR part number in the
// Console, reset and disconnect. The host keeps the simulated board in a temporary state directory.
import { mkdirSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, type Chromium } from './support/chromium';
import { demoSymbols } from '../session/support/sim-session';
import { startServe, type ServeProcess } from './support/serve-process';

const SHOTS = 'test-results/e2e';
const UI_WAIT = { timeout: 20_000 };
const HALTED = /^Halted: (debug request|step) @ 0x([0-9a-f]{8})$/;

describe.skipIf(!chromiumAvailable())('workstation on sim:nrf52840 in Chromium via the browser host', () => {
  let serve: ServeProcess;
  let browser: Chromium;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    serve = await startServe();
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(serve.url, { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  const badge = async () => ((await page.getByTestId('core-state').textContent()) ?? '').trim();
  const connection = async () => ((await page.getByTestId('status-connection').textContent()) ?? '').trim();
  const consoleText = async () => (await page.getByTestId('console-output').textContent()) ?? '';

  async function run(line: string): Promise<void> {
    const input = page.getByTestId('console-input');
    await input.fill(line);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('console-running').count(), UI_WAIT).toBe(0);
  }

  it('connects to the simulated nRF52840 and shows it running', async () => {
    await expect.poll(() => page.getByTestId('probe-picker').inputValue(), UI_WAIT).toBe('sim:nrf52840');
    expect(await page.getByTestId('preset-picker').isVisible()).toBe(true);
    expect(await page.getByTestId('connect-mode').inputValue()).toBe('attach');
    await page.getByTestId('connect').click();
    await expect.poll(connection, UI_WAIT).toBe('Connected · sim:nrf52840 · nrf52840');
    // The demo firmware waits in WFI between ticks, so the running core shows as sleeping too.
    await expect.poll(badge, UI_WAIT).toMatch(/^Running/);
    expect((await page.getByTestId('connect').textContent())?.trim()).toBe('Disconnect');
    expect(await page.getByTestId('core-halt').isEnabled()).toBe(true);
    expect(await page.getByTestId('core-step').isDisabled()).toBe(true);
    expect(await page.getByTestId('connection-chip').innerText()).toMatch(/^sim:nrf52840\s*·\s*nrf52840$/);
    expect(await page.getByTestId('probe-picker').count()).toBe(0);
    expect(await page.getByTestId('empty-title').textContent()).toBe('This view is not in this version yet');
    await page.screenshot({ path: `${SHOTS}/workstation-connected-running.png` });
  });

  it('halts with the reason and the PC, then steps to the next instruction', async () => {
    await page.getByTestId('core-halt').click();
    await expect.poll(badge, UI_WAIT).toMatch(/^Halted: debug request @ 0x[0-9a-f]{8}$/);
    const haltedPc = HALTED.exec(await badge())![2];
    expect(await page.getByTestId('core-run').isEnabled()).toBe(true);
    expect(await page.getByTestId('core-halt').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/workstation-halted.png` });

    await page.getByTestId('core-step').click();
    await expect.poll(badge, UI_WAIT).toMatch(/^Halted: step @ 0x[0-9a-f]{8}$/);
    expect(HALTED.exec(await badge())![2]).not.toBe(haltedPc);
  });

  it('runs reg and read32 0x10000100 in the Console and shows the FICR part number', async () => {
    const pc = HALTED.exec(await badge())![2]!;
    await page.getByTestId('nav-console').click();
    await run('reg');
    await expect.poll(consoleText, UI_WAIT).toMatch(new RegExp(`pc[^]*${pc}`, 'i'));
    await run('read32 0x10000100');
    await expect.poll(consoleText, UI_WAIT).toMatch(/10000100:\s+00052840/);
    await run('read32 nowhere');
    const error = page.locator('[data-kind="error"]').last();
    await expect.poll(() => error.textContent(), UI_WAIT).toMatch(/^error:read32: /);
    await page.getByTestId('console-input').fill('');
    await page.getByTestId('console-input').press('ArrowUp');
    expect(await page.getByTestId('console-input').inputValue()).toBe('read32 nowhere');
    await page.getByTestId('console-input').fill('');
    await page.getByTestId('console-output').evaluate((el) => el.scrollTo(0, 0));
    await run('read32 0x10000100');
    await expect.poll(() => page.getByTestId('console-output').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight), UI_WAIT).toBeLessThan(2);
    await page.screenshot({ path: `${SHOTS}/workstation-console.png` });
  });

  it('resets the target to running and disconnects', async () => {
    await page.getByTestId('core-reset').click();
    await expect.poll(badge, UI_WAIT).toMatch(/^Running/);
    await page.getByTestId('core-reset-halt').click();
    const resetHandler = demoSymbols('nrf52840/build/demo.elf').get('Reset_Handler')!;
    await expect.poll(badge, UI_WAIT).toMatch(new RegExp(`^Halted: .* @ 0x${resetHandler.toString(16).padStart(8, '0')}$`));
    await page.getByTestId('connect').click();
    await expect.poll(connection, UI_WAIT).toBe('No target connected');
    expect(await badge()).toBe('Disconnected');
    expect(await page.getByTestId('probe-picker').isEnabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/workstation-disconnected.png` });
    expect(readdirSync(serve.simStateDir).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
