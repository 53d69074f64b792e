/** Which goals an observation offers to measure, which start chosen, and the behaviour each is measured by. */
import { describe, expect, it } from 'vitest';
import { canMeasure, defaultBehaviour, startsChosen } from '../../src-renderer/src/screens/observation/goal-measures';

describe('the goals an observation measures', () => {
  const goal = { area: 'math', measurement: 'intervals', baseline: 40, target: 80 } as const;

  it('offers goals measured as a percent, and starts with the "percent of intervals" ones chosen', () => {
    expect(canMeasure({ measurement: 'intervals' })).toBe(true);
    expect(canMeasure({ measurement: 'percent' })).toBe(true);
    expect(canMeasure({ measurement: 'frequency' })).toBe(false);
    expect(startsChosen({ measurement: 'intervals' })).toBe(true);
    expect(startsChosen({ measurement: 'percent' })).toBe(false);
  });

  it('measures social and communication goals by interaction with peers', () => {
    expect(defaultBehaviour({ ...goal, area: 'social_emotional' })).toBe('interacting');
    expect(defaultBehaviour({ ...goal, area: 'communication' })).toBe('interacting');
  });

  it('measures an independence goal that aims lower by time near the adult', () => {
    expect(defaultBehaviour({ ...goal, area: 'independence', baseline: 70, target: 20 })).toBe('nearAdult');
    expect(defaultBehaviour({ ...goal, area: 'independence' })).toBe('engaged');
  });

  it('measures everything else by academic engagement', () => {
    expect(defaultBehaviour(goal)).toBe('engaged');
    expect(defaultBehaviour({ ...goal, area: 'behavior' })).toBe('engaged');
  });
});
