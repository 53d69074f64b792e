/**
 * What a mentor's record means today, for the screens: is each consent current, and is each training
 * module done, expiring or expired. The service decides eligibility; this only reads the record the
 * same way (a withdrawal counts unless consent was given again after it; expiry is the first day a
 * module no longer counts) so the page and the refusals agree.
 */
import type { Mentor, TrainingModule, TrainingRecord } from '../../../../src-main/contract';
import { addDays } from '../../../../src-main/contract/calendar';

// The contract's list is a value; the renderer imports types only. `satisfies` keeps the two in step.
const MODULE_ORDER = {
  confidentiality: 1,
  sensitivity: 2,
  instructional_techniques: 3,
  fostering_independence: 4,
  getting_an_adult: 5,
} satisfies Record<TrainingModule, number>;
export const TRAINING_MODULES = Object.keys(MODULE_ORDER) as TrainingModule[];

/** A module due for renewal within this many days is flagged, so the team can book it in time. */
const EXPIRING_WITHIN_DAYS = 30;

export type ConsentState = 'current' | 'none' | 'withdrawn' | 'future';

export function consentState(givenOn: string | null, withdrawnOn: string | null, today: string): ConsentState {
  if (withdrawnOn !== null && (givenOn === null || withdrawnOn >= givenOn)) return 'withdrawn';
  if (givenOn === null) return 'none';
  return givenOn > today ? 'future' : 'current';
}

export function bothConsentsCurrent(mentor: Mentor, today: string): boolean {
  return (
    consentState(mentor.consentGivenOn, mentor.consentWithdrawnOn, today) === 'current' &&
    consentState(mentor.guardianConsentGivenOn, mentor.guardianConsentWithdrawnOn, today) === 'current'
  );
}

export type TrainingState = 'missing' | 'current' | 'expiring' | 'expired' | 'future';

export function trainingState(record: TrainingRecord | undefined, today: string): TrainingState {
  if (!record) return 'missing';
  if (record.completedOn > today) return 'future';
  if (record.expiresOn === undefined) return 'current';
  if (record.expiresOn <= today) return 'expired';
  return record.expiresOn <= addDays(today, EXPIRING_WITHIN_DAYS) ? 'expiring' : 'current';
}

export function trainingSummary(mentor: Mentor, today: string): { current: number; expired: number } {
  const states = TRAINING_MODULES.map((module) =>
    trainingState(
      mentor.training.find((record) => record.module === module),
      today,
    ),
  );
  return {
    current: states.filter((state) => state === 'current' || state === 'expiring').length,
    expired: states.filter((state) => state === 'expired').length,
  };
}
