/**
 * The bundled DejaVu Sans files (Latin with every accent, Spanish punctuation, Greek, Cyrillic,
 * Armenian, Georgian, Hebrew, Arabic and many symbols), inlined as data at build time so the built
 * app and CLI carry them and never read a font from the system. `fonts.ts` imports this module
 * lazily, so the 2 MB of font data load with the first report, not with the app.
 */

import regular from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?inline';
import bold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?inline';

export const FONT_DATA_URLS = { regular, bold } as const;
