/**
 * The parent report: the same goals and graphs as the team's, in short plain sentences in the
 * family's language, every fixed string from the catalog. It renders a `ParentReportView` — made
 * only by `redact.ts` — so peers can appear only as a role and a grade. The footer says for whom and
 * when it was prepared.
 */
import { goalValue, gradeLevel, longDate } from './i18n/format';
import { type ReportText, reportText } from './i18n/index';
import type { ParentGoal, ParentReportView, RenderedReport } from './model';
import { MUTED, ReportDocument } from './pdf/document';
import { loadFonts } from './pdf/fonts';
import { drawGoalDataTable, drawGoalGraph, goalDataTableHeight, graphHeight } from './pdf/goal-graph';
import { box, facts, factsHeight, heading, headingHeight, paragraph, paragraphHeight, rule } from './pdf/layout';
import { codeName, describePeer, graphWords, roleName } from './wording';

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

function drawGoal(rd: ReportDocument, text: ReportText, view: ParentReportView, goal: ParentGoal): void {
  const title = text.t('parent.goalHeading', { number: goal.number, area: text.t(`common.area.${goal.area}`) });
  const list = goalFacts(text, view, goal);
  const lead = { color: MUTED, size: 8.5, after: 1 };
  const statement = { size: 10.5, after: 6 };
  // The team's translation, when there is one for this language, comes first; the statement as written always follows.
  const statements = [
    ...(goal.translatedStatement === null ? [] : [{ label: text.t('parent.goalTranslated'), body: goal.translatedStatement }]),
    { label: text.t('parent.goalAsWritten'), body: goal.statement },
  ];
  rd.keepTogether(
    headingHeight(rd, title, 2) +
      statements.reduce((sum, { label, body }) => sum + paragraphHeight(rd, label, lead) + paragraphHeight(rd, body, statement), 0) +
      factsHeight(rd, list, 3) +
      graphHeight(rd) +
      goalDataTableHeight(rd, goal.chart),
  );
  const section = rd.doc.struct('Sect');
  rd.root.add(section);
  heading(rd, section, title, 2);
  for (const { label, body } of statements) {
    paragraph(rd, section, label, lead);
    paragraph(rd, section, body, statement);
  }
  facts(rd, section, list, 3);
  const graph = graphWords(text, goal, goal.chart);
  drawGoalGraph({ rd, parent: section }, goal.chart, {}, graph);
  drawGoalDataTable({ rd, parent: section }, goal.chart, graph);

  rd.keepTogether(56);
  heading(rd, section, text.t('parent.progressHeading'), 3);
  if (goal.reports.length === 0) paragraph(rd, section, text.t('parent.noReports'), { color: MUTED });
  for (const report of goal.reports) {
    const line = text.t('parent.progressLine', { period: report.periodLabel, code: codeName(text, report) ?? '—' });
    rd.keepTogether(paragraphHeight(rd, line, { bold: true }) + 30);
    paragraph(rd, section, line, { bold: true, after: 2 });
    if (report.narrative) {
      paragraph(rd, section, text.t('parent.teamNotes'), { indent: 10, color: MUTED, size: 8.5, after: 1 });
      paragraph(rd, section, report.narrative, { indent: 10, after: 6 });
    }
  }

  rd.keepTogether(56);
  heading(rd, section, text.t('parent.supportHeading'), 3);
  if (goal.supports.length === 0) paragraph(rd, section, text.t('parent.noSupports'), { color: MUTED });
  for (const lines of supportLines(text, goal)) {
    rd.keepTogether(lines.reduce((sum, line) => sum + paragraphHeight(rd, line, { after: 2 }), 0));
    lines.forEach((line, index) => {
      paragraph(rd, section, line, index === 0 ? { bold: true, after: 2 } : { indent: 10, after: index === lines.length - 1 ? 6 : 2 });
    });
  }
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
  const planName = text.t(`common.planType.${view.plan.type}`);
  paragraph(rd, intro, text.t('parent.intro', { student, plan: planName, range }), { size: 10.5, after: 4 });
  paragraph(rd, intro, text.t('parent.introSupport', { student }), { size: 10.5, after: 8 });
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
