/**
 * The meeting summary: attendees, date, the decisions (as proposals, or applied on a date) and the
 * notes of one IEP meeting — a team version that names the mentors of each peer support, and a
 * parent version built from the redacted view (peers by role and grade, names scrubbed from every
 * text the team typed), in the family's language. Saved beside the team summary and parent report,
 * in the same document frame and fonts.
 */
import type { Attendee, MeetingDecision, Proposal } from '../contract/meetings';
import { displayName } from '../services/students/students';
import { longDate } from './i18n/format';
import { type ReportText, reportText } from './i18n/index';
import { presenterView, scrubberFor } from './meeting-view';
import type { DateRange, Letterhead, ProtectedIdentity, RenderedReport, TeamSummaryView } from './model';
import { MUTED, ReportDocument } from './pdf/document';
import { loadFonts } from './pdf/fonts';
import { bullets, facts, heading, paragraph, paragraphHeight, rule } from './pdf/layout';
import { roleName } from './wording';

export type MeetingAudience = 'team' | 'parent';

export interface MeetingSummaryView {
  letterhead: Letterhead;
  language: string;
  audience: MeetingAudience;
  meetingDate: string;
  studentName: string;
  range: DateRange;
  attendees: Attendee[];
  decisions: { subject: string; decision: MeetingDecision; text: string | null; appliedAt: string | null }[];
  notes: string[];
}

export interface MeetingRecord {
  id: string;
  meetingDate: string;
  attendees: Attendee[];
  proposals: Proposal[];
}

/** The summary's data for one audience; the parent's comes from the redacted view only. */
export function meetingSummaryView(
  team: TeamSummaryView,
  people: readonly ProtectedIdentity[],
  meeting: MeetingRecord,
  audience: MeetingAudience,
  language: string,
): MeetingSummaryView {
  const text = reportText(audience === 'team' ? 'en' : language);
  const room = presenterView(team, people, { meetingId: meeting.id, language: text.language, proposals: [] });
  const scrub = audience === 'team' ? (value: string) => value : scrubberFor(team, people, text);
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

function footer(text: ReportText, view: MeetingSummaryView): string {
  const date = longDate(text, view.meetingDate);
  return view.audience === 'team' ? text.t('meeting.footerTeam', { date }) : text.t('meeting.footerParent', { date });
}

export async function renderMeetingSummary(view: MeetingSummaryView): Promise<RenderedReport> {
  const text = reportText(view.language);
  const date = longDate(text, view.meetingDate);
  const range = text.t('common.dateRange', { from: longDate(text, view.range.from), to: longDate(text, view.range.to) });
  const rd = new ReportDocument({
    fonts: await loadFonts(),
    letterhead: view.letterhead,
    language: view.language,
    title: text.t('meeting.documentTitle', { student: view.studentName }),
    subject: view.audience === 'team' ? text.t('meeting.subjectTeam', { date }) : text.t('meeting.subjectParent', { date }),
    preparedOn: view.meetingDate,
    inputs: view,
    footerNote: footer(text, view),
    confidential: text.t('common.confidential'),
    pageOf: (page, pages) => text.t('common.pageOf', { page, pages }),
  });
  rd.letterhead(
    text.t('meeting.title'),
    view.audience === 'team' ? `${view.studentName} · ${text.t('meeting.subtitleTeam')}` : view.studentName,
    rd.root,
  );
  const intro = rd.doc.struct('Sect');
  rd.root.add(intro);
  facts(
    rd,
    intro,
    [
      { label: text.t('meeting.heldOn'), value: date },
      { label: text.t('meeting.reviewed'), value: range },
    ],
    2,
  );
  heading(rd, intro, text.t('meeting.attendeesHeading'), 3);
  bullets(
    rd,
    intro,
    view.attendees.map((attendee) => text.t('meeting.attendee', attendee)),
  );
  intro.end();

  const decisions = rd.doc.struct('Sect');
  rd.root.add(decisions);
  heading(rd, decisions, text.t('meeting.decisionsHeading'), 2);
  if (view.decisions.length === 0) paragraph(rd, decisions, text.t('meeting.noDecisions'), { color: MUTED });
  for (const decision of view.decisions) {
    const what = [text.t(`meeting.decision.${decision.decision}`), decision.text].filter(Boolean).join(': ');
    const status = decision.appliedAt
      ? text.t('meeting.applied', { date: longDate(text, decision.appliedAt) })
      : text.t('meeting.proposed');
    rd.keepTogether(paragraphHeight(rd, decision.subject, { bold: true }) + paragraphHeight(rd, what) + 20);
    paragraph(rd, decisions, decision.subject, { bold: true, after: 2 });
    paragraph(rd, decisions, what, { indent: 10, after: 2 });
    paragraph(rd, decisions, status, { indent: 10, color: MUTED, size: 8.5, after: 8 });
  }
  decisions.end();
  rule(rd, 10);

  const notes = rd.doc.struct('Sect');
  rd.root.add(notes);
  heading(rd, notes, text.t('meeting.notesHeading'), 2);
  if (view.notes.length === 0) paragraph(rd, notes, text.t('meeting.noNotes'), { color: MUTED });
  else bullets(rd, notes, view.notes);
  notes.end();
  return rd.finish();
}
