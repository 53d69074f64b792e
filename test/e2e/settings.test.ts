/**
 * Settings through the real UI: auto-lock minutes, the team's access (add, and remove after a
 * confirmation), changing my passphrase, and replacing the recovery key (shown once).
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
import { createVaultDirectly, lockFromHeader, lockOverlay, unlockWith } from './flows';
import { type Host, startHost } from './host';

const COLLEAGUE_PASSPHRASE = 'walnut ferry saffron glacier';

describe('settings', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const region = (name: string) => page.getByRole('region', { name });

  test('the settings page reads well and passes axe', async () => {
    await region('Team members').getByText('Morgan Diaz').waitFor();
    await screenshot(page, '13-settings');
    await expectAccessible(page);
  });

  test('auto-lock minutes are saved into the vault', async () => {
    await region('Auto-lock')
      .getByRole('textbox', { name: /Lock after/ })
      .fill('15');
    await region('Auto-lock').getByRole('button', { name: 'Save auto-lock' }).click();
    await waitForText(region('Auto-lock').getByRole('status').last(), /Saved/);
    expect(await host.peerpath.dispatch('vault.status', {})).toMatchObject({ ok: true, value: { autoLockMinutes: 15 } });
  });

  test('a weak passphrase for a new member is refused before anything is sent', async () => {
    const team = region('Team members');
    await team.getByLabel('Name', { exact: true }).fill('Jamie Park');
    await team.getByLabel('Role', { exact: true }).selectOption({ label: 'Paraprofessional' });
    const passphrase = team.getByLabel('Their passphrase', { exact: true });
    await passphrase.fill('short');
    await waitForMatch(() => descriptionOf(passphrase), /at least 12 characters/i);
    await team.getByLabel('Type the passphrase again').fill('short');
    await team.getByRole('button', { name: 'Add team member' }).click();
    await waitForMatch(() => descriptionOf(passphrase), /meets the rules above/);
    expect(host.calls).not.toContain('vault.addMember');
  });

  test('a team member is added with their own passphrase', async () => {
    const team = region('Team members');
    await team.getByLabel('Their passphrase', { exact: true }).fill(COLLEAGUE_PASSPHRASE);
    await team.getByLabel('Type the passphrase again').fill(COLLEAGUE_PASSPHRASE);
    await waitForMatch(() => descriptionOf(team.getByLabel('Their passphrase', { exact: true })), /Strength: (Strong|Very strong)/);
    await team.getByRole('button', { name: 'Add team member' }).click();
    await waitForText(team.getByRole('listitem').filter({ hasText: 'Jamie Park' }), /Paraprofessional/);
    expect(await team.getByLabel('Name', { exact: true }).inputValue()).toBe('');
  });

  test('removing a member asks first, and Cancel keeps them', async () => {
    const team = region('Team members');
    await expectGone(team.getByRole('button', { name: 'Remove Morgan Diaz' }));
    await team.getByRole('button', { name: 'Remove Jamie Park' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove Jamie Park?' });
    await dialog.waitFor();
    await screenshot(page, '14-remove-member-dialog', 'viewport');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await team.getByRole('listitem').filter({ hasText: 'Jamie Park' }).count()).toBe(1);

    await team.getByRole('button', { name: 'Remove Jamie Park' }).click();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await waitForText(team.getByRole('status').filter({ hasText: 'removed' }), /Jamie Park was removed/);
    await expectGone(team.getByRole('listitem').filter({ hasText: 'Jamie Park' }));
  });

  test('changing my passphrase checks the current one first', async () => {
    const section = region('Change my passphrase');
    const current = section.getByLabel('Current passphrase');
    await current.fill('not my passphrase at all');
    await section.getByLabel('New passphrase', { exact: true }).fill(OTHER_PASSPHRASE);
    await section.getByLabel('Type the passphrase again').fill(OTHER_PASSPHRASE);
    await section.getByRole('button', { name: 'Change passphrase' }).click();
    await waitForMatch(() => descriptionOf(current), /passphrase is not right/);

    await current.fill(PASSPHRASE);
    await section.getByRole('button', { name: 'Change passphrase' }).click();
    await waitForText(section.getByRole('status').last(), /Use the new one from now on/);
    await lockFromHeader(page);
    await unlockWith(page, OTHER_PASSPHRASE);
    await lockOverlay(page).waitFor({ state: 'detached' });
  });

  test('a new recovery key is shown once, after a confirmation', async () => {
    await region('Recovery key').getByRole('button', { name: 'Make a new recovery key' }).click();
    await page.getByRole('alertdialog', { name: 'Make a new recovery key?' }).getByRole('button', { name: 'Make the new key' }).click();
    const sheet = page.getByRole('dialog', { name: 'Your new recovery key' });
    const key = await textOf(sheet.getByRole('figure', { name: 'Recovery key' }).getByRole('code'));
    expect(key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    await screenshot(page, '15-new-recovery-key', 'viewport');
    await expectAccessible(page);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '16-new-recovery-key-print', 'viewport');
    await page.emulateMedia({ media: 'screen' });
    await sheet.getByLabel('I have printed or stored this key').check();
    await sheet.getByRole('button', { name: 'Done' }).click();
    await sheet.waitFor({ state: 'detached' });

    // The key on screen is the one that now opens the vault.
    await lockFromHeader(page);
    await page.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await page.getByRole('textbox', { name: 'Recovery key' }).fill(key);
    await page.getByRole('button', { name: 'Unlock with the recovery key' }).click();
    await page.getByRole('heading', { name: 'Set a new passphrase' }).waitFor();
    expect(app.problems).toEqual([]);
  });
});
