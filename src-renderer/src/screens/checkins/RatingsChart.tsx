/**
 * A mentor's workload and confidence (1–5) across their check-ins, as a small line chart. The two
 * lines differ by dash and marker shape, not only by colour; the chart's name is a one-sentence
 * summary, and the numbers are one click away as a table.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentorRating } from '../../../../src-main/contract';
import { useDateFormat } from '../../components/dates';
import { RATING_VALUES } from './checkin-labels';

const BOX = { width: 640, height: 200 };
const PLOT = { x: 40, y: 12, width: 580, height: 156 };
const DAY_MS = 86_400_000;

interface Point {
  x: number;
  y: number;
  key: string;
}

/** Where each rating sits: dates spread along x (one check-in sits in the middle), 1 at the bottom, 5 at the top. */
function layout(ratings: readonly MentorRating[]) {
  const times = ratings.map((rating) => Date.parse(`${rating.date}T00:00:00Z`));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const xOf = (time: number) => (span === 0 ? PLOT.x + PLOT.width / 2 : PLOT.x + ((time - first) / span) * PLOT.width);
  const yOf = (value: number) => PLOT.y + PLOT.height - ((value - 1) / 4) * PLOT.height;
  const series = (pick: (rating: MentorRating) => number | null): Point[] =>
    ratings.flatMap((rating, index) => {
      const value = pick(rating);
      return value === null ? [] : [{ x: xOf(times[index] ?? first), y: yOf(value), key: rating.checkInId }];
    });
  return {
    workload: series((rating) => rating.workload),
    confidence: series((rating) => rating.confidence),
    yTicks: RATING_VALUES.map((value) => ({ value, y: yOf(value) })),
    xLabels: dateLabels(first, span, xOf),
  };
}

/** The first and last dates at the ends, one in the middle when the span is long; a single day in the middle. */
function dateLabels(first: number, span: number, xOf: (time: number) => number) {
  const label = (time: number, anchor: 'start' | 'middle' | 'end') => ({
    x: xOf(time),
    date: new Date(time).toISOString().slice(0, 10),
    anchor,
  });
  if (span === 0) return [label(first, 'middle')];
  return [label(first, 'start'), ...(span > 60 * DAY_MS ? [label(first + span / 2, 'middle')] : []), label(first + span, 'end')];
}

const pathOf = (points: readonly Point[]) => points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ');

export function RatingsChart({ ratings }: { ratings: readonly MentorRating[] }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const tableId = useId();
  const geometry = layout(ratings);
  const bottom = PLOT.y + PLOT.height;
  const firstRating = ratings[0];
  const lastRating = ratings.at(-1);
  if (!firstRating || !lastRating) return null;
  const shown = (value: number | null) => (value === null ? t('mentorActivity.notRated') : t('mentorActivity.ofFive', { value }));
  const summary = t('mentorActivity.ratingsSummary', {
    count: ratings.length,
    date: formatDate(lastRating.date),
    workload: shown(lastRating.workload),
    confidence: shown(lastRating.confidence),
    firstDate: formatDate(firstRating.date),
    firstWorkload: shown(firstRating.workload),
    firstConfidence: shown(firstRating.confidence),
  });
  return (
    <div className="ratings-chart stack">
      <svg className="ratings-chart-svg" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary}>
        {geometry.yTicks.map((tick) => (
          <g key={tick.value}>
            <line className="graph-grid" x1={PLOT.x} x2={PLOT.x + PLOT.width} y1={tick.y} y2={tick.y} />
            <text className="graph-tick" x={PLOT.x - 8} y={tick.y + 4} textAnchor="end">
              {tick.value}
            </text>
          </g>
        ))}
        <line className="graph-axis" x1={PLOT.x} x2={PLOT.x + PLOT.width} y1={bottom} y2={bottom} />
        {geometry.xLabels.map((label) => (
          <text key={label.anchor} className="graph-tick" x={label.x} y={bottom + 20} textAnchor={label.anchor}>
            {formatDate(label.date)}
          </text>
        ))}
        <path className="ratings-line ratings-line--workload" d={pathOf(geometry.workload)} />
        <path className="ratings-line ratings-line--confidence" d={pathOf(geometry.confidence)} />
        {geometry.workload.map((point) => (
          <circle key={point.key} className="ratings-mark ratings-mark--workload" cx={point.x} cy={point.y} r={5} />
        ))}
        {geometry.confidence.map((point) => (
          <rect
            key={point.key}
            className="ratings-mark ratings-mark--confidence"
            x={point.x - 4.5}
            y={point.y - 4.5}
            width={9}
            height={9}
          />
        ))}
      </svg>
      <ul className="ratings-legend muted">
        <li>
          <svg className="ratings-swatch" viewBox="0 0 36 12" aria-hidden="true">
            <line className="ratings-line ratings-line--workload" x1={2} x2={34} y1={6} y2={6} />
            <circle className="ratings-mark ratings-mark--workload" cx={18} cy={6} r={4} />
          </svg>
          {t('mentorActivity.legendWorkload')}
        </li>
        <li>
          <svg className="ratings-swatch" viewBox="0 0 36 12" aria-hidden="true">
            <line className="ratings-line ratings-line--confidence" x1={2} x2={34} y1={6} y2={6} />
            <rect className="ratings-mark ratings-mark--confidence" x={14} y={2} width={8} height={8} />
          </svg>
          {t('mentorActivity.legendConfidence')}
        </li>
      </ul>
      <details className="graph-data">
        <summary>{t('mentorActivity.showTable')}</summary>
        <table className="data-table" aria-labelledby={tableId}>
          <caption id={tableId}>{t('mentorActivity.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mentorActivity.date')}</th>
              <th scope="col">{t('mentorActivity.workload')}</th>
              <th scope="col">{t('mentorActivity.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {ratings.map((rating) => (
              <tr key={rating.checkInId}>
                <td>{formatDate(rating.date)}</td>
                <td>{rating.workload ?? t('mentorActivity.notRated')}</td>
                <td>{rating.confidence ?? t('mentorActivity.notRated')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
