/**
 * The report fonts and what they can draw. A roster can hold names in scripts DejaVu Sans lacks
 * (CJK, Thai, Devanagari …); `printable` turns each such character into a visible □ instead of an
 * invisible gap, and the caller keeps the real text as the element's ActualText for screen readers.
 */
import { create, type Font } from 'fontkit';

/**
 * The two faces, parsed. Every document registers these same objects, so the tables fontkit decodes
 * on first use (glyph shaping, kerning, metrics) are decoded once per process instead of per report.
 */
export interface ReportFonts {
  regular: Font;
  bold: Font;
}

/** Shown for a character the bundled font cannot draw. */
const MISSING_GLYPH = '□';

function parse(dataUrl: string): Font {
  const face = create(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  if (!('hasGlyphForCodePoint' in face)) throw new Error('loadFonts: the bundled font is a collection');
  return face;
}

let loaded: Promise<ReportFonts> | null = null;

/** Parsed once per process: the bytes never change, and every report needs them. */
export function loadFonts(): Promise<ReportFonts> {
  loaded ??= import('./font-data').then(({ FONT_DATA_URLS }) => ({
    regular: parse(FONT_DATA_URLS.regular),
    bold: parse(FONT_DATA_URLS.bold),
  }));
  return loaded;
}

/** pdfkit's layout cache: a word as the font shapes it (glyphs, advances, kerning), keyed by the word. */
export type ShapedWords = Record<string, unknown>;

/** A batch shapes many names; past this many words a face's cache starts afresh rather than growing. */
const SHAPED_WORDS_KEPT = 5_000;
/** Shaped words are forgotten once no report has been made for this long: student names stay no longer than the work. */
const SHAPED_WORDS_IDLE_MS = 60_000;

const shaped = new Map<Font, ShapedWords>();
let forgetShaped: NodeJS.Timeout | undefined;

/**
 * The words already shaped in `face`, for the next document to reuse: shaping with the font's
 * kerning and ligature tables is most of what measuring and drawing text costs, and every report
 * repeats the same labels, months and numbers. Shaping depends on the word and the face only.
 */
export function shapedWords(face: Font): ShapedWords {
  clearTimeout(forgetShaped);
  forgetShaped = setTimeout(() => shaped.clear(), SHAPED_WORDS_IDLE_MS).unref();
  let words = shaped.get(face);
  if (!words || Object.keys(words).length > SHAPED_WORDS_KEPT) {
    words = Object.create(null) as ShapedWords;
    shaped.set(face, words);
  }
  return words;
}

/** Characters with no visible form of their own (joiners, variation selectors, BOM): dropped, not boxed. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}]/gu;
/** Controls other than the line breaks and tabs text may carry. */
const CONTROL = /[\p{Cc}]/gu;

/** Printable ASCII and line breaks: DejaVu Sans draws every one, and NFC leaves them as they are. */
const PLAIN_ASCII = /^[\x20-\x7e\n]*$/;

/** The text as the font can draw it: NFC, controls as spaces, and □ for each character it lacks. */
export function printable(fonts: ReportFonts, text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  const normalized = text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, (ch) => (ch === '\n' ? '\n' : ' '));
  let out = '';
  for (const ch of normalized) {
    const code = ch.codePointAt(0) ?? 0;
    out += ch === '\n' || fonts.regular.hasGlyphForCodePoint(code) ? ch : MISSING_GLYPH;
  }
  return out;
}
