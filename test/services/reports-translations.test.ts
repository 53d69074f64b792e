/**
 * The team's translations of narratives, period names and class names: remembered by their English
 * text, printed in the parent report of that language (and redacted there like the English), and
 * listed as untranslated again once the English changes.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src-main/services/reports/export';
import { PREPARED_ON, pdfText, reportStudent } from './reports-fixture';

const NARRATIVE_ES = 'Zebulon resolvió 7 de 10 problemas de dos pasos. Sam Rivera revisa con él cada primer paso.';
const PERIOD_ES = 'Control de progreso uno';
const CLASS_ES = 'Almuerzo y tutoría';

describe('translations of team-typed passages', () => {
  it('prints saved translations in a Spanish parent report and forgets them when the English changes', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const before = await app.call('translations.list', { studentId: app.student.id, language: 'es' });
    expect(before.map((passage) => passage.kind).sort()).toEqual(['class_name', 'class_name', 'narrative', 'period_label']);
    expect(before.every((passage) => passage.translated === null)).toBe(true);
    const narrative = before.find((passage) => passage.kind === 'narrative');
    const tutorClass = before.find((passage) => passage.kind === 'class_name' && passage.source !== 'Lunch and advisory');
    if (!narrative || !tutorClass) throw new Error('the fixture prints a narrative and two classes');

    await app.call('translations.save', {
      language: 'es',
      items: [
        { kind: 'narrative', source: narrative.source, translated: NARRATIVE_ES },
        { kind: 'period_label', source: 'Progress check 1', translated: PERIOD_ES },
        { kind: 'class_name', source: 'Lunch and advisory', translated: CLASS_ES },
      ],
    });
    const after = await app.call('translations.list', { studentId: app.student.id, language: 'es' });
    expect(after.find((passage) => passage.kind === 'narrative')?.translated).toBe(NARRATIVE_ES);
    expect(after.find((passage) => passage.source === tutorClass.source)?.translated).toBeNull();
    // Another language has its own translations.
    const vietnamese = await app.call('translations.list', { studentId: app.student.id, language: 'vi' });
    expect(vietnamese.every((passage) => passage.translated === null)).toBe(true);

    const report = await buildReport(app.ctx, {
      kind: 'parent_report',
      studentId: app.student.id,
      language: 'es',
      recipient: 'Familia',
      purpose: 'informe trimestral',
      preparedOn: PREPARED_ON,
    });
    const text = pdfText(report.bytes);
    expect(text).toContain('Zebulon resolvió 7 de 10 problemas de dos pasos.');
    expect(text).toContain(PERIOD_ES);
    expect(text).toContain(CLASS_ES);
    expect(text).not.toContain('two-step problems');
    expect(text).not.toContain('Progress check 1');
    expect(text).not.toContain('Lunch and advisory');
    // Redaction reads the translated text: the mentor's name typed into it does not print.
    expect(text).not.toContain('Sam Rivera');

    const goalId = app.extra.math.id;
    await app.call('progressMarks.save', {
      goalId,
      period: { label: 'Progress check 1', endsOn: '2026-10-09' },
      changes: { narrative: 'Zebulon solved 8 of 10 two-step problems on the last probe.' },
    });
    const edited = await app.call('translations.list', { studentId: app.student.id, language: 'es' });
    expect(edited.find((passage) => passage.kind === 'narrative')).toEqual({
      kind: 'narrative',
      source: 'Zebulon solved 8 of 10 two-step problems on the last probe.',
      translated: null,
    });
    expect(edited.find((passage) => passage.kind === 'period_label')?.translated).toBe(PERIOD_ES);
  });
});
