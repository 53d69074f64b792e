/**
 * The report fonts and what they can draw. A roster can hold names in scripts DejaVu Sans lacks
 * (CJK, Thai, Devanagari …); `printable` turns each such character into a visible □ instead of an
 * invisible gap, and the caller keeps the real text as the element's ActualText for screen readers.
 */
import { create, type Font } from 'fontkit';

export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  /** The regular face, to ask which characters it has. */
  face: Font;
}

/** Shown for a character the bundled font cannot draw. */
const MISSING_GLYPH = '□';

function decode(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

let loaded: Promise<ReportFonts> | null = null;

/** Decoded once per process: the bytes never change, and every report needs them. */
export function loadFonts(): Promise<ReportFonts> {
  loaded ??= import('./font-data').then(({ FONT_DATA_URLS }) => {
    const regular = decode(FONT_DATA_URLS.regular);
    const face = create(regular);
    if (!('hasGlyphForCodePoint' in face)) throw new Error('loadFonts: the bundled font is a collection');
    return { regular, bold: decode(FONT_DATA_URLS.bold), face };
  });
  return loaded;
}

/** Characters with no visible form of their own (joiners, variation selectors, BOM): dropped, not boxed. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}]/gu;
/** Controls other than the line breaks and tabs text may carry. */
const CONTROL = /[\p{Cc}]/gu;

/** The text as the font can draw it: NFC, controls as spaces, and □ for each character it lacks. */
export function printable(fonts: ReportFonts, text: string): string {
  const normalized = text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, (ch) => (ch === '\n' ? '\n' : ' '));
  let out = '';
  for (const ch of normalized) {
    const code = ch.codePointAt(0) ?? 0;
    out += ch === '\n' || fonts.face.hasGlyphForCodePoint(code) ? ch : MISSING_GLYPH;
  }
  return out;
}
