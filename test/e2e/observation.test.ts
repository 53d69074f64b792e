/**
 * Observation mode: a teacher sets up a short momentary-time-sampling observation, runs it by
 * keyboard while Playwright's fake clock plays the cues, leaves one interval untapped (missing, not
 * "no"), stops early, reviews the percents and saves; the progress point shows in the goal's graph
 * table on the plan page. Pausing holds the clock; an observation left alone runs out by itself;
 * a past observation is deleted with its progress point.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppBrowser, expectAccessible, openApp, screenshot, textOf, waitForText } from './browser';
import { call, isoDate } from './flows';
import { type Host, startHost } from './host';
import { supportedStudentViaServices } from './program';

const INTERVAL_MS = 5_000;

describe('observation mode', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let studentId: string;
  let socialGoalId: string;

  beforeAll(async () => {
    host = await startHost();
    const supported = await supportedStudentViaServices(host, {
      goals: [
        {
          area: 'social_emotional',
          statement: 'During group work, Maya will initiate or respond to a peer in 60% of observed intervals.',
          measurement: 'intervals',
          baseline: 20,
          target: 60,
          criterion: '60% of intervals in 3 consecutive observations',
          reportingPeriods: [],
        },
        { reportingPeriods: [] },
      ],
    });
    studentId = supported.studentId;
    [socialGoalId = ''] = supported.goalIds;
    // The fake clock lets the test play each 5-second cue at once instead of waiting for it.
    app = await openApp(host, { beforeLoad: (context) => context.clock.install() });
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  async function openObservePage(): Promise<void> {
    await page.goto(`${host.url}#/students/${studentId}/observe`);
    await page.getByRole('heading', { name: /^Observe/, level: 1 }).waitFor();
    await page.getByRole('form', { name: 'Set up the observation' }).waitFor();
  }

  /** Five-second intervals over one minute, then Enter in the setting field starts it, with the clock held still. */
  async function startShortObservation(setting: string): Promise<void> {
    const form = page.getByRole('form', { name: 'Set up the observation' });
    await form.getByLabel('Interval length').selectOption('5');
    await form.getByLabel('Duration').selectOption('1');
    await waitForText(form.getByRole('status').first(), /^12 intervals: a cue every 5 seconds for 1 minute\.$/);
    const field = form.getByLabel('Setting (optional)');
    await field.fill(setting);
    const now = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(now + 1_000);
    await field.press('Enter');
    await page.getByRole('region', { name: 'Observing' }).waitFor();
  }

  const running = () => page.getByRole('region', { name: 'Observing' });
  const announcement = () => running().locator('p[aria-live="polite"]');
  const toggle = (name: string) => running().getByRole('button', { name, exact: true });

  /** axe needs running timers: the observation is paused (P) while the page's clock runs for the check. */
  async function expectAccessibleWhilePaused(): Promise<void> {
    await page.keyboard.press('p');
    await page.clock.resume();
    await expectAccessible(page);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await page.keyboard.press('p');
  }

  async function nextCue(expected: number): Promise<void> {
    await page.clock.runFor(INTERVAL_MS);
    await waitForText(announcement(), new RegExp(`^Interval ${expected} of 12\\.$`));
  }

  test('a short observation run by keyboard: a missed tap is missing, the percents are saved as a progress point', async () => {
    await openObservePage();
    const form = page.getByRole('form', { name: 'Set up the observation' });
    expect(await form.getByLabel('Date').inputValue()).toBe(isoDate());
    expect(await form.getByLabel('Interval length').inputValue()).toBe('15');
    await waitForText(form.getByRole('status').first(), /^40 intervals: a cue every 15 seconds for 10 minutes\.$/);
    // The goal written in percent of intervals starts chosen, measured by interaction; the math goal is offered, not chosen.
    const goals = form.getByRole('group', { name: 'Goals this observation measures' });
    expect(await goals.getByRole('checkbox', { name: /^Goal 1: Social-emotional/ }).isChecked()).toBe(true);
    expect(await goals.getByLabel('Measured by (Goal 1: Social-emotional)').inputValue()).toBe('interacting');
    expect(await goals.getByRole('checkbox', { name: /^Goal 2: Math/ }).isChecked()).toBe(false);
    await screenshot(page, 'observation-00-setup');
    await expectAccessible(page);

    await startShortObservation('Math 7, group work');
    await waitForText(running(), /Interval 1 of 12/);
    await waitForText(running(), /nothing tapped yet \(missing unless you tap\)/);
    // Interval 1: engaged and initiated; A pressed twice is taken back; two different peers.
    for (const key of ['e', 'i', 'a', 'a', '+', '+']) await page.keyboard.press(key);
    expect(await toggle('Academically engaged').getAttribute('aria-pressed')).toBe('true');
    expect(await toggle('Initiated with a peer').getAttribute('aria-pressed')).toBe('true');
    expect(await toggle('Near the adult (within 3 ft)').getAttribute('aria-pressed')).toBe('false');
    expect(await textOf(running().locator('output'))).toBe('2');
    await waitForText(running(), /This interval: Academically engaged and Initiated with a peer\./);

    await nextCue(2);
    expect(await toggle('Academically engaged').getAttribute('aria-pressed')).toBe('false');
    // Interval 2: no tap at all.
    await nextCue(3);
    await page.keyboard.press('n');
    expect(await toggle('None of these').getAttribute('aria-pressed')).toBe('true');
    await nextCue(4);
    for (const key of ['e', 'r', 'a']) await page.keyboard.press(key);
    await waitForText(running(), /So far: 2 marked, 1 missing\./);
    await screenshot(page, 'observation-01-running');
    await expectAccessibleWhilePaused();
    // Interval 5 opens and is left untapped: stopping now keeps the 4 intervals before it.
    await nextCue(5);
    await running().getByRole('button', { name: 'Stop and review' }).focus();
    await page.keyboard.press('Enter');
    await page.clock.resume();

    const review = page.getByRole('region', { name: 'Review the observation' });
    await waitForText(review, /4 of 12 planned, 5 seconds each \(stopped early\)/);
    const rows = review.getByRole('table', { name: 'What was seen, in the intervals with a mark' }).locator('tbody tr');
    expect(await rows.allInnerTexts()).toEqual([
      'Academically engaged\t2\t3\t66.7%',
      'Interacting with a peer\t2\t3\t66.7%',
      'Initiated with a peer\t1\t3\t33.3%',
      'Responded to a peer\t1\t3\t33.3%',
      'Near the adult (within 3 ft)\t1\t3\t33.3%',
    ]);
    await waitForText(review, /1 of 4 intervals was missing \(no tap\) and is left out of every percent\./);
    await waitForText(review.getByRole('list'), /Goal 1: Social-emotional: 66\.7% \(interaction with a peer\)/);
    await screenshot(page, 'observation-02-review');
    await expectAccessible(page);
    await review.getByRole('button', { name: 'Save the observation' }).focus();
    await page.keyboard.press('Enter');

    const saved = page.getByRole('region', { name: 'Observation saved' });
    await waitForText(saved, /Goal 1: Social-emotional: 66\.7% on/);
    await screenshot(page, 'observation-03-saved');
    await expectAccessible(page);
    const [observation] = await call(host, 'observations.listForStudent', { studentId });
    expect(observation?.intervals).toEqual([
      { engaged: true, initiated: true, responded: false, nearAdult: false },
      { engaged: null, initiated: null, responded: null, nearAdult: null },
      { engaged: false, initiated: false, responded: false, nearAdult: false },
      { engaged: true, initiated: false, responded: true, nearAdult: true },
    ]);
    expect(observation?.peersCount).toBe(2);
    expect(observation?.setting).toBe('Math 7, group work');

    await saved.getByRole('link', { name: 'Open IEP, version 1' }).focus();
    await page.keyboard.press('Enter');
    const card = page.getByRole('article', { name: 'Goal 1: Social-emotional' });
    await card.getByText('Show the data as a table').click();
    await waitForText(card.getByRole('table'), /66\.7/);
  });

  test('pausing holds the clock; an observation left alone runs out, and untapped intervals make no point', async () => {
    await openObservePage();
    await startShortObservation('Reading 7');
    // The soft tone is off until asked for; turned on, the cues play it without a fuss (no console errors, checked at the end).
    const tone = running().getByRole('checkbox', { name: 'Play a soft tone at each cue' });
    expect(await tone.isChecked()).toBe(false);
    await tone.press('Space');
    expect(await tone.isChecked()).toBe(true);
    await page.keyboard.press('p');
    await waitForText(running(), /Paused/);
    await waitForText(announcement(), /^Paused at interval 1\.$/);
    await page.clock.runFor(4 * INTERVAL_MS);
    await waitForText(running(), /Interval 1 of 12/);
    await page.keyboard.press('p');
    await page.clock.runFor(12 * INTERVAL_MS);
    await page.clock.resume();

    const review = page.getByRole('region', { name: 'Review the observation' });
    await waitForText(review, /12, 5 seconds each/);
    await waitForText(review, /12 of 12 intervals were missing/);
    await waitForText(review.getByRole('list'), /no point, because no interval has a mark for interaction with a peer/);
    await screenshot(page, 'observation-04-review-all-missing');
    await expectAccessible(page);
    await review.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard the observation' }).click();
    await page.getByRole('form', { name: 'Set up the observation' }).waitFor();
    expect(await textOf(page.locator(':focus'))).toBe('Set up');
    expect(await call(host, 'observations.listForStudent', { studentId })).toHaveLength(1);
  });

  test('a past observation is listed and deleted with the progress point it made', async () => {
    const past = page.getByRole('region', { name: 'Past observations' });
    const row = past.getByRole('row', { name: /Math 7, group work/ });
    expect((await row.locator('td').allTextContents()).slice(0, 7)).toEqual([
      'Math 7, group work',
      '3 of 4',
      '66.7%',
      '66.7%',
      '33.3%',
      '2',
      '1',
    ]);
    await screenshot(page, 'observation-05-past');
    await row.getByRole('button', { name: /^Delete the observation of/ }).click();
    const dialog = page.getByRole('alertdialog');
    await waitForText(dialog, /The observation and the progress point it made are deleted\./);
    await dialog.getByRole('button', { name: 'Delete the observation' }).click();
    await waitForText(past, /No observations recorded yet\./);
    await waitForText(past.getByRole('status'), /was deleted/);
    expect(await call(host, 'progressPoints.listForGoal', { goalId: socialGoalId })).toEqual([]);
    await expectAccessible(page);
    expect(app.problems).toEqual([]);
  });
});
