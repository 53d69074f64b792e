/**
 * The goal graph on paper, for a goal whose plan was amended mid-way with a new baseline and
 * target: the axis titles name the measurement, the one legend lists the same items in the team
 * summary and the parent report, the amendment is a phase line, the data table follows the graph,
 * and the figure's alternative text states the latest value with its unit and the goal.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src-main/services/reports/export';
import { PREPARED_ON, pdfPngs, pdfStrings, pdfText, reportStudent } from './reports-fixture';

async function amendedStudent() {
  const app = await reportStudent();
  const amended = await app.call('plans.amend', { id: app.plan.id });
  await app.call('plans.update', { id: amended.plan.id, changes: { startDate: '2026-10-01' } });
  const math = amended.goals.find((goal) => goal.statement === app.math.statement);
  if (!math) throw new Error('the amended plan lost the math goal');
  await app.call('goals.update', { id: math.id, changes: { baseline: 55, target: 90 } });
  await app.call('plans.activate', { id: amended.plan.id });
  return app;
}

describe('the goal graph in the reports', () => {
  it('titles its axes, draws the amendment, prints one legend and the data table', { timeout: 180_000 }, async () => {
    const app = await amendedStudent();
    const team = await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON });
    const parent = await buildReport(app.ctx, {
      kind: 'parent_report',
      studentId: app.student.id,
      preparedOn: PREPARED_ON,
      language: 'en',
      recipient: 'Marisol Quixote (mother)',
      purpose: 'quarterly report',
    });
    pdfPngs(team.bytes, 'graph-team-amended');
    pdfPngs(parent.bytes, 'graph-parent-amended');
    const legend = 'Measurement Trend Aim line Goal Change in support';
    for (const bytes of [team.bytes, parent.bytes]) {
      const text = pdfText(bytes);
      expect(text).toContain('Percent correct');
      expect(text).toContain('% of intervals');
      expect(text).toContain('Plan amended');
      expect(text).toContain(legend);
      // The data table after the math graph: Oct 14's 67% against the version-2 aim line.
      expect(text).toContain("The graph's data");
      expect(text).toMatch(/Date Value Aim line .*Oct 14 67%/);
      const strings = pdfStrings(bytes);
      expect(strings).toMatch(/Measured as Percent correct\. Latest: 67% on October 14, 2026\./);
    }
  });

  it('words the graph in Spanish in a Spanish parent report', { timeout: 180_000 }, async () => {
    const app = await amendedStudent();
    const parent = await buildReport(app.ctx, {
      kind: 'parent_report',
      studentId: app.student.id,
      preparedOn: PREPARED_ON,
      language: 'es',
      recipient: 'Marisol Quixote (madre)',
      purpose: 'informe trimestral',
    });
    const text = pdfText(parent.bytes);
    expect(text).toContain('Porcentaje de aciertos');
    expect(text).toContain('Plan modificado');
    expect(text).toContain('Los datos de la gráfica');
    expect(text).toContain('Fecha');
  });
});
