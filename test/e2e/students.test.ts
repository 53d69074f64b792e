/**
 * Student records through the real UI: inline validation before anything is sent, a refused save that
 * keeps every typed word, editing, due-date warnings in words, archive with Undo, and the two ends a
 * record may come to: purge (typed confirmation; gone from the vault) and de-identify.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PASSPHRASE } from '../fixtures/vault';
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
import { call, createVaultDirectly } from './flows';
import { type Host, startHost } from './host';

function isoDaysFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days)).toISOString().slice(0, 10);
}

describe('students', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let mayaId: string;

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    const maya = await call(host, 'students.create', {
      localId: '100234',
      firstName: 'Maya',
      lastName: 'Lopez',
      grade: 7,
      school: 'Harborview Middle School',
      guardians: [{ name: 'Rosa Lopez', relationship: 'Mother', preferredLanguage: 'es' }],
    });
    mayaId = maya.id;
    // An IEP whose annual review is ten days away and whose re-evaluation is five days late.
    await call(host, 'plans.create', {
      studentId: mayaId,
      type: 'iep',
      startDate: isoDaysFromToday(-300),
      endDate: isoDaysFromToday(60),
      annualReviewDue: isoDaysFromToday(10),
      reevaluationDue: isoDaysFromToday(-5),
      status: 'active',
    });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const region = (name: string) => page.getByRole('region', { name, exact: true });

  test('an empty form is refused beside its fields, with focus on the first, and nothing is sent', async () => {
    await page.getByRole('link', { name: 'Add a student' }).click();
    await page.getByRole('heading', { name: 'Add a student', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add the student' }).click();
    const firstName = page.getByLabel('First name');
    await waitForMatch(() => descriptionOf(firstName), /fill/i);
    expect(await firstName.evaluate((input) => input.matches(':focus'))).toBe(true);
    expect(await descriptionOf(page.getByLabel('Grade', { exact: true }))).toMatch(/select/i);
    const guardian = page.getByRole('group', { name: 'Parent or guardian 1' });
    await guardian.getByLabel('Email').fill('rosa@example');
    await page.getByRole('button', { name: 'Add the student' }).click();
    await waitForMatch(() => descriptionOf(guardian.getByLabel('Email')), /name@example\.org/);
    await screenshot(page, 'students-01-form-invalid');
    await expectAccessible(page);
    expect(host.calls).not.toContain('students.create');
  });

  test('a student number already in use is refused by the service, and nothing typed is lost', async () => {
    await page.getByLabel('First name').fill('Jonah');
    await page.getByLabel('Last name').fill('Reyes');
    await page.getByLabel('Student number').fill('100234');
    await page.getByLabel('Grade', { exact: true }).selectOption({ label: 'Grade 8' });
    await page.getByLabel('School').fill('Harborview Middle School');
    const guardian = page.getByRole('group', { name: 'Parent or guardian 1' });
    await guardian.getByLabel('Name').fill('Ana Reyes');
    const ana = page.getByRole('group', { name: 'Ana Reyes' });
    await ana.getByLabel('Relationship').fill('Grandmother');
    await ana.getByLabel('Email').fill('ana.reyes@example.org');
    await ana.getByLabel('Preferred language').selectOption({ label: 'Another language' });
    await ana.getByLabel('Language code').fill('vi');
    await waitForMatch(() => descriptionOf(ana.getByLabel('Language code')), /Vietnamese/);
    await page.getByRole('button', { name: 'Add the student' }).click();

    const number = page.getByLabel('Student number');
    await waitForMatch(() => descriptionOf(number), /Another student already has student number 100234\./);
    expect(await page.getByLabel('First name').inputValue()).toBe('Jonah');
    expect(await ana.getByLabel('Email').inputValue()).toBe('ana.reyes@example.org');
    expect(await ana.getByLabel('Language code').inputValue()).toBe('vi');
    await screenshot(page, 'students-02-number-taken');
    await expectAccessible(page);

    await number.fill('100235');
    await page.getByRole('button', { name: 'Add the student' }).click();
    await page.getByRole('heading', { name: 'Jonah Reyes', level: 1 }).waitFor();
    await waitForText(region('Parents and guardians'), /Ana Reyes \(Grandmother\).*Vietnamese/);
  });

  test('a record is edited: the preferred name becomes the name shown', async () => {
    await page.getByRole('link', { name: 'Edit details' }).click();
    await page.getByRole('heading', { name: 'Edit Jonah Reyes', level: 1 }).waitFor();
    expect(await page.getByLabel('Student number').inputValue()).toBe('100235');
    await page.getByLabel('Preferred name').fill('Joey');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Joey Reyes', level: 1 }).waitFor();
    await waitForText(region('Details'), /Legal name.*Jonah Reyes.*Preferred name.*Joey/);
  });

  test('due-date warnings say what is due and when, not only in colour', async () => {
    await page.getByRole('link', { name: 'All students' }).click();
    await page
      .getByRole('row', { name: /Maya Lopez/ })
      .getByRole('link', { name: 'Maya Lopez' })
      .click();
    await page.getByRole('heading', { name: 'Maya Lopez', level: 1 }).waitFor();
    const plans = region('Plans');
    await waitForText(plans, /Due soon: annual review, due .*Overdue: re-evaluation, due /);
    await screenshot(page, 'students-03-detail-warnings');
    await expectAccessible(page);
  });

  test('archiving goes back to the list with Undo, and Undo restores the student', async () => {
    await page.getByRole('link', { name: 'All students' }).click();
    await page
      .getByRole('row', { name: /Joey Reyes/ })
      .getByRole('link', { name: 'Joey Reyes' })
      .click();
    await page.getByRole('heading', { name: 'Joey Reyes', level: 1 }).waitFor();
    await region('The record').getByRole('button', { name: 'Archive' }).click();

    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'archived' });
    await waitForText(notice, /Joey Reyes is archived: hidden from the list, nothing deleted\./);
    await waitForMatch(async () => String(await page.getByRole('row', { name: /Joey Reyes/ }).count()), /^0$/);
    // The notice takes focus, so Undo is the next Tab.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Undo');
    await screenshot(page, 'students-04-archived-undo');
    await expectAccessible(page);
    await page.keyboard.press('Enter');
    await waitForText(page.getByRole('status').filter({ hasText: 'back on the list' }), /Joey Reyes is back on the list\./);
    await page.getByRole('row', { name: /Joey Reyes/ }).waitFor();
    expect(await call(host, 'students.list', { query: '100235' })).toMatchObject({ total: 1, rows: [{ status: 'active' }] });
  });

  test('purging asks for the student number, explains what is lost, and then removes the record for good', async () => {
    await page
      .getByRole('row', { name: /Joey Reyes/ })
      .getByRole('link', { name: 'Joey Reyes' })
      .click();
    await page.getByRole('heading', { name: 'Joey Reyes', level: 1 }).waitFor();
    const jonahId = (await call(host, 'students.list', { query: '100235' })).rows[0]?.id ?? '';
    await region('Remove the record').getByRole('button', { name: 'Purge…' }).click();
    const dialog = page.getByRole('alertdialog', { name: "Purge Joey Reyes's record for good?" });
    await waitForText(dialog, /removed from the vault for good.*De-identify instead/);
    const typed = dialog.getByLabel('Type the student number (100235) to confirm');
    await typed.fill('100234');
    await dialog.getByRole('button', { name: 'Purge for good' }).click();
    await waitForMatch(() => descriptionOf(typed), /Type 100235 exactly/);
    await screenshot(page, 'students-05-purge-dialog', 'viewport');
    await expectAccessible(page);
    expect(host.calls).not.toContain('students.purge');

    await typed.fill('100235');
    await dialog.getByRole('button', { name: 'Purge for good' }).click();
    await waitForText(
      page.getByRole('status').filter({ hasText: 'purged' }),
      /Joey Reyes's record was purged for good\. No other record mentioned them\./,
    );
    expect(await host.peerpath.dispatch('students.get', { id: jonahId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await expectGone(page.getByRole('row', { name: /Reyes/ }));
  });

  test('de-identifying keeps the plan and removes who it was', async () => {
    await page.goto(`${host.url}#/students/${mayaId}`);
    await page.getByRole('heading', { name: 'Maya Lopez', level: 1 }).waitFor();
    await region('Remove the record').getByRole('button', { name: 'De-identify…' }).click();
    const dialog = page.getByRole('alertdialog', { name: "De-identify Maya Lopez's record?" });
    await dialog.getByLabel('Type the student number (100234) to confirm').fill('100234');
    await dialog.getByRole('button', { name: 'De-identify', exact: true }).click();
    await page.getByRole('heading', { name: /^Student [0-9A-F]{6}$/, level: 1 }).waitFor();
    await waitForText(region('The record'), /de-identified/);
    expect(await textOf(region('Parents and guardians'))).not.toContain('Rosa');
    await waitForText(region('Plans'), /IEP, version 1/);
    await expectGone(page.getByRole('link', { name: 'Edit details' }));
    await screenshot(page, 'students-06-deidentified');
    await expectAccessible(page);
    expect(app.problems).toEqual([]);
  });
});
