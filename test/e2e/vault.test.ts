/**
 * A vault's life through the real UI: first run, create (with its recovery key), lock, a wrong
 * passphrase, the rate limit, unlock, and recovery with the printed key followed by a new passphrase.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../fixtures/vault';
import {
  type AppBrowser,
  descriptionOf,
  expectAccessible,
  expectGone,
  openApp,
  screenshot,
  textOf,
  waitForMatch,
  waitForText,
} from './browser';
import { lockFromHeader, lockOverlay, unlockWith } from './flows';
import { type Host, startHost } from './host';

const RECOVERY_KEY_SHAPE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/;

describe('a vault from first run to recovery', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let recoveryKey = '';

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  test('first run offers a real vault or demo data', async () => {
    await page.getByRole('heading', { name: 'Welcome to Peerpath' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create a vault' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Try with demo data' }).isVisible()).toBe(true);
    await screenshot(page, '01-first-run');
    await expectAccessible(page);
  });

  test('the passphrase hint refuses a common password as it is typed', async () => {
    await page.getByRole('button', { name: 'Create a vault' }).click();
    await page.getByLabel('Your name').fill('Alex Rivera');
    await page.getByLabel('Your role').selectOption({ label: 'Case manager' });
    const passphrase = page.getByLabel('Passphrase', { exact: true });
    await passphrase.fill('password1234');
    await waitForMatch(() => descriptionOf(passphrase), /one of the passwords people use most/);
    await screenshot(page, '02-create-vault-weak');
    await expectAccessible(page);
  });

  test('creating the vault shows its recovery key once, printable on its own', async () => {
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
    await waitForMatch(() => descriptionOf(page.getByLabel('Passphrase', { exact: true })), /Strength: (Strong|Very strong)/);
    await page.getByRole('button', { name: 'Create the vault' }).click();

    const key = page.getByRole('figure', { name: 'Recovery key' }).getByRole('code');
    recoveryKey = await textOf(key);
    expect(recoveryKey).toMatch(RECOVERY_KEY_SHAPE);
    const continueButton = page.getByRole('button', { name: 'Continue' });
    expect(await continueButton.isDisabled()).toBe(true);

    // Headless Chromium has no print dialog; record the call instead.
    await page.evaluate("window.print = () => document.body.setAttribute('data-printed', 'yes')");
    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
    await screenshot(page, '03-recovery-key');
    await expectAccessible(page);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '04-recovery-key-print');
    await page.emulateMedia({ media: 'screen' });

    await page.getByLabel('I have printed or stored this key').check();
    await continueButton.click();
    await waitForText(page.getByRole('banner'), /Signed in as Alex Rivera/);
  });

  test('the app frame has landmarks, sections, and an empty students list that says what to do', async () => {
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const section of ['Students', 'Mentors', 'Reports', 'Settings']) {
      expect(await nav.getByRole('link', { name: section }).isVisible()).toBe(true);
    }
    await page.getByRole('main').getByRole('heading', { name: 'Students' }).waitFor();
    await waitForText(page.getByRole('main'), /No students yet\. Add the first one/);
    await screenshot(page, '05-app-students');
    await expectAccessible(page);
  });

  test('a wrong passphrase is said plainly, in an alert tied to the field', async () => {
    await lockFromHeader(page);
    await unlockWith(page, 'not the right passphrase');
    const alert = lockOverlay(page).getByRole('alert');
    await waitForText(alert, /passphrase is not right/);
    const field = page.getByLabel('Passphrase', { exact: true });
    expect(await descriptionOf(field)).toMatch(/passphrase is not right/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '06-unlock-wrong-passphrase');
    await expectAccessible(page);
  });

  test('repeated mistakes make the unlock button count down before the next try', async () => {
    await unlockWith(page, 'still not the right one');
    const button = lockOverlay(page).getByRole('button', { name: /Try again in \d+ s/ });
    await button.waitFor();
    expect(await button.isDisabled()).toBe(true);
    await lockOverlay(page).getByRole('button', { name: 'Unlock', exact: true }).waitFor({ timeout: 5_000 });
    await unlockWith(page, PASSPHRASE);
    await lockOverlay(page).waitFor({ state: 'detached' });
    await waitForText(page.getByRole('banner'), /Signed in as Alex Rivera/);
  });

  test('after a restart the unlock screen fills the page', async () => {
    await lockFromHeader(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Peerpath is locked' }).waitFor();
    await expectGone(lockOverlay(page));
    await screenshot(page, '07-unlock-page');
    await expectAccessible(page);
  });

  test('the recovery key opens the vault, then a new passphrase is required first', async () => {
    await page.getByRole('button', { name: 'Use the recovery key instead' }).click();
    // Typed the way people copy from paper: lower case, spaces instead of dashes.
    await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
    await screenshot(page, '08-recovery-key-unlock');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Unlock with the recovery key' }).click();

    await page.getByRole('heading', { name: 'Set a new passphrase' }).waitFor();
    await expectGone(page.getByRole('navigation'));
    await page.getByLabel('Team member', { exact: true }).selectOption({ label: 'Alex Rivera · Case manager' });
    await page.getByLabel('New passphrase', { exact: true }).fill(OTHER_PASSPHRASE);
    await page.getByLabel('Type the passphrase again').fill(OTHER_PASSPHRASE);
    await waitForMatch(() => descriptionOf(page.getByLabel('New passphrase', { exact: true })), /Strength: (Strong|Very strong)/);
    await screenshot(page, '09-set-passphrase-after-recovery');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save the new passphrase' }).click();
    await waitForText(page.getByRole('banner'), /Signed in as Alex Rivera/);
  });

  test('the new passphrase opens the vault and the old one no longer does', async () => {
    await lockFromHeader(page);
    await unlockWith(page, PASSPHRASE);
    await waitForText(lockOverlay(page).getByRole('alert'), /passphrase is not right/);
    await unlockWith(page, OTHER_PASSPHRASE);
    await lockOverlay(page).waitFor({ state: 'detached' });
    expect(app.problems).toEqual([]);
  });
});
