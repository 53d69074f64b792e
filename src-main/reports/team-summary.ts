/**
 * The IEP (or 504 plan) meeting summary for the team: student and plan; then each goal with its
 * statement, where it stands (one sentence from the rules' judgement) and the suggested code beside
 * the recorded one, its graph with the values beside it, objectives, progress codes and narratives,
 * the peer supports serving it with fidelity and the mentors by name — each goal's block measured
 * first and kept on one page, two to a page when they fit; check-in highlights; open flags;
 * next steps. Renders a `TeamSummaryView`; reads nothing else.
 */
import { type GoalJudgement, MISS_REASONS, sessionLog } from '../contract';
import { valueRange } from '../services/plans/plan-rules';
import { goalValue, gradeLevel, longDate, number, percent, shortDate, signed } from './i18n/format';
import { type ReportText, reportText } from './i18n/index';
import type { GoalObjective, RenderedReport, TeamGoal, TeamSummaryView } from './model';
import { MUTED, ReportDocument } from './pdf/document';
import { loadFonts } from './pdf/fonts';
import { besideBoxes, graphBesideTable } from './pdf/goal-graph';
import {
  bullets,
  bulletsPiece,
  columnsPiece,
  drawKeptTogether,
  facts,
  halves,
  heading,
  headingPiece,
  linesPiece,
  type Piece,
  paragraph,
  paragraphHeight,
  paragraphPiece,
  rule,
} from './pdf/layout';
import { codeName, graphWords, planTypeWords, roleName, standingWords } from './wording';

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

/** Share of the column the graph takes; its data table sits beside it, so two goals fit on a page. */
const GRAPH_SHARE = 0.5;

/**
 * The goal's values in one line: "Baseline: 40% · Latest: … · Trend: …". The target and the goal
 * date are left out: the standing sentence above it already says both.
 */
function valuesLine(text: ReportText, goal: TeamGoal): string {
  const inStanding = new Set([text.t('team.target'), text.t('team.goalEnds')]);
  return goalFacts(text, goal)
    .filter((fact) => !inStanding.has(fact.label))
    .map((fact) => `${fact.label}: ${fact.value}`)
    .join(' · ');
}

/** "Suggested code: Sufficient progress · recorded: Insufficient progress. <the rules' reason>" */
function suggestedLine(text: ReportText, goal: TeamGoal, judgement: GoalJudgement): string {
  const recorded = goal.reports.at(-1);
  // Too little data is no code at all: "not yet introduced" would say nobody taught the goal.
  if (judgement.status === 'not_enough_data') {
    return text.t('team.suggestedNone', {
      recorded: (recorded && codeName(text, recorded)) ?? text.t('team.notRecorded'),
      reason: judgement.reason,
    });
  }
  return text.t('team.suggested', {
    suggested: text.t(`common.code.federal_default.${judgement.suggestedLevel}`),
    recorded: (recorded && codeName(text, recorded)) ?? text.t('team.notRecorded'),
    reason: judgement.reason,
  });
}

function supportLines(text: ReportText, support: TeamGoal['supports'][number]): string[] {
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
  if (!fidelity || fidelity.from === null) return [...lines, text.t('team.fidelityNone')];
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
  if (reasons.length) lines.push(text.t('team.misses', { count: fidelity.missedSessions, reasons: reasons.join(', ') }));
  // Nothing missed because nothing was recorded is not "no missed sessions".
  else lines.push(text.t(sessionLog(fidelity) === 'none_recorded' ? 'team.noSessions' : 'team.noMisses'));
  return lines;
}

/**
 * A goal's block: heading, statement, where it stands with the suggested code, its values in one
 * line, the graph with its data table beside it; then objectives and progress marks beside the peer supports serving it.
 */
function goalPieces(rd: ReportDocument, section: PDFKit.PDFStructureElement, text: ReportText, goal: TeamGoal): Piece[][] {
  const title = text.t('team.goalHeading', { number: goal.number, area: text.t(`common.area.${goal.area}`) });
  const { judgement } = goal;
  const head = [
    headingPiece(rd, section, title, 2),
    paragraphPiece(rd, section, goal.statement, { size: 10, after: 4 }),
    paragraphPiece(rd, section, standingWords(text, goal, judgement, 'team'), { bold: true, after: 2 }),
    paragraphPiece(rd, section, suggestedLine(text, goal, judgement), { color: MUTED, size: 8.5, after: 3 }),
    graphBesideTable({ rd, parent: section }, goal.chart, graphWords(text, goal, goal.chart, judgement), GRAPH_SHARE, [
      paragraphPiece(rd, section, valuesLine(text, goal), { size: 8, after: 5, frame: besideBoxes(rd, GRAPH_SHARE).table }),
    ]),
  ];
  const [left, right] = halves(rd);
  const objectives = goal.objectives.length
    ? [
        headingPiece(rd, section, text.t('team.objectives'), 3, left),
        bulletsPiece(
          rd,
          section,
          goal.objectives.map((objective) => objectiveLine(text, objective)),
          left,
        ),
      ]
    : [];
  const reports = [
    headingPiece(rd, section, text.t('team.reports'), 3, left),
    ...(goal.reports.length === 0 ? [paragraphPiece(rd, section, text.t('team.noReports'), { color: MUTED, frame: left })] : []),
    ...goal.reports.map((report) => {
      const code = codeName(text, report) ?? text.t('team.noCode');
      let line = text.t('team.reportLine', { period: report.periodLabel, date: longDate(text, report.periodEndsOn), code });
      if (report.sufficient !== null) {
        line += ` · ${text.t('team.sufficient', { answer: text.t(report.sufficient ? 'team.yes' : 'team.no') })}`;
        if (report.insufficientReason) line += ` (${text.t(`team.insufficientReason.${report.insufficientReason}`)})`;
      }
      return linesPiece(rd, section, report.narrative ? [line, report.narrative] : [line], left);
    }),
  ];
  const supports = [
    headingPiece(rd, section, text.t('team.supports'), 3, right),
    ...(goal.supports.length === 0 ? [paragraphPiece(rd, section, text.t('team.noSupports'), { color: MUTED, frame: right })] : []),
    ...goal.supports.map((support) => linesPiece(rd, section, supportLines(text, support), right)),
  ];
  return [head, [columnsPiece([...objectives, ...reports], supports, rd)]];
}

function objectiveLine(text: ReportText, objective: GoalObjective): string {
  return objective.status ? text.t('team.objectiveStatus', { text: objective.text, status: objective.status }) : objective.text;
}

/** Each goal's block on one page when it fits: measured first, so goals pack two to a page when they are short. */
function drawGoal(rd: ReportDocument, text: ReportText, goal: TeamGoal): void {
  const section = rd.doc.struct('Sect');
  rd.root.add(section);
  drawKeptTogether(rd, goalPieces(rd, section, text, goal));
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
  const planType = planTypeWords(view.plan.type, text);
  const rd = new ReportDocument({
    fonts: await loadFonts(),
    letterhead: view.letterhead,
    language,
    title: text.t('team.documentTitle', { student: name, context: planType.context }),
    subject: text.t('team.subject', { range }),
    preparedOn: view.preparedOn,
    inputs: view,
    footerNote: text.t('team.footer', { date: longDate(text, view.preparedOn) }),
    confidential: text.t('common.confidential'),
    pageOf: (page, pages) => text.t('common.pageOf', { page, pages }),
  });
  rd.letterhead(
    text.t('team.title', { context: planType.context }),
    `${text.t('team.subtitle', { context: planType.context })} · ${range}`,
    rd.root,
  );

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
        type: planType.name,
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
