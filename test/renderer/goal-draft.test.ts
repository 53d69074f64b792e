/**
 * The goal form's translations: what the team typed in the Spanish field reaches the contract trimmed,
 * an emptied field removes the translation, and a translation the form does not show is kept.
 */
import { describe, expect, it } from 'vitest';
import { type GoalDraft, goalFields, newGoalDraft } from '../../src-renderer/src/screens/plans/goal-draft';

const plan = { startDate: '2026-09-01', endDate: '2027-06-15' };

function draftWith(translations: Record<string, string>): GoalDraft {
  return { ...newGoalDraft(plan, [], 'weekly'), statement: 'Zebulon will solve two-step problems.', translations };
}

describe('goal draft translations', () => {
  it('sends a typed translation trimmed, and none for an empty field', () => {
    expect(goalFields(draftWith({ es: '  Zebulon resolverá problemas de dos pasos. ' }), 'math').statementTranslations).toEqual({
      es: 'Zebulon resolverá problemas de dos pasos.',
    });
    expect(goalFields(draftWith({ es: '   ' }), 'math').statementTranslations).toEqual({});
    expect(goalFields(newGoalDraft(plan, [], 'weekly'), 'math').statementTranslations).toEqual({});
  });

  it('keeps translations into languages the form does not offer', () => {
    expect(goalFields(draftWith({ es: '', vi: 'Zebulon sẽ giải các bài toán hai bước.' }), 'math').statementTranslations).toEqual({
      vi: 'Zebulon sẽ giải các bài toán hai bước.',
    });
  });
});

describe('goal draft mastery criterion', () => {
  it('sends null until the team sets it (the rules read the words), then k of n as numbers', () => {
    expect(goalFields(draftWith({}), 'math').mastery).toBeNull();
    const set: GoalDraft = { ...draftWith({}), mastery: { k: ' 4', n: '5 ', consecutive: false } };
    expect(goalFields(set, 'math').mastery).toEqual({ k: 4, n: 5, consecutive: false });
  });
});
