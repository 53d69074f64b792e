/**
 * What the team summary and the parent report say about each goal, read back with pdftotext: one
 * sentence from the rules' judgement, the suggested code beside the recorded one, objectives, the
 * team's sufficiency answer and the period's dates; "No sessions recorded." and no word of peers
 * helping where no session was held; 504 plans named as such; an overdue review, an ended goal and
 * data that stopped said plainly; a report as of a day unchanged by anything added after it; nine
 * goals packed into far fewer than ten pages.
 */
import { describe, expect, it } from 'vitest';
import type { ReportLanguage } from '../../src-main/contract';
import { renderMeetingSummary } from '../../src-main/reports/meeting-summary';
import { buildReport } from '../../src-main/services/reports/export';
import { accommodationInput, goalInput, planInput, studentInput } from '../fixtures/program-input';
import { supportedStudent } from './progress-fixture';
import { PREPARED_ON, pdfPages, pdfPngs, pdfText, reportStudent } from './reports-fixture';

const parentRequest = (studentId: string, preparedOn = PREPARED_ON, language: ReportLanguage = 'en') => ({
  kind: 'parent_report' as const,
  studentId,
  language,
  recipient: 'Marisol Quixote (mother)',
  purpose: 'quarterly progress report',
  preparedOn,
});

/** Monday/Wednesday school days, `weeks` weeks from `first` (a Monday). */
function schoolDays(first: string, weeks: number): string[] {
  const days: string[] = [];
  for (let week = 0; week < weeks; week += 1) {
    for (const offset of [0, 2]) {
      const day = new Date(`${first}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + week * 7 + offset);
      days.push(day.toISOString().slice(0, 10));
    }
  }
  return days;
}

describe('what the reports say about each goal', () => {
  it('team summary: the judgement sentence, suggested beside recorded code, objectives; parent: the same in plain words', {
    timeout: 180_000,
  }, async () => {
    const app = await reportStudent();
    const team = await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON });
    pdfPngs(team.bytes, 'judgement-team');
    const text = pdfText(team.bytes);
    // Math: the last three points 62, 64.5, 67 (median 64.5); the aim line 40 → 80 expects 46.4 by October 15.
    expect(text).toMatch(
      /The median of the last 3 measurements is 64\.5%, against 46\.4% expected by now on the aim line and a goal of 80% by June 1, 2027: likely to meet the goal\./,
    );
    expect(text).toContain('Suggested code: Sufficient progress · recorded: Sufficient progress. Likely to meet the goal');
    expect(text).toContain('Suggested code: Sufficient progress · recorded: none yet.');
    expect(text).toContain('No measurements yet, against a goal of level 3 of 4 by June 1, 2027: no judgement is possible yet.');
    expect(text).toContain('Short-term objectives • Solve one-step problems with 90% accuracy by December. • Explain each step aloud.');

    const parent = await buildReport(app.ctx, parentRequest(app.student.id));
    pdfPngs(parent.bytes, 'judgement-parent-en');
    const family = pdfText(parent.bytes);
    expect(family).toContain(
      'The middle of the last 3 measurements is 64.5%; by now the plan expected 46.4%; the goal is 80% by June 1, 2027. At this pace, Zebulon Quixote-Marchetti is likely to reach the goal.',
    );
    expect(family).toContain('There are no measurements yet.');
    expect(family).toContain('Progress check 1 (September 1, 2026 to October 9, 2026): Sufficient progress');
    expect(family).toContain("Is this progress enough to meet the goal by June 1, 2027? The team's answer: yes.");
    expect(family).toContain(
      'Smaller steps toward this goal • Solve one-step problems with 90% accuracy by December. • Explain each step aloud.',
    );
    // Sessions were held: the intro may say peers help.
    expect(family).toContain('other students trained as peer supporters help Zebulon Quixote-Marchetti');
    expect(family).not.toContain('yearly review of this plan was due');

    const spanish = pdfText((await buildReport(app.ctx, parentRequest(app.student.id, PREPARED_ON, 'es'))).bytes);
    expect(spanish).toContain(
      'El valor central de las 3 últimas mediciones es 64,5 %; a esta fecha el plan esperaba 46,4 %; la meta es 80 % para el 1 de junio de 2027. A este ritmo, es probable que Zebulon Quixote-Marchetti alcance la meta.',
    );
    expect(spanish).toContain('Pasos más pequeños hacia esta meta');
  });

  it('says "No sessions recorded." and speaks of no peer help or support start where no session was held', {
    timeout: 120_000,
  }, async () => {
    // A peer tutor planned and a mentor assigned, but no session logged.
    const app = await supportedStudent();
    await app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-05', value: 45 });
    const text = pdfText((await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON })).bytes);
    expect(text).toContain('No sessions recorded.');
    expect(text).not.toContain('No missed sessions.');
    expect(text).not.toContain('Peer tutor started');
    const family = pdfText((await buildReport(app.ctx, parentRequest(app.student.id))).bytes);
    expect(family).not.toContain('peer supporters help');
    expect(family).not.toContain('Peer tutor started');
  });

  it('names a 504 plan right in every title, and says plainly: an overdue review, an ended goal, data that stopped', {
    timeout: 180_000,
  }, async () => {
    const app = await supportedStudent();
    const { call } = app;
    const student = await call('students.create', studentInput({ localId: 'S-200001', firstName: 'Ofelia', lastName: 'Brightwater' }));
    const draft = await call(
      'plans.create',
      planInput(student.id, {
        type: '504',
        status: 'draft',
        startDate: '2026-08-17',
        endDate: '2027-06-15',
        annualReviewDue: '2026-10-05',
      }),
    );
    const ended = await call(
      'goals.create',
      goalInput(draft.id, { statement: 'Ofelia will solve two-step problems with 80% accuracy.', endDate: '2026-10-09' }),
    );
    const stopped = await call(
      'goals.create',
      goalInput(draft.id, {
        area: 'reading',
        statement: 'Ofelia will read grade-level passages at 110 words per minute.',
        measurement: 'frequency',
        baseline: 70,
        target: 110,
      }),
    );
    await call('accommodations.create', accommodationInput(draft.id, { goalIds: [ended.id] }));
    await call('plans.activate', { id: draft.id });
    for (const [index, date] of schoolDays('2026-08-17', 7).entries()) {
      await call('progressPoints.create', { goalId: ended.id, date, value: 40 + (index % 3) });
      if (date <= '2026-09-18') await call('progressPoints.create', { goalId: stopped.id, date, value: 70 + index });
    }

    const team = await buildReport(app.ctx, { kind: 'team_summary', studentId: student.id, preparedOn: PREPARED_ON });
    const text = pdfText(team.bytes);
    expect(text).toContain('504 plan meeting summary For the 504 team — internal use');
    expect(text).not.toContain('IEP');
    expect(text).toContain('the goal was not met');

    const parent = await buildReport(app.ctx, parentRequest(student.id));
    pdfPngs(parent.bytes, 'judgement-parent-504');
    const family = pdfText(parent.bytes);
    expect(family).toContain('how Ofelia Brightwater is doing on the goals in the 504 plan');
    expect(family).not.toContain('IEP');
    expect(family).toContain(
      'The yearly review of this plan was due on October 5, 2026 and has not been held yet. The school will contact you to schedule it.',
    );
    expect(family).toContain('This goal has ended, and Ofelia Brightwater did not meet it.');
    expect(family).toContain('No new measurements since September 16, 2026; the team will start measuring this goal again.');

    for (const [language, title] of [
      ['en', '504 plan meeting: decisions'],
      ['es', 'Reunión del plan 504: decisiones'],
    ] as const) {
      const meeting = await renderMeetingSummary({
        letterhead: { schoolName: 'Riverside Middle School', logo: null, paperSize: 'letter' },
        language,
        audience: 'team',
        planType: '504',
        meetingDate: PREPARED_ON,
        studentName: 'Ofelia Brightwater',
        range: { from: '2026-09-01', to: PREPARED_ON },
        attendees: [{ name: 'Avery Quill', relation: 'case manager' }],
        decisions: [],
        notes: [],
      });
      const summary = pdfText(meeting.bytes);
      expect(summary).toContain(title);
      expect(summary).not.toContain('IEP');
    }
  });

  it('suggests no code from too little data (never "not yet introduced" for a goal with measurements)', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    await app.call('progressPoints.create', { goalId: app.rubric.id, date: '2026-10-05', value: 2 });
    await app.call('progressPoints.create', { goalId: app.rubric.id, date: '2026-10-12', value: 2 });
    const text = pdfText((await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON })).bytes);
    expect(text).toContain('Suggested code: none yet, too little data to judge · recorded: none yet. Not enough data yet: 2 of 6 weeks');
    expect(text).not.toContain('Not yet introduced');
  });

  it('a report as of a day is byte-identical after points, sessions, check-ins and marks are added after that day', {
    timeout: 180_000,
  }, async () => {
    const app = await reportStudent();
    const day = '2026-10-06';
    const before = {
      team: await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: day }),
      parent: await buildReport(app.ctx, parentRequest(app.student.id, day)),
      today: await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON }),
    };
    const { call } = app;
    await call('progressPoints.create', { goalId: app.math.id, date: '2026-10-08', value: 95 });
    await call('progressPoints.create', { goalId: app.engagement.id, date: '2026-10-08', value: 5 });
    await call('progressPoints.create', { goalId: app.rubric.id, date: '2026-10-09', value: 2 });
    await call('sessions.create', {
      accommodationId: app.buddy.id,
      date: '2026-10-08',
      status: 'held',
      minutes: 25,
      mentorIds: [app.bart.id],
    });
    await call('checkIns.create', { accommodationId: app.buddy.id, date: '2026-10-09', whatsWorking: 'New seating works.', belonging: 3 });
    await call('progressMarks.save', {
      goalId: app.engagement.id,
      period: { label: 'Quarter 1', endsOn: '2026-11-06' },
      changes: { code: 'insufficient', sufficient: false, insufficientReason: 'more_time' },
    });
    // Written after the day, for a period that ended before it: it did not exist on that day.
    await call('progressMarks.save', {
      goalId: app.math.id,
      period: { label: 'Early check', endsOn: '2026-10-02' },
      changes: { code: 'sufficient', sufficient: true, narrative: 'Written after the day.' },
    });
    const after = {
      team: await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: day }),
      parent: await buildReport(app.ctx, parentRequest(app.student.id, day)),
      today: await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON }),
    };
    expect(Buffer.from(after.team.bytes).equals(Buffer.from(before.team.bytes))).toBe(true);
    expect(Buffer.from(after.parent.bytes).equals(Buffer.from(before.parent.bytes))).toBe(true);
    // The additions are real: the report as of today shows them.
    expect(Buffer.from(after.today.bytes).equals(Buffer.from(before.today.bytes))).toBe(false);
    expect(pdfText(after.today.bytes)).toContain('New seating works.');
    expect(pdfText(after.team.bytes)).not.toContain('New seating works.');
    expect(pdfText(after.today.bytes)).toContain('Written after the day.');
  });

  it('packs nine goals into far fewer than ten pages, each goal block on one page', { timeout: 240_000 }, async () => {
    const areas = ['reading', 'writing', 'communication', 'organization', 'behavior', 'independence'] as const;
    const app = await supportedStudent(async ({ call, planId }) =>
      Promise.all(
        areas.map((area, index) =>
          call(
            'goals.create',
            goalInput(planId, { area, statement: `Zebulon will reach the ${area} target in 4 of 5 weekly probes (goal ${index + 4}).` }),
          ),
        ),
      ),
    );
    const goals = [app.math, app.engagement, app.rubric, ...app.extra];
    for (const date of schoolDays('2026-09-07', 5)) {
      for (const goal of goals)
        await app.call('progressPoints.create', { goalId: goal.id, date, value: goal.measurement === 'rubric' ? 2 : 50 });
    }
    const team = await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON });
    const parent = await buildReport(app.ctx, parentRequest(app.student.id));
    pdfPngs(team.bytes, 'nine-goals-team');
    pdfPngs(parent.bytes, 'nine-goals-parent');
    // Goals made in the same instant are numbered by their random ids, so the pairs on a page vary
    // from run to run (6 or 7 pages seen); one goal a page was 10.
    expect(team.pages).toBeLessThanOrEqual(8);
    expect(parent.pages).toBeLessThanOrEqual(8);
    // No page ends with a goal's support heading apart from its goal.
    for (const page of pdfPages(team.bytes)) {
      for (const match of page.matchAll(/Peer support serving this goal/g)) {
        expect(page.slice(0, match.index)).toMatch(/Goal \d — /);
      }
    }
  });
});
