/**
 * Settings lists the backups made before the vault's key was rotated (they still open with the
 * passphrases of their day) and deletes one, from the keyboard, after a confirmation; backups made
 * since are not offered. The backups and the rotation's audit event are written in this process
 * while the host has the vault locked.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KEY_ROTATED } from '../../src-main/services/backups';
import { change } from '../../src-main/services/context';
import { createVaultSession } from '../../src-main/services/vault-session';
import { PASSPHRASE, tempDir } from '../fixtures/vault';
import { type AppBrowser, expectAccessible, expectGone, openApp, waitForText } from './browser';
import { createVaultDirectly } from './flows';
import { type Host, startHost } from './host';

describe('backups made before a key rotation', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  const folder = tempDir();
  const before = join(folder, 'before-rotation.ppbak');
  const after = join(folder, 'after-rotation.ppbak');

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    await host.peerpath.lock('user');
    let now = Date.now();
    const here = createVaultSession({ dir: host.vaultDir, now: () => now });
    await here.unlock(PASSPHRASE);
    here.backup(before);
    now += 60_000;
    change(here.context(), () => ({ result: null, record: { action: KEY_ROTATED, entity: 'vault', entityId: 'vault' } }));
    now += 60_000;
    here.backup(after);
    here.lock('user');
    expect(await host.peerpath.dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  test('lists only the backup made before the rotation, and deletes it from the keyboard after asking', async () => {
    const section = page.getByRole('region', { name: 'Backups made before a key rotation' });
    await section.getByText(before).waitFor();
    expect(await section.getByText(after).count()).toBe(0);
    await expectAccessible(page);

    const remove = section.getByRole('button', { name: /^Delete the backup made / });
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Delete this backup?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitForText(section.getByRole('status').filter({ hasText: 'deleted' }), /The backup was deleted/);
    await expectGone(section.getByText(before));
    expect(existsSync(before)).toBe(false);
    expect(existsSync(after)).toBe(true);
    expect(app.problems).toEqual([]);
  });
});
