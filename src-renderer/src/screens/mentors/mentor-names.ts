/** How staff see a mentor's name: the name they go by, then the family name. */
import type { Mentor } from '../../../../src-main/contract';

export function mentorName(mentor: Pick<Mentor, 'firstName' | 'lastName' | 'preferredName'>): string {
  return `${mentor.preferredName?.trim() || mentor.firstName} ${mentor.lastName}`;
}
