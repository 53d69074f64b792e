/**
 * The parent report: the same goals, graphs and judgement as the team's, in short plain sentences in
 * the family's language, every fixed string from the catalog — where each goal stands, the team's
 * sufficiency answer and reason, the period's dates, objectives, and plainly an overdue yearly review,
 * an ended goal or data that stopped. Each goal's block is measured first and kept on one page. It renders a `ParentReportView` — made
 * only by `redact.ts` — so peers can appear only as a role and a grade. The footer says for whom and
 * when it was prepared.
 */
import { goalValue, gradeLevel, longDate } from './i18n/format';
import { type ReportText, reportText } from './i18n/index';
import type { ParentGoal, ParentReportView, RenderedReport } from './model';
import { MUTED, ReportDocument } from './pdf/document';
import { loadFonts } from './pdf/fonts';
import { besideBoxes, graphBesideTable } from './pdf/goal-graph';
import {
  box,
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
import { codeName, describePeer, graphWords, planTypeWords, roleName, standingWords } from './wording';

function rangeText(text: ReportText, range: { from: string; to: string }): string {
  return text.t('common.dateRange', { from: longDate(text, range.from), to: longDate(text, range.to) });
}

/** "5 times on November 23, 2026", or "not yet measured". */
function latestText(text: ReportText, goal: ParentGoal): string {
  const { latest, latestDate } = goal.chart.summary;
  return latest !== null && latestDate
    ? text.t('parent.latestOn', { value: goalValue(text, goal, latest), date: longDate(text, latestDate) })
    : text.t('common.notYet');
}

function goalFacts(text: ReportText, view: ParentReportView, goal: ParentGoal) {
  return [
    { label: text.t('parent.startedAt', { student: view.student.name }), value: goalValue(text, goal, goal.baseline) },
    {
      label: text.t('parent.goalValue'),
      value: text.t('parent.goalBy', { value: goalValue(text, goal, goal.target), date: longDate(text, goal.endDate) }),
    },
    { label: text.t('parent.latestValue'), value: latestText(text, goal) },
  ];
}

function supportLines(text: ReportText, goal: ParentGoal): string[][] {
  return goal.supports.map((support) => {
    const lines = [
      text.t('parent.supportLine', {
        role: roleName(text, support.role),
        setting: support.settingClass,
        perWeek: text.t('parent.timesPerWeek', { count: support.sessionsPerWeek }),
        minutes: support.minutesPerSession,
      }),
      support.peers.length
        ? text.t('parent.with', { peers: support.peers.map((peer) => describePeer(text, peer)).join(', ') })
        : text.t('parent.noPeer'),
    ];
    lines.push(
      support.plannedSessions
        ? text.t('parent.sessionsHeld', { held: support.heldSessions ?? 0, planned: support.plannedSessions })
        : text.t('parent.sessionsNone'),
    );
    return lines;
  });
}

/** One short line per goal on the first page, so a family sees the whole plan before the graphs. */
function drawGlance(rd: ReportDocument, section: PDFKit.PDFStructureElement, text: ReportText, goals: readonly ParentGoal[]): void {
  if (goals.length === 0) return;
  heading(rd, section, text.t('parent.atAGlance'), 3);
  for (const goal of goals) {
    const title = text.t('parent.goalHeading', { number: goal.number, area: text.t(`common.area.${goal.area}`) });
    const line = text.t('parent.glanceLine', {
      baseline: goalValue(text, goal, goal.baseline),
      latest: latestText(text, goal),
      target: goalValue(text, goal, goal.target),
      date: longDate(text, goal.endDate),
    });
    rd.keepTogether(paragraphHeight(rd, title, { bold: true, after: 1 }) + paragraphHeight(rd, line, { indent: 10, after: 5 }));
    paragraph(rd, section, title, { bold: true, after: 1 });
    paragraph(rd, section, line, { indent: 10, after: 5 });
  }
  rd.doc.y += 4;
}

/** Share of the column the graph takes; its data table sits beside it, so two goals fit on a page. */
const GRAPH_SHARE = 0.5;

/**
 * Where the student started and the latest, in one line; the goal too when the standing sentence
 * above it does not already say it (no measurements yet).
 */
function valuesLine(text: ReportText, view: ParentReportView, goal: ParentGoal): string {
  const goalSaid = goal.judgement.recentMedian !== null;
  return goalFacts(text, view, goal)
    .filter((fact) => !(goalSaid && fact.label === text.t('parent.goalValue')))
    .map((fact) => `${fact.label}: ${fact.value}`)
    .join(' · ');
}

/** Where the goal stands, the verdict, and anything a family must be told plainly: an ended goal, data that stopped. */
function standingLines(text: ReportText, view: ParentReportView, goal: ParentGoal): string[] {
  const { judgement } = goal;
  const lines = [standingWords(text, goal, judgement, 'parent', view.student.name)];
  const ended = goal.endDate < view.preparedOn;
  if (ended && judgement.status !== 'met' && judgement.status !== 'not_met')
    lines.push(text.t('parent.goalEnded', { date: longDate(text, goal.endDate) }));
  if (goal.dataStoppedSince && !ended) lines.push(text.t('parent.dataStopped', { date: longDate(text, goal.dataStoppedSince) }));
  return lines;
}

/** A period's mark with its dates, the team's answer on sufficiency and its reason, and their notes. */
function reportLines(text: ReportText, goal: ParentGoal, report: ParentGoal['reports'][number]): string[] {
  const lines = [
    text.t('parent.progressLineDates', {
      period: report.periodLabel,
      from: longDate(text, report.periodStartsOn),
      to: longDate(text, report.periodEndsOn),
      code: codeName(text, report) ?? '—',
    }),
  ];
  if (report.sufficient !== null) {
    lines.push(
      text.t('parent.sufficient', { date: longDate(text, goal.endDate), answer: text.t(report.sufficient ? 'parent.yes' : 'parent.no') }),
    );
    if (report.insufficientReason)
      lines.push(text.t('parent.why', { reason: text.t(`team.insufficientReason.${report.insufficientReason}`) }));
  }
  if (report.narrative) lines.push(`${text.t('parent.teamNotes')} ${report.narrative}`);
  return lines;
}

function goalPieces(
  rd: ReportDocument,
  section: PDFKit.PDFStructureElement,
  text: ReportText,
  view: ParentReportView,
  goal: ParentGoal,
): Piece[][] {
  const title = text.t('parent.goalHeading', { number: goal.number, area: text.t(`common.area.${goal.area}`) });
  const lead = { color: MUTED, size: 8.5, after: 1 };
  const statement = { size: 10.5, after: 5 };
  // The team's translation, when there is one for this language, comes first; the statement as written always follows.
  const statements = [
    ...(goal.translatedStatement === null ? [] : [{ label: text.t('parent.goalTranslated'), body: goal.translatedStatement }]),
    { label: text.t('parent.goalAsWritten'), body: goal.statement },
  ];
  const head = [
    headingPiece(rd, section, title, 2),
    ...statements.flatMap(({ label, body }) => [paragraphPiece(rd, section, label, lead), paragraphPiece(rd, section, body, statement)]),
    ...standingLines(text, view, goal).map((line) => paragraphPiece(rd, section, line, { bold: true, after: 3 })),
    graphBesideTable({ rd, parent: section }, goal.chart, graphWords(text, goal, goal.chart, goal.judgement), GRAPH_SHARE, [
      paragraphPiece(rd, section, valuesLine(text, view, goal), { size: 8.5, after: 5, frame: besideBoxes(rd, GRAPH_SHARE).table }),
    ]),
  ];
  const [left, right] = halves(rd);
  const objectives = goal.objectives.length
    ? [
        headingPiece(rd, section, text.t('parent.objectives'), 3, left),
        bulletsPiece(
          rd,
          section,
          goal.objectives.map((objective) => objective.text),
          left,
        ),
      ]
    : [];
  const progress = [
    headingPiece(rd, section, text.t('parent.progressHeading'), 3, left),
    ...(goal.reports.length === 0 ? [paragraphPiece(rd, section, text.t('parent.noReports'), { color: MUTED, frame: left })] : []),
    ...goal.reports.map((report) => linesPiece(rd, section, reportLines(text, goal, report), left)),
  ];
  const supports = [
    headingPiece(rd, section, text.t('parent.supportHeading'), 3, right),
    ...(goal.supports.length === 0 ? [paragraphPiece(rd, section, text.t('parent.noSupports'), { color: MUTED, frame: right })] : []),
    ...supportLines(text, goal).map((lines) => linesPiece(rd, section, lines, right)),
  ];
  return [head, [columnsPiece([...objectives, ...progress], supports, rd)]];
}

/** Each goal's block kept on one page when it fits, measured first, so short goals pack two to a page. */
function drawGoal(rd: ReportDocument, text: ReportText, view: ParentReportView, goal: ParentGoal): void {
  const section = rd.doc.struct('Sect');
  rd.root.add(section);
  drawKeptTogether(rd, goalPieces(rd, section, text, view, goal));
  section.end();
  rule(rd, 10);
}

export async function renderParentReport(view: ParentReportView): Promise<RenderedReport> {
  const text = reportText(view.language);
  const range = rangeText(text, view.range);
  const student = view.student.name;
  const rd = new ReportDocument({
    fonts: await loadFonts(),
    letterhead: view.letterhead,
    language: view.language,
    title: text.t('parent.documentTitle', { student }),
    subject: text.t('parent.subject', { student, range }),
    preparedOn: view.preparedOn,
    inputs: view,
    footerNote: text.t('parent.preparedFor', { recipient: view.preparedFor, date: longDate(text, view.preparedOn) }),
    confidential: text.t('common.confidential'),
    pageOf: (page, pages) => text.t('common.pageOf', { page, pages }),
  });
  rd.letterhead(text.t('parent.title'), `${student} · ${range}`, rd.root);

  const intro = rd.doc.struct('Sect');
  rd.root.add(intro);
  const planName = planTypeWords(view.plan.type, text).name;
  paragraph(rd, intro, text.t('parent.intro', { student, plan: planName, range }), { size: 10.5, after: 4 });
  // Peers are said to help only where a peer support held a session; a support only planned is not help given.
  if (view.peersDelivered) paragraph(rd, intro, text.t('parent.introSupport', { student }), { size: 10.5, after: 4 });
  if (view.plan.annualReviewDue < view.preparedOn) {
    paragraph(rd, intro, text.t('parent.reviewOverdue', { date: longDate(text, view.plan.annualReviewDue) }), {
      size: 10.5,
      bold: true,
      after: 4,
    });
  }
  rd.doc.y += 4;
  heading(rd, intro, text.t('parent.aboutStudent'), 3);
  facts(rd, intro, [
    { label: text.t('parent.student'), value: student },
    { label: text.t('parent.grade'), value: gradeLevel(text, view.student.grade) },
    { label: text.t('parent.school'), value: view.student.school },
    {
      label: text.t('parent.plan'),
      value: text.t('parent.planDates', {
        type: planName,
        from: longDate(text, view.plan.startDate),
        to: longDate(text, view.plan.endDate),
      }),
    },
    { label: text.t('parent.caseManager'), value: view.plan.caseManagerName ?? '—' },
    { label: text.t('parent.annualReview'), value: longDate(text, view.plan.annualReviewDue) },
  ]);
  drawGlance(rd, intro, text, view.goals);
  box(rd, intro, [
    text.t('parent.howToRead'),
    text.t('parent.howDots'),
    text.t('parent.howAim', { student }),
    text.t('parent.howTrend'),
    text.t('parent.howGoal'),
    text.t('parent.howPhase'),
  ]);
  intro.end();

  if (view.goals.length === 0) paragraph(rd, rd.root, text.t('parent.noGoals'));
  for (const goal of view.goals) drawGoal(rd, text, view, goal);

  const caseManager = view.plan.caseManagerName;
  rd.keepTogether(30);
  paragraph(rd, rd.root, caseManager ? text.t('parent.questions', { caseManager }) : text.t('parent.questionsNoName'), { size: 10.5 });
  return rd.finish();
}
