/**
 * The IEP meeting summary for the team: student and plan; then each goal with its statement, values,
 * trend, progress codes and narratives, its graph (never on another page than its heading), the
 * peer supports serving it with fidelity and the mentors by name; check-in highlights; open flags;
 * next steps. Renders a `TeamSummaryView`; reads nothing else.
 */
import { MISS_REASONS } from '../contract';
import { valueRange } from '../services/plans/plan-rules';
import { goalValue, gradeLevel, longDate, number, percent, shortDate, signed } from './i18n/format';
import { type ReportText, reportText } from './i18n/index';
import type { RenderedReport, TeamGoal, TeamSummaryView } from './model';
import { MUTED, ReportDocument } from './pdf/document';
import { loadFonts } from './pdf/fonts';
import { drawGoalDataTable, drawGoalGraph, goalDataTableHeight, graphHeight } from './pdf/goal-graph';
import { bullets, facts, factsHeight, heading, headingHeight, paragraph, paragraphHeight, rule } from './pdf/layout';
import { codeName, graphWords, roleName } from './wording';

function studentName(view: TeamSummaryView): string {
  const { student } = view;
  return student.preferredName
    ? `${student.firstName} (${student.preferredName}) ${student.lastName}`
    : `${student.firstName} ${student.lastName}`;
}

function rangeText(text: ReportText, range: { from: string; to: string }): string {
  return text.t('common.dateRange', { from: longDate(text, range.from), to: longDate(text, range.to) });
}

/** A trend carried to the goal date can leave the scale (231%); it is shown at the scale's end, marked ≥ or ≤. */
function projected(text: ReportText, goal: TeamGoal, value: number): string {
  const range = valueRange(goal.measurement, goal.scaleMax);
  if (range && value > range.max) return `≥ ${goalValue(text, goal, range.max)}`;
  if (range && value < range.min) return `≤ ${goalValue(text, goal, range.min)}`;
  return goalValue(text, goal, value);
}

function goalFacts(text: ReportText, goal: TeamGoal) {
  const { summary } = goal.chart;
  return [
    { label: text.t('team.baseline'), value: goalValue(text, goal, goal.baseline) },
    { label: text.t('team.target'), value: goalValue(text, goal, goal.target) },
    {
      label: text.t('team.latest'),
      value:
        summary.latest !== null && summary.latestDate
          ? text.t('team.latestValue', { value: goalValue(text, goal, summary.latest), date: shortDate(text, summary.latestDate) })
          : text.t('common.notYet'),
    },
    {
      label: text.t('team.trend'),
      value:
        summary.perWeek === null
          ? '—'
          : text.t('team.trendValue', { perWeek: signed(text, summary.perWeek), method: text.t(`team.method.${goal.trendMethod}`) }),
    },
    { label: text.t('team.criterion'), value: goal.criterion },
    { label: text.t('team.measured'), value: goal.measuredEvery },
    { label: text.t('team.goalEnds'), value: longDate(text, goal.endDate) },
    { label: text.t('team.projected'), value: summary.projected === null ? '—' : projected(text, goal, summary.projected) },
  ];
}

function drawGoal(rd: ReportDocument, text: ReportText, goal: TeamGoal): void {
  const title = text.t('team.goalHeading', { number: goal.number, area: text.t(`common.area.${goal.area}`) });
  const list = goalFacts(text, goal);
  const statement = { size: 10, after: 6 };
  // The heading, statement, values and graph go on one page together.
  rd.keepTogether(
    headingHeight(rd, title, 2) +
      paragraphHeight(rd, goal.statement, statement) +
      factsHeight(rd, list, 4) +
      graphHeight(rd) +
      goalDataTableHeight(rd, goal.chart),
  );
  const section = rd.doc.struct('Sect');
  rd.root.add(section);
  heading(rd, section, title, 2);
  paragraph(rd, section, goal.statement, statement);
  facts(rd, section, list, 4);
  const graph = graphWords(text, goal, goal.chart);
  drawGoalGraph({ rd, parent: section }, goal.chart, {}, graph);
  drawGoalDataTable({ rd, parent: section }, goal.chart, graph);

  rd.keepTogether(60);
  heading(rd, section, text.t('team.reports'), 3);
  if (goal.reports.length === 0) paragraph(rd, section, text.t('team.noReports'), { color: MUTED });
  for (const report of goal.reports) {
    const code = codeName(text, report) ?? text.t('team.noCode');
    let line = text.t('team.reportLine', { period: report.periodLabel, date: longDate(text, report.periodEndsOn), code });
    if (report.sufficient !== null) {
      line += ` · ${text.t('team.sufficient', { answer: text.t(report.sufficient ? 'team.yes' : 'team.no') })}`;
      if (report.insufficientReason) line += ` (${text.t(`team.insufficientReason.${report.insufficientReason}`)})`;
    }
    rd.keepTogether(paragraphHeight(rd, line, { bold: true }) + 24);
    paragraph(rd, section, line, { bold: true, after: 2 });
    if (report.narrative) paragraph(rd, section, report.narrative, { indent: 10, after: 5 });
  }

  rd.keepTogether(60);
  heading(rd, section, text.t('team.supports'), 3);
  if (goal.supports.length === 0) paragraph(rd, section, text.t('team.noSupports'), { color: MUTED });
  for (const support of goal.supports) {
    const lines = [
      text.t('team.supportLine', {
        role: roleName(text, support.role),
        setting: support.settingClass,
        perWeek: support.sessionsPerWeek,
        minutes: support.minutesPerSession,
      }),
      `${text.t('team.mentors')}: ${
        support.mentors.length
          ? support.mentors
              .map((mentor) => `${mentor.preferredName || mentor.firstName} ${mentor.lastName} (${gradeLevel(text, mentor.grade)})`)
              .join(', ')
          : text.t('team.noMentors')
      }`,
    ];
    const fidelity = support.fidelity;
    if (fidelity && fidelity.from !== null) {
      lines.push(
        text.t('team.fidelity', {
          held: fidelity.heldSessions,
          planned: number(text, fidelity.plannedSessions),
          sessionsPercent: percent(text, fidelity.sessionsPercent),
          delivered: fidelity.deliveredMinutes,
          plannedMinutes: fidelity.plannedMinutes,
          minutesPercent: percent(text, fidelity.minutesPercent),
        }),
      );
      const reasons = MISS_REASONS.filter((reason) => fidelity.missesByReason[reason] > 0).map(
        (reason) => `${text.t(`common.missReason.${reason}`)} ${fidelity.missesByReason[reason]}`,
      );
      lines.push(
        reasons.length ? text.t('team.misses', { count: fidelity.missedSessions, reasons: reasons.join(', ') }) : text.t('team.noMisses'),
      );
    } else {
      lines.push(text.t('team.fidelityNone'));
    }
    rd.keepTogether(lines.reduce((sum, line) => sum + paragraphHeight(rd, line, { after: 2 }), 0));
    lines.forEach((line, index) => {
      paragraph(rd, section, line, index === 0 ? { bold: true, after: 2 } : { indent: 10, after: index === lines.length - 1 ? 6 : 2 });
    });
  }
  section.end();
  rule(rd, 10);
}

function drawCheckIns(rd: ReportDocument, text: ReportText, view: TeamSummaryView): void {
  const section = rd.doc.struct('Sect');
  rd.root.add(section);
  rd.keepTogether(80);
  heading(rd, section, text.t('team.sectionCheckIns'), 2);
  if (view.checkIns.length === 0) paragraph(rd, section, text.t('team.noCheckIns'), { color: MUTED });
  for (const checkIn of view.checkIns) {
    const lines: string[] = [];
    if (checkIn.mentorName) lines.push(text.t('team.checkInMentor', { mentor: checkIn.mentorName }));
    if (checkIn.whatsWorking) lines.push(`${text.t('team.working')}: ${checkIn.whatsWorking}`);
    if (checkIn.whatsNot) lines.push(`${text.t('team.notWorking')}: ${checkIn.whatsNot}`);
    const ratings = (
      [
        ['belonging', checkIn.belonging],
        ['engagement', checkIn.engagement],
        ['workload', checkIn.mentorWorkload],
        ['confidence', checkIn.mentorConfidence],
      ] as const
    ).flatMap(([name, value]) => (value === null ? [] : [text.t(`team.rating.${name}`, { value })]));
    if (ratings.length) lines.push(ratings.join(' · '));
    const title = text.t('team.checkInHeading', {
      date: longDate(text, checkIn.date),
      role: roleName(text, checkIn.role),
      setting: checkIn.settingClass,
    });
    rd.keepTogether(
      paragraphHeight(rd, title, { bold: true }) +
        Math.min(
          60,
          lines.reduce((sum, line) => sum + paragraphHeight(rd, line, { indent: 10 }), 0),
        ),
    );
    paragraph(rd, section, title, { bold: true, after: 2 });
    lines.forEach((line, index) => {
      paragraph(rd, section, line, { indent: 10, after: index === lines.length - 1 ? 7 : 2 });
    });
  }
  section.end();
}

function flagLines(text: ReportText, view: TeamSummaryView): string[] {
  const goalFlags = view.goals.flatMap((goal) =>
    goal.flags.map((flag) =>
      text.t('team.flagGoal', { number: goal.number, area: text.t(`common.area.${goal.area}`), message: flag.message }),
    ),
  );
  return [...view.plan.warnings, ...goalFlags];
}

function nextSteps(text: ReportText, view: TeamSummaryView): string[] {
  const fromRules = view.goals.flatMap((goal) =>
    goal.flags.map((flag) => {
      const values = { number: goal.number, area: text.t(`common.area.${goal.area}`) };
      if (flag.rule === 'behind_aim') return text.t('team.nextStepBehind', values);
      if (flag.rule === 'ahead_of_aim') return text.t('team.nextStepAhead', values);
      return text.t('team.nextStepNoData', values);
    }),
  );
  const fromCheckIns = view.checkIns.flatMap((checkIn) =>
    checkIn.nextSteps
      ? [
          text.t('team.nextStepFromCheckIn', {
            date: shortDate(text, checkIn.date),
            role: roleName(text, checkIn.role),
            setting: checkIn.settingClass,
            text: checkIn.nextSteps,
          }),
        ]
      : [],
  );
  return [...fromRules, ...fromCheckIns];
}

function listSection(rd: ReportDocument, title: string, items: readonly string[], empty: string): void {
  const section = rd.doc.struct('Sect');
  rd.root.add(section);
  rd.keepTogether(70);
  heading(rd, section, title, 2);
  if (items.length === 0) paragraph(rd, section, empty, { color: MUTED });
  else bullets(rd, section, items);
  section.end();
}

export async function renderTeamSummary(view: TeamSummaryView, language = 'en'): Promise<RenderedReport> {
  const text = reportText(language);
  const name = studentName(view);
  const range = rangeText(text, view.range);
  const rd = new ReportDocument({
    fonts: await loadFonts(),
    letterhead: view.letterhead,
    language,
    title: text.t('team.documentTitle', { student: name }),
    subject: text.t('team.subject', { range }),
    preparedOn: view.preparedOn,
    inputs: view,
    footerNote: text.t('team.footer', { date: longDate(text, view.preparedOn) }),
    confidential: text.t('common.confidential'),
    pageOf: (page, pages) => text.t('common.pageOf', { page, pages }),
  });
  rd.letterhead(text.t('team.title'), `${text.t('team.subtitle')} · ${range}`, rd.root);

  const intro = rd.doc.struct('Sect');
  rd.root.add(intro);
  heading(rd, intro, text.t('team.sectionStudent'), 2);
  const { plan } = view;
  facts(rd, intro, [
    { label: text.t('team.student'), value: name },
    { label: text.t('team.localId'), value: view.student.localId },
    { label: text.t('team.grade'), value: gradeLevel(text, view.student.grade) },
    { label: text.t('team.school'), value: view.student.school },
    {
      label: text.t('team.plan'),
      value: text.t('team.planDates', {
        type: text.t(`common.planType.${plan.type}`),
        version: plan.version,
        range: rangeText(text, { from: plan.startDate, to: plan.endDate }),
      }),
    },
    { label: text.t('team.caseManager'), value: plan.caseManagerName ?? '—' },
    { label: text.t('team.annualReview'), value: longDate(text, plan.annualReviewDue) },
    { label: text.t('team.reevaluation'), value: plan.reevaluationDue ? longDate(text, plan.reevaluationDue) : text.t('team.notSet') },
    { label: text.t('team.preparedOn'), value: longDate(text, view.preparedOn) },
  ]);
  intro.end();
  rule(rd, 10);

  if (view.goals.length === 0) paragraph(rd, rd.root, text.t('team.noGoals'));
  for (const goal of view.goals) drawGoal(rd, text, goal);
  drawCheckIns(rd, text, view);
  listSection(rd, text.t('team.sectionFlags'), flagLines(text, view), text.t('team.noFlags'));
  listSection(rd, text.t('team.sectionNextSteps'), nextSteps(text, view), text.t('team.noNextSteps'));
  return rd.finish();
}
