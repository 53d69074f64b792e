/**
 * The goal graph's one legend, drawn: each item's own line pattern and marker (CHART_STROKES, as the
 * PDF reports draw them) beside the same words the reports use, so it reads in greyscale too.
 */
import { useTranslation } from 'react-i18next';
import { CHART_STROKES, type ChartLegendItem } from '../../../../src-main/contract';

function Sample({ item }: { item: ChartLegendItem }) {
  const { dash, width } = CHART_STROKES[item];
  const dashArray = dash.length > 0 ? dash.join(' ') : undefined;
  return (
    <svg className="graph-legend-sample" width="30" height="16" viewBox="0 0 30 16" aria-hidden="true">
      {item === 'phase' ? (
        <line className={`graph-${item}`} x1={15} x2={15} y1={1} y2={15} strokeDasharray={dashArray} strokeWidth={width} />
      ) : (
        <line className={`graph-line-${item}`} x1={2} x2={28} y1={8} y2={8} strokeDasharray={dashArray} strokeWidth={width} />
      )}
      {item === 'points' ? <circle className="graph-point" cx={15} cy={8} r={4.5} /> : null}
      {item === 'aim' ? <rect className="graph-baseline" x={0.5} y={3.5} width={9} height={9} /> : null}
    </svg>
  );
}

export function GraphLegend({ items }: { items: readonly ChartLegendItem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="graph-legend" aria-label={t('progress.graph.legendLabel')}>
      {items.map((item) => (
        <li key={item}>
          <Sample item={item} />
          {t(`progress.graph.legendItems.${item}`)}
        </li>
      ))}
    </ul>
  );
}
