/**
 * What meeting mode shows and what a meeting leaves on paper, composed from the report engine: the
 * team's view gathered for the meeting's student and range, turned into the room's view only by the
 * engine's redaction (reports/meeting-view.ts), and the meeting summary PDF for the team or the family.
 */
import { AppError } from '../../contract';
import type { PresenterView } from '../../contract/meetings';
import { gatherTeamSummary, protectedIdentities } from '../../reports/gather';
import { REPORT_LANGUAGES } from '../../reports/i18n/index';
import { type MeetingAudience, meetingSummaryView, renderMeetingSummary } from '../../reports/meeting-summary';
import { presenterView } from '../../reports/meeting-view';
import type { ServiceContext } from '../context';
import { getMeeting } from './meetings';

function checkLanguage(language: string): void {
  if (!REPORT_LANGUAGES.includes(language)) {
    throw new AppError('invalid_input', `That language is not available yet; choose one of: ${REPORT_LANGUAGES.join(', ')}.`);
  }
}

/** The shared screen for the meeting that is on, in `language` or the meeting's own. */
export function presentMeeting(ctx: ServiceContext, meetingId: string, language: string | undefined): PresenterView {
  const meeting = getMeeting(ctx, meetingId);
  const shownIn = language ?? meeting.language;
  checkLanguage(shownIn);
  const team = gatherTeamSummary(ctx, { studentId: meeting.studentId, from: meeting.from, to: meeting.to });
  return presenterView(team, protectedIdentities(ctx, meeting.studentId), {
    meetingId: meeting.id,
    language: shownIn,
    proposals: meeting.proposals,
  });
}

/** The meeting summary PDF: the team's (mentors named) or the family's (peers by role and grade, in their language). */
export async function meetingSummaryPdf(ctx: ServiceContext, input: { meetingId: string; version: MeetingAudience; language: string }) {
  checkLanguage(input.language);
  const meeting = getMeeting(ctx, input.meetingId);
  const team = gatherTeamSummary(ctx, {
    studentId: meeting.studentId,
    from: meeting.from,
    to: meeting.to,
    preparedOn: meeting.meetingDate,
  });
  const view = meetingSummaryView(team, protectedIdentities(ctx, meeting.studentId), meeting, input.version, input.language);
  const rendered = await renderMeetingSummary(view);
  const what = input.version === 'team' ? 'meeting summary (team)' : `meeting summary (family, ${view.language})`;
  const fileName = `${`${team.student.localId} ${team.student.lastName} – ${what} – ${meeting.meetingDate}`.replace(/[/\\:*?"<>|\p{Cc}]/gu, '_')}.pdf`;
  return { ...rendered, fileName };
}
