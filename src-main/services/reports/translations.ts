/**
 * The team's translations of the passages a parent report would otherwise print in English:
 * progress narratives, reporting-period names and class names. Each is kept under a hash of its
 * English text, so the same English finds it next time and an edited English text is untranslated
 * again. The parent report swaps them in before redaction, so the scrubber reads the translated text.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { translations } from '../../../db/schema';
import type { Passage, ReportLanguage, TranslationKind } from '../../contract';
import type { TeamSummaryView } from '../../reports/model';
import { change, type ServiceContext } from '../context';
import { gatherTeamSummary } from './gather';

export function sourceHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

/** Every distinct team-typed passage the view prints, in the order a reader meets them. */
export function passagesOf(team: TeamSummaryView): { kind: TranslationKind; source: string }[] {
  const seen = new Map<string, { kind: TranslationKind; source: string }>();
  const add = (kind: TranslationKind, source: string | null) => {
    if (source && !seen.has(`${kind}\u0000${source}`)) seen.set(`${kind}\u0000${source}`, { kind, source });
  };
  for (const goal of team.goals) {
    for (const report of goal.reports) {
      add('period_label', report.periodLabel);
      add('narrative', report.narrative);
    }
    for (const support of goal.supports) add('class_name', support.settingClass);
  }
  return [...seen.values()];
}

/** The saved translations into `language` of these passages, by kind and English text. */
function lookup(ctx: ServiceContext, language: string, passages: readonly { kind: TranslationKind; source: string }[]) {
  const hashes = [...new Set(passages.map((passage) => sourceHash(passage.source)))];
  const rows = hashes.length
    ? ctx.db
        .select()
        .from(translations)
        .where(and(eq(translations.language, language), inArray(translations.sourceHash, hashes)))
        .all()
    : [];
  const byKey = new Map(rows.map((row) => [`${row.kind}\u0000${row.sourceHash}`, row.translated]));
  return (kind: TranslationKind, source: string): string | null => byKey.get(`${kind}\u0000${sourceHash(source)}`) ?? null;
}

export function listTranslations(ctx: ServiceContext, input: { studentId: string; language: ReportLanguage }): Passage[] {
  const passages = passagesOf(gatherTeamSummary(ctx, { studentId: input.studentId }));
  const translated = lookup(ctx, input.language, passages);
  return passages.map((passage) => ({ ...passage, translated: translated(passage.kind, passage.source) }));
}

export function saveTranslations(
  ctx: ServiceContext,
  input: { language: ReportLanguage; items: readonly { kind: TranslationKind; source: string; translated: string }[] },
): { saved: number } {
  return change(ctx, (tx) => {
    const updatedAt = ctx.now().toISOString();
    for (const item of input.items) {
      const row = { kind: item.kind, sourceHash: sourceHash(item.source), source: item.source, language: input.language };
      tx.insert(translations)
        .values({ ...row, translated: item.translated, updatedAt })
        .onConflictDoUpdate({
          target: [translations.kind, translations.sourceHash, translations.language],
          set: { translated: item.translated, updatedAt },
        })
        .run();
    }
    return {
      result: { saved: input.items.length },
      // Which kinds and language, never the text.
      record: {
        action: 'translations.saved',
        entity: 'translation',
        entityId: input.language,
        fields: [...new Set(input.items.map((item) => item.kind))],
      },
    };
  });
}

/** The team's view with each passage that has a translation into `language` printed in it. */
export function translateTeamView(ctx: ServiceContext, team: TeamSummaryView, language: string): TeamSummaryView {
  if (language === 'en') return team;
  const translated = lookup(ctx, language, passagesOf(team));
  const or = (kind: TranslationKind, source: string) => translated(kind, source) ?? source;
  return {
    ...team,
    goals: team.goals.map((goal) => ({
      ...goal,
      reports: goal.reports.map((report) => ({
        ...report,
        periodLabel: or('period_label', report.periodLabel),
        narrative: report.narrative === null ? null : or('narrative', report.narrative),
      })),
      supports: goal.supports.map((support) => ({ ...support, settingClass: or('class_name', support.settingClass) })),
    })),
  };
}
