/**
 * What meeting mode shows the room, and what its summary prints: built from the team's view only
 * through `redactForParents` (peers as role and grade) and `scrubberFor` (names typed into free
 * text), worded with the report catalog in the meeting's language. The ids kept beside the words
 * are record ids of goals and accommodations, never of a person. Pure.
 */
import type { PresenterView, Proposal } from '../contract/meetings';
import { goalValue, gradeLevel, longDate } from './i18n/format';
import { type ReportText, reportText } from './i18n/index';
import type { ParentSupport, RedactionPeople, TeamSummaryView } from './model';
import { redactForParents, scrubberFor } from './redact';
import { describePeer, graphWords, roleName } from './wording';

export interface MeetingFacts {
  meetingId: string;
  language: string;
  proposals: Proposal[];
}

function supportWords(text: ReportText, accommodationId: string, support: ParentSupport): PresenterView['accommodations'][number] {
  return {
    accommodationId,
    role: support.role,
    line: text.t('parent.supportLine', {
      role: roleName(text, support.role),
      setting: support.settingClass,
      perWeek: text.t('parent.timesPerWeek', { count: support.sessionsPerWeek }),
      minutes: support.minutesPerSession,
    }),
    peers: support.peers.length
      ? text.t('parent.with', { peers: support.peers.map((peer) => describePeer(text, peer)).join(', ') })
      : text.t('parent.noPeer'),
    fidelity: support.plannedSessions
      ? text.t('parent.sessionsHeld', { held: support.heldSessions ?? 0, planned: support.plannedSessions })
      : text.t('parent.sessionsNone'),
    held: support.heldSessions,
    planned: support.plannedSessions,
  };
}

export function presenterView(team: TeamSummaryView, people: RedactionPeople, facts: MeetingFacts): PresenterView {
  const text = reportText(facts.language);
  const parent = redactForParents(team, people, { language: facts.language, preparedFor: '', replacement: text.t('parent.redactedPeer') });
  const { scrub } = scrubberFor(team.student, people, text.t('parent.redactedPeer'));
  const range = text.t('common.dateRange', { from: longDate(text, team.range.from), to: longDate(text, team.range.to) });

  const accommodations = new Map<string, PresenterView['accommodations'][number]>();
  const goals = parent.goals.map((goal, index) => {
    const teamGoal = team.goals[index];
    if (!teamGoal) throw new Error('presenterView: the redacted goals do not line up with the team goals');
    const supports = goal.supports.map((support, supportIndex) => {
      const id = teamGoal.supports[supportIndex]?.accommodationId;
      if (!id) throw new Error('presenterView: the redacted supports do not line up with the team supports');
      const worded = supportWords(text, id, support);
      accommodations.set(id, worded);
      return worded;
    });
    const { summary } = goal.chart;
    const words = graphWords(text, goal, goal.chart);
    return {
      id: teamGoal.id,
      number: goal.number,
      area: goal.area,
      title: text.t('parent.goalHeading', { number: goal.number, area: text.t(`common.area.${goal.area}`) }),
      statement: goal.statement,
      measurement: goal.measurement,
      baseline: goal.baseline,
      target: goal.target,
      endDate: goal.endDate,
      baselineText: goalValue(text, goal, goal.baseline),
      latestText: summary.latest === null ? text.t('common.notYet') : goalValue(text, goal, summary.latest),
      targetText: goalValue(text, goal, goal.target),
      latestDateText: summary.latestDate ? longDate(text, summary.latestDate) : null,
      targetDateText: longDate(text, goal.endDate),
      graphText: words.alt,
      // The screen draws the chart as it comes: its phase lines are worded here, in the meeting's language.
      chart: { ...goal.chart, phases: goal.chart.phases.map((phase) => ({ ...phase, label: words.phase(phase.event) })) },
      supports,
    };
  });

  return {
    meetingId: facts.meetingId,
    language: facts.language,
    studentName: parent.student.name,
    subtitle: [gradeLevel(text, parent.student.grade), parent.student.school, text.t(`common.planType.${parent.plan.type}`), range].join(
      ' · ',
    ),
    goals,
    accommodations: [...accommodations.values()],
    // Check-ins are written about the pair: the room sees the role and class, and the words with every name removed.
    checkIns: team.checkIns.map((checkIn) => ({
      date: checkIn.date,
      dateText: longDate(text, checkIn.date),
      where: `${roleName(text, checkIn.role)} · ${scrub(checkIn.settingClass)}`,
      whatsWorking: checkIn.whatsWorking === null ? null : scrub(checkIn.whatsWorking),
      whatsNot: checkIn.whatsNot === null ? null : scrub(checkIn.whatsNot),
      nextSteps: checkIn.nextSteps === null ? null : scrub(checkIn.nextSteps),
    })),
    proposals: facts.proposals.map((proposal) => ({ ...proposal, text: proposal.text === null ? null : scrub(proposal.text) })),
  };
}
