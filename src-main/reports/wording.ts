/**
 * Sentences both student reports share, worded from the catalog: the goal graph's labels, legend,
 * axis titles, data table and alternative text, and a peer described by role and grade ("a trained
 * 8th-grade peer tutor").
 */
import type { PeerRole, PlanType, ProgressCodeSetId } from '../contract';
import type { ChartModelView, GoalJudgement, PhaseEvent } from '../contract/progress-view';
import { goalValue, gradeWord, longDate, monthLabel, number, shortDate, signed } from './i18n/format';
import type { ReportKey, ReportText } from './i18n/index';
import type { GoalValueFacts, PeerDescription } from './model';
import type { GraphWords } from './pdf/goal-graph';

/** A phase line in the report's language, from what it marks ("Peer tutor started", "Nuevo mentor"). */
export function phaseWords(text: ReportText, event: PhaseEvent): string {
  switch (event.kind) {
    case 'support_started':
      return text.t('chart.started', { role: roleName(text, event.role) });
    case 'mentor_changed':
      return text.t('chart.newMentor');
    case 'amended':
      return text.t('chart.amended');
  }
}

/** What the alt text says of the goal's judgement: its verdict. */
type JudgementStatus = Pick<GoalJudgement, 'status'>;

export interface GraphGoalWords {
  text: ReportText;
  goal: GoalValueFacts & { endDate: string };
}

/** The y-axis title in the report's language: "Percent correct", "Rubric level (1–4)". */
export function axisTitle(text: ReportText, goal: GoalValueFacts): string {
  return text.t(`chart.axis.${goal.measurement}`, { max: goal.scaleMax === null ? '' : number(text, goal.scaleMax) });
}

/**
 * The figure's alternative text: how many measurements and what they measure, where the goal
 * started and must reach by when, the latest value with its unit, the trend, and the judgement.
 */
export function graphAltText(chart: ChartModelView, judgement: JudgementStatus | null, words: GraphGoalWords): string {
  const { text, goal } = words;
  const values = {
    baseline: goalValue(text, goal, goal.baseline),
    target: goalValue(text, goal, goal.target),
    end: longDate(text, goal.endDate),
  };
  const judged = judgement ? text.t('chart.altJudgement', { status: text.t(`chart.status.${judgement.status}`) }) : '';
  const measured = text.t('chart.altMeasured', { axis: axisTitle(text, goal) });
  if (chart.summary.points === 0) return text.t('chart.altNone', values) + measured + judged;
  let alt = text.t('chart.alt', { ...values, count: chart.summary.points }) + measured;
  if (chart.summary.latest !== null && chart.summary.latestDate) {
    alt += text.t('chart.altLatest', {
      latest: goalValue(text, goal, chart.summary.latest),
      date: longDate(text, chart.summary.latestDate),
    });
  }
  if (chart.summary.perWeek !== null) alt += text.t('chart.altTrend', { perWeek: signed(text, chart.summary.perWeek) });
  return alt + judged;
}

export function graphWords(
  text: ReportText,
  goal: GoalValueFacts & { endDate: string },
  chart: ChartModelView,
  judgement: JudgementStatus | null = null,
): GraphWords {
  return {
    tick: (label) => {
      const value = Number(label);
      return Number.isFinite(value) ? number(text, value) : label;
    },
    month: (yearMonth, withYear) => monthLabel(text, yearMonth, withYear),
    phase: (event) => phaseWords(text, event),
    start: text.t('chart.baseline'),
    goal: (value) => `${text.t('chart.goal')} ${goalValue(text, goal, value)}`,
    value: (value) => goalValue(text, goal, value),
    date: (iso) => shortDate(text, iso),
    axis: { x: text.t('chart.axisX'), y: axisTitle(text, goal) },
    legend: {
      points: text.t('chart.legendPoints'),
      aim: text.t('chart.legendAim'),
      trend: text.t('chart.legendTrend'),
      goal: text.t('chart.legendGoal'),
      phase: text.t('chart.legendPhase'),
    },
    table: {
      caption: text.t('chart.tableCaption'),
      date: text.t('chart.tableDate'),
      value: text.t('chart.tableValue'),
      expected: text.t('chart.tableExpected'),
    },
    alt: graphAltText(chart, judgement, { text, goal }),
  };
}

/**
 * "a trained 8th-grade peer tutor" / "un estudiante capacitado de 8.º grado (compañero tutor)"; widened
 * where the school has too few such mentors (reports/redact.ts `peerDescriptor`): "a trained
 * middle-school peer tutor", then "a trained peer".
 */
export function describePeer(text: ReportText, peer: PeerDescription): string {
  switch (peer.scope) {
    case 'grade': {
      const values = { grade: gradeWord(text, peer.grade), noun: text.t(`common.peerNoun.${peer.role}`) };
      // `context` picks the English "an 8th-grade …" variant where one exists.
      return peer.trained
        ? text.t('parent.peerTrained', values)
        : text.t('parent.peerUntrained', { ...values, context: String(peer.grade) });
    }
    case 'band': {
      const values = { band: text.t(`common.gradeBand.${peer.band}`), noun: text.t(`common.peerNoun.${peer.role}`) };
      return peer.trained ? text.t('parent.peerBandTrained', values) : text.t('parent.peerBandUntrained', values);
    }
    case 'any':
      return peer.trained ? text.t('parent.peerAnyTrained') : text.t('parent.peerAny');
  }
}

/** A progress code's name in the report's language; the label saved with the report when the catalog lacks it. */
export function codeName(
  text: ReportText,
  report: { codeSet: ProgressCodeSetId; code: string | null; codeLabel: string | null },
): string | null {
  if (report.code === null) return null;
  return text.t(`common.code.${report.codeSet}.${report.code}` as ReportKey, { defaultValue: report.codeLabel ?? report.code });
}

/** "Peer tutor" for a role, in the report's language. */
export function roleName(text: ReportText, role: PeerRole): string {
  return text.t(`common.role.${role}`);
}

/**
 * How a plan's type reads in every title: its name ("IEP", "504 plan") and the catalog context that
 * picks a title's 504 wording ("504 plan meeting summary", never "IEP meeting summary" for a 504 plan).
 */
export function planTypeWords(type: PlanType, text: ReportText): { name: string; context: string | undefined } {
  return { name: text.t(`common.planType.${type}`), context: type === '504' ? '504' : undefined };
}

/**
 * Where a goal stands, in one sentence worded from the rules' judgement alone: the median of the
 * last 3 measurements, what the aim line expected by now, the goal and its date, and the verdict.
 * `team` words it for the team; `parent` in plain words, the verdict as its own sentence.
 */
export function standingWords(
  text: ReportText,
  goal: GoalValueFacts & { endDate: string },
  judgement: GoalJudgement,
  audience: 'team' | 'parent',
  student = '',
): string {
  const { weeks } = judgement;
  const values = {
    target: goalValue(text, goal, goal.target),
    date: longDate(text, goal.endDate),
    median: judgement.recentMedian === null ? '' : goalValue(text, goal, judgement.recentMedian),
    expected: judgement.expectedNow === null ? '' : goalValue(text, goal, judgement.expectedNow),
    withData: weeks.withData,
    needed: weeks.needed,
    student,
  };
  const variant = judgement.recentMedian === null ? 'standingNoData' : judgement.expectedNow === null ? 'standingNoAim' : 'standing';
  if (audience === 'team') return text.t(`team.${variant}`, { ...values, verdict: text.t(`team.verdict.${judgement.status}`, values) });
  const verdict = text.t(`parent.verdict.${judgement.status}`, values);
  return variant === 'standingNoData' ? verdict : `${text.t(`parent.${variant}`, values)} ${verdict}`;
}
