/**
 * The week view through the real UI: a teacher logs last week for a student in one go (a day held
 * with a progress point, a day missed with a reason, a day left for now, the rest as they were
 * scheduled), sees a bad value refused with the day named and nothing saved, saves with Enter, sees
 * the cells fill in, edits one session and deletes another in their cells, and finds the new point
 * in the goal graph's data table on the plan page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppBrowser, expectAccessible, expectGone, openApp, screenshot, textOf, waitForMatch, waitForText } from './browser';
import { call, isoDate } from './flows';
import { type Host, startHost } from './host';
import { supportedStudentViaServices, trainedMentorAssigned } from './program';

function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Monday to Friday of the week before this one (a weekend belongs to the week before it): every day has happened. */
function lastWeek(): string[] {
  const today = isoDate();
  const monday = shift(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  return [0, 1, 2, 3, 4].map((offset) => shift(monday, offset - 7));
}

describe('the week view', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let studentId: string;
  let tutorId: string;
  let buddyId: string;
  const [monday = '', tuesday = '', wednesday = '', , friday = ''] = lastWeek();

  /** The row of a peer support, found by its row header. */
  const row = (name: RegExp) => page.locator('tr', { has: page.getByRole('rowheader', { name }) });
  /** A day's cell in a support's row (0 = Monday). */
  const cell = (name: RegExp, day: number) => row(name).locator('td').nth(day);
  /** The entry for a new session in that cell. */
  const entry = (name: RegExp, day: number) => cell(name, day).getByRole('group', { name: /^New session:/ });
  const MATH = /Peer tutor in Math 7/;
  const LUNCH = /Peer buddy in Lunch/;

  async function sessionsOf(accommodationId: string) {
    return call(host, 'sessions.listForAccommodation', { accommodationId, from: monday, to: friday });
  }

  beforeAll(async () => {
    host = await startHost();
    const everyDay = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, period: 3 }));
    const supported = await supportedStudentViaServices(host, {
      goals: [{ reportingPeriods: [{ label: 'Quarter 2', endsOn: isoDate(30) }] }],
      accommodations: (goalIds) => [
        { slots: everyDay, sessionsPerWeek: 5, goalIds },
        {
          role: 'peer_buddy',
          settingClass: 'Lunch',
          slots: [
            { day: 'tue', period: 5 },
            { day: 'thu', period: 5 },
          ],
          minutesPerSession: 30,
        },
      ],
    });
    studentId = supported.studentId;
    [tutorId = '', buddyId = ''] = supported.accommodationIds;
    await trainedMentorAssigned(host, [tutorId, buddyId]);
    app = await openApp(host);
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
    await page.goto(`${host.url}#/students/${studentId}/week`);
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  test('a whole week is entered and saved at once; a bad value is refused with its day named and nothing saved', async () => {
    await page.getByRole('heading', { name: 'Sessions for a week: Maya Lopez', level: 1 }).waitFor();
    await row(MATH).waitFor();
    await screenshot(page, 'week-00-this-week');
    await page.getByRole('button', { name: 'Previous week' }).click();
    await waitForText(page.getByRole('heading', { level: 2 }).first(), /^Week of /);
    await entry(MATH, 0).waitFor();

    // Every scheduled day starts as held with the usual minutes and mentor; a day not scheduled offers to log one anyway.
    expect(await entry(MATH, 0).getByLabel('Held or missed').inputValue()).toBe('held');
    expect(await entry(MATH, 0).getByLabel('Minutes').inputValue()).toBe('20');
    expect(await entry(LUNCH, 1).getByLabel('Minutes').inputValue()).toBe('30');
    expect(await textOf(row(LUNCH).getByRole('rowheader'))).toMatch(/Mentors: Sam Rivera/);
    expect(await cell(LUNCH, 0).getByRole('group').count()).toBe(0);
    await cell(LUNCH, 0)
      .getByRole('button', { name: /^Log a session for Peer buddy in Lunch on Monday/ })
      .waitFor();
    await waitForText(page.getByText(/new sessions to save/), /^7 new sessions to save\.$/);

    // Monday: a progress value for the goal. Tuesday: missed, mentor absent. Thursday: left for now.
    await entry(MATH, 0).getByLabel('Goal 1: Math value (optional)').fill('150');
    await entry(MATH, 1).getByLabel('Held or missed').selectOption({ label: 'Missed' });
    await entry(MATH, 1).getByLabel('Why it was missed').selectOption({ label: 'Mentor absent' });
    await entry(MATH, 3).getByLabel('Held or missed').selectOption({ label: 'Leave for now' });
    await waitForText(page.getByText(/new sessions to save/), /^6 new sessions to save\.$/);
    await screenshot(page, 'week-01-entered');
    await expectAccessible(page);

    // Enter in a field saves the week; a value out of range refuses all of it, naming the day.
    await entry(MATH, 0).getByLabel('Minutes').press('Enter');
    await waitForText(
      page.getByRole('alert').filter({ hasText: /Nothing was saved/ }),
      new RegExp(`^Math 7 \\(peer tutor\\), Monday ${monday}: This goal is measured as a percent: use 0 to 100\\. Nothing was saved\\.$`),
    );
    expect(await sessionsOf(tutorId)).toEqual([]);
    expect(await sessionsOf(buddyId)).toEqual([]);

    await entry(MATH, 0).getByLabel('Goal 1: Math value (optional)').fill('64');
    await entry(MATH, 0).getByLabel('Minutes').press('Enter');
    await waitForText(page.getByRole('status').filter({ hasText: /^Saved/ }), /^Saved 6 sessions\.$/);
    expect(host.calls.filter((channel) => channel === 'sessions.createMany')).toHaveLength(2);

    // The cells now show what was logged; Thursday is still open.
    await waitForText(cell(MATH, 0), /Held, 20 min/);
    expect(await textOf(cell(MATH, 0))).toMatch(/Goal 1: Math: 64/);
    expect(await textOf(cell(MATH, 1))).toMatch(/Missed: Mentor absent/);
    expect(await textOf(cell(LUNCH, 3))).toMatch(/Held, 30 min/);
    await entry(MATH, 3).waitFor();
    await waitForText(page.getByText(/to save\.$/), /^0 new sessions to save\.$/);
    const saved = await sessionsOf(tutorId);
    expect(saved.map((session) => [session.date, session.status, session.missReason, session.progressPoints.map((p) => p.value)])).toEqual([
      [friday, 'held', null, []],
      [wednesday, 'held', null, []],
      [tuesday, 'missed', 'mentor_absent', []],
      [monday, 'held', null, [64]],
    ]);
    await screenshot(page, 'week-02-saved');
    await expectAccessible(page);
  });

  test('a logged session is edited and another deleted in their cells', async () => {
    await cell(MATH, 2)
      .getByRole('button', { name: /^Edit the session of/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /^Edit the session of/ });
    await dialog.getByLabel('Minutes').fill('25');
    await screenshot(page, 'week-03-edit-dialog', 'viewport');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Save the changes' }).click();
    await expectGone(dialog);
    await waitForText(cell(MATH, 2), /Held, 25 min/);

    await cell(MATH, 4)
      .getByRole('button', { name: /^Delete the session of/ })
      .click();
    const confirm = page.getByRole('alertdialog', { name: /^Delete the session of .*\?$/ });
    await confirm.getByRole('button', { name: 'Delete the session' }).click();
    await expectGone(confirm);
    // The day is open again, starting as held.
    await entry(MATH, 4).waitFor();
    expect(await entry(MATH, 4).getByLabel('Held or missed').inputValue()).toBe('held');
    expect((await sessionsOf(tutorId)).map((session) => [session.date, session.minutes])).toEqual([
      [wednesday, 25],
      [tuesday, 0],
      [monday, 20],
    ]);
    await waitForText(page.getByText(/to save\.$/), /^1 new session to save\.$/);

    // A day that is not scheduled can still take a session: its entry opens with the keyboard on it.
    await cell(LUNCH, 0)
      .getByRole('button', { name: /^Log a session for Peer buddy in Lunch on Monday/ })
      .click();
    await waitForMatch(
      async () => String(await page.evaluate("document.activeElement?.closest('fieldset')?.textContent ?? ''")),
      /Lunch, Monday/,
    );
    expect(await entry(LUNCH, 0).getByLabel('Minutes').inputValue()).toBe('30');
    await waitForText(page.getByText(/to save\.$/), /^2 new sessions to save\.$/);

    const [updated] = await call(host, 'audit.list', { action: 'session.updated' });
    expect(updated?.fields).toEqual(['minutes']);
    expect(await call(host, 'audit.list', { action: 'session.deleted' })).toHaveLength(1);

    // On a narrow window the rows stack into a day-by-day list.
    await page.setViewportSize({ width: 760, height: 900 });
    await screenshot(page, 'week-04-narrow');
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('the plan page’s goal graph includes the point logged with the week', async () => {
    await row(MATH).getByRole('link', { name: 'Peer tutor in Math 7' }).click();
    const panel = page.getByRole('region', { name: 'Progress', exact: true });
    await waitForMatch(async () => (await panel.getByRole('img').getAttribute('aria-label')) ?? '', /1 point: the latest is 64/);
    await panel.getByText('Show the data as a table').click();
    const table = panel.getByRole('table');
    await waitForText(table, /64/);
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await textOf(table.locator('tbody tr').first())).toMatch(/64.*With a session/);
    await screenshot(page, 'week-05-plan-graph');
    expect(app.problems).toEqual([]);
  });
});
