/**
 * Matching on the demo program, through the suggestions screen: run it, read a suggestion's reasons,
 * accept one and see the assignment on the mentor's page and on the accommodation's card, reject one
 * and see it gone from the next run, a manual choice blocked by a hard rule (and one allowed with its
 * concerns), the avoid list, and the weights in Settings. Screenshots and axe at each step.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MatchRun, MatchSuggestion, OpenSeat } from '../../src-main/contract';
import { type AppBrowser, expectAccessible, expectGone, openApp, screenshot, textOf, waitForText } from './browser';
import { call } from './flows';
import { type Host, startHost } from './host';

const HARD_RULES = new Set(['consent', 'guardian_consent', 'training', 'load_cap', 'time_off', 'schedule', 'avoid_list', 'other_school']);

describe('matching mentors to open seats', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let accepted: MatchSuggestion;
  let rejected: MatchSuggestion;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host);
    page = app.page;
    await page.getByRole('button', { name: 'Try with demo data' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForText(page.getByRole('banner'), /Demo data/);
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const which = (one: MatchSuggestion) => `${one.mentorName} for ${one.studentName} in ${one.settingClass}`;
  const suggestionCard = (one: MatchSuggestion) => page.getByRole('article', { name: which(one), exact: true }).first();
  const serviceRun = () => call(host, 'matching.suggest', { mode: 'fill' });

  test('the mentors list leads to matching, which runs on the whole program and explains each suggestion', async () => {
    await page.goto(`${host.url}#/mentors`);
    await page.getByRole('link', { name: 'Match mentors to open seats' }).click();
    await page.getByRole('heading', { name: 'Match mentors to open seats', level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Run matching' }).click();

    const run = await serviceRun();
    expect(run.suggestions.length).toBeGreaterThan(2);
    await page.getByRole('heading', { name: `${run.suggestions.length} suggestions`, level: 2 }).waitFor();
    await waitForText(
      page.getByRole('region', { name: /^Suggestions to fill open seats/ }),
      new RegExp(`${run.totals.seatsFilled} can be filled`),
    );

    [accepted, rejected] = run.suggestions as [MatchSuggestion, MatchSuggestion];
    const card = suggestionCard(accepted);
    const reasons = await textOf(card.getByRole('list', { name: `Why ${accepted.mentorName} for ${accepted.studentName}` }));
    for (const reason of accepted.reasons) expect(reasons).toContain(reason.text);
    expect(await textOf(card)).toContain(`Score ${accepted.score}`);
    await screenshot(page, 'matching-01-suggestions');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-01b-suggestion-card', 'viewport');
    await expectAccessible(page);
  });

  test('accepting one suggestion makes the assignment; rejecting another is remembered', async () => {
    await suggestionCard(accepted)
      .getByRole('button', { name: `Accept ${which(accepted)}` })
      .click();
    await waitForText(suggestionCard(accepted), /Accepted: .* now supports/);
    await suggestionCard(rejected)
      .getByRole('button', { name: `Reject ${which(rejected)}` })
      .click();
    await waitForText(suggestionCard(rejected), /Rejected: Peerpath will not suggest/);
    // Taken back, the suggestion is open again; rejected once more, it stays rejected for the next run.
    await suggestionCard(rejected)
      .getByRole('button', { name: `Undo the rejection ${which(rejected)}` })
      .click();
    await suggestionCard(rejected)
      .getByRole('button', { name: `Reject ${which(rejected)}` })
      .click();
    await waitForText(suggestionCard(rejected), /Rejected: Peerpath will not suggest/);
    await screenshot(page, 'matching-02-decided');
    await expectAccessible(page);

    const mentorAssignments = await call(host, 'assignments.listForMentor', { mentorId: accepted.mentorId });
    expect(mentorAssignments.some((one) => one.accommodationId === accepted.accommodationId && one.endDate === null)).toBe(true);
  });

  test('the next run no longer offers the rejected pair, nor the seat just filled', async () => {
    await page.getByRole('button', { name: 'Run again' }).click();
    await expectGone(page.getByText(/^Rejected: Peerpath will not suggest/));
    const run = await serviceRun();
    await page.getByRole('heading', { name: `${run.suggestions.length} suggestions`, level: 2 }).waitFor();
    const pairs = run.suggestions.map((one) => `${one.accommodationId}:${one.mentorId}`);
    expect(pairs).not.toContain(`${rejected.accommodationId}:${rejected.mentorId}`);
    expect(pairs).not.toContain(`${accepted.accommodationId}:${accepted.mentorId}`);
    expect(await page.getByRole('button', { name: `Reject ${which(rejected)}` }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Accept ${which(accepted)}` }).count()).toBe(0);
  });

  test('a rejection from an earlier run is listed with the pair, and can be allowed again', async () => {
    const panel = page.getByRole('region', { name: 'Rejected suggestions' });
    const row = panel.getByRole('row', { name: new RegExp(rejected.mentorName) });
    await row.waitFor();
    expect(await textOf(row)).toContain(rejected.studentName);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-02b-rejections', 'viewport');
    await row.getByRole('button', { name: /^Allow again/ }).click();
    await waitForText(panel, /Allowed again/);
    await panel.getByText('No rejected suggestions.').waitFor();
    expect(await call(host, 'matching.rejections.list', {})).toEqual([]);
    await expectAccessible(page);
  });

  test('an open seat says why; a mentor picked by hand who breaks a hard rule is blocked, with the rule shown', async () => {
    const run = await serviceRun();
    const seat = run.openSeats.find((one) => one.nearMisses.some((miss) => miss.exclusions.some((e) => HARD_RULES.has(e.rule))));
    if (!seat) throw new Error('the demo has no open seat with a near miss ruled out by a hard rule');
    const miss = seat.nearMisses.find((one) => one.exclusions.some((e) => HARD_RULES.has(e.rule)));
    if (!miss) throw new Error('unreachable');

    const card = openSeatCard(page, seat);
    await waitForText(card, new RegExp(literal(seat.summary)));
    await card.getByText(/closest mentor/).click();
    await waitForText(card, new RegExp(literal(miss.exclusions[0]?.message ?? '')));
    await card.getByRole('button', { name: `Choose a mentor by hand for ${seat.studentName} in ${seat.settingClass}` }).click();
    await card.getByLabel('Mentor', { exact: true }).selectOption(miss.mentorId);
    const verdict = card.getByText(/cannot take this seat/);
    await verdict.waitFor();
    for (const exclusion of miss.exclusions.filter((e) => HARD_RULES.has(e.rule))) {
      await waitForText(card, new RegExp(literal(exclusion.message)));
    }
    expect(await card.getByRole('button', { name: `Assign ${miss.mentorName}` }).isDisabled()).toBe(true);
    await card.getByRole('button', { name: `Assign ${miss.mentorName}` }).scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-03-override-blocked', 'viewport');
    await expectAccessible(page);
    // The service refuses it too, whatever the screen shows.
    const refused = await host.peerpath.dispatch('matching.override', {
      mentorId: miss.mentorId,
      accommodationId: seat.accommodationId,
      startDate: run.startDate,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  test('a mentor picked by hand who breaks no hard rule is assigned, with the soft concerns shown first', async () => {
    const run = await serviceRun();
    const found = findAllowedOverride(run);
    if (!found) return; // The demo may have no eligible mentor left over; the service tests cover the allowed path.
    const { seat, mentorId } = found;
    const check = await call(host, 'matching.checkPair', { mentorId, accommodationId: seat.accommodationId, startDate: run.startDate });
    expect(check.allowed).toBe(true);
    const card = openSeatCard(page, seat);
    const open = card.getByRole('button', { name: `Choose a mentor by hand for ${seat.studentName} in ${seat.settingClass}` });
    // The same seat may still have its form open from the test before.
    if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
    await card.getByLabel('Mentor', { exact: true }).selectOption(mentorId);
    await waitForText(card, /can take this seat/);
    for (const concern of check.softConcerns) await waitForText(card, new RegExp(literal(concern.message)));
    await card.getByRole('button', { name: /^Assign / }).scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-04-override-allowed', 'viewport');
    await card.getByRole('button', { name: /^Assign / }).click();
    await waitForText(card, /Chosen by hand: /);
  });

  test('the accepted assignment shows on the mentor page and on the accommodation card', async () => {
    await page.goto(`${host.url}#/mentors/${accepted.mentorId}`);
    const assignments = page.getByRole('region', { name: 'Assignments' });
    await waitForText(assignments, new RegExp(literal(accepted.settingClass)));
    await page.getByRole('region', { name: 'Matching preferences' }).waitFor();
    await screenshot(page, 'matching-05-mentor-page');
    await expectAccessible(page);

    const plans = await call(host, 'plans.listForStudent', { studentId: accepted.studentId });
    let planId: string | null = null;
    for (const plan of plans) {
      const detail = await call(host, 'plans.get', { id: plan.id });
      if (detail.accommodations.some((one) => one.id === accepted.accommodationId)) planId = plan.id;
    }
    if (!planId) throw new Error('no plan holds the accepted accommodation');
    await page.goto(`${host.url}#/students/${accepted.studentId}/plans/${planId}`);
    const accommodation = page.locator(`article:has(h3[id="accommodation-${accepted.accommodationId}"])`);
    const mentors = accommodation.getByRole('region', { name: 'Peer mentors' });
    await mentors.getByRole('link', { name: accepted.mentorName }).first().waitFor();
    await accommodation.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-06-accommodation', 'viewport');
  });

  test("a student's matching preferences are kept on their page", async () => {
    await page.goto(`${host.url}#/students/${accepted.studentId}`);
    const panel = page.getByRole('region', { name: 'Matching preferences' });
    await panel.getByLabel('Interests (optional)').fill('robotics, drawing');
    await panel.getByRole('checkbox', { name: 'Pictures and visual supports' }).check();
    await panel.getByRole('button', { name: 'Save preferences' }).click();
    await waitForText(panel, /Saved/);
    const profile = await call(host, 'matching.profile.get', { kind: 'student', id: accepted.studentId });
    expect(profile).toMatchObject({ interests: ['robotics', 'drawing'], communication: expect.arrayContaining(['visual']) });
    await expectAccessible(page);
  });

  test('the avoid list keeps a pair apart, with its reason private to staff', async () => {
    await page.goto(`${host.url}#/mentors/matching`);
    const panel = page.getByRole('region', { name: 'Pairs to avoid' });
    await panel.getByLabel('Mentor', { exact: true }).selectOption(accepted.mentorId);
    await panel.getByLabel('Find a student').fill(rejected.studentName);
    await panel
      .getByRole('radio', { name: new RegExp(`^${literal(rejected.studentName)}`) })
      .first()
      .check();
    await panel.getByLabel('Reason (kept private to staff)').fill('Conflict last year, see counselor');
    await panel.getByRole('button', { name: 'Add to avoid list' }).click();
    await panel.getByRole('cell', { name: 'Conflict last year, see counselor' }).waitFor();
    await screenshot(page, 'matching-07-avoid-list');
    await expectAccessible(page);
    const list = await call(host, 'matching.avoid.list', {});
    expect(list).toHaveLength(1);
  });

  test('Settings show the weights with their meaning, adjustable and reset to defaults', async () => {
    await page.goto(`${host.url}#/settings`);
    const section = page.getByRole('region', { name: 'Matching: what counts most' });
    const grade = section.getByRole('slider', { name: 'Grades close together' });
    await grade.waitFor();
    expect(await grade.getAttribute('aria-valuetext')).toBe('2 of 10');
    await grade.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await section.getByRole('button', { name: 'Save weights' }).click();
    await waitForText(section, /Saved/);
    expect(await call(host, 'matching.weights.get', {})).toMatchObject({ grade: 4 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-08-weights', 'viewport');
    await expectAccessible(page);

    await section.getByRole('button', { name: 'Reset to defaults' }).click();
    await waitForText(section, /Back to the default weights/);
    expect(await call(host, 'matching.weights.get', {})).toMatchObject({ grade: 2, interests: 3 });
    expect(app.problems).toEqual([]);
  });
});

function openSeatCard(page: Page, seat: OpenSeat) {
  return page
    .getByRole('article', { name: `${seat.studentName} in ${seat.settingClass}`, exact: true })
    .filter({ hasText: seat.summary })
    .first();
}

/** An open seat and a near-miss mentor ruled out only because the plan needs them elsewhere. */
function findAllowedOverride(run: MatchRun): { seat: OpenSeat; mentorId: string } | null {
  for (const seat of run.openSeats) {
    const miss = seat.nearMisses.find((one) => one.exclusions.every((e) => e.rule === 'taken'));
    if (miss) return { seat, mentorId: miss.mentorId };
  }
  return null;
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
