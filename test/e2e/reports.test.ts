/**
 * Reports through the real UI, with the host's stand-in save and folder dialogs: a team summary and
 * a Spanish parent report for one student (previewed, saved, read back with pdftotext: the goal is
 * there, and in the parent report the mentor's name is not), both in the disclosure record with
 * recipient and purpose (also from the student's page); a batch of team summaries for a caseload
 * ("n of N", the student without a plan listed, the files in the folder); a cancelled batch; the
 * mentor's recognition letter; and the report settings (school name, paper, logo).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mentorInput } from '../fixtures/program';
import { accommodationInput, goalInput, planInput, studentInput } from '../fixtures/program-input';
import { PASSPHRASE } from '../fixtures/vault';
import { type AppBrowser, expectAccessible, openApp, screenshot, textOf, waitForMatch, waitForText } from './browser';
import { call, createVaultDirectly, isoDate } from './flows';
import { type Host, startHost } from './host';

const GOAL = 'Given two-step word problems, Maya will solve them with 80% accuracy.';
const GOAL_ES = 'Dados problemas de dos pasos, Maya los resolverá con un 80 % de precisión.';
const SCHOOL = 'Riverside Middle School';
const OTHER_SCHOOL = 'Hillcrest Middle School';

/** The PDF's text in reading order, whitespace collapsed (lines wrap anywhere). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/-\n/g, '-').replace(/\s+/g, ' ');
}

describe('reports', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let mayaId: string;
  let mentorId: string;

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    const [me] = await call(host, 'staff.list', {});
    const caseManagerId = me?.id;
    const plan = (studentId: string, status: 'draft' | 'active' = 'active') =>
      call(
        host,
        'plans.create',
        planInput(studentId, { startDate: isoDate(-60), endDate: isoDate(300), annualReviewDue: isoDate(290), status }),
      );
    const maya = await call(
      host,
      'students.create',
      studentInput({
        localId: 'S-200001',
        firstName: 'Maya',
        lastName: 'Lopez',
        school: SCHOOL,
        caseManagerId,
        guardians: [{ name: 'Rosa Lopez', relationship: 'mother', preferredLanguage: 'es' }],
      }),
    );
    mayaId = maya.id;
    // Written as a draft, then made active.
    const mayaPlan = await plan(maya.id, 'draft');
    const goal = await call(host, 'goals.create', goalInput(mayaPlan.id, { statement: GOAL, endDate: isoDate(280), reportingPeriods: [] }));
    const tutoring = await call(
      host,
      'accommodations.create',
      accommodationInput(mayaPlan.id, { goalIds: [goal.id], startDate: isoDate(-50), endDate: isoDate(280) }),
    );
    await call(host, 'plans.activate', { id: mayaPlan.id });
    const mentor = await call(
      host,
      'mentors.create',
      mentorInput({ firstName: 'Priyanka', lastName: 'Okonkwo', preferredName: undefined }),
    );
    mentorId = mentor.id;
    await call(host, 'assignments.create', { mentorId: mentor.id, accommodationId: tutoring.id, startDate: isoDate(-30) });
    const noah = await call(
      host,
      'students.create',
      studentInput({ localId: 'S-200002', firstName: 'Noah', lastName: 'Kim', school: SCHOOL, caseManagerId, guardians: [] }),
    );
    await plan(noah.id);
    // No plan yet: this one's team summary cannot be made, and the batch goes on without it.
    await call(
      host,
      'students.create',
      studentInput({ localId: 'S-200003', firstName: 'Ava', lastName: 'Reyes', school: SCHOOL, caseManagerId, guardians: [] }),
    );
    // A school big enough that a batch is still running when Cancel is pressed.
    for (let index = 0; index < 24; index += 1) {
      const student = await call(
        host,
        'students.create',
        studentInput({
          localId: `S-3000${String(index).padStart(2, '0')}`,
          firstName: 'Sam',
          lastName: `Rivera ${index}`,
          school: OTHER_SCHOOL,
          guardians: [],
        }),
      );
      await plan(student.id);
    }
    app = await openApp(host);
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const preview = () => page.getByRole('region', { name: 'Preview' });
  const saveButton = () => preview().getByRole('button', { name: 'Save…' });
  const savedMessage = () =>
    preview()
      .getByRole('status')
      .filter({ hasText: /Saved to|Not saved/ });

  async function chooseMaya(): Promise<void> {
    await page.getByRole('searchbox', { name: 'Find a student' }).fill('Lopez');
    await page.getByRole('radio', { name: /Maya Lopez · S-200001/ }).check();
  }

  test('a team summary: pick a student, preview, save where the dialog says; the goal and the mentor are in it', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await expectAccessible(page);
    await chooseMaya();
    expect(await page.getByRole('radio', { name: 'Team summary for the IEP meeting' }).isChecked()).toBe(true);
    expect(await page.getByLabel('From').inputValue()).toBe(isoDate(-60));
    expect(await page.getByLabel('Prepared on').inputValue()).toBe(isoDate());
    await page.getByRole('button', { name: 'Preview' }).click();
    await waitForText(preview().locator('.report-preview-facts'), /S-200001 Lopez – team summary – .*\.pdf · \d+ pages?/);
    // Where the browser can show PDFs the preview is the PDF itself, from a blob: URL; elsewhere it says so.
    if (await page.evaluate('navigator.pdfViewerEnabled === true')) {
      expect(await preview().locator('object[type="application/pdf"]').getAttribute('data')).toMatch(/^blob:/);
    } else {
      await waitForText(preview(), /This window cannot show PDF files/);
    }
    await screenshot(page, 'reports-team-preview');
    await expectAccessible(page);

    // Cancelling the dialog saves nothing.
    host.dialogs.cancelNext();
    await saveButton().click();
    await waitForText(savedMessage(), /Not saved: no place was chosen/);
    expect(readdirSync(host.dialogs.folder)).toEqual([]);

    await saveButton().click();
    const file = join(host.dialogs.folder, `S-200001 Lopez – team summary – ${isoDate()}.pdf`);
    await waitForText(savedMessage(), /Saved to .*S-200001 Lopez – team summary.*Recorded as internal use/);
    expect(await textOf(savedMessage())).toContain(file);
    const text = pdfText(file);
    expect(text).toContain(GOAL);
    expect(text).toContain('Priyanka Okonkwo');
  });

  test('a parent report in Spanish needs recipient and purpose, and names no mentor', async () => {
    await page.getByRole('radio', { name: 'Report for a parent or guardian' }).check();
    const language = page.getByLabel('Language of the report');
    expect(await language.inputValue()).toBe('es');
    // The class name the team typed is offered for translation, kept, and then no longer listed.
    const texts = page.getByRole('region', { name: /Progress notes, period names and class names still in English/ });
    await texts.getByRole('textbox', { name: 'Translation of this class name' }).fill('Matemáticas 7');
    await texts.getByRole('button', { name: 'Keep these translations' }).click();
    await waitForText(page.locator('main'), /Every progress note, period name and class name has a Spanish \(español\) translation/);
    // The goal statement too: its own button keeps it, inside the report form without submitting it.
    await page.getByRole('group', { name: 'Translation of this goal' }).getByRole('textbox').fill(GOAL_ES);
    await page.getByRole('button', { name: 'Keep this translation' }).click();
    await waitForText(page.locator('main'), /Every goal statement has a Spanish \(español\) translation/);
    expect(await page.locator('.field-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Preview' }).click();
    // The required fields stop the preview and say why.
    await waitForText(page.locator('.field-error').first(), /.+/);
    await page.getByLabel('Who receives it').fill('Rosa Lopez (mother)');
    await page.getByRole('textbox', { name: 'Why it is shared' }).fill('informe trimestral');
    // Leaving the field clears its error (React Aria commits validation on blur), as Tab does for a person.
    await page.getByRole('textbox', { name: 'Why it is shared' }).press('Tab');
    await page.getByRole('button', { name: 'Preview' }).click();
    await waitForText(preview().locator('.report-preview-facts'), /S-200001 Lopez – parent report/);
    await screenshot(page, 'reports-parent-preview');
    await expectAccessible(page);
    // The review step: the case manager takes one more word out; the preview is made again with it.
    const review = preview().getByRole('region', { name: 'Names taken out for the family' });
    await review.getByRole('textbox', { name: 'Take out another name' }).fill('precisión');
    await review.getByRole('button', { name: 'Take it out' }).click();
    await waitForText(review.locator('.redaction-review-list'), /precisión.*becomes “\[un compañero\]”/);
    await screenshot(page, 'reports-parent-review');
    await expectAccessible(page);
    await saveButton().click();
    await waitForText(savedMessage(), /Saved to .*parent report.*Recorded as a disclosure to Rosa Lopez \(mother\)/);
    const text = pdfText(join(host.dialogs.folder, `S-200001 Lopez – parent report – ${isoDate()}.pdf`));
    expect(text).toContain(GOAL_ES.replace('precisión', '[un compañero]'));
    expect(text).toContain('Confidencial');
    expect(text).toContain('Matemáticas 7');
    expect(text).not.toContain('Math 7');
    expect(text).not.toContain('Priyanka');
    expect(text).not.toContain('Okonkwo');
  });

  test('both are in the disclosure record, with recipient and purpose, also from the student’s page', async () => {
    await page.getByRole('navigation', { name: 'Reports pages' }).getByRole('link', { name: 'Disclosure record' }).click();
    const table = page.getByRole('table', { name: 'Saved reports, newest first' });
    await waitForText(table, /Parent report, Spanish/);
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(3);
    const parentRow = await textOf(rows.nth(1));
    expect(parentRow).toMatch(
      /Morgan Diaz.*Parent report, Spanish \(español\).*Names reviewed before saving: 1 taken out, 0 kept, 1 added\..*Maya Lopez.*Rosa Lopez \(mother\).*informe trimestral/,
    );
    expect(await textOf(rows.nth(2))).toMatch(/Team summary.*Maya Lopez.*Internal use \(the team\)/);
    await screenshot(page, 'reports-disclosures');
    await expectAccessible(page);

    await page.goto(`${host.url}#/students/${mayaId}`);
    await page.getByRole('link', { name: 'Reports and disclosures' }).click();
    await page.getByRole('heading', { name: 'Reports for Maya Lopez', level: 1 }).waitFor();
    const own = page.getByRole('region', { name: 'Reports saved about Maya Lopez' });
    await waitForText(own, /Rosa Lopez \(mother\).*informe trimestral/);
    expect(await own.getByRole('row').count()).toBe(3);
    await expectAccessible(page);
  });

  test('a batch for a caseload shows n of N, lists the student it could not make, and writes the rest', async () => {
    await page.goto(`${host.url}#/reports/batch`);
    await page.getByRole('heading', { name: 'Team summaries for many students' }).waitFor();
    await page.getByLabel('Case manager', { exact: true }).selectOption({ label: 'Morgan Diaz' });
    await page.getByRole('button', { name: 'Make the team summaries' }).click();
    await waitForText(page.getByRole('alert').filter({ hasText: /folder/ }), /Choose the folder/);
    await page.getByRole('button', { name: 'Choose a folder…' }).click();
    const folder = join(host.dialogs.folder, 'batch-1');
    await waitForText(page.locator('.batch-folder'), new RegExp(basename(folder)));
    await screenshot(page, 'reports-batch-form');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Make the team summaries' }).click();
    const progress = page.getByRole('progressbar', { name: 'Team summaries made' });
    await waitForMatch(async () => (await progress.getAttribute('aria-valuetext')) ?? '', /^\d of 3$/);
    await waitForText(page.locator('.form-status'), /Finished: 2 of 3 team summaries saved in/);
    expect(await progress.getAttribute('aria-valuetext')).toBe('3 of 3');
    expect(await textOf(page.locator('.batch-failures'))).toMatch(/Ava Reyes \(S-200003\): This student has no active or ended plan/);
    expect(readdirSync(folder).sort()).toEqual([
      `S-200001 Lopez – team summary – ${isoDate()}.pdf`,
      `S-200002 Kim – team summary – ${isoDate()}.pdf`,
    ]);
    await screenshot(page, 'reports-batch-done');
    await expectAccessible(page);
  });

  test('a batch for a school can be cancelled; what was written stays', async () => {
    await page.getByRole('link', { name: 'Start another batch' }).click();
    await page.getByRole('radio', { name: 'Everyone at a school' }).check();
    await page.getByLabel('School', { exact: true }).selectOption(OTHER_SCHOOL);
    await page.getByRole('button', { name: 'Choose a folder…' }).click();
    await waitForText(page.locator('.batch-folder'), /batch-2/);
    await page.getByRole('button', { name: 'Make the team summaries' }).click();
    await page.getByRole('button', { name: 'Cancel the batch' }).click();
    await waitForText(page.locator('.form-status'), /Cancelled after \d+ of 24/);
    const written = readdirSync(join(host.dialogs.folder, 'batch-2'));
    expect(written.length).toBeLessThan(24);
    expect(await textOf(page.locator('.form-status'))).toContain(`${written.length} team summaries were saved`);
    await screenshot(page, 'reports-batch-cancelled');
  });

  test('a mentor’s recognition letter: preview and save from their page; it names no student', async () => {
    await page.goto(`${host.url}#/mentors/${mentorId}`);
    const panel = page.getByRole('region', { name: 'Recognition letter' });
    await panel.getByRole('button', { name: 'Preview the letter' }).click();
    await waitForText(panel.locator('.report-preview-facts'), /recognition letter/);
    await panel.getByRole('button', { name: 'Save…' }).click();
    await waitForText(panel.getByRole('status').filter({ hasText: /Saved to/ }), /Recorded as internal use/);
    const letter = readdirSync(host.dialogs.folder).find((name) => name.includes('recognition letter'));
    expect(letter).toBeDefined();
    const text = pdfText(join(host.dialogs.folder, letter ?? ''));
    expect(text).toContain('Priyanka Okonkwo');
    expect(text).not.toContain('Maya');
    expect(text).not.toContain('Lopez');
    await screenshot(page, 'reports-letter');
    await expectAccessible(page);
  });

  test('report settings: school name, paper size, and a logo that must be a small PNG or JPEG', async () => {
    await page.goto(`${host.url}#/settings`);
    const section = page.getByRole('region', { name: 'Reports' });
    await section.getByRole('textbox', { name: 'School name on reports' }).fill('Riverside Unified Peer Program');
    await section.getByLabel('Paper size').selectOption('a4');
    await section.getByRole('button', { name: 'Save report settings' }).click();
    await waitForText(section.getByRole('status').filter({ hasText: 'Saved.' }), /Saved\./);
    const chooser = section.getByLabel('Choose a logo image');
    await chooser.setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a not really') });
    await waitForText(section.getByRole('alert'), /not a PNG or JPEG/);
    await chooser.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(600 * 1024)]) });
    await waitForText(section.getByRole('alert'), /at most 512 KB/);
    await chooser.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await section.getByRole('img', { name: 'The logo printed on reports' }).waitFor();
    expect(await call(host, 'reportSettings.get', {})).toMatchObject({ schoolName: 'Riverside Unified Peer Program', paperSize: 'a4' });
    await screenshot(page, 'reports-settings');
    await expectAccessible(page);
    expect(existsSync(host.dialogs.folder)).toBe(true);
    expect(app.problems.join('\n')).toBe('');
  });
});

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
