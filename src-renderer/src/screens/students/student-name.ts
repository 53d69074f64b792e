/** A student as people say their name: the preferred name if there is one, then the last name. */
import type { Student } from '../../../../src-main/contract';

export function displayName(student: Pick<Student, 'firstName' | 'lastName' | 'preferredName'>): string {
  return `${student.preferredName || student.firstName} ${student.lastName}`;
}
