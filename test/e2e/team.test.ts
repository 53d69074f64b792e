/**
 * The team section through the real UI: staff with roles (the vault's own member first), adding,
 * a refused save that keeps what was typed, editing, archiving after a confirmation; then the audit
 * trail listing those events with field names only, filtered, paged, and checked intact.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PASSPHRASE } from '../fixtures/vault';
import { type AppBrowser, expectAccessible, expectGone, openApp, screenshot, textOf, waitForMatch, waitForText } from './browser';
import { createVaultDirectly } from './flows';
import { type Host, startHost } from './host';

describe('team and audit trail', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const staffPanel = () => page.getByRole('region', { name: 'Staff' });
  const addForm = () => staffPanel().getByRole('form', { name: 'Add a staff member' });

  test('the vault member is listed with their role and vault access', async () => {
    await waitForText(staffPanel().getByRole('listitem').filter({ hasText: 'Morgan Diaz' }), /Can open the vault.*Case manager/);
    await expectGone(staffPanel().getByRole('button', { name: 'Archive Morgan Diaz' }));
  });

  test('a staff member is added; a refused save keeps what was typed and says why', async () => {
    await addForm().getByLabel('Name').fill('Priya Raman');
    await addForm().getByLabel('Role').selectOption({ label: 'Special education teacher' });
    await addForm().getByLabel('Email (optional)').fill('praman@lincoln.example.org');
    await addForm().getByLabel('Staff ID (optional)').fill('T-400');
    await addForm().getByRole('button', { name: 'Add staff member' }).click();
    await waitForText(
      staffPanel().getByRole('listitem').filter({ hasText: 'Priya Raman' }),
      /Special education teacher.*praman@.*Staff ID T-400/,
    );
    expect(await addForm().getByLabel('Name').inputValue()).toBe('');

    await addForm().getByLabel('Name').fill('Sam Lee');
    await addForm().getByLabel('Staff ID (optional)').fill('T-400');
    await addForm().getByRole('button', { name: 'Add staff member' }).click();
    await waitForText(addForm().getByRole('alert'), /A staff member already has that staff id\./);
    expect(await addForm().getByLabel('Name').inputValue()).toBe('Sam Lee');
    expect(await addForm().getByLabel('Staff ID (optional)').getAttribute('aria-describedby')).toContain(
      await addForm().getByRole('alert').getAttribute('id'),
    );
    await screenshot(page, 'team-01-staff-refused');
    await expectAccessible(page);
    await addForm().getByLabel('Staff ID (optional)').fill('T-401');
    await addForm().getByRole('button', { name: 'Add staff member' }).click();
    await waitForText(staffPanel().getByRole('status').filter({ hasText: 'added' }), /Sam Lee was added\./);
  });

  test('a staff member is edited in place, and archived after a confirmation', async () => {
    await staffPanel().getByRole('button', { name: 'Edit Sam Lee' }).click();
    const edit = staffPanel().getByRole('form', { name: 'Edit Sam Lee' });
    await edit.getByLabel('Role').selectOption({ label: 'Counselor' });
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await waitForText(staffPanel().getByRole('listitem').filter({ hasText: 'Sam Lee' }), /Counselor/);
    await waitForMatch(async () => String(await page.evaluate('document.activeElement?.textContent')), /^Edit Sam Lee$/);

    await staffPanel().getByRole('button', { name: 'Archive Sam Lee' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Archive Sam Lee?' });
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    await waitForText(staffPanel().getByRole('status').filter({ hasText: 'archived' }), /Sam Lee was archived\./);
    await expectGone(staffPanel().getByRole('listitem').filter({ hasText: 'Sam Lee' }));
    await staffPanel().getByLabel('Include archived staff').check();
    await waitForText(staffPanel().getByRole('listitem').filter({ hasText: 'Sam Lee' }), /Archived/);
    await screenshot(page, 'team-02-staff');
    await expectAccessible(page);
  });

  test('the audit trail lists who did what, with field names and never values, and filters', async () => {
    await page.getByRole('navigation', { name: 'Team pages' }).getByRole('link', { name: 'Audit trail' }).click();
    const trail = page.getByRole('region', { name: 'Audit trail', exact: true });
    const added = trail.getByRole('row', { name: /Staff member added/ }).last();
    await waitForText(added, /Morgan Diaz.*Staff member added.*Staff member.*name, role, email, localId/);
    expect(await textOf(trail.getByRole('table'))).not.toContain('praman@');
    await screenshot(page, 'team-03-audit');
    await expectAccessible(page);

    await trail.getByLabel('Kind of record').selectOption({ label: 'Staff member' });
    await trail.getByLabel('Action').selectOption({ label: 'Staff member archived' });
    await waitForText(trail.getByRole('status'), /^1 event, page 1/);
    expect(await trail.getByRole('row').count()).toBe(2);
  });

  test('older events are a page away, and the check says the trail is intact', async () => {
    // Enough events for a second page, made behind the UI by the same member.
    for (let n = 0; n < 55; n += 1) {
      const result = await host.peerpath.dispatch('staff.create', { name: `Substitute ${n}`, role: 'paraprofessional' });
      expect(result.ok).toBe(true);
    }
    const trail = page.getByRole('region', { name: 'Audit trail', exact: true });
    await trail.getByLabel('Kind of record').selectOption({ label: 'Any kind' });
    await trail.getByLabel('Action').selectOption({ label: 'Any action' });
    await waitForText(trail.getByRole('status'), /^50 events, page 1/);
    await trail.getByRole('button', { name: 'Older events' }).click();
    await waitForText(trail.getByRole('status'), /events, page 2/);
    await trail.getByRole('button', { name: 'Newer events' }).click();
    await waitForText(trail.getByRole('status'), /^50 events, page 1/);

    const check = page.getByRole('region', { name: 'Check the audit trail' });
    await check.getByRole('button', { name: 'Check the audit trail' }).click();
    await waitForText(check.getByRole('status').filter({ hasText: 'intact' }), /The audit trail is intact \(\d+ events\)\./);
    await screenshot(page, 'team-04-audit-intact', 'viewport');
    expect(app.problems).toEqual([]);
  });
});
