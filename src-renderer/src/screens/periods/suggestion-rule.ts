/**
 * The rule behind a suggested progress code, in one sentence with the goal's own numbers ("The whole
 * 95% band falls short: the trend reaches 78% by Jun 1, 2027, 2 short of the target of 80%.").
 * Worded here from the goal's judgement (docs/progress-rules.md) rather than shown from the
 * service's English, so the sentence follows the UI's language and the goal's measurement.
 */
import { useTranslation } from 'react-i18next';
import type { Goal, GoalJudgement } from '../../../../src-main/contract';
import { useDateFormat } from '../../components/dates';

export function useSuggestionRule(): (goal: Goal, judgement: GoalJudgement, periodEnd: string) => string {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  return (goal, judgement, periodEnd) => {
    const value = (amount: number) => t(`goals.values.${goal.measurement}`, { value: amount, max: goal.scaleMax ?? '' });
    const target = value(goal.target);
    const end = formatDate(goal.endDate);
    const { status, projection, weeks, mastery, recentMedian } = judgement;
    switch (status) {
      case 'no_data':
        return t('periods.rule.noData', { date: formatDate(periodEnd) });
      case 'not_enough_data':
        return t('periods.rule.notEnoughWeeks', { withData: weeks.withData, needed: weeks.needed, date: formatDate(judgement.asOf) });
      case 'mastered':
        return mastery.consecutive && mastery.k === mastery.n
          ? t('periods.rule.masteredInARow', { k: mastery.k, target })
          : t('periods.rule.mastered', { k: mastery.k, n: mastery.n, target });
      case 'met':
        return t('periods.rule.met', { end, target });
      case 'not_met':
        return t('periods.rule.notMet', { end, median: value(recentMedian ?? goal.baseline), target });
    }
    if (!projection) return t('periods.rule.noData', { date: formatDate(periodEnd) });
    const band = { projected: value(projection.value), low: value(projection.low), high: value(projection.high), end, target };
    if (status === 'likely') return t('periods.rule.trendLikely', band);
    if (status === 'unclear') return t('periods.rule.trendUnclear', band);
    if (judgement.suggestedLevel === 'no_progress') return t('periods.rule.trendFlat', { ...band, baseline: value(goal.baseline) });
    const short = Math.round(Math.abs(goal.target - projection.value) * 10) / 10;
    return t('periods.rule.trendShort', { ...band, short });
  };
}
