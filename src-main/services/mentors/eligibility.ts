/**
 * Who may support whom: the rules a team checks before assigning a peer mentor to a peer-support
 * accommodation. Plain data in, every broken rule out, each in words a teacher can act on.
 * Pure: no database, no clock (the date is an input), so the rules are tested on their own.
 */
import type { Day, Slot } from '../../contract/common';
import type { Refusal, TrainingModule, TrainingRecord } from '../../contract/mentors';
import type { PeerRole, PlanStatus } from '../../contract/plans';

export interface MentorFacts {
  firstName: string;
  preferredName: string | null;
  /** The mentor's own student record, when they are also a supported student. */
  studentId: string | null;
  archived: boolean;
  consentGivenOn: string | null;
  consentWithdrawnOn: string | null;
  guardianConsentGivenOn: string | null;
  guardianConsentWithdrawnOn: string | null;
  training: readonly TrainingRecord[];
  /** Slots the mentor is free. */
  availability: readonly Slot[];
  /** How many peers at once. */
  loadCap: number;
  timeOff: readonly { startDate: string; endDate: string }[];
}

export interface AccommodationFacts {
  role: PeerRole;
  /** The class, e.g. "Math 7". */
  settingClass: string;
  slots: readonly Slot[];
  startDate: string;
  endDate: string;
  /** The supported student (the plan's student). */
  studentId: string;
  planStatus: PlanStatus;
}

export interface EligibilityInput {
  mentor: MentorFacts;
  accommodation: AccommodationFacts;
  /** The mentor's assignments running on `date`, to any accommodation. */
  activeAssignments: number;
  /** The mentor already has an assignment to this accommodation running on `date`. */
  alreadyAssigned: boolean;
  /** The day the assignment would start (ISO date). */
  date: string;
}

/**
 * Training a mentor needs before taking each role. Everyone handles private information about a
 * classmate (confidentiality/FERPA), works with a peer with a disability (sensitivity and respect) and
 * must know when a situation is beyond them (getting an adult). Roles that teach content add
 * instructional techniques; roles where the mentor could end up doing the work for the peer add
 * fostering independence. A peer tutor does both.
 */
export const REQUIRED_TRAINING: Readonly<Record<PeerRole, readonly TrainingModule[]>> = {
  peer_tutor: ['confidentiality', 'sensitivity', 'getting_an_adult', 'instructional_techniques', 'fostering_independence'],
  peer_buddy: ['confidentiality', 'sensitivity', 'getting_an_adult'],
  peer_note_taker: ['confidentiality', 'sensitivity', 'getting_an_adult'],
  peer_facilitator: ['confidentiality', 'sensitivity', 'getting_an_adult', 'instructional_techniques'],
  circle_of_friends: ['confidentiality', 'sensitivity', 'getting_an_adult'],
  cooperative_group: ['confidentiality', 'sensitivity', 'getting_an_adult', 'fostering_independence'],
  leadership_rotation: ['confidentiality', 'sensitivity', 'getting_an_adult'],
};

export const MODULE_LABELS: Readonly<Record<TrainingModule, string>> = {
  confidentiality: 'confidentiality',
  sensitivity: 'sensitivity and respect',
  instructional_techniques: 'instructional techniques',
  fostering_independence: 'fostering independence',
  getting_an_adult: 'when to get an adult',
};

export const ROLE_LABELS: Readonly<Record<PeerRole, string>> = {
  peer_tutor: 'peer tutor',
  peer_buddy: 'peer buddy',
  peer_note_taker: 'peer note-taker',
  peer_facilitator: 'peer facilitator',
  circle_of_friends: 'circle-of-friends member',
  cooperative_group: 'cooperative learning group member',
  leadership_rotation: 'leadership rotation member',
};

const DAY_LABELS: Readonly<Record<Day, string>> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri' };
const DAY_ORDER: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function mentorDisplayName(mentor: Pick<MentorFacts, 'firstName' | 'preferredName'>): string {
  return mentor.preferredName?.trim() || mentor.firstName;
}

/** "Mon P3, Wed P3", in week order. */
export function describeSlots(slots: readonly Slot[]): string {
  return [...slots]
    .sort((a, b) => DAY_ORDER.indexOf(a.day) - DAY_ORDER.indexOf(b.day) || a.period - b.period)
    .map((slot) => `${DAY_LABELS[slot.day]} P${slot.period}`)
    .join(', ');
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * Consent is current on `date` when it was given on or before that day and has not been withdrawn
 * since it was given. A withdrawal counts whatever its date: an assignment runs until someone ends
 * it, so it would outlive a withdrawal dated after its start. A withdrawal dated before the consent
 * was given again does not count (consent given anew).
 */
function consentProblem(givenOn: string | null, withdrawnOn: string | null, date: string): string | null {
  if (givenOn === null) return withdrawnOn === null ? 'none recorded' : `withdrawn on ${withdrawnOn}`;
  if (withdrawnOn !== null && withdrawnOn >= givenOn) return `withdrawn on ${withdrawnOn}`;
  if (givenOn > date) return `given only from ${givenOn}`;
  return null;
}

/** Counts if completed on or before `date` and not expired: `expiresOn` is the first day it no longer counts. */
function trainingRefusals(name: string, role: PeerRole, training: readonly TrainingRecord[], date: string): Refusal[] {
  const refusals: Refusal[] = [];
  const missing: string[] = [];
  for (const module of REQUIRED_TRAINING[role]) {
    const record = training.find((entry) => entry.module === module);
    const label = MODULE_LABELS[module];
    if (!record) missing.push(label);
    else if (record.completedOn > date) {
      refusals.push({ rule: 'training', message: `${name}'s training '${label}' is completed only on ${record.completedOn}.` });
    } else if (record.expiresOn !== undefined && record.expiresOn <= date) {
      refusals.push({ rule: 'training', message: `${name}'s training '${label}' expired on ${record.expiresOn}.` });
    }
  }
  if (missing.length > 0) {
    refusals.unshift({ rule: 'training', message: `${name} is missing the training a ${ROLE_LABELS[role]} needs: ${listWords(missing)}.` });
  }
  return refusals;
}

/** Every rule the assignment would break; an empty list means it is allowed. */
export function checkEligibility(input: EligibilityInput): Refusal[] {
  const { mentor, accommodation, date } = input;
  const name = mentorDisplayName(mentor);
  const refusals: Refusal[] = [];

  if (mentor.studentId !== null && mentor.studentId === accommodation.studentId) {
    refusals.push({ rule: 'self', message: 'A student cannot mentor themself.' });
  }
  if (mentor.archived) {
    refusals.push({ rule: 'archived', message: `${name}'s mentor record is archived.` });
  }
  if (accommodation.planStatus !== 'draft' && accommodation.planStatus !== 'active') {
    refusals.push({
      rule: 'plan_closed',
      message: `The plan this support belongs to is ${accommodation.planStatus}; only a draft or active plan takes new mentors.`,
    });
  }
  if (date < accommodation.startDate || date > accommodation.endDate) {
    refusals.push({
      rule: 'outside_dates',
      message: `${accommodation.settingClass} support runs from ${accommodation.startDate} to ${accommodation.endDate}; ${date} is outside it.`,
    });
  }
  if (input.alreadyAssigned) {
    refusals.push({ rule: 'already_assigned', message: `${name} is already assigned to ${accommodation.settingClass}.` });
  }

  const voluntary = consentProblem(mentor.consentGivenOn, mentor.consentWithdrawnOn, date);
  if (voluntary) refusals.push({ rule: 'consent', message: `${name} has no current voluntary consent (${voluntary}).` });
  const guardian = consentProblem(mentor.guardianConsentGivenOn, mentor.guardianConsentWithdrawnOn, date);
  if (guardian) refusals.push({ rule: 'guardian_consent', message: `${name} has no current guardian consent (${guardian}).` });

  refusals.push(...trainingRefusals(name, accommodation.role, mentor.training, date));

  for (const off of mentor.timeOff) {
    if (off.startDate <= date && date <= off.endDate) {
      refusals.push({ rule: 'time_off', message: `${name} is on time off from ${off.startDate} to ${off.endDate}.` });
    }
  }

  if (input.activeAssignments >= mentor.loadCap) {
    const peers = input.activeAssignments === 1 ? '1 peer' : `${input.activeAssignments} peers`;
    refusals.push({ rule: 'load_cap', message: `${name} already supports ${peers} (limit ${mentor.loadCap}).` });
  }

  const free = mentor.availability;
  if (!accommodation.slots.some((slot) => free.some((own) => own.day === slot.day && own.period === slot.period))) {
    refusals.push({
      rule: 'schedule',
      message: `${name}'s free periods do not overlap ${accommodation.settingClass} (${describeSlots(accommodation.slots)}).`,
    });
  }

  return refusals;
}
