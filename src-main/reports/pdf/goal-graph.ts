/**
 * The goal graph in a PDF: the chart model (services/progress-rules/chart-model.ts) — the same
 * geometry the screens draw as SVG — scaled into the text column and drawn as vectors, with a legend
 * under it. The whole graph is one tagged Figure whose alternative text says what it shows.
 */
import { GOAL_CHART_BOX } from '../../contract';
import type { ChartModelView, PhaseEvent } from '../../contract/progress-view';
import { INK, MUTED, type ReportDocument, RULE } from './document';

const POINT = '#23395b';
const AIM = '#5b7fa6';
const TREND = '#d55e00';
const GOAL = '#009e73';
const PHASE = '#9aa5b1';

/** How the graph's words read in the report's language. */
export interface GraphWords {
  /** A y-axis tick ("25") as the language writes numbers. */
  tick: (label: string) => string;
  /** A month tick ("2026-10"); `withYear` for the first and for January. */
  month: (yearMonth: string, withYear: boolean) => string;
  /** A phase line's label ("Peer tutor started"), worded from what it marks. */
  phase: (event: PhaseEvent) => string;
  start: string;
  goal: (value: number) => string;
  legend: { points: string; aim: string; trend: string; goal: string; phase: string };
  /** The figure's alternative text. */
  alt: string;
}

const LEGEND_HEIGHT = 16;

/** Where on the page a graph goes: its left edge and width (the text column unless a report packs it beside text). */
export interface GraphFrame {
  x: number;
  width: number;
}

/** The legend wraps onto a second row in a frame narrower than this. */
const ONE_ROW_LEGEND = 420;
/** The legend's second row, closer under the first. */
const LEGEND_ROW = 11;

/** The height the graph takes at the frame's width (the column's by default), legend included. */
export function graphHeight(rd: ReportDocument, frame: GraphFrame = { x: rd.left, width: rd.width }): number {
  const wrapped = frame.width < ONE_ROW_LEGEND ? LEGEND_ROW : 0;
  return (frame.width * GOAL_CHART_BOX.height) / GOAL_CHART_BOX.width + LEGEND_HEIGHT + wrapped + 6;
}

export function goalGraph(
  rd: ReportDocument,
  parent: PDFKit.PDFStructureElement,
  chart: ChartModelView,
  words: GraphWords,
  frame: GraphFrame = { x: rd.left, width: rd.width },
): void {
  const { doc } = rd;
  const scale = frame.width / GOAL_CHART_BOX.width;
  const left = frame.x;
  const top = doc.y;
  const atX = (x: number) => left + x * scale;
  const atY = (y: number) => top + y * scale;
  const { plot } = chart;
  const plotRight = atX(plot.x + plot.width);
  const plotBottom = atY(plot.y + plot.height);

  parent.add(
    doc.struct('Figure', { alt: words.alt }, () => {
      doc.save();
      doc
        .rect(atX(plot.x), atY(plot.y), plot.width * scale, plot.height * scale)
        .lineWidth(0.6)
        .strokeColor(RULE)
        .stroke();
      doc.font('regular').fontSize(6.5).fillColor(MUTED);
      for (const tick of chart.yTicks) {
        doc.moveTo(atX(plot.x), atY(tick.y)).lineTo(plotRight, atY(tick.y)).lineWidth(0.3).strokeColor(RULE).stroke();
        doc.text(words.tick(tick.label), left, atY(tick.y) - 3.5, { width: atX(plot.x) - left - 4, align: 'right', lineBreak: false });
      }
      chart.xTicks.forEach((tick, index) => {
        doc
          .moveTo(atX(tick.x), plotBottom)
          .lineTo(atX(tick.x), plotBottom + 3)
          .lineWidth(0.5)
          .strokeColor(MUTED)
          .stroke();
        const label = words.month(tick.label, index === 0 || tick.label.endsWith('-01'));
        doc.text(label, atX(tick.x) - 24, plotBottom + 5, { width: 48, align: 'center', lineBreak: false });
      });

      // Phase lines first, so the data is drawn over them; labels alternate rows so neighbours do not collide.
      chart.phases.forEach((phase, index) => {
        doc
          .moveTo(atX(phase.x), atY(plot.y))
          .lineTo(atX(phase.x), plotBottom)
          .lineWidth(0.6)
          .dash(1.5, { space: 2 })
          .strokeColor(PHASE)
          .stroke();
        doc.undash();
        const label = words.phase(phase.event);
        if (label) {
          // One line each, beside its line; flipped to the left of the line where it would leave the plot.
          doc.font('regular').fontSize(5.8).fillColor(MUTED);
          const width = doc.widthOfString(label);
          const x = atX(phase.x) + 2 + width > plotRight ? atX(phase.x) - 2 - width : atX(phase.x) + 2;
          doc.text(label, x, atY(plot.y) + 2 + (index % 3) * 7.5, { lineBreak: false });
        }
      });

      doc
        .moveTo(atX(plot.x), atY(chart.criterion.y))
        .lineTo(plotRight, atY(chart.criterion.y))
        .lineWidth(1)
        .dash(0.8, { space: 2 })
        .strokeColor(GOAL)
        .stroke();
      doc.undash();
      doc.font('bold').fontSize(6.5).fillColor(GOAL);
      doc.text(words.goal(chart.criterion.value), plotRight - 104, atY(chart.criterion.y) - 9, {
        width: 100,
        align: 'right',
        lineBreak: false,
      });

      doc
        .moveTo(atX(chart.aim.x1), atY(chart.aim.y1))
        .lineTo(atX(chart.aim.x2), atY(chart.aim.y2))
        .lineWidth(1)
        .dash(4, { space: 3 })
        .strokeColor(AIM)
        .stroke();
      doc.undash();

      doc
        .rect(atX(chart.baseline.x) - 2.6, atY(chart.baseline.y) - 2.6, 5.2, 5.2)
        .lineWidth(1)
        .fillAndStroke('#ffffff', AIM);
      doc.font('regular').fontSize(6.5).fillColor(MUTED);
      doc.text(words.start, atX(chart.baseline.x) + 5, atY(chart.baseline.y) + 2, { width: 60, lineBreak: false });

      if (chart.points.length > 1) {
        const [first, ...rest] = chart.points;
        if (first) doc.moveTo(atX(first.x), atY(first.y));
        for (const point of rest) doc.lineTo(atX(point.x), atY(point.y));
        doc.lineWidth(0.6).strokeColor(POINT).strokeOpacity(0.55).stroke();
        doc.strokeOpacity(1);
      }
      if (chart.trend) {
        doc
          .moveTo(atX(chart.trend.x1), atY(chart.trend.y1))
          .lineTo(atX(chart.trend.x2), atY(chart.trend.y2))
          .lineWidth(1.6)
          .strokeColor(TREND)
          .stroke();
      }
      // One colour for every point: set once, not per point (a long year of probes is hundreds of them).
      doc.fillColor(POINT);
      for (const point of chart.points) {
        doc.circle(atX(point.x), atY(point.y), 2.3).fill();
      }
      doc.restore();

      legend(rd, top + GOAL_CHART_BOX.height * scale + 4, words, frame);
    }),
  );
  doc.x = rd.left;
  doc.y = top + graphHeight(rd, frame);
}

function legend(rd: ReportDocument, y: number, words: GraphWords, frame: GraphFrame): void {
  const { doc } = rd;
  const items: { label: string; draw: (x: number, mid: number) => void }[] = [
    {
      label: words.legend.points,
      draw: (x, mid) =>
        doc
          .circle(x + 7, mid, 2.3)
          .fillColor(POINT)
          .fill(),
    },
    {
      label: words.legend.aim,
      draw: (x, mid) => {
        doc
          .moveTo(x, mid)
          .lineTo(x + 14, mid)
          .lineWidth(1)
          .dash(4, { space: 3 })
          .strokeColor(AIM)
          .stroke();
        doc.undash();
      },
    },
    {
      label: words.legend.trend,
      draw: (x, mid) =>
        doc
          .moveTo(x, mid)
          .lineTo(x + 14, mid)
          .lineWidth(1.6)
          .strokeColor(TREND)
          .stroke(),
    },
    {
      label: words.legend.goal,
      draw: (x, mid) => {
        doc
          .moveTo(x, mid)
          .lineTo(x + 14, mid)
          .lineWidth(1)
          .dash(0.8, { space: 2 })
          .strokeColor(GOAL)
          .stroke();
        doc.undash();
      },
    },
    {
      label: words.legend.phase,
      draw: (x, mid) => {
        doc
          .moveTo(x + 7, mid - 4)
          .lineTo(x + 7, mid + 4)
          .lineWidth(0.6)
          .dash(1.5, { space: 2 })
          .strokeColor(PHASE)
          .stroke();
        doc.undash();
      },
    },
  ];
  doc.font('regular').fontSize(7).fillColor(INK);
  const start = frame.x + (frame.width < ONE_ROW_LEGEND ? 10 : 40);
  let x = start;
  let mid = y + 8;
  for (const item of items) {
    const label = rd.printable(item.label);
    const width = doc.widthOfString(label);
    if (x > start && x + 18 + width > frame.x + frame.width) {
      x = start;
      mid += LEGEND_ROW;
    }
    item.draw(x, mid);
    doc.fillColor(INK).text(label, x + 18, mid - 3.6, { width: width + 2, lineBreak: false });
    x += 18 + width + 16;
  }
}
