/**
 * A goal's status on the dashboard, read off its judgement and the flags derived from it: at risk
 * when the goal is unlikely to be met, was not met, or its last 4 points are all behind the aim
 * line while it is not likely to be met; on track only when the data says so (likely, mastered or
 * met); otherwise no data, which here also means "no verdict yet": too few weeks of data, an
 * unclear band, or nothing measured in the last weeks. Pure.
 */
import type { GoalStatus } from '../../contract';
import type { GoalJudgement } from '../../contract/progress-view';
import type { GoalFlagRule } from '../progress-rules/decision-rules';

export function goalStatus(judgement: Pick<GoalJudgement, 'status'>, flags: readonly { rule: GoalFlagRule }[]): GoalStatus {
  const { status } = judgement;
  if (status === 'unlikely' || status === 'not_met' || flags.some((flag) => flag.rule === 'behind_aim')) return 'at_risk';
  if (flags.some((flag) => flag.rule === 'no_recent_data')) return 'no_data';
  if (status === 'likely' || status === 'mastered' || status === 'met') return 'on_track';
  return 'no_data';
}

export function countStatuses(statuses: readonly GoalStatus[]): { atRisk: number; noData: number; onTrack: number } {
  return {
    atRisk: statuses.filter((status) => status === 'at_risk').length,
    noData: statuses.filter((status) => status === 'no_data').length,
    onTrack: statuses.filter((status) => status === 'on_track').length,
  };
}
