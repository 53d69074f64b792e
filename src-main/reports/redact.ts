/**
 * The one way to a parent report's data: the team's view in, the parent's view out. Peers become a
 * role and a grade; check-ins (written about the pair) are left out; and every free text the team
 * wrote (goal statements and their translations, narratives, class names) has the names, initials and student numbers of
 * every mentor and every other student replaced, so a name typed into a narrative cannot reach a
 * parent either (FERPA: a peer's participation is part of their own education record). Pure.
 */
import type { ParentReportView, PeerDescription, ProtectedIdentity, TeamSummaryView } from './model';

export interface RedactionOptions {
  language: string;
  preparedFor: string;
  /** What a removed name is replaced with, in the report's language (e.g. "[a peer]"). */
  replacement: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words and numbers that identify these people, longest first, leaving out the student's own names. */
function identifiers(people: readonly ProtectedIdentity[], own: ReadonlySet<string>): string[] {
  const words = new Set<string>();
  for (const person of people) {
    const full = [person.firstName, person.preferredName].filter(Boolean).map((first) => `${first} ${person.lastName}`);
    const names = [person.firstName, person.lastName, person.preferredName ?? '', ...full];
    for (const name of [...names, ...person.lastName.split(/[\s-]+/), person.localId]) {
      const trimmed = name.trim();
      if (trimmed.length > 1 && !own.has(trimmed.toLocaleLowerCase())) words.add(trimmed);
    }
  }
  return [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** "S.R.", "S. R." and "SR" for each person, matched only as whole, capitalised tokens. */
function initialsPatterns(people: readonly ProtectedIdentity[]): string[] {
  const patterns = new Set<string>();
  for (const person of people) {
    for (const first of [person.firstName, person.preferredName].filter((name): name is string => Boolean(name?.trim()))) {
      const a = [...first.trim()][0];
      const b = [...person.lastName.trim()][0];
      if (a && b) patterns.add(`${escapeRegExp(a.toLocaleUpperCase())}\\.?\\s?${escapeRegExp(b.toLocaleUpperCase())}\\.?`);
    }
  }
  return [...patterns];
}

/** Replaces every protected name, student number and pair of initials in free text. */
export function makeScrubber(
  people: readonly ProtectedIdentity[],
  ownNames: readonly string[],
  replacement: string,
): (text: string) => string {
  const own = new Set(ownNames.filter(Boolean).map((name) => name.trim().toLocaleLowerCase()));
  const words = identifiers(people, own);
  const initials = initialsPatterns(people);
  const edge = '(?<![\\p{L}\\p{N}])';
  const end = '(?![\\p{L}\\p{N}])';
  const byName = words.length ? new RegExp(`${edge}(?:${words.map(escapeRegExp).join('|')})${end}`, 'giu') : null;
  const byInitials = initials.length ? new RegExp(`${edge}(?:${initials.join('|')})${end}`, 'gu') : null;
  // "Sam Rivera" is one person: a first and a last name matched apart read as one replacement.
  const repeated = new RegExp(`${escapeRegExp(replacement)}(?:\\s+${escapeRegExp(replacement)})+`, 'gu');
  return (text) => {
    let result = text.normalize('NFC');
    if (byName) result = result.replace(byName, replacement);
    if (byInitials) result = result.replace(byInitials, replacement);
    return result.replace(repeated, replacement);
  };
}

/** The team's translation for the report's language ("es-MX" takes "es-MX", else "es"), scrubbed like all free text. */
function translationFor(translations: Readonly<Record<string, string>>, language: string, scrub: (text: string) => string): string | null {
  const translated = translations[language] ?? translations[language.split('-')[0] ?? language];
  return translated === undefined ? null : scrub(translated);
}

export function redactForParents(team: TeamSummaryView, people: readonly ProtectedIdentity[], options: RedactionOptions): ParentReportView {
  const { student } = team;
  const scrub = makeScrubber(
    people,
    [student.firstName, student.lastName, student.preferredName ?? '', ...student.lastName.split(/[\s-]+/)],
    options.replacement,
  );
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
      reports: goal.reports.map((report) => ({
        periodLabel: scrub(report.periodLabel),
        periodEndsOn: report.periodEndsOn,
        codeSet: report.codeSet,
        code: report.code,
        codeLabel: report.codeLabel,
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
  };
}
