/**
 * A case manager's whole afternoon through the real UI: a student added with a guardian, an IEP
 * started with the usual dates, two goals (one refused by the service, fixed, and saved), a peer tutor
 * serving both so the gaps disappear, the link changed from either side, a trained mentor assigned,
 * an amendment that leaves version 1 read-only, the plan page at 200% zoom, and the list finding her.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TrainingModule } from '../../src-main/contract';
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

/** Today on the machine's calendar, shifted by whole days or years, as the plan form computes it. */
function isoDate(shift: { days?: number; years?: number } = {}): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getFullYear() + (shift.years ?? 0), now.getMonth(), now.getDate() + (shift.days ?? 0)));
  return date.toISOString().slice(0, 10);
}

describe('plans', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    await call(host, 'staff.create', { name: 'Priya Shah', role: 'special_education_teacher' });
    // A mentor with consent, all five modules and period 3 free all week; and one with no training.
    const trained = (module: TrainingModule) => ({ module, completedOn: isoDate({ days: -20 }) });
    await call(host, 'mentors.create', {
      localId: 'M-301',
      firstName: 'Leo',
      lastName: 'Tanaka',
      grade: 8,
      school: 'Harborview Middle School',
      consentGivenOn: isoDate({ days: -30 }),
      guardianConsentGivenOn: isoDate({ days: -30 }),
      availability: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, period: 3 })),
      training: (['confidentiality', 'sensitivity', 'instructional_techniques', 'fostering_independence', 'getting_an_adult'] as const).map(
        trained,
      ),
    });
    await call(host, 'mentors.create', {
      localId: 'M-302',
      firstName: 'Ivy',
      lastName: 'Moreau',
      grade: 8,
      school: 'Harborview Middle School',
      consentGivenOn: isoDate({ days: -30 }),
      guardianConsentGivenOn: isoDate({ days: -30 }),
      availability: [{ day: 'mon', period: 3 }],
    });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const region = (name: string | RegExp, exact = false) => page.getByRole('region', { name, exact });
  /** The plan on screen, from the address (#/students/<id>/plans/<planId>). */
  const currentPlanId = () => /\/plans\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
  /** Long enough for a second save, had one been sent, to have been written. */
  const settled = () => page.waitForTimeout(400);

  test('a student is added with a guardian who prefers Spanish', async () => {
    await waitForText(page.getByRole('main'), /No students yet/);
    await page.getByRole('link', { name: 'Add a student' }).click();
    await page.getByRole('heading', { name: 'Add a student', level: 1 }).waitFor();
    await page.getByLabel('First name').fill('Maya');
    await page.getByLabel('Last name').fill('Lopez');
    await page.getByLabel('Student number').fill('100234');
    await page.getByLabel('Grade', { exact: true }).selectOption({ label: 'Grade 7' });
    await page.getByLabel('School').fill('Harborview Middle School');
    await page.getByLabel('Date of birth').fill('2013-04-09');
    await page.getByLabel('Case manager').selectOption({ label: 'Morgan Diaz' });
    const guardian = page.getByRole('group', { name: 'Parent or guardian 1' });
    await guardian.getByLabel('Name').fill('Rosa Lopez');
    // The row's legend follows the name as it is typed.
    const rosa = page.getByRole('group', { name: 'Rosa Lopez' });
    await rosa.getByLabel('Relationship').fill('Mother');
    await rosa.getByLabel('Email').fill('rosa.lopez@example.org');
    await rosa.getByLabel('Preferred language').selectOption({ label: 'Spanish' });
    await screenshot(page, 'plans-01-student-form');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add the student' }).click();

    await page.getByRole('heading', { name: 'Maya Lopez', level: 1 }).waitFor();
    await waitForText(region('Parents and guardians'), /Rosa Lopez \(Mother\).*rosa\.lopez@example\.org.*Spanish/);
    await waitForText(region('Details'), /Grade 7.*Harborview Middle School.*Morgan Diaz/);
  });

  test('an IEP starts with the usual dates filled in', async () => {
    await page.getByRole('link', { name: 'Start a plan' }).click();
    await page.getByRole('heading', { name: 'Start a plan for Maya Lopez', level: 1 }).waitFor();
    expect(await page.getByRole('radio', { name: 'IEP' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Starts').inputValue()).toBe(isoDate());
    expect(await page.getByLabel('Ends').inputValue()).toBe(isoDate({ years: 1, days: -1 }));
    expect(await page.getByLabel('Annual review due').inputValue()).toBe(isoDate({ years: 1, days: -1 }));
    expect(await page.getByLabel('Re-evaluation due').inputValue()).toBe(isoDate({ years: 3 }));
    const team = page.getByRole('group', { name: 'Team' });
    expect(await team.getByLabel(/Morgan Diaz/).isChecked()).toBe(true);
    await team.getByLabel(/Priya Shah/).check();
    await screenshot(page, 'plans-02-new-plan');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create the plan' }).click();

    await page.getByRole('heading', { name: /IEP, version 1/, level: 1 }).waitFor();
    await waitForText(region('Dates and team'), /Morgan Diaz, Priya Shah/);
    await waitForText(region('Peer support', true), /Add the plan's goals/);
  });

  test('two goals: the second is refused by the service, fixed, and saved with nothing retyped', async () => {
    const goals = region(/^Goals/);
    await goals.getByRole('button', { name: 'Add a goal' }).click();
    let form = page.getByRole('form', { name: 'New goal' });
    await form.getByLabel('Area').selectOption({ label: 'Reading' });
    await form.getByLabel('Goal statement').fill('Given a grade-level passage, Maya will answer comprehension questions correctly.');
    await form.getByLabel('Baseline').fill('40');
    await form.getByLabel('Target').fill('80');
    await form.getByLabel('Criterion').fill('80% in 4 of 5 consecutive probes');
    expect(await form.getByLabel('Measured', { exact: true }).inputValue()).toBe('Every week');
    expect(await form.getByLabel('Period 4 ends').inputValue()).toBe(isoDate({ years: 1, days: -1 }));
    // A double click on Save saves one goal (the form kit ignores the second submit; the services its repeat).
    await form.getByRole('button', { name: 'Add the goal' }).dblclick();
    await waitForText(goals.getByRole('heading', { name: 'Goal 1: Reading' }), /Goal 1/);
    await settled();
    expect((await call(host, 'plans.get', { id: currentPlanId() })).goals).toHaveLength(1);
    expect(await goals.getByRole('article').count()).toBe(1);
    expect(host.calls.filter((channel) => channel === 'goals.create')).toHaveLength(1);

    await goals.getByRole('button', { name: 'Add a goal' }).click();
    form = page.getByRole('form', { name: 'New goal' });
    await form.getByLabel('Area').selectOption({ label: 'Math' });
    await form.getByLabel('Measured as').selectOption({ label: 'Rubric level' });
    await form.getByLabel('Goal statement').fill('Maya will explain her steps when solving two-step word problems.');
    await form.getByLabel('Top rubric level').fill('4');
    await form.getByLabel('Baseline').fill('2');
    await form.getByLabel('Target').fill('2');
    await form.getByLabel('Criterion').fill('Level 3 on 3 of 4 work samples');
    await form.getByRole('button', { name: 'Add the goal' }).click();
    const refusal = /The target must differ from the baseline/;
    await waitForMatch(() => descriptionOf(form.getByLabel('Target')), refusal);
    await screenshot(page, 'plans-03-goal-refused');
    await expectAccessible(page);
    expect(await form.getByLabel('Goal statement').inputValue()).toContain('two-step word problems');

    await form.getByLabel('Target').fill('3');
    await form.getByRole('button', { name: 'Add the goal' }).click();
    await waitForText(goals.getByRole('article', { name: 'Goal 2: Math' }), /from level 2 of 4 to level 3 of 4/);
    await waitForText(region(/gaps in peer support/), /These 2 goals have no peer support serving them/);
  });

  test('a peer tutor serving both goals closes the gaps', async () => {
    await page.getByRole('button', { name: 'Add a peer support' }).click();
    const form = page.getByRole('form', { name: 'New peer support' });
    await form.getByLabel('Role').selectOption({ label: 'Peer tutor' });
    await form.getByLabel('Class').fill('Math 7');
    // The week grid by keyboard: Space ticks, arrows move.
    await form.getByRole('checkbox', { name: 'Monday, period 3' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await form.getByLabel('Sessions a week').inputValue()).toBe('3');
    const serves = form.getByRole('group', { name: 'Goals it serves' });
    await serves.getByLabel(/Goal 1: Reading/).check();
    await serves.getByLabel(/Goal 2: Math/).check();
    await screenshot(page, 'plans-04-peer-support-form');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Add the peer support' }).click();

    const card = page.getByRole('article', { name: 'Peer tutor in Math 7' });
    await waitForText(card, /Period 3: Mon, Wed, Fri.*3 sessions a week, 20 minutes each/);
    await waitForText(region('Peer support', true), /Every goal has peer support, and every peer support serves a goal/);
    await screenshot(page, 'plans-05-no-gaps');
    await expectAccessible(page);
  });

  test('the link can be changed from the peer support and from the goal', async () => {
    const card = page.getByRole('article', { name: 'Peer tutor in Math 7' });
    await card
      .getByRole('group', { name: /^Serves/ })
      .getByLabel(/Goal 2: Math/)
      .uncheck();
    await waitForText(region(/gap in peer support/), /This goal has no peer support serving it:.*Goal 2: Math/);
    const goal = page.getByRole('article', { name: 'Goal 2: Math' });
    await waitForText(goal, /No peer support yet/);
    await goal
      .getByRole('group', { name: /^Served by/ })
      .getByLabel('Peer tutor in Math 7')
      .check();
    await waitForText(region('Peer support', true), /Every goal has peer support/);
    expect(
      await card
        .getByRole('group', { name: /^Serves/ })
        .getByLabel(/Goal 2: Math/)
        .isChecked(),
    ).toBe(true);
  });

  test('on the peer support, a trained mentor is assigned and an untrained one is refused', async () => {
    const card = page.getByRole('article', { name: 'Peer tutor in Math 7' });
    const form = card.getByRole('form', { name: 'Assign a mentor' });
    await form.getByLabel('Mentor').selectOption({ label: 'Ivy Moreau (grade 8)' });
    await waitForText(form.getByRole('alert').filter({ hasText: 'cannot take this on' }), /training/);
    await form.getByLabel('Mentor').selectOption({ label: 'Leo Tanaka (grade 8)' });
    await waitForText(form.getByRole('status').last(), /meets every rule/);
    await form.getByRole('button', { name: 'Assign' }).click();
    await waitForText(card.getByRole('listitem').filter({ hasText: 'Leo Tanaka' }), /Active/);
    await screenshot(page, 'plans-06-mentor-assigned');
  });

  test('an amendment is a new draft; once active, version 1 is read-only and says so', async () => {
    const summary = region('Dates and team');
    await summary.getByRole('button', { name: 'Make this plan active' }).click();
    await waitForText(summary.getByRole('status').last(), /The plan is active/);
    await summary.getByRole('button', { name: 'Amend' }).click();
    await page.getByRole('heading', { name: /IEP, version 2/, level: 1 }).waitFor();
    // The draft copies the goals, the peer support and the links between them.
    await waitForText(page.getByRole('article', { name: 'Peer tutor in Math 7' }), /Serves.*(Reading.*Math|Math.*Reading)/);
    await region('Dates and team').getByRole('button', { name: 'Make this plan active' }).click();
    await waitForText(page.getByRole('navigation', { name: 'Versions' }), /Version 1: Superseded.*Version 2: Active \(this page\)/);

    await page.getByRole('navigation', { name: 'Versions' }).getByRole('link', { name: 'Version 1: Superseded' }).click();
    await page.getByRole('heading', { name: /IEP, version 1/, level: 1 }).waitFor();
    await waitForText(page.getByRole('note'), /Read-only: version 1, superseded\./);
    await expectGone(page.getByRole('button', { name: 'Add a goal' }));
    await expectGone(page.getByRole('checkbox', { name: /Goal 1/ }));
    await screenshot(page, 'plans-07-read-only-version');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Go to the current version (2)' }).click();
    await page.getByRole('heading', { name: /IEP, version 2/, level: 1 }).waitFor();
  });

  test('double-clicking Add the point saves one progress point', async () => {
    const reading = page.getByRole('article', { name: /: Reading$/ });
    const form = reading.getByRole('form', { name: 'Add a progress point' });
    await form.getByLabel('Value', { exact: true }).fill('55');
    await form.getByRole('button', { name: 'Add the point' }).dblclick();
    await waitForText(form.getByRole('status').last(), /Point added \(55\)/);
    await settled();
    const goal = (await call(host, 'plans.get', { id: currentPlanId() })).goals.find((each) => each.area === 'reading');
    expect(await call(host, 'progressPoints.listForGoal', { goalId: goal?.id ?? '' })).toHaveLength(1);
    expect(host.calls.filter((channel) => channel === 'progressPoints.create')).toHaveLength(1);
  });

  test('the active plan is not edited in place: it says why and points to amending; in the new draft a goal is edited, and a delete says what goes and can be undone', async () => {
    const reading = page.getByRole('article', { name: /: Reading$/ });
    // Version 2 is active: its goals and supports change only through an amendment. The page offers
    // no Add or Edit, says why, and offers the Spanish statement (a translation is not a change to the plan).
    await expectGone(reading.getByRole('button', { name: /^Edit Goal \d: Reading$/ }));
    await expectGone(page.getByRole('button', { name: 'Add a goal' }));
    await expectGone(page.getByRole('button', { name: 'Add a peer support' }));
    await waitForText(region(/^Goals/), /This plan is active: its goals change only through an amendment.*Amend the plan/);
    await waitForText(region(/^Peer supports \(/), /This plan is active: its peer supports change only through an amendment/);
    await reading.getByRole('button', { name: /^Edit the Spanish statement of Goal \d: Reading$/ }).click();
    const translation = reading.getByRole('form', { name: 'Edit the Spanish statement' });
    await translation.getByLabel(/Spanish/).fill('Dado un pasaje del grado, Maya contestará preguntas de comprensión.');
    await translation.getByRole('button', { name: 'Save the translation' }).click();
    await translation.waitFor({ state: 'detached' });
    await waitForMatch(
      async () =>
        JSON.stringify(
          (await call(host, 'plans.get', { id: currentPlanId() })).goals.find((each) => each.area === 'reading')?.statementTranslations,
        ),
      /Maya contestará/,
    );

    await page.getByRole('button', { name: /^Delete Goal \d: Reading$/ }).click();
    const refused = page.getByRole('alertdialog', { name: /can't be deleted here/ });
    await waitForText(refused, /This plan is active: its goals change only through an amendment.*Amend the plan/);
    await waitForText(refused, /Close/);
    await screenshot(page, 'plans-08a-delete-refused-active', 'viewport');
    await refused.getByRole('button', { name: 'Close' }).click();
    await refused.waitFor({ state: 'detached' });
    expect((await call(host, 'plans.get', { id: currentPlanId() })).goals).toHaveLength(2);

    // The refusal offers the way that works: amending makes a new draft version to change.
    await page.getByRole('button', { name: /^Delete Goal \d: Reading$/ }).click();
    await refused.getByRole('button', { name: 'Amend the plan' }).click();
    await page.getByRole('heading', { name: /IEP, version 3/, level: 1 }).waitFor();
    // In the draft, the goal is edited in place.
    const draftReading = page.getByRole('article', { name: /: Reading$/ });
    await draftReading.getByRole('button', { name: /^Edit Goal \d: Reading$/ }).click();
    const form = draftReading.getByRole('form', { name: 'Edit goal' });
    expect(await form.getByLabel('Baseline').inputValue()).toBe('40');
    await form.getByLabel('Target').fill('85');
    await form.getByRole('button', { name: 'Save the goal' }).click();
    await waitForText(draftReading, /from 40% to 85%/);
    await page.getByRole('button', { name: /^Delete Goal \d: Reading$/ }).click();
    const dialog = page.getByRole('alertdialog', { name: /^Delete Goal \d: Reading\?$/ });
    // The point recorded under version 2 stays there; nothing of this draft's goal has data of its own.
    await waitForText(dialog, /The 1 progress point recorded under an earlier version of the plan stays with that version\..*undo/);
    await screenshot(page, 'plans-08b-delete-confirmation', 'viewport');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Delete the goal' }).click();
    await dialog.waitFor({ state: 'detached' });
    const notice = page.locator('.action-notice');
    await waitForText(notice, /Goal \d: Reading was deleted\./);
    await waitForMatch(async () => String(await page.evaluate<boolean>(`!!document.activeElement?.closest('.action-notice')`)), /true/);
    await screenshot(page, 'plans-08c-undo-notice', 'viewport');
    await expectAccessible(page);
    expect(await page.getByRole('article', { name: /Goal \d: / }).count()).toBe(1);
    // Undo by keyboard: the notice has focus, Tab reaches Undo.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForText(notice, /is back, with everything that went with it/);
    await waitForText(page.getByRole('article', { name: /: Reading$/ }), /from 40% to 85%/);
    expect(await page.getByRole('article', { name: /Goal \d: / }).count()).toBe(2);
    await waitForMatch(async () => await page.evaluate<string>('document.activeElement?.textContent ?? ""'), /Reading/);

    await page.getByRole('button', { name: 'Delete Peer tutor in Math 7' }).click();
    const support = page.getByRole('alertdialog', { name: 'Delete Peer tutor in Math 7?' });
    await support.getByRole('button', { name: /^Delete the peer support/ }).click();
    await support.waitFor({ state: 'detached' });
    await waitForText(region(/gaps in peer support/), /These 2 goals have no peer support serving them/);
    await expectGone(page.getByRole('article', { name: 'Peer tutor in Math 7' }));
  });

  test('at 200% zoom the plan page is one readable column, with nothing cut off sideways', async () => {
    // A 1280×800 window at 200% zoom lays out like a 640×400 one.
    await page.setViewportSize({ width: 640, height: 400 });
    await waitForText(region(/gaps in peer support/), /These 2 goals/);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'plans-08-zoom-200');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('the student and the plan show on the record, and the list search finds her', async () => {
    await page.getByRole('link', { name: 'Back to Maya Lopez' }).click();
    await page.getByRole('heading', { name: 'Maya Lopez', level: 1 }).waitFor();
    await waitForText(region('Plans'), /IEP, version 2.*Active.*IEP, version 1.*Superseded/);
    await page.getByRole('link', { name: 'All students' }).click();
    await page.getByLabel('Search by name or student number').fill('lope');
    await waitForText(page.getByRole('main').getByRole('status').first(), /^1–1 of 1$/);
    const row = page.getByRole('row', { name: /Maya Lopez/ });
    expect(await textOf(row)).toMatch(/100234.*Grade 7.*Harborview Middle School.*Morgan Diaz.*IEP/);
    await screenshot(page, 'plans-09-list-search');
    await expectAccessible(page);
    expect(app.problems).toEqual([]);
  });
});
