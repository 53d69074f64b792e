/**
 * Drawing a gathered view into a PDF: the CPU-heavy half of a report, a pure function of plain data
 * (the view holds no database handle, no key, nothing that cannot be structured-cloned), so the app
 * runs it in a worker thread (src-main/workers, task `reports.render`) while gathering stays next to
 * the vault (services/reports). Every document goes through here.
 */
import type { MeetingSummaryView } from './meeting-summary';
import { renderMeetingSummary } from './meeting-summary';
import type { MentorLetterView, ParentReportView, RenderedReport, TeamSummaryView } from './model';
import { renderParentReport } from './parent-report';
import { renderMentorLetter } from './recognition-letter';
import { renderTeamSummary } from './team-summary';

export type RenderJob =
  | { kind: 'team_summary'; view: TeamSummaryView }
  | { kind: 'parent_report'; view: ParentReportView }
  | { kind: 'recognition_letter'; view: MentorLetterView }
  | { kind: 'meeting_summary'; view: MeetingSummaryView };

/** Where a report is drawn: here, or in a worker thread; `signal` lets a batch drop a drawing it no longer wants. */
export type RenderReport = (job: RenderJob, signal?: AbortSignal) => Promise<RenderedReport>;

export function renderReport(job: RenderJob): Promise<RenderedReport> {
  switch (job.kind) {
    case 'team_summary':
      return renderTeamSummary(job.view);
    case 'parent_report':
      return renderParentReport(job.view);
    case 'recognition_letter':
      return renderMentorLetter(job.view);
    case 'meeting_summary':
      return renderMeetingSummary(job.view);
  }
}
