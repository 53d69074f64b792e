/**
 * A goal's status on the dashboard, from the decision rules: at risk when the last four points are
 * behind the aim line; no data when nothing was measured, or nothing in the last weeks; else on
 * track. At risk wins over no data: the last points taken said the support was not working, and a
 * pause in measuring does not make that less true. Pure.
 */
import type { GoalStatus } from '../../contract';
import type { GoalFlagRule } from '../progress-rules/decision-rules';

export function goalStatus(flags: readonly { rule: GoalFlagRule }[], hasPoints: boolean): GoalStatus {
  if (flags.some((flag) => flag.rule === 'behind_aim')) return 'at_risk';
  if (!hasPoints || flags.some((flag) => flag.rule === 'no_recent_data')) return 'no_data';
  return 'on_track';
}

export function countStatuses(statuses: readonly GoalStatus[]): { atRisk: number; noData: number; onTrack: number } {
  return {
    atRisk: statuses.filter((status) => status === 'at_risk').length,
    noData: statuses.filter((status) => status === 'no_data').length,
    onTrack: statuses.filter((status) => status === 'on_track').length,
  };
}
