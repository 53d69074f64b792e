/**
 * The letter of recognition's view, gathered as of the "prepared on" day: the mentor, their service
 * hours (services/progress/service-hours.ts), roles, training and recognition — and no student they
 * supported: the view holds no student field, and the recognition notes the team typed have every
 * student's name and number replaced. Drawn by reports/recognition-letter.ts.
 */
import { reportText } from '../../reports/i18n/index';
import type { MentorLetterView } from '../../reports/model';
import type { ServiceContext } from '../context';
import { getMentor } from '../mentors/mentors';
import { makeScrubber } from '../names/scrub';
import { serviceHoursOf } from '../progress/service-hours';
import { listStaff } from '../staff';
import { displayName, studentIdentities } from '../students/students';
import { asOf, preparedOnOf } from './gather';
import { letterheadFor, readReportSettings } from './settings';

export function gatherMentorLetter(
  ctx: ServiceContext,
  input: { mentorId: string; preparedOn?: string | undefined; language?: string },
): MentorLetterView {
  const preparedOn = preparedOnOf(ctx, input.preparedOn);
  const reading = asOf(ctx, preparedOn);
  const mentor = getMentor(reading, { id: input.mentorId });
  const hours = serviceHoursOf(reading.db, mentor.id, { to: preparedOn });
  const everyStudent = studentIdentities(reading.db)
    // A mentor linked to their own student record keeps their own name.
    .filter((student) => student.localId !== mentor.localId);
  const staff = listStaff(reading, { includeArchived: true });
  const { scrub } = makeScrubber({
    people: everyStudent,
    // The mentor and staff stay named; what they share with a student is theirs.
    named: [mentor, ...staff.map((member) => member.name)],
    replacement: reportText(input.language ?? 'en').t('letter.redactedStudent'),
  });
  const signer = ctx.actor.staffId ? staff.find((member) => member.id === ctx.actor.staffId) : undefined;
  const settings = readReportSettings(reading.db);
  return {
    letterhead: letterheadFor(reading.db, mentor.school),
    preparedOn,
    mentor: { name: displayName(mentor), grade: mentor.grade, school: mentor.school },
    hours: { hours: hours.hours, heldSessions: hours.heldSessions, firstDate: hours.firstDate, lastDate: hours.lastDate },
    roles: hours.roles.map((role) => ({ role: role.role, hours: Math.round(role.minutes / 6) / 10, heldSessions: role.heldSessions })),
    training: mentor.training
      .filter((record) => record.completedOn <= preparedOn)
      .map((record) => ({ module: record.module, completedOn: record.completedOn })),
    recognition: mentor.recognition
      .filter((entry) => entry.date <= preparedOn)
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .map((entry) => ({ date: entry.date, description: scrub(entry.description) })),
    signedBy: signer?.name ?? null,
    signerTitle: settings.signerTitle,
    signerContact: settings.signerContact,
  };
}
