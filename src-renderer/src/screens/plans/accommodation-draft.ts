/**
 * The accommodation form's content as typed, its defaults (the plan's dates from today, one session
 * per chosen slot, 20 minutes, one mentor) and its conversion to what the contract takes.
 */
import type { Accommodation, InputOf, PeerRole, Plan, Slot } from '../../../../src-main/contract';

export interface AccommodationDraft {
  role: PeerRole | '';
  settingClass: string;
  slots: Slot[];
  sessionsPerWeek: string;
  /** Until set by hand, sessions a week follow the number of slots chosen. */
  sessionsSetByHand: boolean;
  minutesPerSession: string;
  mentorsNeeded: string;
  startDate: string;
  endDate: string;
  notes: string;
  goalIds: string[];
}

export function newAccommodationDraft(plan: Pick<Plan, 'startDate' | 'endDate'>, today: string): AccommodationDraft {
  return {
    role: '',
    settingClass: '',
    slots: [],
    sessionsPerWeek: '',
    sessionsSetByHand: false,
    minutesPerSession: '20',
    mentorsNeeded: '1',
    startDate: today >= plan.startDate && today <= plan.endDate ? today : plan.startDate,
    endDate: plan.endDate,
    notes: '',
    goalIds: [],
  };
}

export function accommodationDraftFrom(accommodation: Accommodation): AccommodationDraft {
  return {
    role: accommodation.role,
    settingClass: accommodation.settingClass,
    slots: accommodation.slots,
    sessionsPerWeek: String(accommodation.sessionsPerWeek),
    sessionsSetByHand: true,
    minutesPerSession: String(accommodation.minutesPerSession),
    mentorsNeeded: String(accommodation.mentorsNeeded),
    startDate: accommodation.startDate,
    endDate: accommodation.endDate,
    notes: accommodation.notes ?? '',
    goalIds: accommodation.serves,
  };
}

export function withAccommodationChange(draft: AccommodationDraft, change: Partial<AccommodationDraft>): AccommodationDraft {
  const next = { ...draft, ...change };
  next.sessionsSetByHand = draft.sessionsSetByHand || 'sessionsPerWeek' in change;
  if (!next.sessionsSetByHand) next.sessionsPerWeek = next.slots.length ? String(next.slots.length) : '';
  return next;
}

/** A whole number in [min, max] as typed, or null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

export const LIMITS = { sessionsPerWeek: [1, 30], minutesPerSession: [5, 240], mentorsNeeded: [1, 10] } as const;

/** What the contract takes; `role` is passed apart because the form only sends once one is chosen. */
export function accommodationFields(
  draft: AccommodationDraft,
  role: PeerRole,
): Omit<InputOf<'accommodations.create'>, 'planId' | 'goalIds'> {
  const number = (key: keyof typeof LIMITS) => Number(draft[key].trim());
  return {
    role,
    settingClass: draft.settingClass.trim(),
    slots: draft.slots,
    sessionsPerWeek: number('sessionsPerWeek'),
    minutesPerSession: number('minutesPerSession'),
    mentorsNeeded: number('mentorsNeeded'),
    startDate: draft.startDate,
    endDate: draft.endDate,
    // Empty text clears the notes (an absent field would leave the old notes in place).
    notes: draft.notes.trim(),
  };
}
