/**
 * Peer mentors through the real UI: a mentor added with consent, training and free periods (the week
 * grid by keyboard) shows on the list; on a student's plan, a trained mentor is assigned to a peer
 * tutor accommodation while an untrained one is refused with the reasons in plain words; withdrawing
 * consent ends the assignment and says so.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PASSPHRASE } from '../fixtures/vault';
import { type AppBrowser, expectAccessible, openApp, screenshot, textOf, waitForMatch, waitForText } from './browser';
import { call, createVaultDirectly } from './flows';
import { type Host, startHost } from './host';

const SCHOOL = 'Lincoln Middle School';

function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 200% zoom on the 1280×800 laptop is a 640×400 window: one column, nothing cut off sideways. */
async function expectReadableAtDoubleZoom(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 640, height: 400 });
  try {
    await screenshot(page, name);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(640);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}

describe('mentors', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let studentId: string;
  let planId: string;

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    // A student whose IEP has a peer tutor in Math 7 (Mon and Wed, period 3), made behind the UI.
    const student = await call(host, 'students.create', {
      localId: 'S-1001',
      firstName: 'Maya',
      lastName: 'Okafor',
      grade: 7,
      school: SCHOOL,
    });
    studentId = student.id;
    const plan = await call(host, 'plans.create', {
      studentId,
      type: 'iep',
      startDate: isoDaysFromToday(-30),
      endDate: isoDaysFromToday(300),
      annualReviewDue: isoDaysFromToday(300),
      status: 'draft',
    });
    planId = plan.id;
    await call(host, 'accommodations.create', {
      planId,
      role: 'peer_tutor',
      settingClass: 'Math 7',
      slots: [
        { day: 'mon', period: 3 },
        { day: 'wed', period: 3 },
      ],
      sessionsPerWeek: 2,
      minutesPerSession: 20,
      startDate: isoDaysFromToday(-30),
      endDate: isoDaysFromToday(300),
    });
    await call(host, 'plans.activate', { id: planId });
    // A volunteer with consent but only one module, and that one expired.
    await call(host, 'mentors.create', {
      localId: 'M-2002',
      firstName: 'Noah',
      lastName: 'Berg',
      grade: 8,
      school: SCHOOL,
      consentGivenOn: isoDaysFromToday(-10),
      guardianConsentGivenOn: isoDaysFromToday(-10),
      availability: [{ day: 'mon', period: 3 }],
      training: [{ module: 'confidentiality', completedOn: isoDaysFromToday(-400), expiresOn: isoDaysFromToday(-35) }],
    });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Mentors' }).click();
    await page.getByRole('heading', { name: 'Mentors', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  test('the list shows who can be assigned, and flags expired training', async () => {
    const row = page.getByRole('row', { name: /Noah Berg/ });
    await waitForText(row, /Both given.*0 of 5 current.*1 expired.*0 of 1/);
    await screenshot(page, 'mentors-01-list');
    await expectAccessible(page);
    await row.getByRole('link', { name: 'Noah Berg' }).click();
    await page.getByRole('heading', { name: 'Noah Berg', level: 1 }).waitFor();
    const training = page.getByRole('region', { name: 'Training' });
    await waitForText(training.getByRole('row', { name: /Confidentiality/ }), /Expired/);
    await screenshot(page, 'mentors-02-detail-expired-training');
    await expectAccessible(page);
  });

  test('an empty form is refused beside its fields, and nothing is sent', async () => {
    await page.goto(`${host.url}#/mentors/new`);
    await page.getByRole('heading', { name: 'Add a mentor', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add mentor' }).click();
    await waitForMatch(() => textOf(page.getByRole('main')), /Fill this in\./);
    expect(await page.evaluate('document.activeElement?.getAttribute("name")')).toBe('firstName');
    expect(host.calls).not.toContain('mentors.create');
  });

  test('a mentor is added with consent, training and free periods, then shows on the list', async () => {
    await page.getByLabel('First name').fill('Ana Lucía');
    await page.getByLabel('Last name').fill('Núñez');
    await page.getByLabel('Student number').fill('M-2001');
    await page.getByLabel('Grade', { exact: true }).selectOption({ label: 'Grade 8' });
    expect(await page.getByLabel('School').inputValue()).toBe(SCHOOL);
    await page.getByLabel('Mentor agreed on').fill(isoDaysFromToday(-14));
    await page.getByLabel('Guardian agreed on').fill(isoDaysFromToday(-14));
    for (const module of [
      'Confidentiality (FERPA)',
      'Sensitivity and respect',
      'Instructional techniques',
      'Fostering independence',
      'When to get an adult',
    ]) {
      await page.getByRole('group', { name: module }).getByLabel('Completed on').fill(isoDaysFromToday(-20));
    }
    await page.getByRole('group', { name: 'Confidentiality (FERPA)' }).getByLabel('Expires on').fill(isoDaysFromToday(345));
    // The week grid by keyboard: Space ticks, arrows move.
    await page.getByRole('checkbox', { name: 'Monday, period 3' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'Wednesday, period 3' }).isChecked()).toBe(true);
    await page.getByLabel('Peers at a time').selectOption({ label: '2 peers at a time' });
    await page.getByLabel('Interests (optional)').fill('soccer, robotics');
    await screenshot(page, 'mentors-03-form-filled');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add mentor' }).click();

    await page.getByRole('heading', { name: 'Ana Lucía Núñez', level: 1 }).waitFor();
    await waitForText(page.getByRole('region', { name: 'Consent' }), /Given on.*Current.*Given on.*Current/);
    const grid = page.getByRole('table', { name: 'Free periods, Monday to Friday' });
    await waitForText(grid.getByRole('row', { name: /Period 3/ }), /Free.*Free/);
    await screenshot(page, 'mentors-04-detail');
    await expectAccessible(page);
    await expectReadableAtDoubleZoom(page, 'mentors-04-detail-200');

    await page.getByRole('link', { name: 'All mentors' }).click();
    await waitForText(page.getByRole('row', { name: /Ana Lucía Núñez/ }), /Grade 8.*Both given.*5 of 5 current.*0 of 2/);
  });

  test('on the plan, a trained mentor is assigned and an untrained one is refused with the reasons', async () => {
    await page.goto(`${host.url}#/students/${studentId}/plans/${planId}`);
    const mentors = page.getByRole('region', { name: 'Peer mentors' });
    await waitForText(mentors, /No mentor assigned yet/);
    const form = mentors.getByRole('form', { name: 'Assign a mentor' });

    await form.getByLabel('Mentor').selectOption({ label: 'Noah Berg (grade 8)' });
    const verdict = form.getByRole('alert').filter({ hasText: 'cannot take this on' });
    await waitForText(verdict, /missing the training a peer tutor needs/);
    expect(await textOf(verdict)).toMatch(/expired on/);
    expect(await form.getByRole('button', { name: 'Assign' }).isDisabled()).toBe(true);
    expect(await form.getByLabel('Mentor').getAttribute('aria-describedby')).toContain(await verdict.getAttribute('id'));
    await screenshot(page, 'mentors-05-refused');
    await expectAccessible(page);

    await form.getByLabel('Mentor').selectOption({ label: 'Ana Lucía Núñez (grade 8)' });
    await waitForText(form.getByRole('status').last(), /meets every rule/);
    await form.getByRole('button', { name: 'Assign' }).click();
    await waitForText(mentors.getByRole('listitem').filter({ hasText: 'Ana Lucía Núñez' }), /Since .*Active/);
    await screenshot(page, 'mentors-06-assigned');
    expect(host.calls.filter((channel) => channel === 'assignments.create')).toHaveLength(1);
  });

  test('withdrawing consent asks first, then ends the running assignment and says how many', async () => {
    await page.getByRole('region', { name: 'Peer mentors' }).getByRole('link', { name: 'Ana Lucía Núñez' }).click();
    await page.getByRole('heading', { name: 'Ana Lucía Núñez', level: 1 }).waitFor();
    await waitForText(page.getByRole('region', { name: 'Assignments' }), /Math 7 — peer tutor/);
    await page.getByRole('button', { name: "Withdraw the mentor's consent" }).click();
    const dialog = page.getByRole('alertdialog', { name: "Withdraw Ana Lucía Núñez's consent?" });
    expect(await textOf(dialog)).toContain('1 active assignment will end today');
    await screenshot(page, 'mentors-07-withdraw-dialog', 'viewport');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await waitForText(page.getByRole('region', { name: 'Consent' }).getByRole('status'), /Consent withdrawn\. 1 assignment ended\./);
    // The Withdraw button is gone; the keyboard continues from the Consent heading, not the page top.
    await waitForMatch(async () => String(await page.evaluate('document.activeElement?.textContent')), /^Consent$/);
    await waitForText(page.getByRole('region', { name: 'Assignments' }), /Ended: consent withdrawn/);
    await screenshot(page, 'mentors-08-consent-withdrawn');
    const assignments = await call(host, 'assignments.listForMentor', {
      mentorId: (await call(host, 'mentors.list', { query: 'M-2001' }))[0]?.id ?? '',
    });
    expect(assignments).toMatchObject([{ active: false, endReason: 'consent_withdrawn' }]);
  });

  test('an edit sends only what changed; time off and recognition are added on the page', async () => {
    await page.getByRole('link', { name: 'Edit mentor' }).click();
    await page.getByRole('heading', { name: 'Edit Ana Lucía Núñez', level: 1 }).waitFor();
    await page.getByLabel('Preferred name (optional)').fill('Lucy');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Lucy Núñez', level: 1 }).waitFor();
    const updates = await call(host, 'audit.list', { action: 'mentor.updated' });
    expect(updates.map((event) => event.fields)).toEqual([['preferredName']]);

    const timeOff = page.getByRole('region', { name: 'Time off' });
    await timeOff.getByLabel('Last day').fill(isoDaysFromToday(-1));
    await timeOff.getByRole('button', { name: 'Add time off' }).click();
    await waitForMatch(() => textOf(timeOff), /The last day cannot be before the first day\./);
    expect(host.calls).not.toContain('mentors.addTimeOff');
    await timeOff.getByLabel('Last day').fill(isoDaysFromToday(5));
    await timeOff.getByRole('button', { name: 'Add time off' }).click();
    await waitForText(timeOff.getByRole('listitem'), /to .*Now/);

    const recognition = page.getByRole('region', { name: 'Recognition', exact: true });
    await recognition.getByLabel('Hours').fill('2,5');
    await recognition.getByLabel('What it was for').fill('Peer tutoring in Math 7');
    await recognition.getByRole('button', { name: 'Add recognition' }).click();
    await waitForText(recognition, /2\.5 service hours recorded in all\..*Peer tutoring in Math 7.*Service hours/);
    await screenshot(page, 'mentors-09-time-off-recognition');
    await expectAccessible(page);
    expect(app.problems).toEqual([]);
  });
});
