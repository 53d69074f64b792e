/**
 * The goal graph's words in a report: the alternative text states what is measured, the latest
 * value with its unit, the goal and its date, and the judgement's verdict; the axis titles name the
 * measurement; an amendment's phase line is worded in each language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_LEGEND_ITEMS, type ChartLegendItem } from '../../src-main/contract';
import { reportText } from '../../src-main/reports/i18n/index';
import { axisTitle, graphAltText, phaseWords } from '../../src-main/reports/wording';
import { goalChart } from '../../src-main/services/progress-rules/chart-model';

const goal = { measurement: 'rubric' as const, scaleMax: 4, baseline: 1, target: 3, endDate: '2027-05-28' };
const chart = goalChart(
  { ...goal, startDate: '2026-09-01' },
  [
    { date: '2026-09-15', value: 1 },
    { date: '2026-10-13', value: 2 },
  ],
  [],
  { width: 640, height: 280 },
);

describe('graph words', () => {
  it('give alt text with the unit, the goal and the judgement', () => {
    const en = reportText('en');
    const alt = graphAltText(chart, { status: 'unclear' }, { text: en, goal });
    expect(alt).toContain('Measured as Rubric level (1–4).');
    expect(alt).toContain('Latest: level 2 of 4 on October 13, 2026.');
    expect(alt).toContain('goal level 3 of 4 by May 28, 2027');
    expect(alt).toContain('Judgement: unclear whether the goal will be met.');
    expect(graphAltText(chart, null, { text: en, goal })).not.toContain('Judgement');
  });

  it('word the axis and the amendment in Spanish', () => {
    const es = reportText('es');
    expect(axisTitle(es, goal)).toBe('Nivel de la rúbrica (1–4)');
    expect(axisTitle(reportText('en'), { ...goal, measurement: 'trials', scaleMax: 10 })).toBe('Correct of 10');
    expect(phaseWords(es, { kind: 'amended', version: 2 })).toBe('Plan modificado');
    expect(phaseWords(reportText('en'), { kind: 'amended', version: 2 })).toBe('Plan amended');
    expect(graphAltText(chart, { status: 'likely' }, { text: es, goal })).toContain('Valoración: es probable que alcance la meta.');
  });
});

describe('the one legend', () => {
  it('has the same words in the app and in the reports, item by item', () => {
    const appWords = (language: string): Record<ChartLegendItem, string> =>
      JSON.parse(readFileSync(join(import.meta.dirname, `../../src-renderer/src/i18n/locales/${language}/students.json`), 'utf8')).progress
        .graph.legendItems;
    const app = appWords('en');
    const appEs = appWords('es');
    const key = { points: 'legendPoints', trend: 'legendTrend', aim: 'legendAim', goal: 'legendGoal', phase: 'legendPhase' } as const;
    for (const [language, words] of [
      ['en', app],
      ['es', appEs],
    ] as const) {
      const text = reportText(language);
      for (const item of CHART_LEGEND_ITEMS) expect(words[item], `${language} ${item}`).toBe(text.t(`chart.${key[item]}`));
    }
  });
});
