/**
 * The arithmetic of the progress-mark screen, kept out of the components: which reporting periods
 * a plan has, which one to open, the code of the active set that matches a suggested level, a goal's
 * mark as a form draft and back as the changes to send, and what a goal still lacks before its
 * period can be finalized.
 */
import type {
  GoalProgress,
  InsufficientReason,
  MarkChanges,
  ProgressCodeSettings,
  ProgressMark,
  ProgressStanding,
} from '../../../../src-main/contract';

export interface Period {
  label: string;
  endsOn: string;
}

/**
 * Every period in force for a goal of the plan (its own, else its school calendar's), plus any
 * period a mark was already written for (a goal's periods can change after its mark is saved), one
 * per end date, earliest first.
 */
export function planPeriods(goals: readonly { periods: readonly Period[] }[], marks: readonly ProgressMark[]): Period[] {
  const byEnd = new Map<string, Period>();
  for (const period of [...goals.flatMap((goal) => goal.periods), ...marks.map((mark) => mark.period)]) {
    if (!byEnd.has(period.endsOn)) byEnd.set(period.endsOn, { label: period.label, endsOn: period.endsOn });
  }
  return [...byEnd.values()].sort((a, b) => (a.endsOn < b.endsOn ? -1 : a.endsOn > b.endsOn ? 1 : 0));
}

/**
 * The period to open on: the one that just ended while its report is not finalized yet (the team
 * writes it in the days after the period ends), else the running one (the first ending on or after
 * today), else the last.
 */
export function defaultPeriod(periods: readonly Period[], today: string, isFinalized: (endsOn: string) => boolean): Period | undefined {
  const ended = periods.filter((period) => period.endsOn < today).at(-1);
  if (ended && !isFinalized(ended.endsOn)) return ended;
  return periods.find((period) => period.endsOn >= today) ?? periods.at(-1);
}

type Level = GoalProgress['suggestion']['level'];
type CodeSet = ProgressCodeSettings['sets'][number];

/** The code of `set` that means what the suggested level means; none when the set has no such code (a 1–4 scale has no "not introduced"). */
export function suggestedCode(set: CodeSet, level: Level): string | null {
  const standing: ProgressStanding = level === 'mastered' ? 'met' : level;
  return set.codes.find((code) => code.standing === standing)?.id ?? null;
}

export interface MarkDraft {
  /** A code of the active set, or '' for none chosen. */
  code: string;
  sufficient: boolean | null;
  reason: InsufficientReason | '';
  narrative: string;
}

/**
 * The form's starting point: the saved mark, with the suggested code while no code is saved. A
 * code saved in another set (the district changed sets since) is not offered again in this set.
 */
export function draftFrom(mark: ProgressMark | undefined, activeSet: string, suggested: string | null): MarkDraft {
  const saved = mark?.code ?? null;
  return {
    code: saved === null ? (suggested ?? '') : mark?.codeSet === activeSet ? saved : '',
    sufficient: mark?.sufficient ?? null,
    reason: mark?.insufficientReason ?? '',
    narrative: mark?.narrative ?? '',
  };
}

/** What to send so the saved mark becomes `draft`: only the fields that differ from it. */
export function changesFrom(draft: MarkDraft, mark: ProgressMark | undefined, activeSet: string): MarkChanges {
  const changes: MarkChanges = {};
  const savedCode = mark?.code ?? null;
  const keepsOtherSetCode = savedCode !== null && mark?.codeSet !== activeSet && draft.code === '';
  if (!keepsOtherSetCode && (draft.code || null) !== savedCode) changes.code = draft.code || null;
  if (draft.sufficient !== (mark?.sufficient ?? null)) changes.sufficient = draft.sufficient;
  const reason = draft.sufficient === false ? draft.reason || null : null;
  // The service drops the reason itself when progress is sufficient; it only takes one when it is not.
  if (draft.sufficient === false && reason !== (mark?.insufficientReason ?? null)) changes.insufficientReason = reason;
  const narrative = draft.narrative.trim() || null;
  if (narrative !== (mark?.narrative ?? null)) changes.narrative = narrative;
  return changes;
}

export function hasChanges(changes: MarkChanges): boolean {
  return Object.keys(changes).length > 0;
}

export type MissingPart = 'code' | 'narrative' | 'reason' | 'unsaved';

/** What keeps a goal's mark from being finalized, judged on what is saved (unsaved edits count as a gap of their own). */
export function missingParts(mark: ProgressMark | undefined, unsaved: boolean): MissingPart[] {
  const missing: MissingPart[] = [];
  if (!mark?.code) missing.push('code');
  if (!mark?.narrative) missing.push('narrative');
  if (mark?.sufficient === false && !mark.insufficientReason) missing.push('reason');
  if (unsaved) missing.push('unsaved');
  return missing;
}
