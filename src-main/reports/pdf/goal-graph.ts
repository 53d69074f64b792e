/**
 * The goal graph in a PDF: the chart model (services/progress-rules/chart-model.ts) — the same
 * geometry the screens draw as SVG — scaled into the text column and drawn as vectors, clipped to
 * the plot, with axis titles and a drawn legend under it. Every line is told apart by its dash
 * pattern and marker (CHART_STROKES), so the graph reads in greyscale; colour only helps. The whole
 * graph is one tagged Figure whose alternative text says what it shows; `drawGoalDataTable` prints
 * the same points as a compact table after it.
 */
import { CHART_STROKES, type ChartLegendItem, GOAL_CHART_BOX } from '../../contract';
import type { ChartModelView, PhaseEvent } from '../../contract/progress-view';
import { INK, MUTED, type ReportDocument, RULE } from './document';

const COLOUR: Record<ChartLegendItem, string> = {
  points: '#23395b',
  trend: '#b34700',
  aim: '#3f6a99',
  goal: '#007a5a',
  phase: '#6b7785',
};

/** Smallest text in the graph (points): readable on paper. */
const TEXT_SIZE = 8;

/** How the graph's words read in the report's language. */
export interface GraphWords {
  /** A y-axis tick ("25") as the language writes numbers. */
  tick: (label: string) => string;
  /** A month tick ("2026-10"); `withYear` for the first and for January. */
  month: (yearMonth: string, withYear: boolean) => string;
  /** A phase line's label ("Peer tutor started", "Plan amended"), worded from what it marks. */
  phase: (event: PhaseEvent) => string;
  start: string;
  goal: (value: number) => string;
  /** A value with its unit, for the data table ("62%", "level 3 of 4"). */
  value: (value: number) => string;
  /** A date for the data table ("Oct 14"). */
  date: (iso: string) => string;
  axis: { x: string; y: string };
  legend: Record<ChartLegendItem, string>;
  table: { caption: string; date: string; value: string; expected: string };
  /** The figure's alternative text. */
  alt: string;
}

/** Where the graph goes: the structure element it is tagged under; the column's width unless told. */
export interface GraphBox {
  width?: number;
}

export interface GraphTarget {
  rd: ReportDocument;
  parent: PDFKit.PDFStructureElement;
}

const LEGEND_HEIGHT = 16;

/** The height the graph takes at the column's width, legend included. */
export function graphHeight(rd: ReportDocument, box: GraphBox = {}): number {
  return ((box.width ?? rd.width) * GOAL_CHART_BOX.height) / GOAL_CHART_BOX.width + LEGEND_HEIGHT + 6;
}

function dashed(doc: PDFKit.PDFDocument, item: ChartLegendItem, scale: number): PDFKit.PDFDocument {
  const { dash, width } = CHART_STROKES[item];
  doc.lineWidth(width * scale).strokeColor(COLOUR[item]);
  const [first, ...rest] = dash;
  // pdfkit's dash takes one length and a space; a dash-dot pattern needs the array form of the `d` operator.
  if (first === undefined) return doc.undash();
  if (rest.length <= 1) return doc.dash(first * scale, { space: (rest[0] ?? first) * scale });
  (doc as unknown as { addContent: (op: string) => void }).addContent(`[${dash.map((part) => (part * scale).toFixed(2)).join(' ')}] 0 d`);
  return doc;
}

export function drawGoalGraph(target: GraphTarget, chart: ChartModelView, box: GraphBox, words: GraphWords): void {
  const { rd, parent } = target;
  const { doc } = rd;
  const width = box.width ?? rd.width;
  const scale = width / GOAL_CHART_BOX.width;
  const left = rd.left;
  const top = doc.y;
  const atX = (x: number) => left + x * scale;
  const atY = (y: number) => top + y * scale;
  const { plot } = chart;
  const plotLeft = atX(plot.x);
  const plotTop = atY(plot.y);
  const plotRight = atX(plot.x + plot.width);
  const plotBottom = atY(plot.y + plot.height);

  parent.add(
    doc.struct('Figure', { alt: words.alt }, () => {
      doc.save();
      doc
        .rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop)
        .lineWidth(0.6)
        .strokeColor(RULE)
        .stroke();
      doc.font('regular').fontSize(TEXT_SIZE).fillColor(MUTED);
      for (const tick of chart.yTicks) {
        doc.moveTo(plotLeft, atY(tick.y)).lineTo(plotRight, atY(tick.y)).lineWidth(0.3).strokeColor(RULE).stroke();
        doc.text(words.tick(tick.label), left, atY(tick.y) - TEXT_SIZE / 2, {
          width: plotLeft - left - 4,
          align: 'right',
          lineBreak: false,
        });
      }
      chart.xTicks.forEach((tick, index) => {
        doc
          .moveTo(atX(tick.x), plotBottom)
          .lineTo(atX(tick.x), plotBottom + 3)
          .lineWidth(0.5)
          .strokeColor(MUTED)
          .stroke();
        const label = words.month(tick.label, index === 0 || tick.label.endsWith('-01'));
        doc.text(label, atX(tick.x) - 30, plotBottom + 5, { width: 60, align: 'center', lineBreak: false });
      });
      // Axis titles: the y title turned up the left edge, the x title centred under the months.
      doc.font('bold').fontSize(TEXT_SIZE).fillColor(INK);
      doc.text(words.axis.x, plotLeft, plotBottom + 5 + TEXT_SIZE + 4, { width: plotRight - plotLeft, align: 'center', lineBreak: false });
      doc.save();
      doc.rotate(-90, { origin: [left, plotBottom] });
      doc.text(words.axis.y, left, plotBottom, { width: plotBottom - plotTop, align: 'center', lineBreak: false });
      doc.restore();

      // Everything the data draws stays inside the plot.
      doc.save();
      doc.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop).clip();

      // Phase lines first, so the data is drawn over them; labels take three rows in turn so neighbours do not
      // collide, along the top unless the goal's label is there.
      doc.font('regular').fontSize(TEXT_SIZE).fillColor(MUTED);
      chart.phases.forEach((phase, index) => {
        dashed(doc, 'phase', scale).moveTo(atX(phase.x), plotTop).lineTo(atX(phase.x), plotBottom).stroke();
        doc.undash();
        const label = rd.printable(words.phase(phase.event));
        if (label) {
          const labelWidth = doc.widthOfString(label);
          const x = atX(phase.x) + 2 + labelWidth > plotRight ? atX(phase.x) - 2 - labelWidth : atX(phase.x) + 2;
          const row = (index % 3) * (TEXT_SIZE + 1.5);
          const y = chart.phaseLabelsAt === 'top' ? plotTop + 2 + row : plotBottom - TEXT_SIZE - 3 - row;
          doc.fillColor(MUTED).text(label, x, y, { lineBreak: false });
        }
      });

      dashed(doc, 'goal', scale).moveTo(plotLeft, atY(chart.criterion.y)).lineTo(plotRight, atY(chart.criterion.y)).stroke();
      doc.undash();

      for (const aim of chart.aims) {
        dashed(doc, 'aim', scale).moveTo(atX(aim.x1), atY(aim.y1)).lineTo(atX(aim.x2), atY(aim.y2)).stroke();
        doc.undash();
      }
      if (chart.baseline) {
        doc
          .rect(atX(chart.baseline.x) - 2.8, atY(chart.baseline.y) - 2.8, 5.6, 5.6)
          .lineWidth(1)
          .fillAndStroke('#ffffff', COLOUR.aim);
        doc.font('regular').fontSize(TEXT_SIZE).fillColor(MUTED);
        doc.text(words.start, atX(chart.baseline.x) + 5, atY(chart.baseline.y) + 3, { lineBreak: false });
      }

      if (chart.points.length > 1) {
        const [first, ...rest] = chart.points;
        if (first) doc.moveTo(atX(first.x), atY(first.y));
        for (const point of rest) doc.lineTo(atX(point.x), atY(point.y));
        dashed(doc, 'points', scale).lineWidth(0.7).stroke();
      }
      if (chart.trend) {
        dashed(doc, 'trend', scale)
          .moveTo(atX(chart.trend.x1), atY(chart.trend.y1))
          .lineTo(atX(chart.trend.x2), atY(chart.trend.y2))
          .stroke();
        doc.undash();
      }
      // One colour for every point: set once, not per point (a long year of probes is hundreds of them).
      doc.fillColor(COLOUR.points);
      for (const point of chart.points) doc.circle(atX(point.x), atY(point.y), 2.4).fill();

      // The goal's words last, on a white ground, where the model placed them clear of the aim line.
      doc.font('bold').fontSize(TEXT_SIZE);
      const goalLabel = rd.printable(words.goal(chart.criterion.value));
      const labelX = atX(chart.criterion.label.x);
      const labelY = atY(chart.criterion.label.y) - TEXT_SIZE;
      doc.rect(labelX - 1, labelY - 0.5, doc.widthOfString(goalLabel) + 2, TEXT_SIZE + 1).fill('#ffffff');
      doc.fillColor(COLOUR.goal).text(goalLabel, labelX, labelY, { lineBreak: false });
      doc.restore();
      doc.restore();

      legend(rd, chart.legend, top + GOAL_CHART_BOX.height * scale + 4, words);
    }),
  );
  doc.x = left;
  doc.y = top + graphHeight(rd, box);
}

/** One legend, drawn: each item's own line pattern and marker beside its words. */
function legend(rd: ReportDocument, items: readonly ChartLegendItem[], y: number, words: GraphWords): void {
  const { doc } = rd;
  const mid = y + 8;
  const sample = (item: ChartLegendItem, x: number) => {
    if (item === 'phase') {
      dashed(doc, item, 1)
        .moveTo(x + 9, mid - 5)
        .lineTo(x + 9, mid + 5)
        .stroke();
    } else {
      dashed(doc, item, 1)
        .moveTo(x, mid)
        .lineTo(x + 18, mid)
        .stroke();
    }
    doc.undash();
    if (item === 'points') doc.circle(x + 9, mid, 2.4).fill(COLOUR.points);
    if (item === 'aim')
      doc
        .rect(x - 2.5, mid - 2.5, 5, 5)
        .lineWidth(1)
        .fillAndStroke('#ffffff', COLOUR.aim);
  };
  doc.font('regular').fontSize(TEXT_SIZE).fillColor(INK);
  let x = rd.left + 8;
  for (const item of items) {
    sample(item, x);
    const label = rd.printable(words.legend[item]);
    const labelWidth = doc.widthOfString(label);
    doc.fillColor(INK).text(label, x + 22, mid - TEXT_SIZE / 2 - 0.5, { width: labelWidth + 2, lineBreak: false });
    x += 22 + labelWidth + 14;
  }
}

const ROW = TEXT_SIZE + 3;

/** Side-by-side column groups (up to three), so a dozen points take four lines, not twelve. */
function tableShape(rd: ReportDocument, rows: number): { groups: number; perGroup: number; groupWidth: number } {
  const groups = Math.min(3, Math.ceil(rows / 4));
  return { groups, perGroup: Math.ceil(rows / groups), groupWidth: rd.width / groups };
}

/** The height `drawGoalDataTable` takes (0 with no points). */
export function goalDataTableHeight(rd: ReportDocument, chart: ChartModelView): number {
  if (chart.table.length === 0) return 0;
  return ROW * (tableShape(rd, chart.table.length).perGroup + 2) + 6;
}

/**
 * The graph's data as a compact table after it: date, value and what the aim line expected that
 * day, in up to three side-by-side column groups. Tagged as a Table, one row per point in date order.
 */
export function drawGoalDataTable(target: GraphTarget, chart: ChartModelView, words: GraphWords): void {
  const { rd, parent } = target;
  const { doc } = rd;
  if (chart.table.length === 0) return;
  rd.keepTogether(goalDataTableHeight(rd, chart));
  const { groups, perGroup, groupWidth } = tableShape(rd, chart.table.length);
  const columns = [0, 0.36, 0.66].map((share) => share * (groupWidth - 12));
  const columnWidth = (index: number) => (columns[index + 1] ?? groupWidth - 12) - (columns[index] ?? 0) - 4;
  const top = doc.y;
  const table = doc.struct('Table');
  parent.add(table);
  const caption = doc.struct('Caption', {}, () => {
    doc.font('bold').fontSize(TEXT_SIZE).fillColor(INK);
    doc.text(rd.printable(words.table.caption), rd.left, top, { width: rd.width, lineBreak: false });
  });
  table.add(caption);
  const cell = (tag: 'TH' | 'TD', text: string, x: number, y: number, widthAt: number, bold: boolean) =>
    doc.struct(tag, {}, () => {
      doc
        .font(bold ? 'bold' : 'regular')
        .fontSize(TEXT_SIZE)
        .fillColor(bold ? MUTED : INK);
      doc.text(rd.printable(text), x, y, { width: widthAt, lineBreak: false, ellipsis: true });
    });
  const header = doc.struct('TR');
  table.add(header);
  for (let group = 0; group < groups; group += 1) {
    const x = rd.left + group * groupWidth;
    [words.table.date, words.table.value, words.table.expected].forEach((label, index) => {
      header.add(cell('TH', label, x + (columns[index] ?? 0), top + ROW, columnWidth(index), true));
    });
  }
  doc
    .moveTo(rd.left, top + ROW * 2 - 1.5)
    .lineTo(rd.left + rd.width, top + ROW * 2 - 1.5)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
  chart.table.forEach((row, index) => {
    const group = Math.floor(index / perGroup);
    const x = rd.left + group * groupWidth;
    const y = top + ROW * (2 + (index % perGroup));
    const tr = doc.struct('TR');
    table.add(tr);
    [words.date(row.date), words.value(row.value), words.value(row.aimValue)].forEach((text, column) => {
      tr.add(cell('TD', text, x + (columns[column] ?? 0), y, columnWidth(column), false));
    });
  });
  table.end();
  doc.x = rd.left;
  doc.y = top + goalDataTableHeight(rd, chart);
}
