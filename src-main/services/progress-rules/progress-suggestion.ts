/**
 * The suggested progress level for a reporting period, read off the goal's judgement as of the
 * period's end (or today, when that is earlier): the case manager confirms or overrides it; each
 * state's code set maps these levels to its own words. `explanation` is the judgement's sentence.
 */
import type { GoalJudgement } from '../../contract/progress-view';

export const PROGRESS_LEVELS = ['mastered', 'sufficient', 'insufficient', 'no_progress', 'not_introduced'] as const;
export type ProgressLevel = (typeof PROGRESS_LEVELS)[number];

export interface ProgressSuggestion {
  level: ProgressLevel;
  /** Will the goal be met by its end date? Null when there is nothing to judge by, or the evidence is unclear. */
  sufficient: boolean | null;
  explanation: string;
  /** Points used, the latest value, and the value the trend projects at the goal's end date. */
  facts: { points: number; latest: number | null; projected: number | null };
}

const SUFFICIENT: Record<GoalJudgement['status'], boolean | null> = {
  no_data: null,
  not_enough_data: null,
  unclear: null,
  mastered: true,
  met: true,
  likely: true,
  unlikely: false,
  not_met: false,
};

export function suggestionOf(judgement: GoalJudgement): ProgressSuggestion {
  return {
    level: judgement.suggestedLevel,
    sufficient: SUFFICIENT[judgement.status],
    explanation: judgement.reason,
    facts: { points: judgement.points, latest: judgement.latest?.value ?? null, projected: judgement.projection?.value ?? null },
  };
}
