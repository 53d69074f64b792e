/**
 * The plan form's content, with the defaults a case manager would pick: it starts today, ends a year
 * later less a day, the annual review is due when it ends, and an IEP's re-evaluation three years on.
 * Dates the person has not touched keep following the start date; ones they set stay as set.
 */
import type { InputOf, Plan, PlanType } from '../../../../src-main/contract';
import { addDays, addYears, daysBetween } from '../../../../src-main/contract/calendar';

type FollowingDate = 'endDate' | 'annualReviewDue' | 'reevaluationDue';

export interface PlanDraft {
  type: PlanType;
  startDate: string;
  endDate: string;
  annualReviewDue: string;
  reevaluationDue: string;
  caseManagerId: string;
  teamStaffIds: string[];
  /** Dates set by hand, which the defaults no longer move. */
  setByHand: FollowingDate[];
}

function follow(draft: PlanDraft): PlanDraft {
  const next = { ...draft };
  const manual = new Set(draft.setByHand);
  if (!manual.has('endDate') && next.startDate) next.endDate = addDays(addYears(next.startDate, 1), -1);
  if (!manual.has('annualReviewDue') && next.endDate) next.annualReviewDue = next.endDate;
  if (!manual.has('reevaluationDue')) next.reevaluationDue = next.type === 'iep' && next.startDate ? addYears(next.startDate, 3) : '';
  return next;
}

export function newPlanDraft(today: string, caseManagerId: string | null, type: PlanType = 'iep'): PlanDraft {
  return follow({
    type,
    startDate: today,
    endDate: '',
    annualReviewDue: '',
    reevaluationDue: '',
    caseManagerId: caseManagerId ?? '',
    teamStaffIds: caseManagerId ? [caseManagerId] : [],
    setByHand: [],
  });
}

export function planDraftFrom(plan: Plan): PlanDraft {
  return {
    type: plan.type,
    startDate: plan.startDate,
    endDate: plan.endDate,
    annualReviewDue: plan.annualReviewDue,
    reevaluationDue: plan.reevaluationDue ?? '',
    caseManagerId: plan.caseManagerId ?? '',
    teamStaffIds: plan.teamStaffIds,
    setByHand: ['endDate', 'annualReviewDue', 'reevaluationDue'],
  };
}

export function withPlanChange(draft: PlanDraft, change: Partial<Omit<PlanDraft, 'setByHand'>>): PlanDraft {
  const setByHand = new Set(draft.setByHand);
  for (const key of ['endDate', 'annualReviewDue', 'reevaluationDue'] as const) if (key in change) setByHand.add(key);
  return follow({ ...draft, ...change, setByHand: [...setByHand] });
}

/** Problems with the dates, field by field, in the words the service would use. */
export function planDateProblems(draft: PlanDraft) {
  // The service's rule: an IEP runs for at most 366 days.
  const longerThanAYear = draft.type === 'iep' && draft.startDate && draft.endDate && daysBetween(draft.startDate, draft.endDate) > 366;
  return {
    endDate:
      draft.endDate && draft.startDate && draft.endDate <= draft.startDate ? 'endBeforeStart' : longerThanAYear ? 'iepTooLong' : null,
    annualReviewDue: draft.annualReviewDue && draft.annualReviewDue < draft.startDate ? 'beforeStart' : null,
    reevaluationDue: draft.reevaluationDue && draft.reevaluationDue < draft.startDate ? 'beforeStart' : null,
  } as const;
}

const optional = (text: string) => text || undefined;

export function planInput(studentId: string, draft: PlanDraft): InputOf<'plans.create'> {
  return { studentId, status: 'draft', type: draft.type, ...planChanges(draft) };
}

export function planChanges(draft: PlanDraft) {
  return {
    startDate: draft.startDate,
    endDate: draft.endDate,
    annualReviewDue: draft.annualReviewDue,
    reevaluationDue: optional(draft.reevaluationDue),
    caseManagerId: optional(draft.caseManagerId),
    teamStaffIds: draft.teamStaffIds,
  };
}
