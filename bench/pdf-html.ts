/**
 * The team summary as one HTML page, for the benchmark's comparison only: the same gathered view
 * (reports/gather.ts), the same catalog words and value formats, and the goal graph drawn as inline
 * SVG from the same chart model the screens and the PDF draw. Every text from the view is escaped.
 * Chromium prints it; nothing here is shipped.
 */
import { GOAL_CHART_BOX, MISS_REASONS } from '../src-main/contract';
import type { ChartModelView } from '../src-main/contract/progress-view';
import { goalValue, gradeLevel, longDate, number, percent, shortDate, signed } from '../src-main/reports/i18n/format';
import { type ReportText, reportText } from '../src-main/reports/i18n/index';
import type { TeamGoal, TeamSummaryView } from '../src-main/reports/model';
import type { GraphWords } from '../src-main/reports/pdf/goal-graph';
import { codeName, graphWords, roleName } from '../src-main/reports/wording';

const POINT = '#23395b';
const AIM = '#5b7fa6';
const TREND = '#d55e00';
const GOAL = '#009e73';
const PHASE = '#9aa5b1';
const RULE = '#c9ced6';
const MUTED = '#5f6b7a';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const STYLE = `
@page { size: Letter; margin: 0.6in 0.65in 0.7in; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1f2933; line-height: 1.35; margin: 0; }
header { border-bottom: 1px solid ${RULE}; margin-bottom: 10pt; padding-bottom: 6pt; }
header img { max-height: 0.8in; float: right; }
.school { font-size: 9pt; color: ${MUTED}; }
h1 { font-size: 16pt; margin: 2pt 0; }
h2 { font-size: 12pt; margin: 12pt 0 4pt; }
h3 { font-size: 10pt; margin: 8pt 0 3pt; }
.sub, .muted { color: ${MUTED}; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 4pt 0; }
dt { font-weight: bold; }
dd { margin: 0; }
.goal-head { break-inside: avoid; }
svg { width: 100%; height: auto; display: block; }
.legend { font-size: 7pt; color: ${MUTED}; display: flex; gap: 12pt; margin: 2pt 0 6pt; }
.legend i { display: inline-block; width: 14pt; height: 0; vertical-align: middle; margin-right: 3pt; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4pt 0; }
th, td { border-bottom: 1px solid ${RULE}; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
.check-in { break-inside: avoid; margin-bottom: 6pt; }
.check-in p { margin: 1pt 0 1pt 10pt; }
hr { border: 0; border-top: 1px solid ${RULE}; margin: 10pt 0; }
footer { margin-top: 16pt; border-top: 1px solid ${RULE}; padding-top: 4pt; font-size: 7.5pt; color: ${MUTED}; }
`;

function studentName(view: TeamSummaryView): string {
  const { student } = view;
  return student.preferredName
    ? `${student.firstName} (${student.preferredName}) ${student.lastName}`
    : `${student.firstName} ${student.lastName}`;
}

function rangeText(text: ReportText, range: { from: string; to: string }): string {
  return text.t('common.dateRange', { from: longDate(text, range.from), to: longDate(text, range.to) });
}

function facts(items: readonly { label: string; value: string }[]): string {
  return `<dl>${items.map((item) => `<dt>${escapeHtml(item.label)}</dt><dd>${escapeHtml(item.value)}</dd>`).join('')}</dl>`;
}

function svgText(x: number, y: number, label: string, attributes: string): string {
  return `<text x="${x}" y="${y}" ${attributes}>${escapeHtml(label)}</text>`;
}

/** The chart model in its own box (GOAL_CHART_BOX), as the screens draw it. */
export function goalSvg(chart: ChartModelView, words: GraphWords): string {
  const { plot } = chart;
  const right = plot.x + plot.width;
  const bottom = plot.y + plot.height;
  const parts: string[] = [
    `<rect x="${plot.x}" y="${plot.y}" width="${plot.width}" height="${plot.height}" fill="none" stroke="${RULE}"/>`,
  ];
  for (const tick of chart.yTicks) {
    parts.push(`<line x1="${plot.x}" y1="${tick.y}" x2="${right}" y2="${tick.y}" stroke="${RULE}" stroke-width="0.5"/>`);
    parts.push(svgText(plot.x - 5, tick.y + 3.5, words.tick(tick.label), 'text-anchor="end"'));
  }
  chart.xTicks.forEach((tick, index) => {
    parts.push(`<line x1="${tick.x}" y1="${bottom}" x2="${tick.x}" y2="${bottom + 4}" stroke="${MUTED}"/>`);
    const label = words.month(tick.label, index === 0 || tick.label.endsWith('-01'));
    parts.push(svgText(tick.x, bottom + 16, label, 'text-anchor="middle"'));
  });
  chart.phases.forEach((phase, index) => {
    parts.push(`<line x1="${phase.x}" y1="${plot.y}" x2="${phase.x}" y2="${bottom}" stroke="${PHASE}" stroke-dasharray="2 3"/>`);
    const label = words.phase(phase.event);
    if (label) parts.push(svgText(phase.x + 3, plot.y + 10 + (index % 3) * 10, label, 'font-size="8"'));
  });
  const goalY = chart.criterion.y;
  parts.push(`<line x1="${plot.x}" y1="${goalY}" x2="${right}" y2="${goalY}" stroke="${GOAL}" stroke-width="1.4" stroke-dasharray="1 3"/>`);
  parts.push(svgText(right - 4, goalY - 4, words.goal(chart.criterion.value), `text-anchor="end" font-weight="bold" fill="${GOAL}"`));
  const { aim } = chart;
  parts.push(
    `<line x1="${aim.x1}" y1="${aim.y1}" x2="${aim.x2}" y2="${aim.y2}" stroke="${AIM}" stroke-width="1.4" stroke-dasharray="6 4"/>`,
  );
  const { baseline } = chart;
  if (baseline) {
    parts.push(`<rect x="${baseline.x - 3.5}" y="${baseline.y - 3.5}" width="7" height="7" fill="#fff" stroke="${AIM}"/>`);
    parts.push(svgText(baseline.x + 7, baseline.y + 12, words.start, ''));
  }
  if (chart.points.length > 1) {
    const line = chart.points.map((point) => `${point.x},${point.y}`).join(' ');
    parts.push(`<polyline points="${line}" fill="none" stroke="${POINT}" stroke-opacity="0.55" stroke-width="0.8"/>`);
  }
  if (chart.trend) {
    const { trend } = chart;
    parts.push(`<line x1="${trend.x1}" y1="${trend.y1}" x2="${trend.x2}" y2="${trend.y2}" stroke="${TREND}" stroke-width="2.2"/>`);
  }
  for (const point of chart.points) parts.push(`<circle cx="${point.x}" cy="${point.y}" r="3" fill="${POINT}"/>`);
  const box = GOAL_CHART_BOX;
  return (
    `<svg viewBox="0 0 ${box.width} ${box.height}" role="img" aria-label="${escapeHtml(words.alt)}" ` +
    `font-size="9" fill="${MUTED}">${parts.join('')}</svg>` +
    `<div class="legend"><span><i style="border-top:5px dotted ${POINT};width:5pt"></i>${escapeHtml(words.legend.points)}</span>` +
    `<span><i style="border-top:1.4px dashed ${AIM}"></i>${escapeHtml(words.legend.aim)}</span>` +
    `<span><i style="border-top:2px solid ${TREND}"></i>${escapeHtml(words.legend.trend)}</span>` +
    `<span><i style="border-top:1.4px dotted ${GOAL}"></i>${escapeHtml(words.legend.goal)}</span>` +
    `<span><i style="border-top:1px dashed ${PHASE}"></i>${escapeHtml(words.legend.phase)}</span></div>`
  );
}

function goalFacts(text: ReportText, goal: TeamGoal): { label: string; value: string }[] {
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
  ];
}

function reportsHtml(text: ReportText, goal: TeamGoal): string {
  if (goal.reports.length === 0) return `<p class="muted">${escapeHtml(text.t('team.noReports'))}</p>`;
  return goal.reports
    .map((report) => {
      const code = codeName(text, report) ?? text.t('team.noCode');
      const line = text.t('team.reportLine', { period: report.periodLabel, date: longDate(text, report.periodEndsOn), code });
      const narrative = report.narrative ? `<p>${escapeHtml(report.narrative)}</p>` : '';
      return `<p><strong>${escapeHtml(line)}</strong></p>${narrative}`;
    })
    .join('');
}

/** The peer supports serving a goal, with fidelity, as one table. */
function fidelityTable(text: ReportText, goal: TeamGoal): string {
  if (goal.supports.length === 0) return `<p class="muted">${escapeHtml(text.t('team.noSupports'))}</p>`;
  const rows = goal.supports.map((support) => {
    const mentors = support.mentors.length
      ? support.mentors
          .map((mentor) => `${mentor.preferredName || mentor.firstName} ${mentor.lastName} (${gradeLevel(text, mentor.grade)})`)
          .join(', ')
      : text.t('team.noMentors');
    const fidelity = support.fidelity;
    const cells =
      fidelity && fidelity.from !== null
        ? [
            `${fidelity.heldSessions} / ${number(text, fidelity.plannedSessions)} (${percent(text, fidelity.sessionsPercent)})`,
            `${fidelity.deliveredMinutes} / ${fidelity.plannedMinutes} (${percent(text, fidelity.minutesPercent)})`,
            MISS_REASONS.filter((reason) => fidelity.missesByReason[reason] > 0)
              .map((reason) => `${text.t(`common.missReason.${reason}`)} ${fidelity.missesByReason[reason]}`)
              .join(', ') || text.t('team.noMisses'),
          ]
        : [text.t('team.fidelityNone'), '', ''];
    const support_ = text.t('team.supportLine', {
      role: roleName(text, support.role),
      setting: support.settingClass,
      perWeek: support.sessionsPerWeek,
      minutes: support.minutesPerSession,
    });
    return `<tr>${[support_, mentors, ...cells].map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
  });
  const head = ['', text.t('team.mentors'), 'Sessions', 'Minutes', 'Missed'].map((cell) => `<th>${escapeHtml(cell)}</th>`);
  return `<table><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function goalHtml(text: ReportText, goal: TeamGoal): string {
  const title = text.t('team.goalHeading', { number: goal.number, area: text.t(`common.area.${goal.area}`) });
  return (
    `<section><div class="goal-head"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(goal.statement)}</p>` +
    `${facts(goalFacts(text, goal))}${goalSvg(goal.chart, graphWords(text, goal, goal.chart))}</div>` +
    `<h3>${escapeHtml(text.t('team.reports'))}</h3>${reportsHtml(text, goal)}` +
    `<h3>${escapeHtml(text.t('team.supports'))}</h3>${fidelityTable(text, goal)}</section><hr>`
  );
}

function checkInsHtml(text: ReportText, view: TeamSummaryView): string {
  const title = `<h2>${escapeHtml(text.t('team.sectionCheckIns'))}</h2>`;
  if (view.checkIns.length === 0) return `${title}<p class="muted">${escapeHtml(text.t('team.noCheckIns'))}</p>`;
  const items = view.checkIns.map((checkIn) => {
    const lines: string[] = [];
    if (checkIn.mentorName) lines.push(text.t('team.checkInMentor', { mentor: checkIn.mentorName }));
    if (checkIn.whatsWorking) lines.push(`${text.t('team.working')}: ${checkIn.whatsWorking}`);
    if (checkIn.whatsNot) lines.push(`${text.t('team.notWorking')}: ${checkIn.whatsNot}`);
    if (checkIn.nextSteps) lines.push(checkIn.nextSteps);
    const ratings = (
      [
        ['belonging', checkIn.belonging],
        ['engagement', checkIn.engagement],
        ['workload', checkIn.mentorWorkload],
        ['confidence', checkIn.mentorConfidence],
      ] as const
    ).flatMap(([name, value]) => (value === null ? [] : [text.t(`team.rating.${name}`, { value })]));
    if (ratings.length) lines.push(ratings.join(' · '));
    const heading = text.t('team.checkInHeading', {
      date: longDate(text, checkIn.date),
      role: roleName(text, checkIn.role),
      setting: checkIn.settingClass,
    });
    return `<div class="check-in"><strong>${escapeHtml(heading)}</strong>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`;
  });
  return `${title}${items.join('')}`;
}

function flagsHtml(text: ReportText, view: TeamSummaryView): string {
  const flags = [
    ...view.plan.warnings,
    ...view.goals.flatMap((goal) =>
      goal.flags.map((flag) =>
        text.t('team.flagGoal', { number: goal.number, area: text.t(`common.area.${goal.area}`), message: flag.message }),
      ),
    ),
  ];
  const title = `<h2>${escapeHtml(text.t('team.sectionFlags'))}</h2>`;
  if (flags.length === 0) return `${title}<p class="muted">${escapeHtml(text.t('team.noFlags'))}</p>`;
  return `${title}<ul>${flags.map((flag) => `<li>${escapeHtml(flag)}</li>`).join('')}</ul>`;
}

/** The whole page: letterhead, student and plan, each goal (values, graph, reports, fidelity), check-ins, flags, footer. */
export function teamSummaryHtml(view: TeamSummaryView, language = 'en'): string {
  const text = reportText(language);
  const name = studentName(view);
  const range = rangeText(text, view.range);
  const { plan, letterhead } = view;
  const logo = letterhead.logo ? `<img alt="" src="data:image/png;base64,${Buffer.from(letterhead.logo).toString('base64')}">` : '';
  const intro = facts([
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
  const goals = view.goals.length
    ? view.goals.map((goal) => goalHtml(text, goal)).join('')
    : `<p>${escapeHtml(text.t('team.noGoals'))}</p>`;
  return (
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(text.t('team.documentTitle', { student: name }))}</title><style>${STYLE}</style></head><body>` +
    `<header>${logo}<div class="school">${escapeHtml(letterhead.schoolName)}</div>` +
    `<h1>${escapeHtml(text.t('team.title'))}</h1><div class="sub">${escapeHtml(`${text.t('team.subtitle')} · ${range}`)}</div></header>` +
    `<section><h2>${escapeHtml(text.t('team.sectionStudent'))}</h2>${intro}</section><hr>` +
    `${goals}${checkInsHtml(text, view)}${flagsHtml(text, view)}` +
    `<footer>${escapeHtml(text.t('common.confidential'))}<br>${escapeHtml(text.t('team.footer', { date: longDate(text, view.preparedOn) }))}</footer>` +
    '</body></html>'
  );
}
