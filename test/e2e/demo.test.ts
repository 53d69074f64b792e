/**
 * "Try with demo data": the demo vault opens at once, says its passphrase (synthetic data only),
 * and the app says plainly that these are not real students.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppBrowser, expectAccessible, openApp, screenshot, textOf, waitForText } from './browser';
import { type Host, startHost } from './host';

describe('demo data', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  test('the demo opens with its passphrase shown, then the app marked as demo', async () => {
    await page.getByRole('button', { name: 'Try with demo data' }).click();
    await page.getByRole('heading', { name: 'The demo vault is ready' }).waitFor();
    expect(await textOf(page.getByRole('figure', { name: 'Demo passphrase' }))).toBe('try peerpath with demo data');
    await screenshot(page, '11-demo-ready');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForText(page.getByRole('banner'), /Demo data: these are not real students\..*Signed in as Demo Case Manager/);
    await screenshot(page, '12-demo-app');
    await expectAccessible(page);
    const real = await host.peerpath.dispatch('vault.status', {});
    expect(real).toMatchObject({ ok: true, value: { state: 'unlocked', isDemo: true } });
  });

  test('a locked demo reopens with its passphrase, and can be left for the first screen', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
    const dialog = page.getByRole('dialog', { name: 'Peerpath is locked' });
    await dialog.waitFor();
    expect(await textOf(dialog)).toContain('Its passphrase is: try peerpath with demo data');
    await expectAccessible(page);
    await dialog.getByLabel('Passphrase').fill('try peerpath with demo data');
    await dialog.getByRole('button', { name: 'Unlock', exact: true }).click();
    await waitForText(page.getByRole('banner'), /Demo data: these are not real students\./);

    await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('dialog', { name: 'Peerpath is locked' }).getByRole('button', { name: 'Leave the demo' }).click();
    await page.getByRole('heading', { name: 'Welcome to Peerpath' }).waitFor();
    expect(await host.peerpath.dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'absent', isDemo: false } });
    expect(app.problems).toEqual([]);
  });
});
