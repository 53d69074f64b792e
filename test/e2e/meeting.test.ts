/**
 * IEP meeting mode through the real UI: a case manager starts a meeting from the student page; the
 * window then shows only the meeting — another student cannot be reached, not even by the URL hash
 * or by calling the services from the page; the presenter walks through the goals by keyboard (arrow
 * keys, Page Up / Page Down) and switches to Spanish on demand; a decision is recorded; leaving
 * takes the passphrase; afterwards the decision is applied with one click and the family's summary
 * saved (recorded as a disclosure to those present). No mentor's name is ever
 * in the DOM of a meeting-mode screen. Screenshot of the presenter at 1280×720; axe-clean.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Mentor, Student } from '../../src-main/contract';
import { mentorInput } from '../fixtures/program';
import { accommodationInput, goalInput, studentInput } from '../fixtures/program-input';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../fixtures/vault';
import { type AppBrowser, expectAccessible, openApp, screenshot, waitForText } from './browser';
import { call, createVaultDirectly, isoDate } from './flows';
import { type Host, startHost } from './host';

describe('IEP meeting mode', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let student: Student;
  let other: Student;
  let mentor: Mentor;

  /** Every way the mentor could be named; none may be in a meeting-mode page. */
  async function expectNoMentorInDom(): Promise<void> {
    const html = await page.content();
    for (const word of [mentor.firstName, mentor.lastName, mentor.preferredName, mentor.localId, other.firstName, other.lastName]) {
      if (word) expect(html).not.toContain(word);
    }
  }

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    student = await call(host, 'students.create', studentInput({ firstName: 'Maya', lastName: 'Lopez' }));
    other = await call(host, 'students.create', studentInput({ localId: 'S-777777', firstName: 'Ottoline', lastName: 'Fairweather' }));
    const plan = await call(host, 'plans.create', {
      studentId: student.id,
      type: 'iep',
      startDate: isoDate(-90),
      endDate: isoDate(270),
      annualReviewDue: isoDate(260),
      teamStaffIds: [],
      status: 'draft',
    });
    const math = await call(host, 'goals.create', goalInput(plan.id, { reportingPeriods: [], endDate: isoDate(250) }));
    const engagement = await call(
      host,
      'goals.create',
      goalInput(plan.id, {
        area: 'social_emotional',
        statement: 'During group work, Maya will be academically engaged in 70% of intervals.',
        measurement: 'intervals',
        baseline: 30,
        target: 70,
        criterion: '70% in 3 of 4 observations',
        reportingPeriods: [],
        endDate: isoDate(250),
      }),
    );
    const tutor = await call(
      host,
      'accommodations.create',
      accommodationInput(plan.id, { startDate: isoDate(-80), endDate: isoDate(250), goalIds: [math.id, engagement.id] }),
    );
    await call(host, 'plans.activate', { id: plan.id });
    mentor = await call(
      host,
      'mentors.create',
      mentorInput({
        firstName: 'Bartholomew',
        lastName: 'Quennell',
        preferredName: 'Barty',
        consentGivenOn: isoDate(-100),
        guardianConsentGivenOn: isoDate(-100),
        training: [
          { module: 'confidentiality', completedOn: isoDate(-95) },
          { module: 'sensitivity', completedOn: isoDate(-95) },
          { module: 'instructional_techniques', completedOn: isoDate(-95) },
          { module: 'fostering_independence', completedOn: isoDate(-95) },
          { module: 'getting_an_adult', completedOn: isoDate(-95) },
        ],
      }),
    );
    await call(host, 'assignments.create', { mentorId: mentor.id, accommodationId: tutor.id, startDate: isoDate(-70) });
    for (const [index, days] of [-60, -45, -30, -15, -5].entries()) {
      await call(host, 'progressPoints.create', { goalId: math.id, date: isoDate(days), value: 45 + index * 4 });
      await call(host, 'progressPoints.create', { goalId: engagement.id, date: isoDate(days), value: 32 + index * 5 });
    }
    await call(host, 'checkIns.create', {
      accommodationId: tutor.id,
      date: isoDate(-7),
      whatsWorking: 'Barty Quennell models the first step, then Maya finishes alone.',
      whatsNot: 'Fractions still stall her.',
      nextSteps: 'Add a fraction warm-up.',
      belonging: 4,
      mentorId: mentor.id,
    });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
    await page.goto(`${host.url}#/students/${student.id}`);
    await page.getByRole('heading', { name: 'Maya Lopez', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  test('a meeting starts from the student page with the attendees', async () => {
    await page.getByRole('button', { name: 'Start an IEP meeting' }).click();
    await page.getByLabel('Name of person 1').fill('Rosa Lopez');
    await page.getByLabel('Role of person 1').fill('mother');
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByLabel('Name of person 2').fill('Morgan Diaz');
    await page.getByLabel('Role of person 2').fill('case manager');
    await page.getByRole('button', { name: 'Enter meeting mode' }).click();
    await page.getByText('Goal 1 of 2').waitFor();
    expect(await page.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);
    await expectNoMentorInDom();
    // The school's only peer tutor of that grade would be singled out by "8th-grade": the description widens.
    await waitForText(page.getByRole('main'), /With a trained peer\./);
    await waitForText(page.getByRole('main'), /\[a peer\] models the first step/);
  });

  test('the presenter view is readable at 1280×720 and axe-clean', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'meeting-presenter', 'viewport');
    await screenshot(page, 'meeting-presenter-full');
    await expectAccessible(page);
  });

  test('another student cannot be reached: not by the URL hash, not by calling the services', async () => {
    await page.goto(`${host.url}#/students/${other.id}`);
    await page.goto(`${host.url}#/students`);
    await page.getByText('Goal 1 of 2').waitFor();
    await expectNoMentorInDom();
    const answer = await page.evaluate(`window.peerpath.invoke('students.get', { id: ${JSON.stringify(other.id)} })`);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const list = await page.evaluate(`window.peerpath.invoke('students.list', {})`);
    expect(list).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('the goals are walked through by keyboard, and the screen switches to Spanish on demand', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('ArrowRight');
    await page.getByText('Goal 2 of 2').waitFor();
    await page.getByRole('heading', { name: /Goal 2: Social-emotional/ }).waitFor();
    await page.keyboard.press('PageUp');
    await page.getByText('Goal 1 of 2').waitFor();
    await page.keyboard.press('PageDown');
    await page.getByText('Goal 2 of 2').waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByText('Meta 2 de 2').waitFor();
    await page.getByRole('heading', { name: /Meta 2/ }).waitFor();
    // The graph speaks Spanish too: its legend, its table and the summary a screen reader reads.
    await page.getByRole('list', { name: 'Leyenda' }).getByText('Tendencia').waitFor();
    await page.getByText('Mostrar los datos como tabla').waitFor();
    // The mentor joined before this goal's first point, where the graph's x-axis now starts: no phase line,
    // and no English one either.
    expect(await page.locator('.graph-phase-label').allTextContents()).not.toContain('New mentor');
    await page.getByRole('img', { name: /^Gráfica de la meta/ }).waitFor();
    await expectNoMentorInDom();
    await expectAccessible(page);
    await screenshot(page, 'meeting-presenter-es', 'viewport');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Goal 2 of 2').waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByText('Goal 1 of 2').waitFor();
  });

  test('a decision is recorded as a proposal', async () => {
    const goalForm = page.getByRole('group', { name: 'This goal' });
    await goalForm.getByLabel('Decisions').selectOption('goal_mastered');
    await goalForm.getByRole('button', { name: 'Record decision' }).click();
    await waitForText(goalForm, /Recorded\./);
    await waitForText(page.getByRole('region', { name: 'Decisions' }), /Mastered/);
    const note = page.getByRole('group', { name: 'Note' });
    await note.getByLabel('A note for the record').fill('Family would like a monthly email update.');
    await note.getByRole('button', { name: 'Record decision' }).click();
    await waitForText(page.getByRole('region', { name: 'Decisions' }), /monthly email update/);
    await expectNoMentorInDom();
  });

  test('leaving takes the passphrase; then the decision is applied with one click', async () => {
    await page.getByRole('button', { name: 'Leave meeting mode' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Leave meeting mode' });
    await dialog.getByLabel('Your passphrase').fill(OTHER_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Leave meeting mode' }).click();
    await waitForText(dialog, /That passphrase is not right/);
    await expectAccessible(page);
    await dialog.getByLabel('Your passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Leave meeting mode' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    await page.goto(`${host.url}#/students/${student.id}`);
    const apply = page.getByRole('button', { name: /Apply: Mastered/ });
    await apply.click();
    await waitForText(page.getByRole('main'), /Applied/);
    const [meeting] = await call(host, 'meetings.list', { studentId: student.id });
    expect(meeting?.proposals.map((proposal) => [proposal.decision, proposal.appliedAt !== null])).toEqual([
      ['goal_mastered', true],
      ['note', false],
    ]);
    expect(app.problems.filter((problem) => !/403|Forbidden|forbidden/.test(problem))).toEqual([]);
  });

  test('the family’s meeting summary is saved where the dialog said, recorded as a disclosure to those present', async () => {
    const save = page.getByRole('group', { name: 'Save the meeting summary' });
    await save.getByRole('button', { name: 'Save the meeting summary…' }).click();
    await waitForText(save, /Recorded as a disclosure to Rosa Lopez \(mother\); Morgan Diaz \(case manager\)\./);
    const [file] = readdirSync(host.dialogs.folder).filter((name) => name.includes('meeting summary (family, en)'));
    expect(file).toBeDefined();
    expect(await save.textContent()).toContain(`Saved to ${join(host.dialogs.folder, file ?? '')}.`);
    const disclosures = await call(host, 'reports.disclosures', { studentId: student.id });
    expect(disclosures.filter((row) => row.report === 'meeting_summary').map((row) => row.use)).toEqual(['disclosure']);
    await expectAccessible(page);
  });
});
