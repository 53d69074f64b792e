/**
 * The bundled font files, inlined as data at build time so the built app and CLI carry them and
 * never read a font from the system. `fonts.ts` imports this module lazily, so the font data load
 * with the first report, not with the app.
 *
 * - DejaVu Sans: Latin with every accent (Vietnamese, French, Somali, Spanish), Greek, Cyrillic
 *   (Ukrainian), Hebrew, Arabic (with the joining forms fontkit shapes from its GSUB table) and many
 *   symbols. It stays the Arabic face too: each of its Arabic glyphs is one letter, so copying and
 *   text extraction give the letters as stored, where Noto's Arabic faces draw the dots as marks on
 *   shared letter bodies and pdftotext then reads تقرير as تقرتر.
 * - Noto Sans Devanagari: Hindi, with the conjuncts and vowel-sign reordering of Indic shaping.
 * - Noto Sans Thai: Thai names (regular and bold; 50 KB each).
 * - Noto Sans SC: Simplified Chinese, and the CJK ideographs a name may use. Regular only: the face
 *   is 10 MB, a bold one another 10 MB, so Chinese headings print in the regular weight.
 *
 * All from Google's Noto family as Expo packages them (plain TTF files; devDependencies, as the
 * build inlines them).
 */

import devanagari from '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf?inline';
import devanagariBold from '@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf?inline';
import han from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?inline';
import thai from '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf?inline';
import thaiBold from '@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf?inline';
import regular from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?inline';
import bold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?inline';

export const FONT_DATA_URLS = {
  regular,
  bold,
  devanagari,
  devanagariBold,
  han,
  thai,
  thaiBold,
} as const;
