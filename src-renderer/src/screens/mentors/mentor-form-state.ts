/**
 * The mentor form's values as typed (text, so a half-typed date or an empty grade is kept as is),
 * the checks run before saving, and the conversion to what the contract takes. An edit sends only
 * the fields that changed, so the audit trail names what was really edited.
 */
import type { InputOf, Mentor, MentorChanges, Slot, TrainingModule, TrainingRecord } from '../../../../src-main/contract';
import { isIsoDate } from '../../../../src-main/contract/calendar';
import { TRAINING_MODULES } from './mentor-status';

export interface TrainingValues {
  completedOn: string;
  expiresOn: string;
}

export interface MentorFormValues {
  localId: string;
  firstName: string;
  lastName: string;
  preferredName: string;
  grade: string;
  school: string;
  consentGivenOn: string;
  guardianConsentGivenOn: string;
  loadCap: string;
  interests: string;
  training: Record<TrainingModule, TrainingValues>;
  availability: Slot[];
}

export type MentorFormError =
  | 'required'
  | 'date'
  | 'expiryNotAfterCompletion'
  | 'expiryWithoutCompletion'
  | 'consentCannotBeCleared'
  | 'tooManyInterests';

/** Field name → what is wrong; training fields are `training.<module>.completedOn|expiresOn`. */
export type MentorFormErrors = Partial<Record<string, MentorFormError>>;

const MAX_INTERESTS = 20;

function trainingValues(records: readonly TrainingRecord[]): Record<TrainingModule, TrainingValues> {
  const values = {} as Record<TrainingModule, TrainingValues>;
  for (const module of TRAINING_MODULES) {
    const record = records.find((entry) => entry.module === module);
    values[module] = { completedOn: record?.completedOn ?? '', expiresOn: record?.expiresOn ?? '' };
  }
  return values;
}

export function newMentorValues(school: string): MentorFormValues {
  return {
    localId: '',
    firstName: '',
    lastName: '',
    preferredName: '',
    grade: '',
    school,
    consentGivenOn: '',
    guardianConsentGivenOn: '',
    loadCap: '1',
    interests: '',
    training: trainingValues([]),
    availability: [],
  };
}

export function valuesFromMentor(mentor: Mentor): MentorFormValues {
  return {
    localId: mentor.localId,
    firstName: mentor.firstName,
    lastName: mentor.lastName,
    preferredName: mentor.preferredName ?? '',
    grade: String(mentor.grade),
    school: mentor.school,
    consentGivenOn: mentor.consentGivenOn ?? '',
    guardianConsentGivenOn: mentor.guardianConsentGivenOn ?? '',
    loadCap: String(mentor.loadCap),
    interests: mentor.interests.join(', '),
    training: trainingValues(mentor.training),
    availability: mentor.availability,
  };
}

export function parseInterests(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((word) => word.trim())
        .filter(Boolean),
    ),
  ];
}

export function validateMentorValues(values: MentorFormValues, original?: Mentor): MentorFormErrors {
  const errors: MentorFormErrors = {};
  for (const field of ['localId', 'firstName', 'lastName', 'grade', 'school'] as const) {
    if (values[field].trim() === '') errors[field] = 'required';
  }
  for (const field of ['consentGivenOn', 'guardianConsentGivenOn'] as const) {
    // Withdrawal has its own step (it ends assignments); clearing the date would hide that it happened.
    if (values[field] === '' && original?.[field]) errors[field] = 'consentCannotBeCleared';
    else if (values[field] !== '' && !isIsoDate(values[field])) errors[field] = 'date';
  }
  if (parseInterests(values.interests).length > MAX_INTERESTS) errors.interests = 'tooManyInterests';
  for (const module of TRAINING_MODULES) {
    const { completedOn, expiresOn } = values.training[module];
    const at = `training.${module}`;
    if (completedOn !== '' && !isIsoDate(completedOn)) errors[`${at}.completedOn`] = 'date';
    if (expiresOn === '') continue;
    if (!isIsoDate(expiresOn)) errors[`${at}.expiresOn`] = 'date';
    else if (completedOn === '') errors[`${at}.expiresOn`] = 'expiryWithoutCompletion';
    else if (expiresOn <= completedOn) errors[`${at}.expiresOn`] = 'expiryNotAfterCompletion';
  }
  return errors;
}

function trainingRecords(values: MentorFormValues): TrainingRecord[] {
  return TRAINING_MODULES.filter((module) => values.training[module].completedOn !== '').map((module) => {
    const { completedOn, expiresOn } = values.training[module];
    return expiresOn === '' ? { module, completedOn } : { module, completedOn, expiresOn };
  });
}

export function toMentorInput(values: MentorFormValues): InputOf<'mentors.create'> {
  return {
    localId: values.localId.trim(),
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    preferredName: values.preferredName.trim() || undefined,
    grade: Number(values.grade),
    school: values.school.trim(),
    consentGivenOn: values.consentGivenOn || undefined,
    guardianConsentGivenOn: values.guardianConsentGivenOn || undefined,
    loadCap: Number(values.loadCap),
    interests: parseInterests(values.interests),
    availability: values.availability,
    training: trainingRecords(values),
  };
}

function sameList<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): boolean {
  return JSON.stringify(a.map(key).sort()) === JSON.stringify(b.map(key).sort());
}

export function toMentorChanges(values: MentorFormValues, original: Mentor): MentorChanges {
  const next = toMentorInput(values);
  const changes: MentorChanges = {};
  if (next.localId !== original.localId) changes.localId = next.localId;
  if (next.firstName !== original.firstName) changes.firstName = next.firstName;
  if (next.lastName !== original.lastName) changes.lastName = next.lastName;
  if ((next.preferredName ?? null) !== original.preferredName) changes.preferredName = next.preferredName ?? null;
  if (next.grade !== original.grade) changes.grade = next.grade;
  if (next.school !== original.school) changes.school = next.school;
  if (next.loadCap !== original.loadCap) changes.loadCap = next.loadCap;
  if (next.consentGivenOn && next.consentGivenOn !== original.consentGivenOn) changes.consentGivenOn = next.consentGivenOn;
  if (next.guardianConsentGivenOn && next.guardianConsentGivenOn !== original.guardianConsentGivenOn) {
    changes.guardianConsentGivenOn = next.guardianConsentGivenOn;
  }
  if (!sameList(next.interests ?? [], original.interests, (word: string) => word)) changes.interests = next.interests;
  if (!sameList(next.availability ?? [], original.availability, (slot: Slot) => `${slot.day}${slot.period}`)) {
    changes.availability = next.availability;
  }
  if (
    !sameList(
      next.training ?? [],
      original.training,
      (record: TrainingRecord) => `${record.module}|${record.completedOn}|${record.expiresOn ?? ''}`,
    )
  ) {
    changes.training = next.training;
  }
  return changes;
}
