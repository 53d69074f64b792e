/**
 * A goal's status on the dashboard, from the decision rules: at risk when the last four points are
 * behind the aim line; no data when nothing was measured, or nothing in the last weeks; else on
 * track. At risk wins over no data: the last points taken said the support was not working, and a
 * pause in measuring does not make that less true. Pure.
 */
import type { CaseloadStudent, GoalStatus } from '../../contract';
import type { GoalFlagRule } from '../progress-rules/decision-rules';

export function goalStatus(flags: readonly { rule: GoalFlagRule }[], hasPoints: boolean): GoalStatus {
  if (flags.some((flag) => flag.rule === 'behind_aim')) return 'at_risk';
  if (!hasPoints || flags.some((flag) => flag.rule === 'no_recent_data')) return 'no_data';
  return 'on_track';
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
