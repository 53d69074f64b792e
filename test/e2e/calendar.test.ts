/**
 * The school calendar through the real UI: import the synthetic .ics (a preview, nothing saved),
 * fix it by hand (a break added), save it once, and find it in the vault; the section reflows at 320 px.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { studentInput } from '../fixtures/program-input';
import { PASSPHRASE } from '../fixtures/vault';
import { type AppBrowser, expectAccessible, openApp, screenshot, waitForText } from './browser';
import { call, createVaultDirectly } from './flows';
import { type Host, startHost } from './host';

const ICS = readFileSync(join(import.meta.dirname, '../fixtures/calendar/riverside-2026-2027.ics'));

describe('school calendar', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    await call(host, 'students.create', studentInput());
    app = await openApp(host);
    page = app.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const section = () => page.getByRole('region', { name: 'School calendar' });

  test('an imported .ics is shown before saving, corrected by hand, then saved with one Save', async () => {
    await section().getByRole('textbox', { name: 'School year' }).fill('2026-2027');
    await section()
      .getByLabel('Import a calendar file (.ics)')
      .setInputFiles({ name: 'riverside.ics', mimeType: 'text/calendar', buffer: ICS });
    await waitForText(section().getByRole('status').first(), /Read 7 breaks and 4 reporting periods/);
    // Only a preview so far.
    expect(await call(host, 'calendar.list', {})).toMatchObject({ calendars: [] });
    expect(await section().getByLabel('First day of school').inputValue()).toBe('2026-08-26');
    expect(await section().getByLabel('Break 4: name').inputValue()).toBe('Thanksgiving Break');

    await section().getByRole('button', { name: 'Add a break' }).click();
    await section().getByLabel('Break 8: name').fill('Teacher workday');
    await section().getByLabel('Break 8: first day off').fill('2027-02-15');
    await section().getByLabel('Break 8: last day off').fill('2027-02-15');
    await section().getByRole('button', { name: 'Remove break Labor Day - No School' }).click();
    await section().getByRole('button', { name: 'Save the calendar' }).click();
    await waitForText(section().getByRole('status').last(), /Calendar saved/);

    const { calendars } = await call(host, 'calendar.list', {});
    expect(calendars).toHaveLength(1);
    expect(calendars[0]).toMatchObject({
      school: 'Riverside Middle School',
      year: '2026-2027',
      firstDay: '2026-08-26',
      lastDay: '2027-06-11',
    });
    expect(calendars[0]?.breaks.map((pause) => pause.name)).toEqual([
      'Staff Development Day - No Students',
      'Staff Development Day - No Students',
      'Thanksgiving Break',
      'Staff Development Day - No Students',
      'Winter Break',
      'Teacher workday',
      'Spring Break',
    ]);
    expect(calendars[0]?.reportingPeriods.map((period) => period.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    await expectAccessible(page);
  });

  test('a break outside the year is refused in plain words, and nothing changes', async () => {
    await section().getByLabel('Break 1: last day off').fill('2027-08-01');
    await section().getByRole('button', { name: 'Save the calendar' }).click();
    await waitForText(section().getByRole('alert'), /fall between the first and last day of school/);
    expect((await call(host, 'calendar.list', {})).calendars[0]?.breaks[0]?.to).toBe('2026-10-09');
  });

  test('reflows inside its column at 320 px: nothing sticks out or is cut off', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      await section().scrollIntoViewIfNeeded();
      await screenshot(page, '40-school-calendar-320');
      // The section itself (other settings sections set the page's width): nothing in it sticks out
      // past its own edge, nothing is cut off inside it, and it is no wider than a 320 px column allows.
      const box = await section().evaluate((element) => {
        const right = element.getBoundingClientRect().right;
        return {
          overflow: element.scrollWidth - element.clientWidth,
          sticking: [...element.querySelectorAll('*')].filter((child) => child.getBoundingClientRect().right > right + 0.5).length,
          width: element.getBoundingClientRect().width,
        };
      });
      expect(box).toMatchObject({ overflow: 0, sticking: 0 });
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
