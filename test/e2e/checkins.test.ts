/**
 * Check-ins and the mentor's activity through the real UI: a teacher records a check-in on the
 * student's page by keyboard alone (ratings by arrow keys), sees it at the top of the timeline,
 * edits it in place and deletes an older one after a question; then the mentor's page shows their
 * service hours, their sessions a page at a time, their ratings over time and the same check-in.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AppBrowser,
  descriptionOf,
  expectAccessible,
  expectGone,
  openApp,
  SCREENSHOTS,
  screenshot,
  textOf,
  waitForText,
} from './browser';
import { call, isoDate, lastSchoolDay } from './flows';
import { type Host, startHost } from './host';
import { supportedStudentViaServices, trainedMentorAssigned } from './program';

/** Presses Tab until `target` has the focus: proof it is reachable by keyboard, in page order. */
async function tabTo(page: Page, target: Locator, most = 12): Promise<void> {
  for (let presses = 0; presses < most; presses += 1) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`tabTo: ${target} not reached in ${most} presses of Tab`);
}

describe('check-ins and the mentor’s activity', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let studentId: string;
  let mentorId: string;
  let heldMinutes = 0;

  beforeAll(async () => {
    host = await startHost();
    const supported = await supportedStudentViaServices(host, { accommodations: () => [{}] });
    studentId = supported.studentId;
    const [tutorId = ''] = supported.accommodationIds;
    mentorId = await trainedMentorAssigned(host, [tutorId]);
    // Twelve school days of sessions, the third most recent missed: more than one page on the mentor's list.
    for (let day = 0; day < 12; day += 1) {
      const date = lastSchoolDay(day);
      if (day === 2) {
        await call(host, 'sessions.create', {
          accommodationId: tutorId,
          date,
          status: 'missed',
          missReason: 'student_absent',
          mentorIds: [mentorId],
        });
      } else {
        const minutes = day % 2 === 0 ? 20 : 25;
        heldMinutes += minutes;
        await call(host, 'sessions.create', { accommodationId: tutorId, date, status: 'held', minutes, mentorIds: [mentorId] });
      }
    }
    // Two earlier check-ins give the mentor's chart a line to draw.
    for (const [days, workload, confidence] of [
      [-30, 1, 2],
      [-20, 2, 2],
    ] as const) {
      await call(host, 'checkIns.create', {
        accommodationId: tutorId,
        date: isoDate(days),
        mentorId,
        mentorWorkload: workload,
        mentorConfidence: confidence,
      });
    }
    await call(host, 'checkIns.create', {
      accommodationId: tutorId,
      date: isoDate(-10),
      whatsWorking: 'They settled into a routine quickly.',
      belonging: 2,
      mentorId,
      mentorWorkload: 2,
      mentorConfidence: 3,
    });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
    await page.goto(`${host.url}#/students/${studentId}`);
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const timeline = () =>
    page.getByRole('region', { name: 'Check-ins', exact: true }).getByRole('list', { name: 'Check-ins, newest first' });
  /** The timeline's own entries (each holds a list of its ratings too). */
  const entries = () => timeline().locator(':scope > li');

  test('a check-in recorded by keyboard alone appears at the top of the student’s timeline', async () => {
    const panel = page.getByRole('region', { name: 'Check-ins', exact: true });
    await waitForText(timeline(), /Belonging 2 of 5/);
    const record = panel.getByRole('button', { name: 'Record a check-in' });
    await record.focus();
    await page.keyboard.press('Enter');
    const form = panel.getByRole('form', { name: 'Record a check-in' });
    // The form opens on its first field, with the only support, today and the only mentor chosen.
    const support = form.getByLabel('Peer support');
    await waitForText(page.locator(':focus'), /Math 7 — peer tutor/);
    expect(await support.evaluate((element) => element.matches(':focus'))).toBe(true);
    expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe(isoDate());
    await waitForText(form.getByLabel('Mentor', { exact: true }), /Sam Rivera/);
    expect(await form.getByLabel('Mentor', { exact: true }).locator('option:checked').textContent()).toBe('Sam Rivera');

    await tabTo(page, form.getByLabel("What's working"));
    await page.keyboard.type('Sam waits before helping; Maya tries first.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Maya rarely asks Sam a question herself.');
    // Each rating: Tab into the scale (on "Not rated"), arrows to the value.
    for (const [name, value] of [
      ['Sense of belonging', 2],
      ['Engagement', 3],
      ["Mentor's workload", 4],
      ["Mentor's confidence", 2],
    ] as const) {
      const scale = form.getByRole('radiogroup', { name, exact: true });
      await tabTo(page, scale.getByRole('radio', { name: 'Not rated' }));
      for (let step = 0; step < value; step += 1) await page.keyboard.press('ArrowRight');
      expect(await scale.getByRole('radio', { checked: true }).getAttribute('value')).toBe(String(value));
    }
    expect(await descriptionOf(form.getByRole('radiogroup', { name: 'Sense of belonging' }))).toBe(
      '1 means feels left out. 5 means feels part of the group.',
    );
    await tabTo(page, form.getByLabel('Next steps'));
    await page.keyboard.type('Ask Maya to start each problem before Sam joins in.');
    await screenshot(page, 'checkins-01-form');
    await expectAccessible(page);
    await tabTo(page, form.getByRole('button', { name: 'Save the check-in' }));
    await page.keyboard.press('Enter');

    await waitForText(panel.getByRole('status').filter({ hasText: 'saved' }), /Check-in of .+ saved\./);
    const newest = entries().first();
    await waitForText(newest, /Belonging 2 of 5.*Engagement 3 of 5.*Workload 4 of 5.*Confidence 2 of 5/);
    expect(await textOf(newest)).toMatch(/Math 7 — peer tutor/);
    expect(await textOf(newest)).toMatch(/With Sam Rivera · Held by Morgan Diaz/);
    expect(await textOf(newest)).toMatch(/Maya rarely asks Sam a question herself\./);
    expect(await entries().count()).toBe(4);
    await waitForText(page.locator(':focus'), /^Record a check-in$/);
    await screenshot(page, 'checkins-02-timeline');
    await expectAccessible(page);
  });

  test('the newest check-in is edited in place; an older one is deleted after a question', async () => {
    const panel = page.getByRole('region', { name: 'Check-ins', exact: true });
    const edit = timeline()
      .getByRole('listitem')
      .first()
      .getByRole('button', { name: /^Edit the check-in of/ });
    await edit.focus();
    await page.keyboard.press('Enter');
    const form = panel.getByRole('form', { name: /^Edit the check-in of/ });
    const belonging = form.getByRole('radiogroup', { name: 'Sense of belonging' });
    await tabTo(page, belonging.getByRole('radio', { name: /^2/ }));
    await page.keyboard.press('ArrowRight');
    await tabTo(page, form.getByLabel('Next steps'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Maya starts; Sam checks in after five minutes.');
    await screenshot(page, 'checkins-03-edit');
    await tabTo(page, form.getByRole('button', { name: 'Save the changes' }));
    await page.keyboard.press('Enter');
    await waitForText(panel.getByRole('status').filter({ hasText: 'updated' }), /Check-in of .+ updated\./);
    const newest = entries().first();
    await waitForText(newest, /Belonging 3 of 5/);
    expect(await textOf(newest)).toMatch(/Sam checks in after five minutes/);
    expect(await textOf(newest)).toMatch(/Maya rarely asks Sam/);
    await waitForText(page.locator(':focus'), /^Edit$/);

    const older = entries().filter({ hasText: 'They settled into a routine quickly.' });
    await older.getByRole('button', { name: /^Delete the check-in of/ }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete this check-in?' });
    await waitForText(dialog, /will be removed for good/);
    await dialog.getByRole('button', { name: 'Delete the check-in' }).click();
    await expectGone(page.getByText('They settled into a routine quickly.'));
    expect(await entries().count()).toBe(3);
    await waitForText(panel.getByRole('status').filter({ hasText: 'deleted' }), /Check-in of .+ deleted\./);
    expect(host.calls.filter((channel) => channel === 'checkIns.delete')).toHaveLength(1);
  });

  test('the mentor’s page shows their service hours, sessions a page at a time, ratings over time and the check-in', async () => {
    await page.goto(`${host.url}#/mentors/${mentorId}`);
    const hours = page.getByRole('region', { name: 'Sessions and service hours' });
    const hoursText = (heldMinutes / 60).toFixed(1).replace(/\.0$/, '');
    await waitForText(hours, new RegExp(`All time${hoursText} hours${heldMinutes} minutes in 11 held sessions`));
    expect(await textOf(hours)).toMatch(/This school year.*hours/);
    expect(await textOf(hours)).toMatch(/11 held and 1 missed in all\./);
    const sessions = hours.getByRole('list', { name: 'Sessions, most recent first' }).getByRole('listitem');
    expect(await sessions.count()).toBe(10);
    expect(await textOf(sessions.nth(2))).toMatch(/Math 7 — peer tutorMissed \(Student absent\)/);
    expect(await textOf(sessions.first())).toMatch(/Held, 20 minutes/);
    await hours.getByRole('button', { name: 'Show more sessions' }).click();
    await expectGone(hours.getByRole('button', { name: 'Show more sessions' }));
    expect(await sessions.count()).toBe(12);

    const checkIns = page.getByRole('region', { name: 'Check-ins', exact: true });
    const chart = checkIns.getByRole('img');
    await waitForText(checkIns, /Belonging 3 of 5/);
    // The deleted check-in's ratings are gone from the chart too.
    expect(await chart.getAttribute('aria-label')).toMatch(
      /^3 check-ins with ratings\. Latest, on .+: workload 4 of 5, confidence 2 of 5\. First, on .+: workload 1 of 5, confidence 2 of 5\.$/,
    );
    const mentorEntries = checkIns.getByRole('list', { name: 'Check-ins, newest first' }).locator(':scope > li');
    expect(await mentorEntries.count()).toBe(3);
    expect(await textOf(mentorEntries.first())).not.toMatch(/With Sam/);
    await screenshot(page, 'checkins-04-mentor-activity');
    for (const [region, name] of [
      [hours, 'checkins-05-hours'],
      [checkIns, 'checkins-06-mentor-check-ins'],
    ] as const) {
      await region.screenshot({ path: `${SCREENSHOTS}/${name}.png`, caret: 'initial' });
    }
    await expectAccessible(page);
    expect(app.problems).toEqual([]);
  });
});
