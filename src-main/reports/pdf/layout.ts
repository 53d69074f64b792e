/**
 * The text blocks every report is made of — headings, paragraphs, label/value grids, bulleted lists
 * and tinted boxes — each drawn as one tagged structure element, and each measurable first so a
 * caller can keep a block together with what follows it.
 */
import { ACCENT, INK, MUTED, type ReportDocument, RULE, TINT } from './document';
import { drawText, textHeight } from './text';

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  /** Points from the left margin. */
  indent?: number;
  /** Points of space after the block. */
  after?: number;
  lineGap?: number;
  /** The column the text goes in; the whole text column unless given. */
  frame?: Frame;
}

/** A column of the page a block is drawn in: the whole text column unless given (a grid beside a graph). */
export interface Frame {
  x: number;
  width: number;
}

const BODY = { size: 9.5, lineGap: 1.5 };

/** The style set on the document, and the column it gives: an indent is from the reading side's margin. */
function apply(rd: ReportDocument, style: TextStyle): { width: number; x: number; lineGap: number; bold: boolean } {
  rd.doc
    .font(style.bold ? 'bold' : 'regular')
    .fontSize(style.size ?? BODY.size)
    .fillColor(style.color ?? INK);
  const indent = style.indent ?? 0;
  const bold = style.bold ?? false;
  const column = columnOf(rd, style.frame);
  return { x: rd.rtl ? column.x : column.x + indent, width: column.width - indent, lineGap: style.lineGap ?? BODY.lineGap, bold };
}

/** The height `paragraph` will take, space after included. */
export function paragraphHeight(rd: ReportDocument, text: string, style: TextStyle = {}): number {
  const { width, lineGap, bold } = apply(rd, style);
  return textHeight(rd, text, { width, lineGap, bold }) + (style.after ?? 4);
}

/** Structure options that keep the real text for screen readers when some characters print as □ or are dropped. */
function actualText(text: string, shown: string): PDFKit.Mixins.StructureElementOptions {
  return shown === text.normalize('NFC') ? {} : { actual: text };
}

export function paragraph(rd: ReportDocument, parent: PDFKit.PDFStructureElement, text: string, style: TextStyle = {}, tag = 'P'): void {
  const { doc } = rd;
  const shown = rd.printable(text);
  parent.add(
    doc.struct(tag, actualText(text, shown), () => {
      const { x, width, lineGap, bold } = apply(rd, style);
      drawText(rd, shown, x, doc.y, { width, lineGap, bold });
    }),
  );
  doc.y += style.after ?? 4;
  doc.x = rd.left;
}

export function headingHeight(rd: ReportDocument, text: string, level: 2 | 3, frame?: Frame): number {
  return paragraphHeight(rd, text, { ...headingStyle(level), frame }) + (level === 2 ? 10 : 4);
}

function headingStyle(level: 2 | 3): TextStyle {
  return level === 2 ? { size: 13.5, bold: true, color: ACCENT, after: 5 } : { size: 10.5, bold: true, color: INK, after: 3 };
}

/** A section heading (H2, with a bookmark) or a sub-heading (H3). */
export function heading(rd: ReportDocument, parent: PDFKit.PDFStructureElement, text: string, level: 2 | 3, frame?: Frame): void {
  if (level === 2) {
    rd.doc.y += 6;
    rd.doc.outline.addItem(rd.printable(text));
  } else {
    rd.doc.y += 2;
  }
  paragraph(rd, parent, text, { ...headingStyle(level), frame }, `H${level}`);
}

export interface Fact {
  label: string;
  value: string;
}

const GRID_GAP = 14;

function columnOf(rd: ReportDocument, frame: Frame | undefined): Frame {
  return frame ?? { x: rd.left, width: rd.width };
}

function cellWidth(rd: ReportDocument, columns: number, frame?: Frame): number {
  return (columnOf(rd, frame).width - GRID_GAP * (columns - 1)) / columns;
}

function rowHeight(rd: ReportDocument, row: readonly Fact[], width: number): number {
  return Math.max(
    ...row.map((fact) => {
      rd.doc.font('regular').fontSize(7.5);
      const label = textHeight(rd, fact.label, { width });
      rd.doc.font('regular').fontSize(9.5);
      return label + textHeight(rd, fact.value, { width, lineGap: 1 }) + 7;
    }),
  );
}

function rows(facts: readonly Fact[], columns: number): Fact[][] {
  const out: Fact[][] = [];
  for (let i = 0; i < facts.length; i += columns) out.push(facts.slice(i, i + columns));
  return out;
}

export function factsHeight(rd: ReportDocument, facts: readonly Fact[], columns: number, frame?: Frame): number {
  const width = cellWidth(rd, columns, frame);
  return rows(facts, columns).reduce((sum, row) => sum + rowHeight(rd, row, width), 0) + 4;
}

/** Label/value pairs in a grid (small label above its value); each pair reads as one paragraph. */
export function facts(rd: ReportDocument, parent: PDFKit.PDFStructureElement, list: readonly Fact[], columns = 3, frame?: Frame): void {
  const { doc } = rd;
  const width = cellWidth(rd, columns, frame);
  const left = columnOf(rd, frame).x;
  for (const row of rows(list, columns)) {
    const height = rowHeight(rd, row, width);
    rd.keepTogether(height);
    const top = doc.y;
    row.forEach((fact, index) => {
      // Columns follow the reading order: the first pair on the right in a right-to-left report.
      const column = rd.rtl ? columns - 1 - index : index;
      const x = left + column * (width + GRID_GAP);
      const label = rd.printable(fact.label);
      const value = rd.printable(fact.value);
      parent.add(
        doc.struct('P', actualText(`${fact.label}: ${fact.value}`, `${label}: ${value}`), () => {
          doc.font('regular').fontSize(7.5).fillColor(MUTED);
          drawText(rd, label, x, top, { width });
          doc.font('regular').fontSize(9.5).fillColor(INK);
          drawText(rd, value, x, doc.y + 1, { width, lineGap: 1 });
        }),
      );
    });
    doc.y = top + height;
  }
  doc.x = rd.left;
  doc.y += 4;
}

/** A list: each item keeps its bullet on the same page as its first line. */
export function bullets(rd: ReportDocument, parent: PDFKit.PDFStructureElement, items: readonly string[], style: TextStyle = {}): void {
  const { doc } = rd;
  const list = doc.struct('L');
  parent.add(list);
  const indent = (style.indent ?? 0) + 12;
  for (const item of items) {
    const itemStyle = { ...style, indent, after: 3 };
    rd.keepTogether(Math.min(paragraphHeight(rd, item, itemStyle), 30));
    const top = doc.y;
    const entry = doc.struct('LI');
    list.add(entry);
    entry.add(
      doc.struct('Lbl', {}, () => {
        doc
          .font('regular')
          .fontSize(style.size ?? BODY.size)
          .fillColor(ACCENT);
        const column = columnOf(rd, style.frame);
        const bulletX = rd.rtl ? column.x + column.width - indent : column.x + indent - 10;
        drawText(rd, '•', bulletX, top, { width: 10, align: rd.rtl ? 'right' : 'left' });
      }),
    );
    doc.y = top;
    paragraph(rd, entry, item, itemStyle, 'LBody');
    entry.end();
  }
  list.end();
}

/** A tinted box around a few paragraphs (the first one bold), kept on one page. */
export function box(rd: ReportDocument, parent: PDFKit.PDFStructureElement, lines: readonly string[]): void {
  const { doc } = rd;
  const pad = 9;
  const styles = lines.map((_, index): TextStyle => ({ indent: pad, bold: index === 0, after: 3, size: index === 0 ? 10 : 9.5 }));
  const inner = lines.reduce((sum, line, index) => sum + paragraphHeight(rd, line, { ...styles[index], indent: pad * 2 }), 0);
  rd.keepTogether(inner + pad * 2 + 6);
  const top = doc.y;
  rd.artifact(() => {
    doc.roundedRect(rd.left, top, rd.width, inner + pad * 2 - 3, 4).fillAndStroke(TINT, RULE);
  });
  const section = doc.struct('Div');
  parent.add(section);
  doc.y = top + pad;
  lines.forEach((line, index) => {
    const style = styles[index] ?? {};
    // The right padding is the same as the left: narrow the width by indenting twice, then shift back.
    const { width, lineGap, bold } = apply(rd, { ...style, indent: pad * 2 });
    const shown = rd.printable(line);
    section.add(
      doc.struct('P', actualText(line, shown), () => {
        apply(rd, style);
        drawText(rd, shown, rd.left + pad, doc.y, { width, lineGap, bold });
      }),
    );
    doc.y += style.after ?? 3;
  });
  section.end();
  doc.x = rd.left;
  doc.y = top + inner + pad * 2 + 6;
}

/** A thin rule across the text column, as decoration. */
export function rule(rd: ReportDocument, space = 8): void {
  const { doc } = rd;
  const y = doc.y + space / 2;
  rd.artifact(() => {
    doc
      .moveTo(rd.left, y)
      .lineTo(rd.left + rd.width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  });
  doc.y = y + space / 2;
}

const heightOf = (pieces: readonly Piece[]): number => pieces.reduce((sum, piece) => sum + piece.height, 0);

/** A part of a block, measured before anything is drawn so the block can be kept on one page. */
export interface Piece {
  height: number;
  draw: () => void;
}

export function paragraphPiece(rd: ReportDocument, parent: PDFKit.PDFStructureElement, text: string, style: TextStyle = {}): Piece {
  return { height: paragraphHeight(rd, text, style), draw: () => paragraph(rd, parent, text, style) };
}

export function headingPiece(rd: ReportDocument, parent: PDFKit.PDFStructureElement, text: string, level: 2 | 3, frame?: Frame): Piece {
  return { height: headingHeight(rd, text, level, frame), draw: () => heading(rd, parent, text, level, frame) };
}

/** A bulleted list as one piece. */
export function bulletsPiece(rd: ReportDocument, parent: PDFKit.PDFStructureElement, items: readonly string[], frame?: Frame): Piece {
  return {
    height: items.reduce((sum, item) => sum + paragraphHeight(rd, item, { indent: 12, after: 3, frame }), 0),
    draw: () => bullets(rd, parent, items, { frame }),
  };
}

/** Lines of one entry: the first bold, the rest indented under it. */
export function linesPiece(rd: ReportDocument, parent: PDFKit.PDFStructureElement, lines: readonly string[], frame?: Frame): Piece {
  const styles = lines.map(
    (_, index): TextStyle =>
      index === 0 ? { bold: true, after: 2, frame } : { indent: 10, after: index === lines.length - 1 ? 6 : 2, frame },
  );
  return {
    height: lines.reduce((sum, line, index) => sum + paragraphHeight(rd, line, styles[index]), 0),
    draw: () => {
      lines.forEach((line, index) => {
        paragraph(rd, parent, line, styles[index]);
      });
    },
  };
}

/**
 * Groups of pieces (a heading group, then sub-sections) drawn on one page when they fit together;
 * otherwise the first group stays together and each later one keeps its heading with its first entry,
 * so a sub-heading never ends a page apart from what it heads.
 */
export function drawKeptTogether(rd: ReportDocument, groups: readonly (readonly Piece[])[]): void {
  const whole = groups.reduce((sum, group) => sum + heightOf(group), 0);
  if (whole <= rd.bottom - rd.doc.page.margins.top) rd.keepTogether(whole);
  groups.forEach((group, index) => {
    rd.keepTogether(heightOf(index === 0 ? group : group.slice(0, 2)));
    for (const piece of group) {
      rd.keepTogether(piece.height);
      piece.draw();
    }
  });
}

const COLUMN_GAP = 16;

/** The text column split in two, for pieces drawn side by side: the first half on the reading side. */
export function halves(rd: ReportDocument): [Frame, Frame] {
  const width = (rd.width - COLUMN_GAP) / 2;
  const left = { x: rd.left, width };
  const right = { x: rd.left + width + COLUMN_GAP, width };
  return rd.rtl ? [right, left] : [left, right];
}

/** Two stacks of pieces side by side (each drawn in its own frame), as tall as the taller one. */
export function columnsPiece(left: readonly Piece[], right: readonly Piece[], rd: ReportDocument): Piece {
  const height = Math.max(heightOf(left), heightOf(right));
  return {
    height,
    draw: () => {
      const top = rd.doc.y;
      for (const piece of left) piece.draw();
      rd.doc.y = top;
      for (const piece of right) piece.draw();
      rd.doc.x = rd.left;
      rd.doc.y = top + height;
    },
  };
}
