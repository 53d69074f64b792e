/**
 * What meeting mode shows and what a meeting leaves on paper, composed from the report engine: the
 * team's view gathered for the meeting's student and range, turned into the room's view only by the
 * engine's redaction (reports/meeting-view.ts), and the meeting summary PDF for the team or the family
 * — previewed, or saved with its record like any report (the family's as a disclosure to the attendees).
 */
import { AppError } from '../../contract';
import type { PresenterView } from '../../contract/meetings';
import type { ExportRecord } from '../../reports/disclosure';
import { requirePdfPath, saveBuilt } from '../../reports/export';
import { gatherTeamSummary, protectedIdentities } from '../../reports/gather';
import { REPORT_LANGUAGES, reportText } from '../../reports/i18n/index';
import { type MeetingAudience, meetingSummaryView, renderMeetingSummary } from '../../reports/meeting-summary';
import { presenterView } from '../../reports/meeting-view';
import type { ServiceContext } from '../context';
import { getMeeting, recipients } from './meetings';

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

interface MeetingSummaryInput {
  meetingId: string;
  version: MeetingAudience;
  language: string;
}

/** The meeting summary PDF: the team's (mentors named) or the family's (peers by role and grade, in their language). */
export async function meetingSummaryPdf(ctx: ServiceContext, input: MeetingSummaryInput) {
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

/**
 * Saves the meeting summary to `path` (never over a file) with its `report.exported` event in one
 * step: the family's version as a disclosure to the people at the meeting, the team's as internal use.
 */
export async function saveMeetingSummary(ctx: ServiceContext, input: MeetingSummaryInput & { path: string }) {
  requirePdfPath(input.path);
  const meeting = getMeeting(ctx, input.meetingId);
  const pdf = await meetingSummaryPdf(ctx, input);
  const forFamily = input.version === 'parent';
  const record: ExportRecord = {
    use: forFamily ? 'disclosure' : 'internal_use',
    report: 'meeting_summary',
    subject: 'student',
    subjectId: meeting.studentId,
    recipient: forFamily ? recipients(meeting.attendees) : null,
    purpose: forFamily ? reportText('en').t('meeting.summaryPurpose', { date: meeting.meetingDate }) : null,
    from: meeting.from,
    to: meeting.to,
    preparedOn: meeting.meetingDate,
    language: forFamily ? input.language : 'en',
  };
  return saveBuilt(ctx, { ...pdf, record }, input.path);
}
