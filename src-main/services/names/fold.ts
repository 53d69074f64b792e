/**
 * The text a name is matched in: accents folded ("Núñez" → "Nunez", stored decomposed or composed
 * alike), soft hyphens and zero-width characters gone, case kept (some names match only
 * capitalised). Each folded character remembers the span of the original it came from, so a match
 * in the folded text replaces exactly those characters of the original and nothing around them.
 * Pure.
 */

/** Soft hyphen, zero-width space/joiners, word joiner, byte-order mark, grapheme joiner, Mongolian vowel separator. */
const INVISIBLE = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u034F', '\u180E']);
const MARKS = /\p{M}/gu;
/** Letters Unicode does not decompose into a base and a mark. */
const STROKED: Readonly<Record<string, string>> = { ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ı: 'i', ħ: 'h', Ħ: 'H' };

export interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`: where its character starts in the original. */
  from: number[];
  /** For each UTF-16 unit of `text`: where its character (with any marks after it) ends in the original. */
  to: number[];
}

export function fold(original: string): Folded {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const char of original) {
    const start = at;
    at += char.length;
    if (INVISIBLE.has(char)) continue;
    const base = char.normalize('NFD').replace(MARKS, '');
    if (base === '') {
      // A combining mark after its letter (a name stored decomposed) belongs to that letter's span.
      if (to.length > 0) to[to.length - 1] = at;
      continue;
    }
    const folded = STROKED[base] ?? base;
    for (let unit = 0; unit < folded.length; unit += 1) {
      from.push(start);
      to.push(at);
    }
    text += folded;
  }
  return { text, from, to };
}

/** A name or word as the matcher compares it: folded, lower case, one space between words. */
export function foldKey(text: string): string {
  return fold(text).text.toLocaleLowerCase().replace(/\s+/gu, ' ').trim();
}
