/**
 * What meeting mode shows and what a meeting leaves on paper, composed from the report engine: the
 * team's view gathered for the meeting's student and range (services/reports/gather.ts), turned into
 * the room's view only by the renderer's redaction (reports/meeting-view.ts), and the meeting summary
 * PDF for the team or the family (services/reports/meeting-summary.ts, drawn by the one render path)
 * — previewed, or saved with its record like any report (the family's as a disclosure to the attendees).
 */
import { AppError } from '../../contract';
import type { PresenterView } from '../../contract/meetings';
import { REPORT_LANGUAGES } from '../../reports/i18n/index';
import type { MeetingAudience } from '../../reports/meeting-summary';
import { presenterView } from '../../reports/meeting-view';
import type { RenderReport } from '../../reports/render';
import type { ServiceContext } from '../context';
import { type BuiltReport, requirePdfPath, saveBuilt } from '../reports/export';
import { gatherTeamSummary } from '../reports/gather';
import { buildMeetingSummary } from '../reports/meeting-summary';
import { redactionPeople, withAttendees } from '../reports/people';
import { getMeeting, recipients } from './meetings';

function checkLanguage(language: string): void {
  if (!(REPORT_LANGUAGES as readonly string[]).includes(language)) {
    throw new AppError('invalid_input', `That language is not available yet; choose one of: ${REPORT_LANGUAGES.join(', ')}.`);
  }
}

/** The shared screen for the meeting that is on, in `language` or the meeting's own. */
export function presentMeeting(ctx: ServiceContext, meetingId: string, language: string | undefined): PresenterView {
  const meeting = getMeeting(ctx, meetingId);
  const shownIn = language ?? meeting.language;
  checkLanguage(shownIn);
  const team = gatherTeamSummary(ctx, { studentId: meeting.studentId, from: meeting.from, to: meeting.to });
  return presenterView(team, withAttendees(redactionPeople(ctx, meeting.studentId), meeting.attendees), {
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
export function meetingSummaryPdf(ctx: ServiceContext, input: MeetingSummaryInput, render?: RenderReport): Promise<BuiltReport> {
  checkLanguage(input.language);
  const meeting = getMeeting(ctx, input.meetingId);
  return buildMeetingSummary(ctx, meeting, { ...input, recipients: recipients(meeting.attendees) }, render);
}

/**
 * Saves the meeting summary to `path` (never over a file) with its `report.exported` event in one
 * step, as every report is saved: the family's version as a disclosure to the people at the meeting,
 * the team's as internal use.
 */
export async function saveMeetingSummary(ctx: ServiceContext, input: MeetingSummaryInput & { path: string }, render?: RenderReport) {
  requirePdfPath(input.path);
  return saveBuilt(ctx, await meetingSummaryPdf(ctx, input, render), input.path);
}
