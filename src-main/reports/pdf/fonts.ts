/**
 * The report fonts and what they can draw. A roster holds names in any script, and a report may be
 * written in any of the catalog languages, so no one face serves: every text run is drawn in the
 * first face of the language's fallback order that has all its characters (`fontRuns`), and only a
 * character no bundled face has prints as □ (the caller keeps the real text as ActualText).
 */
import { create, type Font } from 'fontkit';

/** The bundled faces by script; `regular` and `bold` are DejaVu Sans: Latin, Cyrillic and Arabic. */
export interface ReportFonts {
  regular: Font;
  bold: Font;
  devanagari: Font;
  devanagariBold: Font;
  /** Simplified Chinese; one weight serves both (see font-data.ts). */
  han: Font;
  thai: Font;
  thaiBold: Font;
}

export type FaceKey = keyof ReportFonts;

/** Shown for a character no bundled face can draw. */
const MISSING_GLYPH = '□';
const MISSING_CODE = 0x25a1;

function parse(dataUrl: string): Font {
  const face = create(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  if (!('hasGlyphForCodePoint' in face)) throw new Error('loadFonts: a bundled font is a collection');
  return face;
}

let loaded: Promise<ReportFonts> | null = null;

/**
 * Parsed once per process: the bytes never change, and every report needs them. Every document
 * registers these same objects, so the tables fontkit decodes on first use (glyph shaping, kerning,
 * metrics) are decoded once per process instead of per report; fontkit reads a face's tables only
 * when asked, so the Chinese face costs nothing until a report draws Chinese.
 */
export function loadFonts(): Promise<ReportFonts> {
  loaded ??= import('./font-data').then(({ FONT_DATA_URLS: urls }) => ({
    regular: parse(urls.regular),
    bold: parse(urls.bold),
    devanagari: parse(urls.devanagari),
    devanagariBold: parse(urls.devanagariBold),
    han: parse(urls.han),
    thai: parse(urls.thai),
    thaiBold: parse(urls.thaiBold),
  }));
  return loaded;
}

/**
 * The faces a document tries, in order, for regular and bold text: the face of the language's own
 * script first (so its punctuation and digits match its letters), then the others for names in any
 * script.
 */
export function fallbackOrder(language: string, bold: boolean): FaceKey[] {
  const latin: FaceKey = bold ? 'bold' : 'regular';
  const devanagari: FaceKey = bold ? 'devanagariBold' : 'devanagari';
  const others: FaceKey[] = [latin, devanagari, 'han', bold ? 'thaiBold' : 'thai'];
  const own: FaceKey = language === 'zh' ? 'han' : language === 'hi' ? devanagari : latin;
  return [own, ...others.filter((face) => face !== own)];
}

/** A stretch of text one face draws. */
export interface FontRun {
  face: FaceKey;
  text: string;
}

/** Spaces and punctuation any face has: they stay in the run around them instead of starting their own. */
const SHARED = /[\s\p{P}\p{Zs}]/u;

/**
 * The text cut into runs, each drawn by the first face in `order` that has its characters. A
 * space or punctuation mark stays with the current face when that face has it, so a name in
 * another script is one run, not one per letter; combining marks stay with their base letter.
 */
export function fontRuns(fonts: ReportFonts, order: readonly FaceKey[], text: string): FontRun[] {
  const runs: FontRun[] = [];
  let current = null as FaceKey | null;
  let buffer = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const keepCurrent: boolean = current !== null && (/\p{M}/u.test(ch) || (SHARED.test(ch) && fonts[current].hasGlyphForCodePoint(code)));
    let face: FaceKey | null = keepCurrent ? current : (order.find((key) => fonts[key].hasGlyphForCodePoint(code)) ?? null);
    let shown = ch;
    if (face === null) {
      face = order.find((key) => fonts[key].hasGlyphForCodePoint(MISSING_CODE)) ?? 'regular';
      shown = MISSING_GLYPH;
    }
    if (face !== current && buffer) {
      runs.push({ face: current ?? face, text: buffer });
      buffer = '';
    }
    current = face;
    buffer += shown;
  }
  if (buffer && current) runs.push({ face: current, text: buffer });
  return runs;
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

/** Printable ASCII and line breaks: NFC leaves them as they are. */
const PLAIN_ASCII = /^[\x20-\x7e\n]*$/;

/**
 * The text ready to draw: NFC, invisible characters dropped, controls as spaces. Zero-width
 * joiners matter to Indic and Arabic shaping only inside a word the font already joins itself.
 */
export function printable(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, (ch) => (ch === '\n' ? '\n' : ' '));
}
