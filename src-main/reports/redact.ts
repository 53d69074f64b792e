/**
 * The one way to a parent report's data: the team's view in, the parent's view out. Peers become a
 * role and a grade — widened to a grade band, then to "a trained peer", where fewer than 3 mentors
 * of the school share the description (`peerDescriptor`); check-ins (written about the pair) are
 * left out; and every free text the team wrote (goal statements and their translations,
 * narratives, class names) has every mentor's and every other student's identity replaced by the
 * one name rule (services/names/scrub.ts), while the student, the family and staff stay named —
 * so a name typed into a narrative cannot reach a parent (FERPA: a peer's participation is part of
 * their own education record). Each replacement can be reported for the case manager's review. Pure.
 */
import type { PeerRole } from '../contract';
import { makeScrubber, type RedactionReview, type Replacement, type Scrubber } from '../services/names/scrub';
import type { GradeBand, MentorCrowd, ParentReportView, PeerDescription, RedactionPeople, TeamSummaryView } from './model';

export interface RedactionOptions {
  language: string;
  preparedFor: string;
  /** What a removed name is replaced with, in the report's language (e.g. "[a peer]"). */
  replacement: string;
  /** The case manager's review: replacements undone, names added. */
  review?: RedactionReview | undefined;
  /** Told of each replacement made, with the text it was made in (the review list). */
  onReplacement?: (replacement: Replacement, text: string) => void;
}

/** Fewer mentors than this sharing a description would single one out. */
export const CROWD = 3;

export function gradeBand(grade: number): GradeBand {
  if (grade <= 5) return 'elementary';
  return grade <= 8 ? 'middle' : 'high';
}

/** A peer described as widely as it takes to stand among at least CROWD mentors of the school. */
export function peerDescriptor(peer: { role: PeerRole; grade: number; trained: boolean }, crowds: readonly MentorCrowd[]): PeerDescription {
  const count = (within: (crowd: MentorCrowd) => boolean) =>
    crowds.filter((crowd) => crowd.role === peer.role && within(crowd)).reduce((sum, crowd) => sum + crowd.mentors, 0);
  if (count((crowd) => crowd.grade === peer.grade) >= CROWD) return { scope: 'grade', ...peer };
  const band = gradeBand(peer.grade);
  if (count((crowd) => gradeBand(crowd.grade) === band) >= CROWD) return { scope: 'band', role: peer.role, band, trained: peer.trained };
  return { scope: 'any', trained: peer.trained };
}

/** The scrubber for the student's own free text: peers and other students removed; the student, family and staff stay named. */
export function scrubberFor(
  student: { localId: string; firstName: string; lastName: string; preferredName: string | null },
  people: RedactionPeople,
  replacement: string,
  review?: RedactionReview,
): Scrubber {
  return makeScrubber({
    people: people.peers,
    named: [
      { localId: student.localId, firstName: student.firstName, lastName: student.lastName, preferredName: student.preferredName },
      ...people.named,
    ],
    ...(review ? { review } : {}),
    replacement,
  });
}

/** One name the review shows: where it was first found, a few words either side, and how often. */
export interface FoundName {
  found: string;
  replacement: string;
  before: string;
  after: string;
  identityKind: string;
  occurrences: number;
}

const CONTEXT_CHARS = 32;

/** The replacements grouped by what was found, each with a few whole words of its first context. */
export function reviewList(found: readonly { replacement: Replacement; text: string }[]): FoundName[] {
  const byText = new Map<string, FoundName>();
  for (const { replacement, text } of found) {
    const known = byText.get(replacement.found);
    if (known) {
      known.occurrences += 1;
      continue;
    }
    const before = text.slice(Math.max(0, replacement.start - CONTEXT_CHARS), replacement.start);
    const after = text.slice(replacement.end, replacement.end + CONTEXT_CHARS);
    byText.set(replacement.found, {
      found: replacement.found,
      replacement: replacement.replacement,
      // Cut at word edges so the context never shows half a word.
      before: replacement.start > CONTEXT_CHARS ? before.replace(/^\S*\s*/u, '… ') : before,
      after: replacement.end + CONTEXT_CHARS < text.length ? after.replace(/\s*\S*$/u, ' …') : after,
      identityKind: replacement.identityKind,
      occurrences: 1,
    });
  }
  return [...byText.values()];
}

/** The team's translation for the report's language ("es-MX" takes "es-MX", else "es"), scrubbed like all free text. */
function translationFor(translations: Readonly<Record<string, string>>, language: string, scrub: (text: string) => string): string | null {
  const translated = translations[language] ?? translations[language.split('-')[0] ?? language];
  return translated === undefined ? null : scrub(translated);
}

export function redactForParents(team: TeamSummaryView, people: RedactionPeople, options: RedactionOptions): ParentReportView {
  const { student } = team;
  const scrubber = scrubberFor(student, people, options.replacement, options.review);
  const { onReplacement } = options;
  const scrub = (text: string): string => {
    if (onReplacement) for (const replacement of scrubber.replacements(text)) onReplacement(replacement, text);
    return scrubber.scrub(text);
  };
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
        peers: support.mentors.map((mentor) =>
          peerDescriptor({ role: support.role, grade: mentor.grade, trained: mentor.trained }, people.crowds),
        ),
      })),
    })),
    peersDelivered: team.goals.some((goal) => goal.supports.some((support) => (support.fidelity?.heldSessions ?? 0) > 0)),
  };
}
