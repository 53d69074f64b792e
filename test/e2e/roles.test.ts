/**
 * The UI hides what a role can't do (the dispatch refuses it anyway): a paraprofessional sees only
 * the sections and buttons of their work and only the students whose plan team they are on; IT
 * staff land on the settings, where the vault check is, and see no student section at all.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planInput, studentInput } from '../fixtures/program-input';
import { PASSPHRASE } from '../fixtures/vault';
import { type AppBrowser, expectGone, openApp, screenshot, textOf, waitForText } from './browser';
import { call, createVaultDirectly, lockFromHeader, unlockWith } from './flows';
import { type Host, startHost } from './host';

const PARA = 'paraprofessional quartz lantern meadow orbit';
const IT = 'server closet quartz lantern meadow';

describe('roles in the UI', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let adaId = '';
  let adaPlanId = '';

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    await call(host, 'vault.addMember', { name: 'Dana Pell', role: 'paraprofessional', passphrase: PARA });
    await call(host, 'vault.addMember', { name: 'Gus Tamarind', role: 'it_staff', passphrase: IT });
    const staff = await call(host, 'staff.list', { includeArchived: false });
    const dana = staff.find((each) => each.name === 'Dana Pell')?.id ?? '';
    const ada = await call(host, 'students.create', studentInput({ localId: 'S-1', firstName: 'Ada' }));
    await call(host, 'students.create', studentInput({ localId: 'S-2', firstName: 'Bram' }));
    const plan = await call(host, 'plans.create', planInput(ada.id, { teamStaffIds: [dana] }));
    adaId = ada.id;
    adaPlanId = plan.id;
    await call(host, 'vault.lock', {});
    app = await openApp(host);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const nav = () => page.getByRole('navigation', { name: 'Sections' });

  test('a paraprofessional sees their sections and only the students on their plan teams', async () => {
    await unlockWith(page, PARA);
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
    expect(await textOf(nav())).toMatch(/^\s*Students\s*Team\s*Settings\s*$/);
    const table = page.getByRole('table');
    await waitForText(table, /Ada/);
    expect(await textOf(table)).not.toMatch(/Bram/);
    await expectGone(page.getByRole('link', { name: 'Add a student' }));
    await page.getByRole('link', { name: /Ada/ }).first().click();
    await page.getByRole('heading', { name: /Ada/, level: 1 }).waitFor();
    await expectGone(page.getByRole('button', { name: 'Purge…' }));
    await expectGone(page.getByRole('link', { name: 'Edit details' }));
    await screenshot(page, 'roles-01-paraprofessional-student');
    // The plan is theirs to read and log against, not to write.
    await page.evaluate(`window.location.hash = '#/students/${adaId}/plans/${adaPlanId}'`);
    await page.getByRole('heading', { name: /Goals/ }).first().waitFor();
    await expectGone(page.getByRole('button', { name: 'Add a goal' }));
    await expectGone(page.getByRole('button', { name: 'Edit dates and team' }));
    expect(app.problems).toEqual([]);
  });

  test('IT staff land on the settings and check the vault; no student section is offered', async () => {
    await lockFromHeader(page);
    await unlockWith(page, IT);
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await textOf(nav())).toMatch(/^\s*Team\s*Settings\s*$/);
    await page.getByRole('button', { name: 'Check the vault' }).click();
    await waitForText(page.getByRole('region', { name: 'Vault check' }), /The vault is whole/);
    await expectGone(page.getByRole('region', { name: 'Recovery key' }));
    await screenshot(page, 'roles-02-it-staff');
    expect(app.problems).toEqual([]);
  });
});
