/**
 * The students list over a generated district (300 students, 50 mentors): one server page at a time
 * ("1–50 of 300", next and previous), columns sorted both ways with aria-sort, search by name or
 * number as you type, and a filter; each answer checked against the service's own list.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InputOf, StudentRow } from '../../src-main/contract';
import { seedDemoProgram } from '../../src-main/services/demo';
import { createVaultSession } from '../../src-main/services/vault-session';
import { PASSPHRASE } from '../fixtures/vault';
import { type AppBrowser, expectAccessible, openApp, screenshot, textOf, waitForMatch, waitForText } from './browser';
import { createVaultDirectly } from './flows';
import { type Host, startHost } from './host';

const STUDENTS = 300;

describe('students list', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    // The host's session lives in its own thread: the district is written here, on the same folder,
    // while the host has the vault locked (one writer at a time), and the host unlocks it again.
    await host.peerpath.lock('user');
    const here = createVaultSession({ dir: host.vaultDir });
    await here.unlock(PASSPHRASE);
    seedDemoProgram(here.db(), { students: STUDENTS, mentors: 50 });
    here.lock('user');
    expect(await host.peerpath.dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  async function serviceRows(input: InputOf<'students.list'>): Promise<{ rows: StudentRow[]; total: number }> {
    const result = await host.peerpath.dispatch('students.list', input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { rows: StudentRow[]; total: number };
  }

  const count = () => textOf(page.getByRole('main').getByRole('status').first());
  const bodyRows = () =>
    page
      .getByRole('table')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader') });
  const firstRowName = () => textOf(bodyRows().first().getByRole('link'));

  test('the first page shows 50 of all the students, sorted by name', async () => {
    await waitForMatch(count, /^1–50 of 300$/);
    expect(await bodyRows().count()).toBe(50);
    const expected = await serviceRows({ limit: 50 });
    expect(await firstRowName()).toBe(expected.rows[0]?.displayName);
    expect(await page.getByRole('columnheader', { name: /^Name/ }).getAttribute('aria-sort')).toBe('ascending');
    await screenshot(page, 'students-list-01-first-page');
    await expectAccessible(page);
  });

  test('next and previous move one page at a time', async () => {
    const pages = page.getByRole('navigation', { name: 'Pages of students' });
    await pages.getByRole('button', { name: 'Next page' }).click();
    await waitForMatch(count, /^51–100 of 300$/);
    const expected = await serviceRows({ limit: 50, offset: 50 });
    await waitForMatch(firstRowName, new RegExp(`^${expected.rows[0]?.displayName}$`));
    expect(await textOf(pages)).toContain('Page 2 of 6');
    await pages.getByRole('button', { name: 'Previous page' }).click();
    await waitForMatch(count, /^1–50 of 300$/);
  });

  test('a column sorts ascending, then descending, and says so', async () => {
    const header = page.getByRole('columnheader', { name: /^Student number/ });
    await header.getByRole('button').click();
    await waitForMatch(async () => (await header.getAttribute('aria-sort')) ?? '', /^ascending$/);
    const ascending = await serviceRows({ sort: 'localId', limit: 1 });
    await waitForText(bodyRows().first(), new RegExp(ascending.rows[0]?.localId ?? 'missing'));
    await header.getByRole('button').click();
    await waitForMatch(async () => (await header.getAttribute('aria-sort')) ?? '', /^descending$/);
    const descending = await serviceRows({ sort: 'localId', direction: 'desc', limit: 1 });
    await waitForText(bodyRows().first(), new RegExp(descending.rows[0]?.localId ?? 'missing'));
    expect(await page.getByRole('columnheader', { name: /^Name/ }).getAttribute('aria-sort')).toBeNull();
    expect(await textOf(page.getByRole('table').locator('caption'))).toBe('Students, sorted by Student number, descending');
  });

  test('search finds a student by last name and by student number as you type', async () => {
    const someone = (await serviceRows({ offset: 137, limit: 1 })).rows[0];
    if (!someone) throw new Error('the demo has no 138th student');
    const lastName = someone.displayName.split(' ').at(-1) ?? '';
    const search = page.getByLabel('Search by name or student number');
    await search.pressSequentially(lastName, { delay: 20 });
    const byName = await serviceRows({ query: lastName, limit: 50 });
    await waitForMatch(count, new RegExp(`^1–${byName.rows.length} of ${byName.total}$`));
    await bodyRows().filter({ hasText: someone.localId }).waitFor();

    await search.fill(someone.localId);
    await waitForMatch(count, /^1–1 of 1$/);
    expect(await firstRowName()).toBe(someone.displayName);
    await screenshot(page, 'students-list-02-search');
    // Escape clears the search box and brings the whole list back.
    await search.press('Escape');
    await waitForMatch(count, /^1–50 of 300$/);
  });

  test('filters narrow the list and Clear puts everything back', async () => {
    // A grade that has students with a 504 plan in this generated district.
    const grade = (await serviceRows({ planType: '504', limit: 1 })).rows[0]?.grade ?? 7;
    await page.getByLabel('Grade', { exact: true }).selectOption({ label: `Grade ${grade}` });
    await page.getByLabel('Plan', { exact: true }).selectOption({ label: '504 plan' });
    const expected = await serviceRows({ grade, planType: '504', limit: 50 });
    await waitForMatch(count, new RegExp(`^1–${expected.rows.length} of ${expected.total}$`));
    for (const text of await bodyRows().allTextContents()) expect(text).toMatch(new RegExp(`Grade ${grade}.*504 plan`));
    await screenshot(page, 'students-list-03-filtered');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await waitForMatch(count, /^1–50 of 300$/);
    expect(app.problems).toEqual([]);
  });
});
