/**
 * Which of a student's goals an observation can measure, and the behaviour that measures each by
 * default. An observation yields a percent of intervals, so only goals measured as a percent can take
 * it (the service refuses the others); goals written as "percent of intervals" are the ones observation
 * exists for, so they start chosen. Pure.
 */
import type { Goal, ObservedBehaviour } from '../../../../src-main/contract';

type GoalFacts = Pick<Goal, 'area' | 'measurement' | 'baseline' | 'target'>;

export function canMeasure(goal: Pick<Goal, 'measurement'>): boolean {
  return goal.measurement === 'percent' || goal.measurement === 'intervals';
}

export function startsChosen(goal: Pick<Goal, 'measurement'>): boolean {
  return goal.measurement === 'intervals';
}

/**
 * Social and communication goals are about peers; an independence goal that aims lower than its
 * baseline is about needing the adult less (time within ~3 ft); everything else is engagement.
 */
export function defaultBehaviour(goal: GoalFacts): ObservedBehaviour {
  if (goal.area === 'social_emotional' || goal.area === 'communication') return 'interacting';
  if (goal.area === 'independence' && goal.target < goal.baseline) return 'nearAdult';
  return 'engaged';
}
