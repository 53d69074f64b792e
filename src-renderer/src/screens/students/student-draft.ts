/**
 * The student form's content as typed (all text, so nothing typed is ever lost or reformatted), and
 * its conversion to what the contract takes.
 */
import type { InputOf, Student } from '../../../../src-main/contract';
import { type LanguageChoice, languageChoice } from './languages';

export interface GuardianDraft {
  /** Identifies the row while editing, so removing one row never shifts what is typed in another. */
  key: number;
  name: string;
  relationship: string;
  phone: string;
  email: string;
  language: LanguageChoice;
  otherLanguage: string;
}

export interface StudentDraft {
  firstName: string;
  lastName: string;
  preferredName: string;
  localId: string;
  grade: string;
  school: string;
  dateOfBirth: string;
  caseManagerId: string;
  guardians: GuardianDraft[];
}

export const MAX_GUARDIANS = 6;

export function emptyGuardian(key: number): GuardianDraft {
  return { key, name: '', relationship: '', phone: '', email: '', language: 'en', otherLanguage: '' };
}

export function nextGuardianKey(guardians: readonly GuardianDraft[]): number {
  return guardians.reduce((max, guardian) => Math.max(max, guardian.key), -1) + 1;
}

export function emptyStudentDraft(): StudentDraft {
  return {
    firstName: '',
    lastName: '',
    preferredName: '',
    localId: '',
    grade: '',
    school: '',
    dateOfBirth: '',
    caseManagerId: '',
    guardians: [emptyGuardian(0)],
  };
}

export function draftFromStudent(student: Student): StudentDraft {
  return {
    firstName: student.firstName,
    lastName: student.lastName,
    preferredName: student.preferredName ?? '',
    localId: student.localId,
    grade: String(student.grade),
    school: student.school,
    dateOfBirth: student.dateOfBirth ?? '',
    caseManagerId: student.caseManagerId ?? '',
    guardians: student.guardians.map((guardian, index) => {
      const language = languageChoice(guardian.preferredLanguage);
      return {
        key: index,
        name: guardian.name,
        relationship: guardian.relationship,
        phone: guardian.phone ?? '',
        email: guardian.email ?? '',
        language,
        otherLanguage: language === 'other' ? guardian.preferredLanguage : '',
      };
    }),
  };
}

/** Empty optional text is left out: the contract reads a missing field as "none". */
const optional = (text: string) => text.trim() || undefined;

export function studentInput(draft: StudentDraft): InputOf<'students.create'> {
  return {
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    preferredName: draft.preferredName.trim(),
    localId: draft.localId.trim(),
    grade: Number(draft.grade),
    school: draft.school.trim(),
    dateOfBirth: optional(draft.dateOfBirth),
    caseManagerId: optional(draft.caseManagerId),
    guardians: draft.guardians.map((guardian) => ({
      name: guardian.name.trim(),
      relationship: guardian.relationship.trim(),
      phone: optional(guardian.phone),
      email: optional(guardian.email),
      preferredLanguage: guardian.language === 'other' ? guardian.otherLanguage.trim() : guardian.language,
    })),
  };
}
