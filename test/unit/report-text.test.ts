/**
 * How report text is cut and ordered before pdfkit draws it: each run in a face that has all its
 * characters (a name in any script prints its own glyphs, never □ or .notdef), and right-to-left
 * stretches put in visual order by the bidirectional algorithm.
 */
import { describe, expect, it } from 'vitest';
import { fallbackOrder, fontRuns, loadFonts } from '../../src-main/reports/pdf/fonts';
import { visualRuns } from '../../src-main/reports/pdf/text';

const NAMES = ['王小明', 'محمد العلي', 'अनन्या शर्मा', 'สมชาย ใจดี', 'Nguyễn Thị Ánh', 'Олена Ковальчук', 'Zoë Núñez'];

describe('font runs', () => {
  it('draws every name, in every report language, with a face that has each of its characters', async () => {
    const fonts = await loadFonts();
    for (const language of ['en', 'es', 'vi', 'zh', 'ar', 'hi', 'uk', 'fr', 'so']) {
      for (const bold of [false, true]) {
        const text = `Prepared for ${NAMES.join(', ')} — 70%.`;
        const runs = fontRuns(fonts, fallbackOrder(language, bold), text);
        expect(runs.map((run) => run.text).join('')).toBe(text);
        for (const run of runs) {
          for (const ch of run.text) {
            expect({ language, ch, face: run.face, has: fonts[run.face].hasGlyphForCodePoint(ch.codePointAt(0) ?? 0) }).toMatchObject({
              has: true,
            });
          }
        }
      }
    }
  });

  it('keeps a name in another script as one run, spaces included, and the language’s own face first', async () => {
    const fonts = await loadFonts();
    expect(fontRuns(fonts, fallbackOrder('en', false), 'With 王小明 and अनन्या.')).toEqual([
      { face: 'regular', text: 'With ' },
      { face: 'han', text: '王小明 ' },
      { face: 'regular', text: 'and ' },
      { face: 'devanagari', text: 'अनन्या.' },
    ]);
    expect(fontRuns(fonts, fallbackOrder('zh', false), '目标 1：Math')).toEqual([{ face: 'han', text: '目标 1：Math' }]);
  });

  it('prints □ only for a character no bundled face has', async () => {
    const fonts = await loadFonts();
    // Khmer: no bundled face has it (Thai, Chinese, Devanagari, Arabic, Cyrillic and Latin each have one).
    expect(fontRuns(fonts, fallbackOrder('en', false), 'ក')).toEqual([{ face: 'regular', text: '□' }]);
    expect(fontRuns(fonts, fallbackOrder('en', true), 'สมชาย')).toEqual([{ face: 'thaiBold', text: 'สมชาย' }]);
  });
});

describe('visual order', () => {
  it('leaves left-to-right text alone', () => {
    expect(visualRuns('Goal 1: Math', false)).toEqual([{ text: 'Goal 1: Math', rtl: false }]);
  });

  it('sets an Arabic line from the right, numbers and Latin words still left to right', () => {
    // After an Arabic letter "70" is an Arabic number and the Arabic percent sign a neutral (UAX #9 W2, W6).
    expect(visualRuns('الهدف 70٪ Math', true)).toEqual([
      { text: 'Math', rtl: false },
      { text: '٪ ', rtl: true },
      { text: '70', rtl: false },
      { text: 'الهدف ', rtl: true },
    ]);
  });

  it('turns an Arabic name inside an English line', () => {
    expect(visualRuns('For محمد العلي today', false)).toEqual([
      { text: 'For ', rtl: false },
      { text: 'محمد العلي', rtl: true },
      { text: ' today', rtl: false },
    ]);
  });
});
