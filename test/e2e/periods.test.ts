/**
 * A reporting period's progress mark through the real UI: a case manager opens the mark of a
 * plan with two goals, sees the suggested code and the rule behind it, tries to finalize while one
 * goal lacks a narrative (and is told which), completes it, finalizes, sees the period locked,
 * amends one mark with a note; then switches the district's code set to Connecticut in Settings
 * and is offered its codes on an open period, while the finalized marks keep their own.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppBrowser, expectAccessible, expectGone, openApp, screenshot, textOf, waitForMatch, waitForText } from './browser';
import { call, isoDate } from './flows';
import { type Host, startHost } from './host';
import { supportedStudentViaServices } from './program';

const Q1 = { label: 'Quarter 1', endsOn: isoDate(-10) };
const Q2 = { label: 'Quarter 2', endsOn: isoDate(30) };

describe('progress mark of a reporting period', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;
  let planId: string;
  let mathId: string;

  beforeAll(async () => {
    host = await startHost();
    const supported = await supportedStudentViaServices(host, {
      goals: [
        { reportingPeriods: [Q1, Q2] },
        {
          area: 'social_emotional',
          statement: 'During group work, Maya will be academically engaged in 70% of intervals.',
          measurement: 'intervals',
          baseline: 20,
          target: 70,
          reportingPeriods: [Q1, Q2],
        },
      ],
    });
    planId = supported.planId;
    [mathId = ''] = supported.goalIds;
    // Slow growth on the math goal, six weeks of it by Quarter 1's end (the least the judgement reads
    // a trend from): the whole band of the trend at the goal's end date falls short of the target.
    for (const [days, value] of [
      [-49, 41],
      [-42, 41.5],
      [-35, 41.5],
      [-28, 42],
      [-21, 42.5],
      [-14, 43],
      [-7, 43.5],
    ] as const) {
      await call(host, 'progressPoints.create', { goalId: mathId, date: isoDate(days), value });
    }
    app = await openApp(host);
    page = app.page;
    await page.getByRole('heading', { name: 'Students', level: 1 }).waitFor();
    await page.goto(`${host.url}#/students/${supported.studentId}/plans/${planId}`);
    await page.getByRole('link', { name: /Progress mark/ }).click();
    await page.getByRole('heading', { name: /Progress mark/, level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const goalCard = (name: string) => page.getByRole('article', { name });
  const finalizePanel = () => page.getByRole('region', { name: 'Finalize Quarter 2' });

  test('opens the period that just ended (its report not yet finalized); the running one suggests a code with the rule behind it', async () => {
    expect(await page.getByLabel('Reporting period').inputValue()).toBe(Q1.endsOn);
    await page.getByLabel('Reporting period').selectOption(Q2.endsOn);
    expect(await page.getByLabel('Reporting period').inputValue()).toBe(Q2.endsOn);
    const math = goalCard('Goal 1: Math');
    await waitForText(
      math,
      /The whole 95% band \(.+\) falls short: the trend reaches .+ by the goal's end date \(.+\), .+ short of the target of 80%\./,
    );
    expect(await textOf(math.locator('.periods-suggestion strong'))).toBe('Insufficient progress');
    const code = math.getByLabel('Progress code');
    expect(await code.inputValue()).toBe('insufficient');
    await waitForText(math, /Suggested from the data\. Confirm it or choose another code\./);
    await waitForText(math, /Latest by .+43\.5%/);

    const engagement = goalCard('Goal 2: Social-emotional');
    await waitForText(engagement, /No progress points were recorded by the end of this period/);
    expect(await engagement.getByLabel('Progress code').inputValue()).toBe('not_introduced');
    // Nothing is stored until the case manager saves.
    expect(await call(host, 'progressMarks.listForPlan', { planId })).toEqual([]);
    await screenshot(page, 'periods-01-mark');
    await expectAccessible(page);
  });

  test('finalizing names the goal that still lacks a narrative, then locks the period once it is written', async () => {
    const math = goalCard('Goal 1: Math');
    await math.getByRole('radio', { name: 'No' }).check();
    await math.getByLabel('Why not?').selectOption({ label: 'More time is needed' });
    await math.getByLabel('Narrative for the family').fill('Maya solved 43 of 100 problems on the last probe, up from 40.');
    await math.getByRole('button', { name: 'Save the draft' }).click();
    await waitForText(math.getByRole('status').last(), /Draft saved\./);

    const engagement = goalCard('Goal 2: Social-emotional');
    await engagement.getByRole('radio', { name: 'Yes' }).check();
    await engagement.getByRole('button', { name: 'Save the draft' }).click();
    await waitForText(engagement.getByRole('status').last(), /Draft saved\./);

    const finalize = finalizePanel().getByRole('button', { name: /^Finalize Quarter 2/ });
    expect(await textOf(finalize)).toBe('Finalize Quarter 2: 1 goal not ready');
    await waitForText(finalizePanel(), /Goal 2: Social-emotional needs a narrative\./);
    await finalize.click();
    await waitForText(
      page.locator(':focus'),
      /Not ready yet: 1 goal still needs something saved\.\s*Goal 2: Social-emotional needs a narrative\./,
    );
    expect(host.calls.filter((channel) => channel === 'progressMarks.finalize')).toEqual([]);
    await screenshot(page, 'periods-02-not-ready');
    await expectAccessible(page);

    // The list takes the keyboard to the goal.
    await finalizePanel().getByRole('button', { name: 'Goal 2: Social-emotional' }).click();
    await waitForText(page.locator(':focus'), /^Goal 2: Social-emotional$/);
    await engagement.getByLabel('Narrative for the family').fill('Maya was engaged in most group work this quarter.');
    await waitForText(finalizePanel(), /Goal 2: Social-emotional needs a narrative and its changes saved\./);
    await engagement.getByRole('button', { name: 'Save the draft' }).click();
    await waitForText(finalizePanel(), /Every goal has a code and a narrative/);

    await finalizePanel().getByRole('button', { name: 'Finalize Quarter 2' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Finalize Quarter 2?' });
    await waitForText(dialog, /marks of all 2 goals for Quarter 2 will be locked/);
    await screenshot(page, 'periods-03-confirm', 'viewport');
    await dialog.getByRole('button', { name: 'Finalize' }).click();
    await waitForText(page.locator(':focus'), /^Finalized on .+\. These marks are locked\./);
    await expectGone(finalizePanel());
    for (const name of ['Goal 1: Math', 'Goal 2: Social-emotional']) {
      const card = goalCard(name);
      await card.getByRole('button', { name: 'Amend this mark' }).waitFor();
      expect(await card.getByRole('combobox').count()).toBe(0);
      expect(await card.getByRole('textbox').count()).toBe(0);
    }
    await waitForText(goalCard('Goal 1: Math'), /Progress code\s*Insufficient progress/);
    await waitForText(goalCard('Goal 1: Math'), /No: More time is needed/);
    const marks = await call(host, 'progressMarks.listForPlan', { planId, periodEndsOn: Q2.endsOn });
    expect(marks.map((mark) => [mark.code, mark.finalizedAt !== null])).toEqual([
      ['insufficient', true],
      ['not_introduced', true],
    ]);
    await screenshot(page, 'periods-04-finalized');
    await expectAccessible(page);
  });

  test('amending a finalized mark needs a note, and the amendment shows with its date and note', async () => {
    const math = goalCard('Goal 1: Math');
    await math.getByRole('button', { name: 'Amend this mark' }).click();
    const form = math.getByRole('form', { name: 'Amend the mark for Goal 1: Math' });
    await form.getByLabel('Narrative for the family').fill('Maya solved 44 of 100 problems on the last probe, up from 40.');
    await form.getByRole('button', { name: 'Save the amendment' }).click();
    await waitForText(form, /Say why the finalized mark is being amended\./);
    // The note field is marked and takes the keyboard.
    const note = form.getByLabel('Why is it being amended?');
    await waitForMatch(async () => String(await note.evaluate((field) => field.matches(':focus'))), /^true$/);
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    expect(host.calls.filter((channel) => channel === 'progressMarks.amend')).toEqual([]);
    await note.fill('Probe 4 was scored against the wrong key.');
    await screenshot(page, 'periods-05-amend-form');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Save the amendment' }).click();
    const amendments = math.getByRole('region', { name: 'Amendments to the mark for Goal 1: Math' });
    await waitForText(amendments, /\w{3} \d{1,2}, \d{4}\s*Probe 4 was scored against the wrong key\./);
    await waitForText(math, /44 of 100 problems/);
    await waitForText(math.getByRole('status').last(), /Amendment saved\./);
    const mark = await call(host, 'progressMarks.get', { goalId: mathId, periodEndsOn: Q2.endsOn });
    expect(mark?.amendments.map((amendment) => amendment.note)).toEqual(['Probe 4 was scored against the wrong key.']);
    await screenshot(page, 'periods-06-amended');
  });

  test('after switching to the Connecticut codes in Settings, an open period offers them; finalized marks keep theirs', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Progress codes' });
    const standard = section.getByRole('radio', { name: 'Standard (IDEA progress codes)' });
    await waitForText(section, /Codes: Not introduced, No progress, Limited, Satisfactory, Mastered/);
    expect(await standard.isChecked()).toBe(true);
    await section.getByRole('radio', { name: 'Connecticut' }).check();
    await section.getByRole('button', { name: 'Use this code set' }).click();
    await waitForText(section.getByRole('status').last(), /Saved\./);
    expect((await call(host, 'progressCodes.get', {})).active).toBe('connecticut');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'periods-07-settings-codes');
    await expectAccessible(page);

    await page.goBack();
    await page.getByRole('heading', { name: /Progress mark/, level: 1 }).waitFor();
    // It opens on Quarter 1, which ended and is not finalized; Quarter 2's finalized marks keep their codes.
    expect(await page.getByLabel('Reporting period').inputValue()).toBe(Q1.endsOn);
    await page.getByLabel('Reporting period').selectOption(Q2.endsOn);
    await waitForText(goalCard('Goal 1: Math'), /Insufficient progress \(Standard \(IDEA progress codes\) codes\)/);
    await page.getByLabel('Reporting period').selectOption(Q1.endsOn);
    const math = goalCard('Goal 1: Math');
    const code = math.getByLabel('Progress code');
    await waitForText(math, /Suggested from the data/);
    expect(await code.locator('option').allTextContents()).toEqual([
      'Choose a code',
      'Not introduced',
      'No progress',
      'Limited',
      'Satisfactory',
      'Mastered',
    ]);
    expect(await code.inputValue()).toBe('limited');
    await screenshot(page, 'periods-08-connecticut');
    await expectAccessible(page);
    expect(app.problems).toEqual([]);
  });
});
