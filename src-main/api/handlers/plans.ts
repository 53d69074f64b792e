import { createAccommodation, setAccommodationServes, updateAccommodation } from '../../services/plans/accommodations';
import { createGoal, setGoalServedBy, updateGoal } from '../../services/plans/goals';
import { activatePlan, amendPlan, createPlan, endPlan, getPlan, listPlansForStudent, updatePlan } from '../../services/plans/plans';
import { previewRemoval, removeRecord, undoRemoval } from '../../services/plans/removals';
import { goalProgress } from '../../services/progress/goal-progress';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function planHandlers(session: VaultSession) {
  return {
    'plans.listForStudent': ({ studentId }) => listPlansForStudent(session.context(), studentId),
    'plans.get': ({ id }) => getPlan(session.context(), id),
    'plans.create': (input) => createPlan(session.context(), input),
    'plans.update': (input) => updatePlan(session.context(), input),
    'plans.activate': ({ id }) => activatePlan(session.context(), id),
    'plans.end': ({ id }) => endPlan(session.context(), id),
    'plans.amend': ({ id }) => amendPlan(session.context(), id),
    'goals.create': (input) => createGoal(session.context(), input),
    'goals.update': (input) => updateGoal(session.context(), input),
    'goals.deletePreview': ({ id }) => previewRemoval(session.context(), 'goal', id),
    'goals.delete': (input) => removeRecord(session.context(), 'goal', input),
    'goals.setServedBy': (input) => setGoalServedBy(session.context(), input),
    'goals.progress': (input) => goalProgress(session.context(), input),
    'accommodations.create': (input) => createAccommodation(session.context(), input),
    'accommodations.update': (input) => updateAccommodation(session.context(), input),
    'accommodations.deletePreview': ({ id }) => previewRemoval(session.context(), 'accommodation', id),
    'accommodations.delete': (input) => removeRecord(session.context(), 'accommodation', input),
    'removals.undo': ({ id }) => undoRemoval(session.context(), id),
    'accommodations.setServes': (input) => setAccommodationServes(session.context(), input),
  } satisfies HandlerGroup<'plans.' | 'goals.' | 'accommodations.' | 'removals.'>;
}
