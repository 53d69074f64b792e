/**
 * A goal's status on the dashboard, read off its judgement and the flags derived from it: at risk
 * when the goal is unlikely to be met, was not met, or its last 4 points are all behind the aim
 * line while it is not likely to be met; on track only when the data says so (likely, mastered or
 * met); no data when nothing was measured or nothing in the last weeks; otherwise "no verdict yet",
 * in its own words: not enough data (too few weeks for a trend) or unclear (the band spans the
 * target). Pure.
 */
import type { CaseloadStudent, GoalStatus } from '../../contract';
import type { GoalJudgement } from '../../contract/progress-view';
import type { GoalFlagRule } from '../progress-rules/decision-rules';

export function goalStatus(judgement: Pick<GoalJudgement, 'status'>, flags: readonly { rule: GoalFlagRule }[]): GoalStatus {
  const { status } = judgement;
  if (status === 'unlikely' || status === 'not_met' || flags.some((flag) => flag.rule === 'behind_aim')) return 'at_risk';
  if (flags.some((flag) => flag.rule === 'no_recent_data')) return 'no_data';
  if (status === 'likely' || status === 'mastered' || status === 'met') return 'on_track';
  if (status === 'not_enough_data' || status === 'unclear') return status;
  return 'no_data';
}

/**
 * A goal served by running peer supports of which none was delivered lately has no service, whatever
 * its data says (except at risk: the points already said the support is not working). A goal no
 * running support serves is read from its data alone.
 */
export function withService(status: GoalStatus, servedBy: readonly { delivered: boolean }[]): GoalStatus {
  if (status === 'at_risk' || servedBy.length === 0 || servedBy.some((support) => support.delivered)) return status;
  return 'no_service';
}

export function countStatuses(statuses: readonly GoalStatus[]): CaseloadStudent['goalCounts'] {
  const count = (status: GoalStatus) => statuses.filter((candidate) => candidate === status).length;
  return {
    atRisk: count('at_risk'),
    noService: count('no_service'),
    noData: count('no_data'),
    notEnoughData: count('not_enough_data'),
    unclear: count('unclear'),
    onTrack: count('on_track'),
  };
}
