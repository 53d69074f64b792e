/**
 * Program health for a scope: the facts gathered in a few batch queries (pair-facts.ts,
 * mentor-facts.ts, service-facts.ts, the plans' review dates), the pure rules of
 * progress-rules/program-health.ts run over them, and each flag given the link to the record it is
 * about. A student's flags are those about their plans and peer supports and those about the
 * mentors assigned to them; open seats are about a school and link to Matching.
 */
import { and, asc } from 'drizzle-orm';
import { accommodations, assignments } from '../../../db/schema';
import { HEALTH_KINDS, type HealthFlagView, type HealthLink, PeerRole, PlanType, TrainingModule } from '../../contract';
import { inIds } from '../id-batches';
import { runningOn } from '../mentors/records';
import { dueWarnings } from '../plans/plan-rules';
import {
  HEALTH_KIND_OF,
  type HealthFlag,
  mentorHealthFlags,
  oneSidedSupportFlags,
  periodFlags,
  reviewFlags,
  type SchoolDayCount,
  seatsOpenFlags,
  serviceFlags,
  supportDelivered,
} from '../progress-rules/program-health';
import type { Queryable } from '../vault-db';
import { mentorFacts } from './mentor-facts';
import { pairFacts } from './pair-facts';
import type { ScopeRecords } from './scope';
import { calendarsOfSchools, openSeatsBySchool, reportingPeriodFacts, schoolDayCount, supportServiceFacts } from './service-facts';

export interface CaseloadHealth {
  /** Each flag once, by kind (HEALTH_KINDS order), urgent first, then by who it is about. */
  flags: HealthFlagView[];
  /** Student id → the ids of the flags about them. */
  flagIdsOf: Map<string, string[]>;
  /** Each peer support running today → whether a session was held within the no-session span. */
  deliveredOf: Map<string, boolean>;
}

function flagId(flag: HealthFlag): string {
  return [flag.rule, flag.subject.id, flag.facts.module, flag.facts.period && flag.facts.date].filter(Boolean).join(':');
}

function linkName(link: HealthLink): string {
  return link.to === 'plan' ? link.studentName : link.to === 'mentor' ? link.mentorName : link.school;
}

function compareFlags(a: HealthFlagView, b: HealthFlagView): number {
  return (
    HEALTH_KINDS.indexOf(a.kind) - HEALTH_KINDS.indexOf(b.kind) ||
    (a.severity === b.severity ? 0 : a.severity === 'urgent' ? -1 : 1) ||
    linkName(a.link).localeCompare(linkName(b.link)) ||
    a.id.localeCompare(b.id)
  );
}

export function caseloadHealth(db: Queryable, records: ScopeRecords, day: string): CaseloadHealth {
  const studentName = new Map(records.students.map((student) => [student.id, student.name]));
  const schoolOf = new Map(records.students.map((student) => [student.id, student.school]));
  const activePlans = records.plans.filter((plan) => plan.status === 'active');
  const planOf = new Map(activePlans.map((plan) => [plan.id, plan]));
  const supports =
    planOf.size === 0
      ? []
      : db
          .select({
            id: accommodations.id,
            planId: accommodations.planId,
            role: accommodations.role,
            settingClass: accommodations.settingClass,
            startDate: accommodations.startDate,
            endDate: accommodations.endDate,
            mentorsNeeded: accommodations.mentorsNeeded,
          })
          .from(accommodations)
          .where(inIds(accommodations.planId, [...planOf.keys()]))
          .orderBy(asc(accommodations.createdAt), asc(accommodations.id))
          .all();
  const supportOf = new Map(supports.map((support) => [support.id, support]));
  const assigned =
    supports.length === 0
      ? []
      : db
          .select({ mentorId: assignments.mentorId, accommodationId: assignments.accommodationId, startDate: assignments.startDate })
          .from(assignments)
          .where(and(inIds(assignments.accommodationId, [...supportOf.keys()]), runningOn(day)))
          .all();

  const planLink = (planId: string, accommodationId: string | null): HealthLink | null => {
    const plan = planOf.get(planId);
    if (!plan) return null;
    const support = accommodationId ? supportOf.get(accommodationId) : undefined;
    return {
      to: 'plan',
      studentId: plan.studentId,
      studentName: studentName.get(plan.studentId) ?? '',
      planId,
      planType: PlanType.parse(plan.type),
      accommodation: support ? { id: support.id, role: PeerRole.parse(support.role), settingClass: support.settingClass } : null,
    };
  };

  const running = supports.filter((support) => support.startDate <= day && day <= support.endDate);
  const studentOfSupport = (support: { planId: string }) => planOf.get(support.planId)?.studentId ?? '';
  const pairs = pairFacts(
    db,
    running.map((support) => ({ id: support.id, studentId: studentOfSupport(support), settingClass: support.settingClass })),
    day,
  );
  // pair-facts gives the last held session of each version of an amended support: the latest of them counts.
  const lastHeldOf = new Map(
    pairs.flatMap((pair) =>
      pair.heldSessions.length === 0 ? [] : [[pair.accommodationId, [...pair.heldSessions].sort().at(-1) as string] as const],
    ),
  );
  const calendarsOf = calendarsOfSchools(db, [...new Set(records.students.map((student) => student.school))]);
  const calendarsOfPlan = (plan: { studentId: string }) => calendarsOf.get(schoolOf.get(plan.studentId) ?? '') ?? [];
  const countFor = (support: { planId: string }): SchoolDayCount =>
    schoolDayCount(calendarsOfPlan({ studentId: studentOfSupport(support) }));
  const deliveredOf = new Map<string, boolean>();
  const service = supportServiceFacts(db, running, assigned, lastHeldOf, day).flatMap((facts) => {
    const support = supportOf.get(facts.accommodationId);
    if (!support) return [];
    const count = countFor(support);
    deliveredOf.set(support.id, supportDelivered(facts, day, count));
    return serviceFlags(facts, day, count).map((flag) => ({ flag, link: planLink(support.planId, support.id) }));
  });
  const openSeats = openSeatsBySchool(
    running.map((support) => ({ ...support, school: schoolOf.get(studentOfSupport(support)) ?? '' })),
    assigned,
  );
  // A goal with no reporting periods of its own has its school calendar's.
  const periods = reportingPeriodFacts(db, activePlans, day, (plan) =>
    calendarsOfPlan(plan).flatMap((calendar) => calendar.reportingPeriods.map(({ label, endsOn }) => ({ label, endsOn }))),
  );

  const found: { flag: HealthFlag; link: HealthLink | null }[] = [
    ...service,
    ...[...openSeats].flatMap(([school, count]) =>
      seatsOpenFlags(school, count).map((flag) => ({ flag, link: { to: 'matching' as const, school } })),
    ),
    ...activePlans.flatMap((plan) =>
      reviewFlags(plan.id, dueWarnings(plan, day), day).map((flag) => ({ flag, link: planLink(plan.id, null) })),
    ),
    ...activePlans.flatMap((plan) =>
      periodFlags(plan.id, periods.get(plan.id) ?? [], day).map((flag) => ({ flag, link: planLink(plan.id, null) })),
    ),
    ...pairs.flatMap((pair) => {
      const support = supportOf.get(pair.accommodationId);
      return oneSidedSupportFlags(pair).map((flag) => ({ flag, link: support ? planLink(support.planId, support.id) : null }));
    }),
    ...mentorFacts(db, records.scope.kind === 'program' ? null : [...new Set(assigned.map((row) => row.mentorId))], day).flatMap((mentor) =>
      mentorHealthFlags(mentor, day).map((flag) => ({
        flag,
        link: { to: 'mentor' as const, mentorId: mentor.mentorId, mentorName: mentor.name },
      })),
    ),
  ];

  const flags = found
    .flatMap(({ flag, link }): HealthFlagView[] => {
      if (!link) return [];
      const { module, ...facts } = flag.facts;
      const known = TrainingModule.safeParse(module);
      return [
        {
          id: flagId(flag),
          rule: flag.rule,
          kind: HEALTH_KIND_OF[flag.rule],
          severity: flag.severity,
          facts: known.success ? { ...facts, module: known.data } : facts,
          message: flag.message,
          action: flag.action,
          link,
        },
      ];
    })
    .sort(compareFlags);

  const studentsOfMentor = new Map<string, Set<string>>();
  for (const row of assigned) {
    const studentId = planOf.get(supportOf.get(row.accommodationId)?.planId ?? '')?.studentId;
    if (!studentId) continue;
    studentsOfMentor.set(row.mentorId, (studentsOfMentor.get(row.mentorId) ?? new Set()).add(studentId));
  }
  const flagIdsOf = new Map<string, string[]>();
  for (const flag of flags) {
    const about =
      flag.link.to === 'plan'
        ? [flag.link.studentId]
        : flag.link.to === 'mentor'
          ? [...(studentsOfMentor.get(flag.link.mentorId) ?? [])]
          : [];
    for (const studentId of about) flagIdsOf.set(studentId, [...(flagIdsOf.get(studentId) ?? []), flag.id]);
  }
  return { flags, flagIdsOf, deliveredOf };
}
