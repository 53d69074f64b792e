/**
 * The meeting summary: attendees, date, the decisions (as proposals, or applied on a date) and the
 * notes of one IEP (or 504 plan) meeting, named by `planTypeWords` — a team version that names the mentors of each peer support, and a
 * parent version built from the redacted view (peers by role and grade, names scrubbed from every
 * text the team typed), in the family's language. Saved beside the team summary and parent report,
 * in the same document frame and fonts. Pure: the view (built by services/reports/meeting-summary.ts)
 * in, the PDF out.
 */
import type { PlanType } from '../contract';
import type { Attendee, MeetingDecision } from '../contract/meetings';
import { longDate } from './i18n/format';
import { type ReportText, reportText } from './i18n/index';
import type { DateRange, Letterhead, RenderedReport } from './model';
import { MUTED, ReportDocument } from './pdf/document';
import { loadFonts } from './pdf/fonts';
import { bullets, facts, heading, paragraph, paragraphHeight, rule } from './pdf/layout';
import { planTypeWords } from './wording';

export type MeetingAudience = 'team' | 'parent';

export interface MeetingSummaryView {
  letterhead: Letterhead;
  language: string;
  audience: MeetingAudience;
  /** Names the meeting in every title: an IEP meeting or a 504 plan meeting. */
  planType: PlanType;
  meetingDate: string;
  studentName: string;
  range: DateRange;
  attendees: Attendee[];
  decisions: { subject: string; decision: MeetingDecision; text: string | null; appliedAt: string | null }[];
  notes: string[];
}

function footer(text: ReportText, view: MeetingSummaryView): string {
  const values = { date: longDate(text, view.meetingDate), context: planTypeWords(view.planType, text).context };
  return view.audience === 'team' ? text.t('meeting.footerTeam', values) : text.t('meeting.footerParent', values);
}

export async function renderMeetingSummary(view: MeetingSummaryView): Promise<RenderedReport> {
  const text = reportText(view.language);
  const date = longDate(text, view.meetingDate);
  const range = text.t('common.dateRange', { from: longDate(text, view.range.from), to: longDate(text, view.range.to) });
  const { context } = planTypeWords(view.planType, text);
  const rd = new ReportDocument({
    fonts: await loadFonts(),
    letterhead: view.letterhead,
    language: view.language,
    title: text.t('meeting.documentTitle', { student: view.studentName, context }),
    subject:
      view.audience === 'team' ? text.t('meeting.subjectTeam', { date, context }) : text.t('meeting.subjectParent', { date, context }),
    preparedOn: view.meetingDate,
    inputs: view,
    footerNote: footer(text, view),
    confidential: text.t('common.confidential'),
    pageOf: (page, pages) => text.t('common.pageOf', { page, pages }),
  });
  rd.letterhead(
    text.t('meeting.title', { context }),
    view.audience === 'team' ? `${view.studentName} · ${text.t('meeting.subtitleTeam', { context })}` : view.studentName,
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
