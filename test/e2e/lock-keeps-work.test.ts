/**
 * The promise of the lock overlay: whether the vault locks from the Lock button, from the idle
 * timer in the service host (seen by the status poll), or under an action that then fails with
 * `locked`, every half-typed form is exactly as it was after unlocking, and nothing typed was
 * written to browser storage. A different member unlocking gets a fresh app, not someone's drafts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../fixtures/vault';
import { type AppBrowser, expectAccessible, openApp, screenshot, waitForMatch, waitForText } from './browser';
import { createVaultDirectly, lockFromHeader, lockOverlay, unlockWith } from './flows';
import { type Host, startHost } from './host';

const STATUS_POLL_MS = 10_000;
const ACTIVITY_THROTTLE_MS = 30_000;

describe('locking never loses typed work', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Sam Okafor', role: 'case_manager', passphrase: PASSPHRASE });
    // The fake clock lets the test move time forward to the next status poll instead of waiting.
    app = await openApp(host, { beforeLoad: (context) => context.clock.install() });
    page = app.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const draft = {
    name: () => page.getByLabel('Name', { exact: true }),
    role: () => page.getByLabel('Role', { exact: true }),
    passphrase: () => page.getByLabel('Their passphrase', { exact: true }),
    minutes: () => page.getByRole('textbox', { name: /Lock after this many minutes/ }),
  };

  async function expectDraftIntact(): Promise<void> {
    expect(await draft.name().inputValue()).toBe('Jordan Lee, school counsel');
    expect(await draft.role().inputValue()).toBe('counselor');
    expect(await draft.passphrase().inputValue()).toBe('half a passphrase');
    expect(await draft.minutes().inputValue()).toBe('25');
  }

  test('a half-typed form survives the Lock button', async () => {
    await draft.name().fill('Jordan Lee, school counsel');
    await draft.role().selectOption('counselor');
    await draft.passphrase().fill('half a passphrase');
    await draft.minutes().fill('25');

    await lockFromHeader(page);
    // Underneath, the app is still there but out of reach: inert, and Tab never leaves the lock dialog.
    expect(await page.locator('.frame').getAttribute('inert')).not.toBeNull();
    for (let press = 0; press < 6; press += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate("document.activeElement?.closest('[role=dialog]')?.getAttribute('aria-label')")).toBe(
        'Peerpath is locked',
      );
    }
    await screenshot(page, '10-lock-overlay', 'viewport');
    await expectAccessible(page);

    await unlockWith(page, PASSPHRASE);
    await lockOverlay(page).waitFor({ state: 'detached' });
    await expectDraftIntact();
  });

  test('the idle auto-lock in the service host covers the app at the next status poll', async () => {
    await host.peerpath.lock('idle');
    await page.clock.runFor(STATUS_POLL_MS + 500);
    await lockOverlay(page).waitFor();
    await unlockWith(page, PASSPHRASE);
    await lockOverlay(page).waitFor({ state: 'detached' });
    await expectDraftIntact();
  });

  test('an action refused with "locked" brings up the overlay at once and keeps the draft', async () => {
    await host.peerpath.lock('idle');
    await page.getByRole('button', { name: 'Save auto-lock' }).click();
    await lockOverlay(page).waitFor();
    await unlockWith(page, PASSPHRASE);
    await lockOverlay(page).waitFor({ state: 'detached' });
    await expectDraftIntact();
    // The refused save says why it did not happen; saving again now works.
    await waitForText(page.getByRole('region', { name: 'Auto-lock' }).getByRole('alert'), /locked before this was done/);
    await page.getByRole('button', { name: 'Save auto-lock' }).click();
    await waitForText(page.getByRole('region', { name: 'Auto-lock' }).getByRole('status').last(), /Saved/);
    const saved = await host.peerpath.dispatch('settings.get', {});
    expect(saved).toEqual({ ok: true, value: { autoLockMinutes: 25 } });
  });

  test('nothing typed is kept in browser storage', async () => {
    const stored = await page.evaluate('localStorage.length + sessionStorage.length');
    expect(stored).toBe(0);
  });

  test('typing tells the main process someone is there, at most once per 30 s', async () => {
    const activityCalls = async () => String(host.calls.filter((channel) => channel === 'vault.activity').length);
    await page.clock.runFor(ACTIVITY_THROTTLE_MS);
    const before = Number(await activityCalls());
    await draft.name().press('End');
    await draft.name().pressSequentially('or');
    await waitForMatch(activityCalls, new RegExp(`^${before + 1}$`));
    await page.clock.runFor(ACTIVITY_THROTTLE_MS);
    await draft.name().press('Backspace');
    await draft.name().press('Backspace');
    await waitForMatch(activityCalls, new RegExp(`^${before + 2}$`));
    // Four keys, two periods of 30 s: two calls, and no late third one.
    await new Promise((settle) => setTimeout(settle, 200));
    expect(await activityCalls()).toBe(String(before + 2));
  });

  test("a different member unlocking gets a fresh app, not the previous member's draft", async () => {
    const added = await host.peerpath.dispatch('vault.addMember', {
      name: 'Riley Chen',
      role: 'administrator',
      passphrase: OTHER_PASSPHRASE,
    });
    expect(added.ok).toBe(true);
    await lockFromHeader(page);
    await unlockWith(page, OTHER_PASSPHRASE);
    await waitForText(page.getByRole('banner'), /Signed in as Riley Chen/);
    expect(await draft.name().inputValue()).toBe('');
    expect(app.problems).toEqual([]);
  });
});
