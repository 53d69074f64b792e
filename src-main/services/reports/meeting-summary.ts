/**
 * The meeting summary's half next to the vault: the team's view gathered for the meeting's student
 * and range as of the meeting day, made into the summary's view for the team (mentors named) or the
 * family (from the redacted view only), drawn by the one render path (`render`, a worker thread's in
 * the app) and named and recorded like every report: the family's version as a disclosure to the
 * people at the meeting, the team's as internal use. Saving goes through export.ts `saveBuilt`.
 */
import type { Meeting, Proposal } from '../../contract/meetings';
import { reportText } from '../../reports/i18n/index';
import type { MeetingAudience, MeetingSummaryView } from '../../reports/meeting-summary';
import { presenterView } from '../../reports/meeting-view';
import type { RedactionPeople, TeamSummaryView } from '../../reports/model';
import { scrubberFor } from '../../reports/redact';
import { type RenderReport, renderReport } from '../../reports/render';
import { roleName } from '../../reports/wording';
import type { ServiceContext } from '../context';
import { displayName } from '../students/students';
import { type BuiltReport, reportFileName } from './export';
import { gatherTeamSummary } from './gather';
import { redactionPeople, withAttendees } from './people';

/** The summary's data for one audience; the parent's comes from the redacted view only. */
export function meetingSummaryView(
  team: TeamSummaryView,
  people: RedactionPeople,
  meeting: Pick<Meeting, 'id' | 'meetingDate' | 'attendees' | 'proposals'>,
  audience: MeetingAudience,
  language: string,
): MeetingSummaryView {
  const text = reportText(audience === 'team' ? 'en' : language);
  const room = presenterView(team, people, { meetingId: meeting.id, language: text.language, proposals: [] });
  const scrub = audience === 'team' ? (value: string) => value : scrubberFor(team.student, people, text.t('parent.redactedPeer')).scrub;
  const goalTitles = new Map(room.goals.map((goal) => [goal.id, goal.title]));
  const supports = new Map(
    team.goals.flatMap((goal) =>
      goal.supports.map((support) => {
        const names = support.mentors.map(displayName).join(', ');
        const where = `${roleName(text, support.role)} · ${support.settingClass}`;
        return [support.accommodationId, names ? `${where} (${names})` : where] as const;
      }),
    ),
  );
  const roomSupports = new Map(room.accommodations.map((support) => [support.accommodationId, support.line]));
  const subjectOf = (proposal: Proposal): string => {
    if (proposal.decision === 'accommodation_add') return text.t('meeting.newSupport');
    if (proposal.goalId && goalTitles.has(proposal.goalId)) return goalTitles.get(proposal.goalId) ?? '';
    if (proposal.accommodationId) {
      const subject = audience === 'team' ? supports.get(proposal.accommodationId) : roomSupports.get(proposal.accommodationId);
      if (subject) return subject;
    }
    return text.t(`meeting.decision.${proposal.decision}`);
  };
  return {
    letterhead: team.letterhead,
    language: text.language,
    audience,
    planType: team.plan.type,
    meetingDate: meeting.meetingDate,
    studentName:
      audience === 'team' ? `${team.student.preferredName || team.student.firstName} ${team.student.lastName}` : room.studentName,
    range: team.range,
    attendees: meeting.attendees.map((attendee) => ({ name: scrub(attendee.name), relation: scrub(attendee.relation) })),
    decisions: meeting.proposals
      .filter((proposal) => proposal.decision !== 'note')
      .map((proposal) => ({
        subject: subjectOf(proposal),
        decision: proposal.decision,
        text: proposal.text === null ? null : scrub(proposal.text),
        appliedAt: proposal.appliedAt,
      })),
    notes: meeting.proposals
      .filter((proposal) => proposal.decision === 'note' && proposal.text)
      .map((proposal) => scrub(proposal.text ?? '')),
  };
}

export interface MeetingSummaryRequest {
  version: MeetingAudience;
  /** The family's language (the team's version is in English). */
  language: string;
  /** Who was at the meeting, as the disclosure names them ("Marisol Quixote (mother); …"). */
  recipients: string;
}

/** The meeting summary, built like every report: gathered here, drawn by `render`, named and with its record. */
export async function buildMeetingSummary(
  ctx: ServiceContext,
  meeting: Meeting,
  request: MeetingSummaryRequest,
  render: RenderReport = renderReport,
): Promise<BuiltReport> {
  const team = gatherTeamSummary(ctx, {
    studentId: meeting.studentId,
    from: meeting.from,
    to: meeting.to,
    preparedOn: meeting.meetingDate,
  });
  const view = meetingSummaryView(
    team,
    withAttendees(redactionPeople(ctx, meeting.studentId), meeting.attendees),
    meeting,
    request.version,
    request.language,
  );
  const forFamily = request.version === 'parent';
  const what = forFamily ? `meeting summary (family, ${view.language})` : 'meeting summary (team)';
  return {
    ...(await render({ kind: 'meeting_summary', view })),
    fileName: reportFileName(team.student.localId, team.student.lastName, what, meeting.meetingDate),
    record: {
      use: forFamily ? 'disclosure' : 'internal_use',
      report: 'meeting_summary',
      subject: 'student',
      subjectId: meeting.studentId,
      recipient: forFamily ? request.recipients : null,
      purpose: forFamily ? reportText('en').t('meeting.summaryPurpose', { date: meeting.meetingDate }) : null,
      from: meeting.from,
      to: meeting.to,
      preparedOn: meeting.meetingDate,
      language: forFamily ? request.language : 'en',
    },
  };
}
