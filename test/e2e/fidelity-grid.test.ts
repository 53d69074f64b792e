/**
 * Fidelity and the fast grid on the plan page: with sessions logged (some missed), the accommodation
 * card shows sessions and minutes planned against delivered and why sessions were missed, for the
 * period running today and for another one picked; three progress points typed into the grid by
 * keyboard, one of them out of range, are refused naming the row and nothing is saved; fixed, all
 * three are saved and show in the graph's data table.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OutputOf } from '../../src-main/contract';
import { type AppBrowser, expectAccessible, openApp, screenshot, textOf, waitForMatch, waitForText } from './browser';
import { call, isoDate, lastSchoolDay } from './flows';
import { type Host, startHost } from './host';
import { supportedStudentViaServices } from './program';

/** "Sep 15, 2026", as the page writes a date. */
function shown(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function plannedText(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value);
}

/** Types an ISO date into a focused date input segment by segment, as a person does (en-US: month, day, year). */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.keyboard.type(`${month}${day}${year}`);
}

describe('fidelity and the progress grid', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let goalId: string;
  let accommodationId: string;

  beforeAll(async () => {
    host = await startHost();
    const supported = await supportedStudentViaServices(host, {
      goals: [
        {
          reportingPeriods: [
            { label: 'Quarter 1', endsOn: isoDate(-20) },
            { label: 'Quarter 2', endsOn: isoDate(40) },
          ],
        },
      ],
      accommodations: (goalIds) => [{ goalIds }],
    });
    [goalId = ''] = supported.goalIds;
    [accommodationId = ''] = supported.accommodationIds;
    // Quarter 2 (running today): 3 held, 2 missed. Quarter 1: 1 held, 1 missed for a schedule change.
    const logged = [
      { date: lastSchoolDay(0), status: 'held', minutes: 20 },
      { date: lastSchoolDay(2), status: 'held', minutes: 25 },
      { date: lastSchoolDay(3), status: 'missed', missReason: 'student_absent' },
      { date: lastSchoolDay(5), status: 'missed', missReason: 'mentor_absent' },
      { date: lastSchoolDay(6), status: 'held', minutes: 20 },
      { date: lastSchoolDay(20), status: 'held', minutes: 30 },
      { date: lastSchoolDay(22), status: 'missed', missReason: 'schedule_change' },
    ] as const;
    for (const session of logged) {
      await call(host, 'sessions.create', {
        accommodationId,
        mentorIds: [],
        goalIds: [],
        progress: [],
        ...(session.status === 'held' ? session : { ...session, minutes: 0 }),
      });
    }
    app = await openApp(host);
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
    await page.goto(`${host.url}#/students/${supported.studentId}/plans/${supported.planId}`);
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  async function expectFigures(fidelity: OutputOf<'fidelity.forAccommodation'>['fidelity']) {
    const card = page.getByRole('region', { name: 'Fidelity: did the support happen?' });
    await waitForText(
      card,
      new RegExp(`Sessions held${fidelity.sessionsPercent}% ${fidelity.heldSessions} of ${plannedText(fidelity.plannedSessions)} planned`),
    );
    await waitForText(
      card,
      new RegExp(
        `Minutes delivered${fidelity.minutesPercent}% ${fidelity.deliveredMinutes} of ${plannedText(fidelity.plannedMinutes)} planned`,
      ),
    );
  }

  test('the accommodation card shows fidelity for the period running today, misses by reason, and another period on request', async () => {
    const card = page.getByRole('region', { name: 'Fidelity: did the support happen?' });
    const period = card.getByLabel('Period');
    await period.waitFor();
    expect(await period.locator('option:checked').textContent()).toBe(`Quarter 2 (${shown(isoDate(-19))} to ${shown(isoDate(40))})`);
    const quarter2 = await call(host, 'fidelity.forAccommodation', { accommodationId, from: isoDate(-19), to: isoDate(40) });
    expect(quarter2.fidelity.heldSessions).toBe(3);
    await expectFigures(quarter2.fidelity);
    await waitForText(card, /Counted from .* to today, .*: days still to come are not counted yet\./);
    await waitForText(card, /2 sessions were missed:\s*1 because the student was absent\s*1 because the mentor was absent/);
    expect(await textOf(card)).toMatch(/does not know your school's holidays/);

    // The week-by-week table sits behind a disclosure.
    const weeks = card.getByRole('table', { name: 'Sessions and minutes, week by week' });
    expect(await weeks.isVisible()).toBe(false);
    await card.getByText('Week by week', { exact: true }).click();
    await weeks.waitFor();
    expect(await weeks.locator('tbody tr').count()).toBe(quarter2.fidelity.weeks.length);
    const held = quarter2.fidelity.weeks.reduce((sum, week) => sum + week.heldSessions, 0);
    expect(held).toBe(3);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'fidelity-01-current-period');
    await card.screenshot({ path: 'test-results/screenshots/fidelity-01b-card.png', caret: 'initial' });
    await expectAccessible(page);

    // Another period, picked from the keyboard-friendly native select.
    await period.selectOption({ label: `Quarter 1 (${shown(isoDate(-60))} to ${shown(isoDate(-20))})` });
    const quarter1 = await call(host, 'fidelity.forAccommodation', { accommodationId, from: isoDate(-60), to: isoDate(-20) });
    expect(quarter1.fidelity.heldSessions).toBe(1);
    await expectFigures(quarter1.fidelity);
    await waitForText(card, /1 session was missed:\s*1 because of a schedule change/);
    expect(await textOf(card)).not.toMatch(/student was absent/);

    await period.selectOption({ label: `The plan so far (${shown(isoDate(-60))} to ${shown(isoDate())})` });
    const soFar = await call(host, 'fidelity.forAccommodation', { accommodationId, from: isoDate(-60), to: isoDate() });
    expect(soFar.fidelity.heldSessions).toBe(4);
    await expectFigures(soFar.fidelity);
    await waitForText(card, /3 sessions were missed:/);
    await screenshot(page, 'fidelity-02-plan-so-far');
    await expectAccessible(page);
    expect(app.problems).toEqual([]);
  });

  test('three points typed into the grid: a bad value is refused naming its row and nothing is saved; fixed, all are saved', async () => {
    const panel = page.getByRole('region', { name: 'Progress', exact: true });
    await panel.getByRole('button', { name: 'Enter several points' }).click();
    const grid = panel.getByRole('form', { name: 'Enter several points' });
    await waitForMatch(async () => (await page.locator(':focus').getAttribute('aria-label')) ?? '', /^Date, row 1$/);
    expect(await grid.getByLabel('Date, row 1').inputValue()).toBe(isoDate());
    expect(await grid.locator('tbody tr').count()).toBe(3);

    // Date, Enter, value, Enter: on to the next row's date. Tab reaches the setting.
    const rows = [
      [isoDate(-21), '42', ''],
      [isoDate(-14), '150', ''],
      [isoDate(-7), '47.5', 'Math 7'],
    ] as const;
    for (const [date, value, setting] of rows) {
      await typeDate(page, date);
      await page.keyboard.press('Enter');
      await page.keyboard.type(value);
      if (setting) {
        await page.keyboard.press('Tab');
        await page.keyboard.type(setting);
      }
      await page.keyboard.press('Enter');
    }
    // A fourth, empty row appeared as the third filled; the keyboard is on its date.
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe('Date, row 4');
    expect(await grid.getByLabel('Date, row 1').inputValue()).toBe(isoDate(-21));
    expect(await grid.getByLabel('Value, row 2').inputValue()).toBe('150');
    expect(await grid.getByLabel('Setting, row 3').inputValue()).toBe('Math 7');
    await waitForText(grid, /3 points ready to save\./);
    await screenshot(page, 'fidelity-03-grid-filled');
    await expectAccessible(page);

    // Tab past the empty row to "Save all": the date's day, year and calendar button, the value, the setting.
    for (let step = 0; step < 6; step += 1) await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Save all');
    await page.keyboard.press('Enter');
    await waitForText(grid.getByRole('alert'), /^Nothing was saved\. Fix row 2 and save again\.$/);
    const valueRow2 = grid.getByLabel('Value, row 2');
    await waitForMatch(async () => (await page.locator(':focus').getAttribute('aria-label')) ?? '', /^Value, row 2$/);
    expect(await valueRow2.getAttribute('aria-invalid')).toBe('true');
    const problemId = (await valueRow2.getAttribute('aria-describedby')) ?? '';
    expect(await textOf(page.locator(`[id="${problemId}"]`))).toBe('Row 2: This goal is measured as a percent: use 0 to 100.');
    expect(await grid.getByLabel('Value, row 1').getAttribute('aria-invalid')).toBeNull();
    expect(await call(host, 'progressPoints.listForGoal', { goalId })).toEqual([]);
    await screenshot(page, 'fidelity-04-grid-refused');
    await grid.screenshot({ path: 'test-results/screenshots/fidelity-04b-grid-only.png', caret: 'initial' });
    await expectAccessible(page);

    // Fixed from the keyboard where it already is.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('52');
    expect(await valueRow2.getAttribute('aria-invalid')).toBeNull();
    await grid.getByRole('button', { name: 'Save all' }).focus();
    await page.keyboard.press('Enter');
    await waitForText(panel.getByRole('status').last(), /^3 points added\. The graph is updated\.$/);
    await waitForMatch(async () => (await page.locator(':focus').textContent()) ?? '', /^Enter several points$/);

    const saved = await call(host, 'progressPoints.listForGoal', { goalId });
    expect(saved.map((point) => [point.date, point.value, point.setting])).toEqual([
      [isoDate(-21), 42, null],
      [isoDate(-14), 52, null],
      [isoDate(-7), 47.5, 'Math 7'],
    ]);
    await panel.getByText('Show the data as a table').click();
    const table = panel.getByRole('table', { name: 'Progress points and the aim line on each date' });
    await waitForMatch(async () => String(await table.locator('tbody tr').count()), /^3$/);
    const cells = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(cells).toEqual(['42', '52', '47.5']);
    await waitForMatch(async () => (await panel.getByRole('img').getAttribute('aria-label')) ?? '', /3 points: the latest is 47\.5/);
    expect(await call(host, 'audit.list', { action: 'progress_point.batch_created' })).toHaveLength(1);
    await screenshot(page, 'fidelity-05-grid-saved');
    await expectAccessible(page);
    expect(app.problems).toEqual([]);
  });
});
