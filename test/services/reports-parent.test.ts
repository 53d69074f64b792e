/**
 * The parent report: plain words in English or Spanish from the catalogs, the team's goal statements
 * as written (after the team's own translation, when there is one in the report's language), peers only by role and grade, widened where few share them — and no identifier of any mentor
 * anywhere: not in the text, the metadata, the bookmarks, nor the structure tree's alternative texts,
 * even when a narrative typed by the team names one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOAL_AREAS, MEASUREMENTS, MISS_REASONS, PEER_ROLES, PROGRESS_CODE_SETS, TRAINING_MODULES } from '../../src-main/contract';
import { REPORT_LANGUAGES, reportText } from '../../src-main/reports/i18n/index';
import { makeScrubber } from '../../src-main/services/names/scrub';
import { buildReport } from '../../src-main/services/reports/export';
import { PREPARED_ON, pdfInfo, pdfOutline, pdfPages, pdfPngs, pdfStrings, pdfText, reportStudent } from './reports-fixture';

/** Every way a mentor can be named: names, student number, initials with and without dots. */
function identifiers(mentor: { firstName: string; lastName: string; preferredName: string | null; localId: string }): RegExp[] {
  const words = [mentor.firstName, mentor.lastName, mentor.preferredName, mentor.localId, ...mentor.lastName.split('-')].filter(
    (word): word is string => Boolean(word),
  );
  const initials = [mentor.firstName, mentor.preferredName]
    .filter((name): name is string => Boolean(name))
    .map((first) => `${first[0]}\\.?\\s?${mentor.lastName[0]}\\.?`);
  return [
    ...words.map((word) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu')),
    ...initials.map((pattern) => new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'u')),
  ];
}

/** The team's Spanish version of the math goal, naming the fixture's mentor Sam Rivera. */
const TRANSLATED = 'Dado un problema escrito de dos pasos, Zebulon lo resolverá correctamente y se lo explicará a Sam Rivera.';

describe('parent report PDF', () => {
  it('is in Spanish from the catalog, with the goals as the team wrote them', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    await app.call('goals.update', { id: app.math.id, changes: { statementTranslations: { es: TRANSLATED } } });
    const report = await buildReport(app.ctx, {
      kind: 'parent_report',
      studentId: app.student.id,
      language: 'es',
      recipient: 'Marisol Quixote (madre)',
      purpose: 'informe trimestral',
      preparedOn: PREPARED_ON,
    });
    pdfPngs(report.bytes, 'parent-report-es');
    const text = pdfText(report.bytes);
    for (const phrase of [
      'Informe de progreso para la familia',
      'Este informe muestra cómo le va a Zebulon Quixote-Marchetti en las metas de su IEP (Programa de Educación Individualizado).',
      'Cómo leer las gráficas',
      'La línea discontinua es la línea de referencia',
      'Meta 1:',
      'La meta, tal como la escribió el equipo:',
      'Progress check 1 (del 1 de septiembre de 2026 al 9 de octubre de 2026): Progreso suficiente',
      '¿Basta este progreso para alcanzar la meta para el 1 de junio de 2027? Respuesta del equipo: sí.',
      'Comentarios del equipo:',
      'Tutoría entre compañeros en Math 7, 2 veces por semana, 20 minutos cada vez.',
      'Con un compañero capacitado, un compañero capacitado.',
      'Con un compañero capacitado.',
      'Sesiones realizadas: 9 de 11 previstas.',
      '67 % el 14 de octubre de 2026',
      '¿Tiene preguntas sobre este informe? Comuníquese con Avery Quill.',
      'Preparado para Marisol Quixote (madre) el 15 de octubre de 2026',
      'Confidencial — expediente educativo del estudiante',
      'Página 1 de',
    ]) {
      expect(text).toContain(phrase);
    }
    for (const goal of [app.math, app.engagement, app.rubric]) expect(text).toContain(goal.statement);
    // The first page lists every goal at a glance, before the graphs.
    const [first = ''] = pdfPages(report.bytes);
    expect(first).toContain('Las metas de un vistazo');
    expect(first.match(/Meta \d: .+? Punto de partida: .+?\. Lo más reciente: .+?\. Meta: .+? para el /g)).toHaveLength(3);
    // The team's translation comes first, a peer named in it scrubbed; then the goal as they wrote it.
    expect(text).toContain(
      `Matemáticas La meta (traducida por el equipo): ${TRANSLATED.replace('Sam Rivera', '[un compañero]')} La meta, tal como la escribió el equipo: ${app.math.statement}`,
    );
    expect(text.split('(traducida por el equipo)')).toHaveLength(2);
    expect(text).toContain(
      'Zebulon solved 7 of 10 two-step problems on the last probe. [un compañero] ([un compañero], [un compañero]) checks',
    );
    for (const word of ['undefined', 'NaN', 'null', 'Goal ', 'Page ']) expect(text).not.toContain(word);

    // The figures' alternative texts are where a screen reader hears the graphs.
    // A non-breaking space keeps "%" on the line of its number.
    expect(pdfStrings(report.bytes)).toContain(
      'Gráfica de 11 mediciones. Punto de partida: 40\u00a0%; la meta es 80\u00a0% para el 1 de junio de 2027.',
    );
    const info = pdfInfo(report.bytes);
    expect(info.Title).toBe('Informe de progreso — Zebulon Quixote-Marchetti');
    expect(info.Tagged).toBe('yes');
    expect(Buffer.from(report.bytes).toString('latin1')).toMatch(/\/Lang \(es\)/);
    const outline = pdfOutline(report.bytes).map((title) => title.replace(/^Meta \d: /, ''));
    expect(outline.sort()).toEqual(['Desarrollo socioemocional', 'Escritura', 'Matemáticas']);
  });

  it('names no mentor in the text, metadata, bookmarks or tags, in any language', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const everyMentor = await app.call('mentors.list', { includeArchived: true });
    expect(everyMentor).toHaveLength(3);
    const request = {
      kind: 'parent_report' as const,
      studentId: app.student.id,
      language: 'en' as const,
      recipient: 'Marisol Quixote (mother)',
      purpose: 'quarterly progress report',
      preparedOn: PREPARED_ON,
    };
    const englishBefore = await buildReport(app.ctx, request);
    // A translation naming mentors must be scrubbed like the rest; in English the report stays as it was.
    const named = everyMentor.map((mentor) => `${mentor.firstName} ${mentor.lastName} (${mentor.localId})`).join(', ');
    await app.call('goals.update', { id: app.math.id, changes: { statementTranslations: { es: `${TRANSLATED} Con ${named}.` } } });
    for (const language of REPORT_LANGUAGES) {
      const report = await buildReport(app.ctx, { ...request, language });
      if (language === 'en') {
        pdfPngs(report.bytes, 'parent-report-en');
        expect(Buffer.from(report.bytes).equals(Buffer.from(englishBefore.bytes))).toBe(true);
      }
      const places = {
        text: pdfText(report.bytes),
        metadata: JSON.stringify(pdfInfo(report.bytes)),
        outline: pdfOutline(report.bytes).join('\n'),
        strings: pdfStrings(report.bytes),
      };
      for (const mentor of everyMentor) {
        for (const pattern of identifiers(mentor)) {
          for (const [where, content] of Object.entries(places)) {
            expect({ language, where, match: pattern.exec(content)?.[0] ?? null }).toEqual({ language, where, match: null });
          }
        }
      }
      if (language === 'en') {
        // The fixture's school has one or two mentors per role and grade: too few to say more than this.
        expect(places.text).toContain('With a trained peer, a trained peer.');
        expect(places.text).toContain('With a trained peer.');
        expect(places.text).toContain('Prepared for Marisol Quixote (mother) on October 15, 2026');
        expect(places.text).toContain('Questions about this report? Please contact Avery Quill.');
      }
    }
  });

  it('is refused in a language without a catalog', async () => {
    const app = await reportStudent();
    await expect(
      app.call('reports.preview', {
        request: { kind: 'parent_report', studentId: app.student.id, language: 'de' as 'en', recipient: 'Familie', purpose: 'Bericht' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('en, es, vi, zh, ar, hi, uk, fr, so') });
  });
});

describe('redaction of free text', () => {
  const sam = { localId: 'M-123456', firstName: 'Samuel', lastName: 'De la Rosa', preferredName: 'Sam' };
  const { scrub } = makeScrubber({ people: [sam], named: ['Zebulon Quixote'], replacement: '[a peer]' });

  it('replaces names, full names, student numbers and initials, but keeps the student and ordinary words', () => {
    expect(scrub('Sam De la Rosa helped Zebulon; SDR? no: S.D. and SD and m-123456 did.')).toBe(
      '[a peer] helped Zebulon; SDR? no: [a peer] and [a peer] and [a peer] did.',
    );
    // "Rosa" alone is a given name, not this surname; "de la Rosa" is.
    expect(scrub('Samuel and sam, then Rosa and de la Rosa.')).toBe('[a peer] and [a peer], then Rosa and [a peer].');
    expect(scrub('Samantha read about the Delaware river.')).toBe('Samantha read about the Delaware river.');
    expect(
      makeScrubber({ people: [{ ...sam, firstName: 'Zebulon' }], named: ['Zebulon Quixote'], replacement: '[a peer]' }).scrub(
        'Zebulon works with Sam.',
      ),
    ).toBe('Zebulon works with [a peer].');
  });
});

describe('report catalogs', () => {
  function keys(tree: Record<string, unknown>, prefix = ''): string[] {
    return Object.entries(tree).flatMap(([key, value]) =>
      value && typeof value === 'object' ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  }

  it('word every area, role, measurement, miss reason, module, code and grade in every language', () => {
    const needed = [
      ...GOAL_AREAS.map((area) => `common.area.${area}`),
      ...PEER_ROLES.flatMap((role) => [`common.role.${role}`, `common.peerNoun.${role}`]),
      ...MEASUREMENTS.map((measurement) => `common.value.${measurement}`),
      ...MISS_REASONS.map((reason) => `common.missReason.${reason}`),
      ...TRAINING_MODULES.map((module) => `letter.module.${module}`),
      ...Object.values(PROGRESS_CODE_SETS).flatMap((set) => set.codes.map((code) => `common.code.${set.id}.${code.id}`)),
      ...Array.from({ length: 15 }, (_, index) => `common.grade.${index - 1}`),
    ];
    for (const language of REPORT_LANGUAGES) {
      const text = reportText(language);
      for (const key of needed) expect({ language, key, found: text.t(key, { value: 1, max: 4 }) !== key }).toMatchObject({ found: true });
    }
  });

  it('have the same keys as English in every language, apart from plural and context variants', () => {
    const catalog = (language: string) =>
      keys(JSON.parse(readFileSync(join(import.meta.dirname, `../../src-main/reports/i18n/locales/${language}.json`), 'utf8')));
    const base = (list: string[]) => [...new Set(list.map((key) => key.replace(/_(zero|one|two|few|many|other|\d+)$/, '')))].sort();
    for (const language of REPORT_LANGUAGES)
      expect({ language, keys: base(catalog(language)) }).toEqual({ language, keys: base(catalog('en')) });
  });
});
