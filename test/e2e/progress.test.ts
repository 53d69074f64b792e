/**
 * Progress on the plan page: a teacher adds progress points from the goal card and watches the
 * graph (and its data table) grow, sees an out-of-range value refused in plain words, logs a
 * routine session from the accommodation card with its defaults: open, Enter; then corrects a
 * session and deletes another from their cards, and corrects and deletes points from the data table.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AppBrowser,
  expectAccessible,
  expectGone,
  openApp,
  SCREENSHOTS,
  screenshot,
  textOf,
  waitForMatch,
  waitForText,
} from './browser';
import { call, isoDate, lastSchoolDay } from './flows';
import { type Host, startHost } from './host';
import { supportedStudentViaServices } from './program';

describe('progress', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    const supported = await supportedStudentViaServices(host, {
      goals: [{ reportingPeriods: [{ label: 'Quarter 2', endsOn: isoDate(30) }] }],
      accommodations: (goalIds) => [{ goalIds }],
    });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
    await page.goto(`${host.url}#/students/${supported.studentId}/plans/${supported.planId}`);
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  test('points added from the goal card appear in the graph and its data table; a bad value is refused', async () => {
    const panel = page.getByRole('region', { name: 'Progress', exact: true });
    const graph = panel.getByRole('img');
    await waitForText(page.getByRole('main'), /Suggested progress for Quarter 2/);
    expect(await graph.getAttribute('aria-label')).toMatch(/no progress points yet/);
    const form = panel.getByRole('form', { name: 'Add a progress point' });
    expect(await form.getByLabel('Date').inputValue()).toBe(isoDate());

    for (const [days, value] of [
      [-28, '42'],
      [-21, '45'],
      [-14, '47.5'],
      [-7, '52'],
    ] as const) {
      await form.getByLabel('Date').fill(isoDate(days));
      await form.getByLabel('Value', { exact: true }).fill(value);
      await form.getByRole('button', { name: 'Add the point' }).click();
      await waitForText(form.getByRole('status').last(), new RegExp(`Point added \\(${value}\\)`));
    }
    await page.getByText('Show the data as a table').click();
    const rows = panel.getByRole('table').locator('tbody tr');
    await waitForText(panel.getByRole('table'), /52/);
    expect(await rows.count()).toBe(4);
    // Four weeks of data: too early for a verdict (the judgement reads a trend from 6 weeks on).
    await waitForText(panel, /Too early to judge/);
    await waitForMatch(async () => (await graph.getAttribute('aria-label')) ?? '', /4 points: the latest is 52/);

    const calls = host.calls.filter((channel) => channel === 'goals.progress').length;
    await panel.getByLabel('Trend line').selectOption({ label: 'Least squares (the usual straight-line fit)' });
    await waitForMatch(
      async () => String(host.calls.filter((channel) => channel === 'goals.progress').length),
      new RegExp(`^${calls + 1}$`),
    );
    await waitForMatch(async () => (await graph.getAttribute('aria-label')) ?? '', /4 points: the latest is 52/);

    await form.getByLabel('Value', { exact: true }).fill('150');
    await form.getByRole('button', { name: 'Add the point' }).click();
    await waitForText(form.getByRole('alert'), /This goal is measured as a percent: use 0 to 100\./);
    expect(await rows.count()).toBe(4);
    await screenshot(page, 'progress-01-goal-graph');
    await graph.screenshot({ path: `${SCREENSHOTS}/progress-01b-graph-only.png`, caret: 'initial' });
    await panel.locator('.goal-graph').screenshot({ path: `${SCREENSHOTS}/progress-01c-graph-legend.png`, caret: 'initial' });
    await expectAccessible(page);
  });

  test('a routine session is logged with the defaults: open, Enter', async () => {
    const sessions = page.getByRole('region', { name: 'Sessions', exact: true });
    await waitForText(sessions, /No sessions logged yet/);
    await sessions.getByRole('button', { name: 'Log a session' }).click();
    const form = sessions.getByRole('form', { name: 'Log a session' });
    const date = form.getByLabel('Date');
    await date.waitFor();
    expect(await date.inputValue()).toBe(isoDate());
    expect(await form.getByLabel('Minutes').inputValue()).toBe('20');
    expect(await form.getByRole('group', { name: 'Goals addressed' }).getByRole('checkbox').isChecked()).toBe(true);
    await screenshot(page, 'progress-02-session-form');
    await expectAccessible(page);
    if (lastSchoolDay() !== isoDate()) await date.fill(lastSchoolDay());
    await date.focus();
    await page.keyboard.press('Enter');
    await waitForText(sessions.getByRole('list', { name: 'Recent sessions' }), /held, 20 minutes/);
    expect(await textOf(sessions.getByRole('status').last())).toMatch(/saved/);
    expect(host.calls.filter((channel) => channel === 'sessions.create')).toHaveLength(1);
    await waitForText(page.locator(':focus'), /^Log a session$/);

    // A missed one asks why, and lists the reason.
    await sessions.getByRole('button', { name: 'Log a session' }).click();
    await form.getByLabel('Held or missed').selectOption({ label: 'Missed' });
    await form.getByLabel('Why it was missed').selectOption({ label: 'Student absent' });
    if (lastSchoolDay() !== isoDate()) await form.getByLabel('Date').fill(lastSchoolDay());
    // The same day again is refused inline; the day before is fine.
    await form.getByRole('button', { name: 'Save the session' }).click();
    await waitForText(form.getByRole('alert'), /already has a session logged on that day/);
    await form.getByLabel('Date').fill(lastSchoolDay(1));
    await form.getByRole('button', { name: 'Save the session' }).click();
    await waitForText(sessions.getByRole('list', { name: 'Recent sessions' }), /missed \(Student absent\)/);
    await screenshot(page, 'progress-03-session-logged');
    await expectAccessible(page);
    expect(app.problems).toEqual([]);
  });

  test('a session is corrected and another deleted from their cards, after a question', async () => {
    const sessions = page.getByRole('region', { name: 'Sessions', exact: true });
    const list = sessions.getByRole('list', { name: 'Recent sessions' });
    await sessions
      .getByRole('button', { name: /^Edit the session of/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /^Edit the session of/ });
    await dialog.getByLabel('Minutes').fill('30');
    await dialog.getByLabel('Note (optional)').fill('Worked through the review sheet.');
    await dialog.getByRole('button', { name: 'Save the changes' }).click();
    await expectGone(dialog);
    await waitForText(list, /held, 30 minutes/);
    const [updated] = await call(host, 'audit.list', { action: 'session.updated' });
    expect(updated?.fields.sort()).toEqual(['minutes', 'note']);

    await sessions
      .getByRole('button', { name: /^Delete the session of/ })
      .last()
      .click();
    const confirm = page.getByRole('alertdialog', { name: /^Delete the session of .*\?$/ });
    await screenshot(page, 'progress-04-delete-session', 'viewport');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Delete the session' }).click();
    await expectGone(confirm);
    await waitForMatch(async () => String(await list.getByRole('listitem').count()), /^1$/);
    expect(await textOf(list)).not.toMatch(/missed/);
    await waitForText(page.locator(':focus'), /^Log a session$/);
  });

  test('a point is corrected and another deleted from the graph’s data table; a bad value is refused in the dialog', async () => {
    const panel = page.getByRole('region', { name: 'Progress', exact: true });
    const graph = panel.getByRole('img');
    const rows = panel.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(4);
    await panel.getByRole('button', { name: /^Edit the point 52 of/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Edit the point 52 of/ });
    await dialog.getByLabel('Value', { exact: true }).fill('150');
    await dialog.getByRole('button', { name: 'Save the point' }).click();
    await waitForText(dialog.getByRole('alert'), /This goal is measured as a percent: use 0 to 100\./);
    await dialog.getByLabel('Value', { exact: true }).fill('55');
    await dialog.getByRole('button', { name: 'Save the point' }).click();
    await expectGone(dialog);
    await waitForMatch(async () => (await graph.getAttribute('aria-label')) ?? '', /4 points: the latest is 55/);

    await panel.getByRole('button', { name: /^Delete the point 42 of/ }).click();
    const confirm = page.getByRole('alertdialog', { name: /^Delete the point 42 of/ });
    await confirm.getByRole('button', { name: 'Delete the point' }).click();
    await expectGone(confirm);
    await waitForMatch(async () => String(await rows.count()), /^3$/);
    expect(await textOf(panel.getByRole('table'))).not.toMatch(/\b42\b/);
    await waitForMatch(async () => (await graph.getAttribute('aria-label')) ?? '', /3 points: the latest is 55/);
    expect(await call(host, 'audit.list', { action: 'progress_point.deleted' })).toHaveLength(1);
    await screenshot(page, 'progress-05-points-changed');
    await expectAccessible(page);
    expect(app.problems).toEqual([]);
  });
});
