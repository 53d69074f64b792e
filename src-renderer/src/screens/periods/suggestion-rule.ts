/**
 * The rule behind a suggested progress code, in one sentence with the goal's own numbers ("The trend
 * reaches 78% by Jun 1, 2027, 2 short of the target of 80%."). Worded here from the suggestion's
 * level and facts rather than shown from the service's English, so the sentence follows the UI's
 * language and the goal's measurement.
 */
import { useTranslation } from 'react-i18next';
import type { Goal, GoalProgress } from '../../../../src-main/contract';
import { useDateFormat } from '../../components/dates';

type Suggestion = GoalProgress['suggestion'];

export function useSuggestionRule(): (goal: Goal, suggestion: Suggestion, periodEnd: string) => string {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  return (goal, suggestion, periodEnd) => {
    const value = (amount: number) => t(`goals.values.${goal.measurement}`, { value: amount, max: goal.scaleMax ?? '' });
    const target = value(goal.target);
    const { level, facts } = suggestion;
    if (level === 'not_introduced' || facts.latest === null) return t('periods.rule.noData', { date: formatDate(periodEnd) });
    if (level === 'mastered') return t('periods.rule.mastered', { target });
    const end = formatDate(goal.endDate);
    if (facts.projected !== null) {
      const projected = value(facts.projected);
      if (level === 'sufficient') return t('periods.rule.trendMeets', { projected, end, target });
      if (level === 'insufficient') {
        const short = Math.round(Math.abs(goal.target - facts.projected) * 10) / 10;
        return t('periods.rule.trendShort', { projected, end, short, target });
      }
      return t('periods.rule.trendFlat', { projected, end, baseline: value(goal.baseline) });
    }
    // Too few points for a trend: the latest point was compared with the aim line.
    const latest = value(facts.latest);
    if (level === 'sufficient') return t('periods.rule.fewOnAim', { count: facts.points, latest });
    if (level === 'insufficient') return t('periods.rule.fewBehindAim', { count: facts.points, latest });
    return t('periods.rule.fewAtBaseline', { count: facts.points, latest, baseline: value(goal.baseline) });
  };
}
