/**
 * My caseload through the real UI: a case manager sees their own students (not a colleague's) with
 * each one's goal status, fidelity and flags; sorts by goals at risk and filters to at-risk
 * students; opens a row to see which goals and which flags; follows a flag's link to the plan;
 * switches to another case manager and the whole program; and reads an empty caseload in plain
 * words. A student whose supports never had a mentor nor a session is not on track, whatever the
 * points say, and is under "To act on". Screenshots and axe at each step, and one at 200% zoom.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accommodationInput, goalInput, studentInput } from '../fixtures/program-input';
import { PASSPHRASE } from '../fixtures/vault';
import { type AppBrowser, expectAccessible, openApp, screenshot, textOf, waitForMatch, waitForText } from './browser';
import { call, createVaultDirectly, isoDate, lastSchoolDay } from './flows';
import { type Host, startHost } from './host';

const MODULES = ['confidentiality', 'sensitivity', 'instructional_techniques', 'fostering_independence', 'getting_an_adult'] as const;

describe('caseload', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let mayaId: string;
  let mayaPlanId: string;
  let samId: string;

  /**
   * A student on a case manager's caseload with an active IEP and one math goal measured on the given
   * days; the plan is written as a draft (its goal, and the supports `supports` adds), then made active.
   */
  async function student(
    name: string,
    caseManagerId: string,
    points: [number, number][],
    annualReviewIn = 300,
    supports?: (planId: string, goalId: string) => Promise<string>,
  ) {
    const [firstName = '', lastName = ''] = name.split(' ');
    const created = await call(
      host,
      'students.create',
      studentInput({ firstName, lastName, localId: `S-${firstName}`, caseManagerId, guardians: [] }),
    );
    const plan = await call(host, 'plans.create', {
      studentId: created.id,
      type: 'iep',
      startDate: isoDate(-60),
      endDate: isoDate(300),
      annualReviewDue: isoDate(annualReviewIn),
      teamStaffIds: [],
      status: 'draft',
    });
    const goal = await call(host, 'goals.create', goalInput(plan.id, { reportingPeriods: [], endDate: isoDate(280) }));
    const supportId = supports ? await supports(plan.id, goal.id) : null;
    await call(host, 'plans.activate', { id: plan.id });
    if (points.length > 0) {
      await call(host, 'progressPoints.createMany', {
        points: points.map(([days, value]) => ({ goalId: goal.id, date: isoDate(days), value })),
      });
    }
    return { student: created, plan, supportId };
  }

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    const team = await call(host, 'staff.list', { includeArchived: false });
    const morgan = team.find((member) => member.name === 'Morgan Diaz');
    if (!morgan) throw new Error('the vault creator has a staff record');
    const rowan = await call(host, 'staff.create', { name: 'Rowan Ellis', role: 'case_manager' });
    await call(host, 'staff.create', { name: 'Pat Kim', role: 'case_manager' });

    // Maya: seven weeks of points well behind the aim line (enough weeks for a verdict), and her annual review in 20 days.
    const maya = await student(
      'Maya Lopez',
      morgan.id,
      [
        [-49, 20],
        [-42, 21],
        [-35, 20],
        [-28, 21],
        [-21, 20],
        [-14, 20],
        [-7, 22],
      ],
      20,
      // Sam tutors Maya in Math 7.
      async (planId) =>
        (await call(host, 'accommodations.create', accommodationInput(planId, { startDate: isoDate(-45), endDate: isoDate(280) }))).id,
    );
    mayaId = maya.student.id;
    mayaPlanId = maya.plan.id;
    // Ari: four weekly points, too few weeks for a verdict.
    await student('Ari Adams', morgan.id, [
      [-28, 70],
      [-21, 72],
      [-14, 75],
      [-7, 78],
    ]);
    await student('Noah Brooks', morgan.id, []);
    // Cy: three peer supports for 45 days serving his goal, never a mentor, never a session; his points alone read well.
    await student(
      'Cy Reyes',
      morgan.id,
      [-42, -35, -28, -21, -14, -7].map((days, index) => [days, 46 + 3 * index] as [number, number]),
      300,
      async (planId, goalId) => {
        const ids: string[] = [];
        for (const settingClass of ['Math 7', 'Science 7', 'Reading 7']) {
          const support = await call(
            host,
            'accommodations.create',
            accommodationInput(planId, { settingClass, startDate: isoDate(-45), endDate: isoDate(280), goalIds: [goalId] }),
          );
          ids.push(support.id);
        }
        return ids[0] ?? '';
      },
    );
    // Rowan's student, with an overdue review: not on Morgan's caseload.
    await student('Zoe Young', rowan.id, [], -5);

    // Sam tutors Maya in Math 7; his confidentiality training runs out in 10 days.
    const tutor = { id: maya.supportId ?? '' };
    const sam = await call(host, 'mentors.create', {
      localId: 'M-3001',
      firstName: 'Sam',
      lastName: 'Rivera',
      grade: 8,
      school: 'Riverside Middle School',
      consentGivenOn: isoDate(-50),
      guardianConsentGivenOn: isoDate(-50),
      availability: [{ day: 'mon', period: 3 }],
      training: MODULES.map((module) => ({
        module,
        completedOn: isoDate(-100),
        ...(module === 'confidentiality' ? { expiresOn: isoDate(10) } : {}),
      })),
    });
    samId = sam.id;
    await call(host, 'assignments.create', { mentorId: sam.id, accommodationId: tutor.id, startDate: isoDate(-45) });
    for (const date of [lastSchoolDay(1), lastSchoolDay(3)]) {
      await call(host, 'sessions.create', { accommodationId: tutor.id, date, status: 'held', minutes: 20, mentorIds: [sam.id] });
    }

    app = await openApp(host);
    page = app.page;
    await page.getByRole('navigation').getByRole('link', { name: 'My caseload' }).click();
    await page.getByRole('heading', { name: 'My caseload', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const bodyRows = () => page.locator('table.caseload-table > tbody > tr.caseload-row');
  const rowOf = (name: string) => bodyRows().filter({ has: page.getByRole('link', { name, exact: true }) });

  test("a case manager sees their own students with each one's goal status, fidelity and flags", async () => {
    await waitForText(page.getByRole('main'), /4 students · 1 with a goal at risk · 2 with something to act on/);
    expect(await bodyRows().allTextContents()).toHaveLength(4);
    expect(await textOf(page.getByRole('main'))).not.toMatch(/Zoe Young/);
    // Sorted by last name to start with.
    const names = await bodyRows().locator('th > a').allTextContents();
    expect(names).toEqual(['Ari Adams', 'Noah Brooks', 'Maya Lopez', 'Cy Reyes']);
    await waitForText(rowOf('Maya Lopez'), /IEP, review .*1 at risk.*%.*of .* sessions.*2 flags/);
    // Four weekly points are not yet enough for a verdict: not "on track".
    await waitForText(rowOf('Ari Adams'), /1 not enough data.*No sessions planned.*None/);
    await waitForText(rowOf('Noah Brooks'), /1 no data/);
    await waitForText(
      page.getByRole('main'),
      /Fidelity is sessions held out of sessions planned, from .* to .*: this week so far and the 3 weeks before\./,
    );
    await screenshot(page, 'caseload-01-my-caseload');
    await expectAccessible(page);
  });

  test('a student whose supports never had a mentor nor a session is not on track, and is under To act on', async () => {
    const row = rowOf('Cy Reyes');
    await waitForText(row, /1 without service.*3 flags/);
    expect(await textOf(row)).not.toMatch(/on track/);
    const health = page.getByRole('region', { name: 'Program health' });
    await waitForText(health, /Service not delivered \(4\)/);
    await waitForText(
      health,
      /Cy Reyes, Peer tutor.*No mentor assigned since .* \(\d+ school days\)\..*What to do: Assign a trained mentor/,
    );
    await waitForText(health, /Riverside Middle School.*3 seats of peer support still need a mentor\..*What to do: Open Matching/);
    expect(await health.getByRole('link', { name: 'Open Matching' }).getAttribute('href')).toBe('#/mentors/matching');
    expect(await textOf(health)).not.toMatch(/Nothing needs attention right now/);
    await screenshot(page, 'caseload-01b-no-service');
    await expectAccessible(page);
  });

  test('sorts by goals at risk and filters to the students with a goal at risk', async () => {
    const goalsHeader = page.getByRole('columnheader', { name: /Goals/ });
    await goalsHeader.getByRole('button').click();
    await waitForMatch(async () => (await goalsHeader.getAttribute('aria-sort')) ?? '', /^descending$/);
    // At risk first, then without service, then the goals with no verdict (by name).
    expect(await bodyRows().locator('th > a').allTextContents()).toEqual(['Maya Lopez', 'Cy Reyes', 'Ari Adams', 'Noah Brooks']);

    await page.getByRole('checkbox', { name: 'Only students with a goal at risk' }).check();
    await waitForText(page.getByRole('status').filter({ hasText: /Showing/ }), /Showing 1 of 4 students\./);
    expect(await bodyRows().locator('th > a').allTextContents()).toEqual(['Maya Lopez']);
    await screenshot(page, 'caseload-02-at-risk-only');
  });

  test("opens a student's row to see which goals and which flags, by keyboard", async () => {
    const toggle = page.getByRole('button', { name: 'Goals and flags for Maya Lopez' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await waitForMatch(async () => (await toggle.getAttribute('aria-expanded')) ?? '', /^true$/);
    const goals = page.getByRole('region', { name: 'Goals of Maya Lopez' });
    await waitForText(goals, /At risk.*Goal 1: Math.*latest 22 on/);
    const flags = page.getByRole('region', { name: 'To act on for Maya Lopez' });
    await waitForText(flags, /Maya Lopez, IEP.*The annual review is due on .*What to do: Schedule the team meeting/);
    await waitForText(flags, /Sam Rivera \(mentor\).*Training "Confidentiality \(FERPA\)" expires on/);
    await screenshot(page, 'caseload-03-row-open');
    await expectAccessible(page);
  });

  test("the program-health list groups the flags, each with what to do, and a flag's link opens the record", async () => {
    const health = page.getByRole('region', { name: 'Program health' });
    await waitForText(health, /Reviews and re-evaluations due \(1\).*Training expiring \(1\)/);
    expect(await health.getByRole('link', { name: "Open Sam Rivera's mentor record" }).getAttribute('href')).toBe(`#/mentors/${samId}`);
    await screenshot(page, 'caseload-04-program-health');
    await health.getByRole('link', { name: "Open Maya Lopez's plan" }).click();
    await waitForMatch(async () => page.evaluate('window.location.hash'), new RegExp(`^#/students/${mayaId}/plans/${mayaPlanId}$`));
    await page.getByRole('heading', { level: 1, name: /Maya Lopez/ }).waitFor();
  });

  test('another case manager, or the whole program, from the same screen', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'My caseload' }).click();
    await page.getByRole('heading', { name: 'My caseload', level: 1 }).waitFor();
    await page.getByLabel('Show the caseload of').selectOption({ label: 'Rowan Ellis' });
    await page.getByRole('heading', { name: 'Caseload of Rowan Ellis', level: 1 }).waitFor();
    expect(await bodyRows().locator('th > a').allTextContents()).toEqual(['Zoe Young']);
    await waitForText(rowOf('Zoe Young'), /1 no data.*1 flag/);

    await page.getByLabel('Show the caseload of').selectOption({ label: 'The whole program (every student)' });
    await page.getByRole('heading', { name: 'Whole program', level: 1 }).waitFor();
    await waitForText(page.getByRole('main'), /5 students/);
    const health = page.getByRole('region', { name: 'Program health' });
    await waitForText(health, /Urgent.*Zoe Young, IEP.*The annual review was due on/);
    await screenshot(page, 'caseload-05-whole-program');
    await expectAccessible(page);
  });

  test('a case manager with no students is told so in plain words, and the screen fits at 200% zoom', async () => {
    await page.getByLabel('Show the caseload of').selectOption({ label: 'Pat Kim' });
    await page.getByRole('heading', { name: 'Caseload of Pat Kim', level: 1 }).waitFor();
    await waitForText(page.getByRole('main'), /No active student has Pat Kim as their case manager\./);
    await expectAccessible(page);

    await page.getByLabel('Show the caseload of').selectOption({ label: 'Me (Morgan Diaz)' });
    await page.getByRole('heading', { name: 'My caseload', level: 1 }).waitFor();
    await page.setViewportSize({ width: 640, height: 400 });
    try {
      await waitForText(page.getByRole('main'), /4 students/);
      await screenshot(page, 'caseload-06-double-zoom');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(640);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect(app.problems).toEqual([]);
  });
});
