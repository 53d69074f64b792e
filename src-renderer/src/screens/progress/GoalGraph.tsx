/**
 * The goal graph drawn from the chart model (the same geometry the PDF reports use), in a 640×280
 * viewBox that scales to the card: axis titles with the measurement's unit, data clipped to the
 * plot, each plan version's aim line, and the lines told apart by dash pattern and marker (the
 * shared CHART_STROKES) with the one drawn legend under it. Screen readers get a one-paragraph
 * summary as the image's name, and everyone can open the data as a table, where each point can
 * also be changed or deleted.
 */
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHART_STROKES,
  type ChartLegendItem,
  GOAL_CHART_BOX,
  type GoalProgress,
  type Measurement,
  type ProgressPoint,
} from '../../../../src-main/contract';
import { useDateFormat } from '../../components/dates';
import { GraphLegend } from './GraphLegend';

/** The SVG dash attribute for a line of the legend (none for solid). */
const dashOf = (item: ChartLegendItem) => (CHART_STROKES[item].dash.length > 0 ? CHART_STROKES[item].dash.join(' ') : undefined);

type Chart = GoalProgress['chart'];

export interface GoalGraphProps {
  chart: Chart;
  /** The points, in the chart's (date) order: one per table row. */
  points: readonly ProgressPoint[];
  target: number;
  endDate: string;
  measurement: Measurement;
  /** What a table row offers for its point (edit, delete); left out on a read-only plan. */
  pointActions?: (point: ProgressPoint) => ReactNode;
}

export function GoalGraph({ chart, points, target, endDate, measurement, pointActions }: GoalGraphProps) {
  const { t, i18n } = useTranslation();
  const formatDate = useDateFormat();
  const tableId = useId();
  const clipId = useId();
  const monthFormat = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' });
  const monthYearFormat = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  // The year on the first tick and on January, as the reports write it.
  const monthName = (yearMonth: string, withYear: boolean) =>
    (withYear ? monthYearFormat : monthFormat).format(new Date(`${yearMonth}-01T00:00:00Z`));
  const summary = useGraphSummary(chart, target, endDate, measurement);
  const { plot } = chart;
  const rows = chart.table.map((row, index) => ({ ...row, key: points[index]?.id ?? `${row.date}:${index}`, point: points[index] }));
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  return (
    <div className="goal-graph stack">
      <svg
        className="goal-graph-svg"
        viewBox={`0 0 ${GOAL_CHART_BOX.width} ${GOAL_CHART_BOX.height}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMidYMid meet"
      >
        <g>
          {chart.yTicks.map((tick) => (
            <g key={`y-${tick.label}`}>
              <line className="graph-grid" x1={plot.x} x2={right} y1={tick.y} y2={tick.y} />
              <text className="graph-tick" x={plot.x - 6} y={tick.y + 4} textAnchor="end">
                {tick.label}
              </text>
            </g>
          ))}
          {chart.xTicks.map((tick, index) => (
            <g key={`x-${tick.label}`}>
              <line className="graph-axis" x1={tick.x} x2={tick.x} y1={bottom} y2={bottom + 5} />
              <text className="graph-tick" x={tick.x} y={bottom + 20} textAnchor="middle">
                {monthName(tick.label, index === 0 || tick.label.endsWith('-01'))}
              </text>
            </g>
          ))}
          <line className="graph-axis" x1={plot.x} x2={right} y1={bottom} y2={bottom} />
          <line className="graph-axis" x1={plot.x} x2={plot.x} y1={plot.y} y2={bottom} />
          <text className="graph-axis-title" x={plot.x + plot.width / 2} y={GOAL_CHART_BOX.height - 6} textAnchor="middle">
            {t('progress.graph.axisX')}
          </text>
          <text className="graph-axis-title" transform={`translate(14 ${plot.y + plot.height / 2}) rotate(-90)`} textAnchor="middle">
            {t(`progress.graph.axis.${measurement}`, { max: scaleMaxOf(chart, measurement) })}
          </text>
        </g>
        <defs>
          <clipPath id={clipId}>
            <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${clipId})`}>
          {chart.phases.map((phase, index) => {
            // As in the PDF: labels take three rows in turn so neighbours do not collide, and the right-hand ones end at their line.
            const flipped = phase.x > plot.x + plot.width * 0.7;
            return (
              <g key={`phase-${phase.date}`}>
                <line className="graph-phase" x1={phase.x} x2={phase.x} y1={plot.y} y2={bottom} strokeDasharray={dashOf('phase')} />
                <text
                  className="graph-phase-label"
                  x={flipped ? phase.x - 4 : phase.x + 4}
                  y={chart.phaseLabelsAt === 'top' ? plot.y : bottom}
                  dy={chart.phaseLabelsAt === 'top' ? `${1.1 + (index % 3) * 1.25}em` : `${-0.5 - (index % 3) * 1.25}em`}
                  textAnchor={flipped ? 'end' : 'start'}
                >
                  {phase.label}
                </text>
              </g>
            );
          })}
          <line
            className="graph-line-goal"
            x1={plot.x}
            x2={right}
            y1={chart.criterion.y}
            y2={chart.criterion.y}
            strokeDasharray={dashOf('goal')}
          />
          {chart.aims.map((aim) => (
            <line
              key={`aim-${aim.version}`}
              className="graph-line-aim"
              x1={aim.x1}
              y1={aim.y1}
              x2={aim.x2}
              y2={aim.y2}
              strokeDasharray={dashOf('aim')}
            />
          ))}
          {chart.baseline ? (
            <rect className="graph-baseline" x={chart.baseline.x - 5} y={chart.baseline.y - 5} width={10} height={10} />
          ) : null}
          {chart.points.length > 1 ? (
            <polyline className="graph-line-points" points={chart.points.map((point) => `${point.x},${point.y}`).join(' ')} />
          ) : null}
          {chart.trend ? (
            <line
              className="graph-line-trend"
              x1={chart.trend.x1}
              y1={chart.trend.y1}
              x2={chart.trend.x2}
              y2={chart.trend.y2}
              strokeDasharray={dashOf('trend')}
            />
          ) : null}
          {chart.points.map((point) => (
            <circle key={`${point.date}-${point.x}-${point.y}`} className="graph-point" cx={point.x} cy={point.y} r={4.5} />
          ))}
          <text className="graph-goal-label" x={chart.criterion.label.x} y={chart.criterion.label.y}>
            {t('progress.graph.legendItems.goal')}{' '}
            {t(`goals.values.${measurement}`, { value: target, max: scaleMaxOf(chart, measurement) })}
          </text>
        </g>
      </svg>
      <GraphLegend items={chart.legend} />
      <details className="graph-data">
        <summary>{t('progress.graph.showTable')}</summary>
        {chart.table.length === 0 ? (
          <p>{t('progress.graph.noPoints')}</p>
        ) : (
          <table className="data-table" aria-labelledby={tableId}>
            <caption id={tableId}>{t('progress.graph.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('progress.graph.date')}</th>
                <th scope="col">{t('progress.graph.value')}</th>
                <th scope="col">{t('progress.graph.aim')}</th>
                <th scope="col">{t('progress.graph.source')}</th>
                {pointActions ? <th scope="col">{t('progress.graph.change')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <td>{formatDate(row.date)}</td>
                  <td>{row.value}</td>
                  <td>{row.aimValue}</td>
                  <td>{row.point ? t(`progress.graph.sources.${row.point.source}`) : null}</td>
                  {pointActions ? <td>{row.point ? pointActions(row.point) : null}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </div>
  );
}

/** "5 points. Latest 41 on 13 Oct 2026. Trend +0.7 a week; about 62 by 1 Jun 2027 against a target of 80." */
function useGraphSummary(chart: Chart, target: number, endDate: string, measurement: Measurement): string {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const { summary } = chart;
  if (summary.points === 0 || summary.latest === null || summary.latestDate === null) {
    return t('progress.graph.summaryEmpty', { target, end: formatDate(endDate) });
  }
  const parts = [t('progress.graph.summaryLatest', { count: summary.points, value: summary.latest, date: formatDate(summary.latestDate) })];
  if (summary.perWeek !== null && summary.projected !== null) {
    parts.push(
      t('progress.graph.summaryTrend', {
        perWeek: summary.perWeek > 0 ? `+${summary.perWeek}` : String(summary.perWeek),
        projected: shownProjection(summary.projected, chart.yDomain, measurement),
        end: formatDate(endDate),
        target,
      }),
    );
  } else {
    parts.push(t('progress.graph.summaryNoTrend', { target }));
  }
  return parts.join(' ');
}

/** The scale's top for "Rubric level (1–4)" / "Correct of 10": the y-domain's top on those scales. */
function scaleMaxOf(chart: Chart, measurement: Measurement): number | string {
  return measurement === 'rubric' || measurement === 'trials' ? chart.yDomain[1] : '';
}

/** A trend can run past what the measure allows (over 100%); say the limit instead. Counts and minutes have no top. */
function shownProjection(projected: number, domain: readonly [number, number], measurement: Measurement): number {
  const bounded = measurement !== 'frequency' && measurement !== 'duration';
  return Math.max(domain[0], bounded ? Math.min(projected, domain[1]) : projected);
}
