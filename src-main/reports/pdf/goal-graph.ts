/**
 * The goal graph in a PDF: the chart model (services/progress-rules/chart-model.ts) — the same
 * geometry the screens draw as SVG — scaled into the text column and drawn as vectors, clipped to
 * the plot, with axis titles and a drawn legend under it. Every line is told apart by its dash
 * pattern and marker (CHART_STROKES), so the graph reads in greyscale; colour only helps. The whole
 * graph is one tagged Figure whose alternative text says what it shows; `drawGoalDataTable` prints
 * the same points as a compact table beside or after it. Every word goes through text.ts, so a label in
 * Arabic or Chinese prints in its own glyphs and order.
 */
import { CHART_STROKES, type ChartLegendItem, GOAL_CHART_BOX } from '../../contract';
import type { ChartModelView, PhaseEvent } from '../../contract/progress-view';
import { INK, MUTED, type ReportDocument, RULE } from './document';
import type { Piece } from './layout';
import { drawText, textWidth } from './text';

const COLOUR: Record<ChartLegendItem, string> = {
  points: '#23395b',
  trend: '#b34700',
  aim: '#3f6a99',
  goal: '#007a5a',
  phase: '#6b7785',
};

/** Text in the graph (points): readable on paper. */
const TEXT_SIZE = 8;
/** A graph narrower than this (packed beside other text) draws its words a size smaller so they keep apart. */
const NARROW = 400;
const NARROW_TEXT_SIZE = 7;

const textSize = (width: number): number => (width < NARROW ? NARROW_TEXT_SIZE : TEXT_SIZE);

/**
 * One line of words at (x, y) that never wraps: `room` is the width it is aligned in. drawText lays
 * out runs per font face and right-to-left words in reading order. Returns the words' width.
 */
function label(
  rd: ReportDocument,
  words: string,
  x: number,
  y: number,
  options: { room?: number; align?: 'left' | 'right' | 'center'; bold?: boolean } = {},
): number {
  const bold = options.bold ?? false;
  const width = textWidth(rd, words, bold);
  const room = options.room ?? width;
  const at = options.align === 'right' ? x + room - width : options.align === 'center' ? x + (room - width) / 2 : x;
  drawText(rd, words, at, y, { width: width + 1, bold, align: 'left' });
  return width;
}

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

/** Where on the page the graph goes: the text column unless a report packs it beside other text. */
export interface GraphBox {
  x?: number;
  width?: number;
}

export interface GraphTarget {
  rd: ReportDocument;
  parent: PDFKit.PDFStructureElement;
}

const LEGEND_HEIGHT = 16;

/** The height the graph takes in its box, legend included (in a narrow box the legend may take two rows). */
export function graphHeight(rd: ReportDocument, box: GraphBox, chart: ChartModelView, words: GraphWords): number {
  const width = box.width ?? rd.width;
  const rows = legendPlaces(rd, chart.legend, words, width).at(-1)?.row ?? 0;
  return (width * GOAL_CHART_BOX.height) / GOAL_CHART_BOX.width + LEGEND_HEIGHT + rows * LEGEND_ROW + 6;
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
  const size = textSize(width);
  const left = box.x ?? rd.left;
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
      doc.font('regular').fontSize(size).fillColor(MUTED);
      for (const tick of chart.yTicks) {
        doc.moveTo(plotLeft, atY(tick.y)).lineTo(plotRight, atY(tick.y)).lineWidth(0.3).strokeColor(RULE).stroke();
        doc.fillColor(MUTED);
        label(rd, words.tick(tick.label), left, atY(tick.y) - size / 2, { room: plotLeft - left - 4, align: 'right' });
      }
      // A month's name that would run into the one before it is left out (its tick stays): in a narrow
      // graph or a language with long month names the model's spacing is not enough.
      let monthsEnd = Number.NEGATIVE_INFINITY;
      chart.xTicks.forEach((tick, index) => {
        doc
          .moveTo(atX(tick.x), plotBottom)
          .lineTo(atX(tick.x), plotBottom + 3)
          .lineWidth(0.5)
          .strokeColor(MUTED)
          .stroke();
        const month = words.month(tick.label, index === 0 || tick.label.endsWith('-01'));
        const monthStart = atX(tick.x) - textWidth(rd, month) / 2;
        if (monthStart < monthsEnd + 4) return;
        doc.fillColor(MUTED);
        monthsEnd = monthStart + label(rd, month, monthStart, plotBottom + 5);
      });
      // Axis titles: the y title turned up the left edge, the x title centred under the months.
      doc.fontSize(size).fillColor(INK);
      label(rd, words.axis.x, plotLeft, plotBottom + 5 + size + 4, { room: plotRight - plotLeft, align: 'center', bold: true });
      doc.save();
      doc.rotate(-90, { origin: [left, plotBottom] });
      label(rd, words.axis.y, left, plotBottom, { room: plotBottom - plotTop, align: 'center', bold: true });
      doc.restore();

      // Everything the data draws stays inside the plot.
      doc.save();
      doc.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop).clip();

      // Phase lines first, so the data is drawn over them; labels take three rows in turn so neighbours do not
      // collide, along the top unless the goal's label is there.
      doc.font('regular').fontSize(size).fillColor(MUTED);
      chart.phases.forEach((phase, index) => {
        dashed(doc, 'phase', scale).moveTo(atX(phase.x), plotTop).lineTo(atX(phase.x), plotBottom).stroke();
        doc.undash();
        const phaseWords = words.phase(phase.event);
        if (phaseWords) {
          const labelWidth = textWidth(rd, phaseWords);
          const x = atX(phase.x) + 2 + labelWidth > plotRight ? atX(phase.x) - 2 - labelWidth : atX(phase.x) + 2;
          const row = (index % 3) * (size + 1.5);
          const y = chart.phaseLabelsAt === 'top' ? plotTop + 2 + row : plotBottom - size - 3 - row;
          doc.fillColor(MUTED);
          label(rd, phaseWords, x, y);
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
        doc.font('regular').fontSize(size).fillColor(MUTED);
        label(rd, words.start, atX(chart.baseline.x) + 5, atY(chart.baseline.y) + 3);
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

      // The goal's words last, on a white ground, on the side of the goal line the model chose clear of the
      // aim line: placed from the line in page units (the text does not shrink with a narrow graph), and
      // moved left so it ends inside the plot.
      doc.fontSize(size);
      const goalLabel = words.goal(chart.criterion.value);
      const labelWidth = textWidth(rd, goalLabel, true);
      const labelX = Math.max(plotLeft + 2, Math.min(atX(chart.criterion.label.x), plotRight - labelWidth - 3));
      const goalY = atY(chart.criterion.y);
      const labelY = chart.criterion.label.y < chart.criterion.y ? goalY - size - 1.5 : goalY + 2;
      doc.rect(labelX - 1, labelY - 0.5, labelWidth + 2, size + 1).fill('#ffffff');
      doc.fillColor(COLOUR.goal);
      label(rd, goalLabel, labelX, labelY, { bold: true });
      doc.restore();
      doc.restore();

      legend(rd, chart.legend, { x: left, y: top + GOAL_CHART_BOX.height * scale + 4, width }, words);
    }),
  );
  doc.x = rd.left;
  doc.y = top + graphHeight(rd, box, chart, words);
}

const SAMPLE = 22;
const LEGEND_GAP = 14;
const LEGEND_ROW = 11;

/** Where each legend item goes: one row, wrapped onto more rows in a box too narrow for it. */
function legendPlaces(
  rd: ReportDocument,
  items: readonly ChartLegendItem[],
  words: GraphWords,
  width: number,
): { item: ChartLegendItem; x: number; row: number; labelWidth: number }[] {
  rd.doc.fontSize(textSize(width));
  const places: { item: ChartLegendItem; x: number; row: number; labelWidth: number }[] = [];
  let x = 8;
  let row = 0;
  for (const item of items) {
    const labelWidth = textWidth(rd, words.legend[item]);
    if (x > 8 && x + SAMPLE + labelWidth > width) {
      x = 8;
      row += 1;
    }
    places.push({ item, x, row, labelWidth });
    x += SAMPLE + labelWidth + LEGEND_GAP;
  }
  return places;
}

/** One legend, drawn: each item's own line pattern and marker beside its words. */
function legend(
  rd: ReportDocument,
  items: readonly ChartLegendItem[],
  at: { x: number; y: number; width: number },
  words: GraphWords,
): void {
  const { doc } = rd;
  const sample = (item: ChartLegendItem, x: number, mid: number) => {
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
  const size = textSize(at.width);
  for (const place of legendPlaces(rd, items, words, at.width)) {
    const mid = at.y + 8 + place.row * LEGEND_ROW;
    sample(place.item, at.x + place.x, mid);
    doc.font('regular').fontSize(size).fillColor(INK);
    label(rd, words.legend[place.item], at.x + place.x + SAMPLE, mid - size / 2 - 0.5);
  }
}

const ROW = TEXT_SIZE + 3;
const CELL_GAP = 6;
const GROUP_GAP = 10;

interface TableShape {
  cells: string[][];
  groups: number;
  perGroup: number;
  groupWidth: number;
  /** Each column's left edge within its group, from the widest word it holds. */
  columns: number[];
}

/**
 * Side-by-side column groups, as many as fit the box with every value whole (up to three), so a
 * dozen points take four lines, not twelve; a value with its unit ("55% of intervals") takes room.
 */
function tableShape(rd: ReportDocument, chart: ChartModelView, words: GraphWords, width: number): TableShape {
  const cells = chart.table.map((row) => [words.date(row.date), words.value(row.value), words.value(row.aimValue)]);
  const headings = [words.table.date, words.table.value, words.table.expected];
  rd.doc.fontSize(TEXT_SIZE);
  const widths = headings.map((heading, index) =>
    Math.max(textWidth(rd, heading, true), ...cells.map((cell) => textWidth(rd, cell[index] ?? ''))),
  );
  const [date = 0, value = 0, aim = 0] = widths;
  const needed = date + value + aim + 2 * CELL_GAP + GROUP_GAP;
  const groups = Math.max(1, Math.min(3, Math.floor((width + GROUP_GAP) / needed), Math.ceil(cells.length / 4)));
  return {
    cells,
    groups,
    perGroup: Math.ceil(cells.length / groups),
    groupWidth: width / groups,
    columns: [0, date + CELL_GAP, date + value + 2 * CELL_GAP],
  };
}

/** The height `drawGoalDataTable` takes in its box (0 with no points). */
export function goalDataTableHeight(rd: ReportDocument, chart: ChartModelView, words: GraphWords, box: GraphBox = {}): number {
  if (chart.table.length === 0) return 0;
  return ROW * (tableShape(rd, chart, words, box.width ?? rd.width).perGroup + 2) + 6;
}

/**
 * The graph's data as a compact table: date, value and what the aim line expected that day, in up
 * to three side-by-side column groups. Tagged as a Table, one row per point in date order.
 */
export function drawGoalDataTable(target: GraphTarget, chart: ChartModelView, words: GraphWords, box: GraphBox = {}): void {
  const { rd, parent } = target;
  const { doc } = rd;
  if (chart.table.length === 0) return;
  const left = box.x ?? rd.left;
  const width = box.width ?? rd.width;
  rd.keepTogether(goalDataTableHeight(rd, chart, words, box));
  const { cells, groups, perGroup, groupWidth, columns } = tableShape(rd, chart, words, width);
  const top = doc.y;
  const table = doc.struct('Table');
  parent.add(table);
  const caption = doc.struct('Caption', {}, () => {
    doc.font('bold').fontSize(TEXT_SIZE).fillColor(INK);
    label(rd, words.table.caption, left, top, { room: width, align: rd.rtl ? 'right' : 'left', bold: true });
  });
  table.add(caption);
  const cell = (tag: 'TH' | 'TD', text: string, x: number, y: number, bold: boolean) =>
    doc.struct(tag, {}, () => {
      doc.fontSize(TEXT_SIZE).fillColor(bold ? MUTED : INK);
      label(rd, text, x, y, { bold });
    });
  const header = doc.struct('TR');
  table.add(header);
  for (let group = 0; group < groups; group += 1) {
    const x = left + group * groupWidth;
    [words.table.date, words.table.value, words.table.expected].forEach((heading, index) => {
      header.add(cell('TH', heading, x + (columns[index] ?? 0), top + ROW, true));
    });
  }
  doc
    .moveTo(left, top + ROW * 2 - 1.5)
    .lineTo(left + width, top + ROW * 2 - 1.5)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
  cells.forEach((row, index) => {
    const group = Math.floor(index / perGroup);
    const x = left + group * groupWidth;
    const y = top + ROW * (2 + (index % perGroup));
    const tr = doc.struct('TR');
    table.add(tr);
    row.forEach((text, column) => {
      tr.add(cell('TD', text, x + (columns[column] ?? 0), y, false));
    });
  });
  table.end();
  doc.x = rd.left;
  doc.y = top + goalDataTableHeight(rd, chart, words, box);
}

/** The graph's box at `share` of the column on the reading side, and the box beside it for its table. */
export function besideBoxes(rd: ReportDocument, share: number): { graph: GraphBox; table: { x: number; width: number } } {
  const gap = 14;
  const graphWidth = rd.width * share;
  const tableWidth = rd.width - graphWidth - gap;
  return {
    graph: { x: rd.rtl ? rd.left + tableWidth + gap : rd.left, width: graphWidth },
    table: { x: rd.rtl ? rd.left : rd.left + graphWidth + gap, width: tableWidth },
  };
}

/**
 * The graph with its data table beside it (the graph on the reading side at `share` of the column),
 * `aside` (the goal's values, drawn in the table's box) above the table; as tall as the taller side,
 * so a goal's block stays short enough to pack two to a page.
 */
export function graphBesideTable(
  target: GraphTarget,
  chart: ChartModelView,
  words: GraphWords,
  share: number,
  aside: readonly Piece[] = [],
): Piece {
  const { rd } = target;
  const boxes = besideBoxes(rd, share);
  const asideHeight = aside.reduce((sum, piece) => sum + piece.height, 0);
  const height = Math.max(graphHeight(rd, boxes.graph, chart, words), asideHeight + goalDataTableHeight(rd, chart, words, boxes.table));
  return {
    height,
    draw: () => {
      const top = rd.doc.y;
      drawGoalGraph(target, chart, boxes.graph, words);
      rd.doc.y = top;
      for (const piece of aside) piece.draw();
      drawGoalDataTable(target, chart, words, boxes.table);
      rd.doc.x = rd.left;
      rd.doc.y = top + height;
    },
  };
}
