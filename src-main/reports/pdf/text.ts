/**
 * Text as the reports draw it, in any script and either direction: lines broken by our own measure
 * (at spaces, after dashes, and between CJK characters), each line cut into runs a single face can
 * draw (`fontRuns`), put in visual order by the Unicode bidirectional algorithm (bidi-js) in a
 * right-to-left document or wherever right-to-left letters appear, and drawn run by run. fontkit
 * shapes each run itself (Arabic joining forms, Devanagari conjuncts and reordered vowel signs) and
 * lays an Arabic word out right to left. Each glyph maps back to its letters (the font's ToUnicode),
 * so text extraction gives names as stored. (ActualText spans were tried: poppler then drops the
 * text of the span entirely.)
 */
import bidiFactory from 'bidi-js';
import type { Font } from 'fontkit';
import type { ReportDocument } from './document';
import { type FaceKey, fontRuns, printable } from './fonts';

const bidi = bidiFactory();

export interface TextBox {
  width: number;
  lineGap?: number;
  bold?: boolean;
  /** Default: the document's reading side (right in a right-to-left document). */
  align?: 'left' | 'right' | 'center';
}

/** One face's stretch of a line, in the order it is drawn (left to right on the page). */
interface Piece {
  face: FaceKey;
  /** As drawn: fontkit turns an Arabic run right to left itself. */
  text: string;
  width: number;
}

interface Line {
  pieces: Piece[];
  width: number;
  /** Top of the line to its baseline, and its full height, in points. */
  ascent: number;
  height: number;
}

/** Each Arabic-script character alone, or a stretch with none. */
const ARABIC_SIGN_SPLIT =
  /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]|[^\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+/gu;
/** Letters of scripts written right to left. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
/** Break opportunities: one CJK character, a word (with a dash it ends with), a dash, or spaces; closing punctuation stays with what it follows. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff00-\\uffef';
/** Punctuation that may not begin a line (kinsoku): it stays with the character before it. */
const CLOSING = '、。，．：；！？）」』】〕〉》”’％';
const TOKEN = new RegExp(`[${CJK}][${CLOSING}]*|[^\\s${CJK}\\-–—]+[\\-–—]?[${CLOSING}]*|[\\-–—]|\\s+`, 'gu');

function faceOf(rd: ReportDocument, key: FaceKey): Font {
  return rd.fonts[key];
}

function measure(rd: ReportDocument, key: FaceKey, text: string): number {
  rd.setFace(key);
  return rd.doc.widthOfString(text);
}

function tokenWidth(rd: ReportDocument, text: string, bold: boolean): number {
  let width = 0;
  for (const run of fontRuns(rd.fonts, rd.faceOrder(bold), text)) width += measure(rd, run.face, run.text);
  return width;
}

/** Breaks one paragraph (no line feeds) into the strings of its lines, in reading order. */
function breakLines(rd: ReportDocument, paragraph: string, width: number, bold: boolean): string[] {
  const tokens = paragraph.match(TOKEN) ?? [];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const flush = (): void => {
    lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
  };
  for (const token of tokens) {
    const space = /^\s+$/.test(token);
    if (space && line === '') continue;
    const tokenWide = tokenWidth(rd, token, bold);
    if (!space && lineWidth + tokenWide > width && line.trim() !== '') flush();
    if (!space && tokenWide > width) {
      // A word wider than the column (a long URL, a name with no spaces) is cut where it must be.
      for (const ch of token) {
        const chWide = tokenWidth(rd, ch, bold);
        if (lineWidth + chWide > width && line !== '') flush();
        line += ch;
        lineWidth += chWide;
      }
      continue;
    }
    line += token;
    lineWidth += tokenWide;
  }
  if (line.trim() !== '' || lines.length === 0) flush();
  return lines;
}

/** Mirrors brackets and the like for a right-to-left run ("(" drawn as ")"). */
function mirrored(text: string): string {
  let out = '';
  for (const ch of text) out += bidi.getMirroredCharacter(ch) ?? ch;
  return out;
}

/** The line's stretches of one embedding level, in visual order (rule L2 of the bidi algorithm). */
export function visualRuns(line: string, rtlDocument: boolean): { text: string; rtl: boolean }[] {
  if (!rtlDocument && !RTL_LETTER.test(line)) return [{ text: line, rtl: false }];
  const { levels } = bidi.getEmbeddingLevels(line, rtlDocument ? 'rtl' : 'ltr');
  const runs: { start: number; end: number; level: number }[] = [];
  for (let i = 0; i < line.length; i += 1) {
    const level = levels[i] ?? 0;
    const last = runs.at(-1);
    if (last && last.level === level) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level });
  }
  const highest = Math.max(...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let i = 0; i < runs.length; ) {
      if ((runs[i]?.level ?? 0) < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j]?.level ?? 0) >= level) j += 1;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((run) => ({ text: line.slice(run.start, run.end), rtl: run.level % 2 === 1 }));
}

function layoutLine(rd: ReportDocument, text: string, bold: boolean, size: number, rtlParagraph: boolean): Line {
  const pieces: Piece[] = [];
  for (const run of visualRuns(text, rtlParagraph)) {
    const faced = fontRuns(rd.fonts, rd.faceOrder(bold), run.rtl ? mirrored(run.text) : run.text);
    if (run.rtl) faced.reverse();
    for (const { face, text: letters } of faced) {
      // pdfkit shapes word by word and sets the words left to right, so a right-to-left run is set
      // here word by word from the right; fontkit lays out each Arabic word right to left itself,
      // and spaces and punctuation, which it leaves as they are, are turned here.
      // In a left-to-right stretch, fontkit would still turn a piece holding an Arabic-script sign
      // ("70٪", Arabic-Indic digits) right to left: each such sign is drawn as a piece of its own.
      const words = run.rtl ? (letters.match(/\s+|\S+/gu) ?? []).reverse() : (letters.match(ARABIC_SIGN_SPLIT) ?? []);
      for (const word of words) {
        const drawn = run.rtl && !RTL_LETTER.test(word) ? [...word].reverse().join('') : word;
        pieces.push({ face, text: drawn, width: measure(rd, face, drawn) });
      }
    }
  }
  const faces = pieces.length ? pieces.map((piece) => faceOf(rd, piece.face)) : [faceOf(rd, rd.faceOrder(bold)[0] ?? 'regular')];
  const ascent = Math.max(...faces.map((face) => (face.ascent / face.unitsPerEm) * size));
  const descent = Math.max(...faces.map((face) => (-face.descent / face.unitsPerEm) * size));
  return { pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0), ascent, height: ascent + descent };
}

/**
 * A paragraph's direction in a right-to-left document, by its first letter (UAX #9 P2): a goal the
 * team wrote in English reads left to right inside an Arabic report; one with no letter at all
 * (a date, a number) takes the document's direction.
 */
function paragraphIsRtl(paragraph: string): boolean {
  const first = /\p{L}/u.exec(paragraph)?.[0];
  return first === undefined || RTL_LETTER.test(first);
}

function layout(rd: ReportDocument, text: string, box: TextBox): Line[] {
  const size = (rd.doc as unknown as { _fontSize: number })._fontSize;
  const bold = box.bold ?? false;
  return printable(text)
    .split('\n')
    .flatMap((paragraph) => {
      const rtlParagraph = rd.rtl && paragraphIsRtl(paragraph);
      return breakLines(rd, paragraph, box.width, bold).map((line) => layoutLine(rd, line, bold, size, rtlParagraph));
    });
}

/** Printable ASCII and line breaks: DejaVu Sans draws every one. */
const PLAIN_ASCII = /^[\x20-\x7e\n]*$/;
/** Whether DejaVu has a character, remembered: most report text asks about the same few hundred. */
const inDejaVu = new Map<number, boolean>();

/**
 * Text pdfkit can lay out by itself, as it did before reports spoke every script: a left-to-right
 * document and every character in DejaVu, the Latin face (so one face, and no right-to-left run).
 * Most of an English or Spanish report is such text, and pdfkit's own line breaking is the fast path.
 */
function plainLatin(rd: ReportDocument, shown: string, bold: boolean): boolean {
  const first = rd.faceOrder(bold)[0];
  if (rd.rtl || (first !== 'regular' && first !== 'bold')) return false;
  if (PLAIN_ASCII.test(shown)) return true;
  const face = rd.fonts.regular;
  for (const ch of shown) {
    const code = ch.codePointAt(0) ?? 0;
    let has = inDejaVu.get(code);
    if (has === undefined) {
      has = ch === '\n' || (face.hasGlyphForCodePoint(code) && rd.fonts.bold.hasGlyphForCodePoint(code) && !RTL_LETTER.test(ch));
      inDejaVu.set(code, has);
    }
    if (!has) return false;
  }
  return true;
}

/** The height `drawText` will take at the current font size, as pdfkit's heightOfString counts it. */
export function textHeight(rd: ReportDocument, text: string, box: TextBox): number {
  const lineGap = box.lineGap ?? 0;
  const bold = box.bold ?? false;
  const shown = printable(text);
  if (plainLatin(rd, shown, bold)) {
    rd.setFace(rd.faceOrder(bold)[0] ?? 'regular');
    return rd.doc.heightOfString(shown, { width: box.width, lineGap });
  }
  const height = layout(rd, text, box).reduce((sum, line) => sum + line.height + lineGap, 0);
  rd.setFace(rd.faceOrder(box.bold ?? false)[0] ?? 'regular');
  return height;
}

/** The width of one line of text at the current font size. */
export function textWidth(rd: ReportDocument, text: string, bold = false): number {
  const width = tokenWidth(rd, printable(text), bold);
  rd.setFace(rd.faceOrder(bold)[0] ?? 'regular');
  return width;
}

/**
 * Draws text from (x, y) in a column of `box.width`, starting a page when a line would pass the
 * bottom margin, and leaves doc.y below the last line. The current font size and colour apply.
 */
export function drawText(rd: ReportDocument, text: string, x: number, y: number, box: TextBox): void {
  const { doc } = rd;
  const lineGap = box.lineGap ?? 0;
  const align = box.align ?? (rd.rtl ? 'right' : 'left');
  const shown = printable(text);
  if (plainLatin(rd, shown, box.bold ?? false)) {
    rd.setFace(rd.faceOrder(box.bold ?? false)[0] ?? 'regular');
    doc.text(shown, x, y, { width: box.width, lineGap, align });
    doc.x = x;
    return;
  }
  let top = y;
  for (const line of layout(rd, text, box)) {
    if (top + line.height > rd.bottom && top > doc.page.margins.top + 1) {
      doc.continueOnNewPage();
      top = doc.page.margins.top;
    }
    let left = align === 'right' ? x + box.width - line.width : align === 'center' ? x + (box.width - line.width) / 2 : x;
    for (const piece of line.pieces) {
      rd.setFace(piece.face);
      doc.text(piece.text, left, top + line.ascent, { lineBreak: false, baseline: 'alphabetic' });
      left += piece.width;
    }
    top += line.height + lineGap;
  }
  rd.setFace(rd.faceOrder(box.bold ?? false)[0] ?? 'regular');
  doc.x = x;
  doc.y = top;
}
