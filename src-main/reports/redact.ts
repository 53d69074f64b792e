/**
 * The one way to a parent report's data: the team's view in, the parent's view out. Peers become a
 * role and a grade; check-ins (written about the pair) are left out; and every free text the team
 * wrote (goal statements and their translations, narratives, class names) has the names, initials and student numbers of
 * every mentor and every other student replaced (by the one name rule, services/names/scrub.ts), so a name typed into a narrative cannot reach a
 * parent either (FERPA: a peer's participation is part of their own education record). Pure.
 */
import { makeScrubber } from '../services/names/scrub';
import type { ParentReportView, PeerDescription, ProtectedIdentity, TeamSummaryView } from './model';

export interface RedactionOptions {
  language: string;
  preparedFor: string;
  /** What a removed name is replaced with, in the report's language (e.g. "[a peer]"). */
  replacement: string;
}

/** The names a student keeps in their own report: their first, last and preferred names and each part of the last name. */
export function ownNames(student: { firstName: string; lastName: string; preferredName: string | null }): string[] {
  return [student.firstName, student.lastName, student.preferredName ?? '', ...student.lastName.split(/[\s-]+/)];
}

/** A scrubber for the student's own free text: every mentor and every other student replaced, the student's own names kept. */
export function scrubberFor(
  student: { firstName: string; lastName: string; preferredName: string | null },
  people: readonly ProtectedIdentity[],
  replacement: string,
): (text: string) => string {
  return makeScrubber({ people, keep: ownNames(student), replacement });
}

/** The team's translation for the report's language ("es-MX" takes "es-MX", else "es"), scrubbed like all free text. */
function translationFor(translations: Readonly<Record<string, string>>, language: string, scrub: (text: string) => string): string | null {
  const translated = translations[language] ?? translations[language.split('-')[0] ?? language];
  return translated === undefined ? null : scrub(translated);
}

export function redactForParents(team: TeamSummaryView, people: readonly ProtectedIdentity[], options: RedactionOptions): ParentReportView {
  const { student } = team;
  const scrub = scrubberFor(student, people, options.replacement);
  return {
    letterhead: team.letterhead,
    language: options.language,
    preparedOn: team.preparedOn,
    preparedFor: options.preparedFor,
    range: team.range,
    student: { name: `${student.preferredName || student.firstName} ${student.lastName}`, grade: student.grade, school: student.school },
    plan: {
      type: team.plan.type,
      startDate: team.plan.startDate,
      endDate: team.plan.endDate,
      annualReviewDue: team.plan.annualReviewDue,
      caseManagerName: team.plan.caseManagerName,
    },
    goals: team.goals.map((goal) => ({
      number: goal.number,
      area: goal.area,
      statement: scrub(goal.statement),
      translatedStatement: translationFor(goal.statementTranslations, options.language, scrub),
      endDate: goal.endDate,
      measurement: goal.measurement,
      scaleMax: goal.scaleMax,
      baseline: goal.baseline,
      target: goal.target,
      chart: goal.chart,
      judgement: goal.judgement,
      dataStoppedSince: goal.flags.some((flag) => flag.rule === 'no_recent_data') ? (goal.judgement.latest?.date ?? null) : null,
      objectives: goal.objectives.map((objective) => ({ ...objective, text: scrub(objective.text) })),
      reports: goal.reports.map((report) => ({
        periodLabel: scrub(report.periodLabel),
        periodStartsOn: report.periodStartsOn,
        periodEndsOn: report.periodEndsOn,
        codeSet: report.codeSet,
        code: report.code,
        codeLabel: report.codeLabel,
        sufficient: report.sufficient,
        insufficientReason: report.insufficientReason,
        narrative: report.narrative === null ? null : scrub(report.narrative),
      })),
      supports: goal.supports.map((support) => ({
        role: support.role,
        settingClass: scrub(support.settingClass),
        sessionsPerWeek: support.sessionsPerWeek,
        minutesPerSession: support.minutesPerSession,
        heldSessions: support.fidelity?.heldSessions ?? null,
        plannedSessions: support.fidelity ? Math.round(support.fidelity.plannedSessions) : null,
        peers: support.mentors.map((mentor): PeerDescription => ({ role: support.role, grade: mentor.grade, trained: mentor.trained })),
      })),
    })),
    peersDelivered: team.goals.some((goal) => goal.supports.some((support) => (support.fidelity?.heldSessions ?? 0) > 0)),
  };
}
