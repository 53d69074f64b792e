/** Demo plans (IEP or 504) with their team, goals, peer-support accommodations and which goals each serves. */

import { addDays, addYears, daysBetween } from '../../contract/calendar';
import { PEER_ROLES, type PeerRole } from '../../contract/plans';
import type { StaffRole } from '../../contract/vault';
import { instant, maxDate, oneYearLess1Day, quartersAround, type ReportingPeriod, schoolDayOnOrAfter } from './calendar';
import { COVERING_TEMPLATE_KEYS, GOAL_TEMPLATES, type GoalCore, type GoalTemplate } from './goal-templates';
import type { DemoWorld, StudentFacts } from './model';
import { Deck, type Rng } from './prng';
import { chooseSetting, meetingFor, studentSchedule } from './school';

type GoalArea = GoalCore['area'];

/** The goal areas each kind of peer support usually serves. */
export const ROLE_AREAS: Readonly<Record<PeerRole, readonly GoalArea[]>> = {
  peer_tutor: ['reading', 'writing', 'math'],
  peer_buddy: ['social_emotional', 'communication', 'behavior'],
  peer_note_taker: ['writing', 'organization', 'reading'],
  peer_facilitator: ['communication', 'social_emotional', 'behavior'],
  circle_of_friends: ['social_emotional', 'communication'],
  cooperative_group: ['math', 'reading', 'independence', 'communication'],
  leadership_rotation: ['independence', 'organization', 'behavior'],
};

const NOTES: Readonly<Record<PeerRole, readonly string[]>> = {
  peer_tutor: [
    'Review the warm-up together, then the student works the next problems alone.',
    'Mentor checks understanding with questions, not answers.',
  ],
  peer_buddy: ['Meet at the same table; mentor introduces one new classmate a week.', 'Walk together from the previous class.'],
  peer_note_taker: [
    'Mentor shares a copy of notes in the class folder by the end of the day.',
    'Carbonless notebook provided by the case manager.',
  ],
  peer_facilitator: ['Mentor makes sure the student has a speaking role in each group task.'],
  circle_of_friends: ['Group of three to four peers; counselor checks in monthly.'],
  cooperative_group: ['Each member has a role card; the student rotates roles weekly.'],
  leadership_rotation: ['Classroom jobs rotate weekly; the student leads the materials job first.'],
};

/** Counts per student that add up to `total` exactly, each within [min, max] and near the mean. */
export function spreadTotal(rng: Rng, students: number, total: number, min: number, max: number): number[] {
  const mean = total / students;
  const counts = Array.from({ length: students }, () => Math.min(max, Math.max(min, Math.round(mean + rng.int(-1, 1)))));
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const index = rng.int(0, students - 1);
    const value = counts[index] as number;
    if (sum < total && value < max) {
      counts[index] = value + 1;
      sum += 1;
    } else if (sum > total && value > min) {
      counts[index] = value - 1;
      sum -= 1;
    }
  }
  return counts;
}

/** Dates of an active plan: IEP meetings happen all year, so plans started over the past year and run a year. */
function planDates(rng: Rng, world: DemoWorld, type: 'iep' | '504') {
  const sinceStart = daysBetween(world.startDate, world.asOf);
  // Every plan is still running on the demo's "today": it started less than a year before it.
  const earliest = Math.min(-60, sinceStart - 364);
  const startDate = schoolDayOnOrAfter(addDays(world.startDate, rng.int(earliest, 14)));
  const endDate = oneYearLess1Day(startDate);
  const annualReviewDue = rng.chance(0.7) ? endDate : addDays(endDate, -rng.int(7, 21));
  let reevaluationDue: string | null = null;
  if (type === 'iep') {
    // Triennial: three years after the last evaluation; a few are overdue, as happens.
    reevaluationDue = addYears(addDays(startDate, -rng.int(0, 1000)), 3);
    const overdueFrom = maxDate(startDate, world.startDate);
    if (rng.chance(0.03) && overdueFrom < world.asOf)
      reevaluationDue = addDays(overdueFrom, rng.int(0, daysBetween(overdueFrom, world.asOf) - 1));
  }
  return { startDate, endDate, annualReviewDue, reevaluationDue };
}

/** Staff by role, per school and in all: who can sit on a team. */
type StaffByRole = Map<StaffRole, { all: string[]; bySchool: Map<number, string[]> }>;

function staffByRole(world: DemoWorld): StaffByRole {
  const groups: StaffByRole = new Map();
  for (const member of world.staff) {
    let group = groups.get(member.role);
    if (!group) {
      group = { all: [], bySchool: new Map() };
      groups.set(member.role, group);
    }
    group.all.push(member.id);
    const local = group.bySchool.get(member.school);
    if (local) local.push(member.id);
    else group.bySchool.set(member.school, [member.id]);
  }
  return groups;
}

function pickTeam(rng: Rng, groups: StaffByRole, student: StudentFacts): string[] {
  const team = [student.caseManagerId];
  const add = (role: StaffRole, count = 1) => {
    const group = groups.get(role);
    const pool = group?.bySchool.get(student.school) ?? group?.all ?? [];
    for (let n = 0; n < count && pool.length > 0; n++) {
      const id = rng.pick(pool);
      if (!team.includes(id)) team.push(id);
    }
  };
  add('general_education_teacher', rng.int(1, 2));
  if (student.planType === 'iep') {
    if (rng.chance(0.7)) add('special_education_teacher');
    if (rng.chance(0.35)) add('paraprofessional');
    if (rng.chance(0.5)) add('administrator');
  } else if (rng.chance(0.6)) add('counselor');
  return team;
}

function objectivesFor(core: GoalCore, periods: readonly { label: string; endsOn: string }[]): string[] {
  const objectives: string[] = [];
  for (const fraction of [1 / 3, 2 / 3]) {
    const period = periods[Math.floor(periods.length * fraction) - 1];
    const raw = core.baseline + (core.target - core.baseline) * fraction;
    const value = Math.round(raw / core.step) * core.step;
    if (!period || value === core.baseline || value === core.target || objectives.some((text) => text.endsWith(`${core.describe(value)}.`)))
      continue;
    objectives.push(`By the end of ${period.label}: ${core.describe(value)}.`);
  }
  return objectives;
}

/** How many mentors a support needs at once: a circle of friends is a small group, a lunch buddy sometimes two. */
function mentorsNeededFor(rng: Rng, role: PeerRole): number {
  if (role === 'circle_of_friends') return rng.int(2, 3);
  if (role === 'cooperative_group' || role === 'peer_buddy') return rng.chance(0.4) ? 2 : 1;
  return 1;
}

interface PlanContext {
  world: DemoWorld;
  student: StudentFacts;
  planId: string;
  dates: ReturnType<typeof planDates>;
  createdAt: string;
}

type GoalRef = { id: string; area: GoalArea };

/** Goals dealt from the template deck, no template twice for one student. */
function addGoals(
  plan: PlanContext,
  rng: Rng,
  templates: Deck<GoalTemplate>,
  quarters: readonly ReportingPeriod[],
  count: number,
): GoalRef[] {
  const { world, dates } = plan;
  const goals: GoalRef[] = [];
  const usedKeys = new Set<string>();
  for (let n = 0; n < count; n++) {
    const template = templates.deal((card) => !usedKeys.has(card.key), 4);
    usedKeys.add(template.key);
    const core = template.make(rng);
    const endDate = rng.chance(0.8) ? dates.endDate : addDays(dates.endDate, -rng.int(7, 45));
    const periods = quarters.filter((period) => period.endsOn >= dates.startDate && period.endsOn <= endDate);
    const id = world.streams.id('goal');
    goals.push({ id, area: core.area });
    world.rows.goals.push({
      id,
      planId: plan.planId,
      amendsId: null,
      // The judgement reads the criterion from the template's words ("4 of 5 consecutive probes").
      mastery: null,
      area: core.area,
      statement: core.statement,
      measurement: core.measurement,
      baseline: core.baseline,
      target: core.target,
      scaleMax: core.scaleMax,
      criterion: core.criterion,
      measuredEvery: core.measuredEvery,
      reportingPeriods: JSON.stringify(periods),
      endDate,
      objectives: JSON.stringify(plan.student.planType === 'iep' && rng.chance(0.6) ? objectivesFor(core, periods) : []),
      statementTranslations: null,
      createdAt: plan.createdAt,
      updatedAt: plan.createdAt,
    });
  }
  return goals;
}

/** Peer supports: a role that serves a goal not yet served, in a class of the student's day. */
function addSupports(
  plan: PlanContext,
  rng: Rng,
  roles: Deck<PeerRole>,
  goals: readonly GoalRef[],
  count: number,
): { id: string; role: PeerRole }[] {
  const { world, student, dates } = plan;
  const schedule = studentSchedule(rng, student.grade, student.planType);
  const taken = new Set<number>();
  const served = new Set<string>();
  const supports: { id: string; role: PeerRole }[] = [];
  for (let n = 0; n < count; n++) {
    const unserved = goals.filter((goal) => !served.has(goal.id));
    const role = roles.deal((card) => unserved.some((goal) => ROLE_AREAS[card].includes(goal.area)), 4);
    const setting = chooseSetting(rng, role, schedule, taken);
    if (!setting) break;
    taken.add(setting.period);
    const meeting = meetingFor(rng, role, setting);
    const startDate = rng.chance(0.5) ? dates.startDate : maxDate(dates.startDate, schoolDayOnOrAfter(world.startDate));
    const mentorsNeeded = mentorsNeededFor(rng, role);
    const id = world.streams.id('accommodation');
    supports.push({ id, role });
    for (const goal of goals) if (ROLE_AREAS[role].includes(goal.area)) served.add(goal.id);
    const common = {
      id,
      role,
      sessionsPerWeek: meeting.slots.length,
      minutesPerSession: meeting.minutesPerSession,
      mentorsNeeded,
      startDate,
    };
    world.accommodations.push({
      ...common,
      studentId: student.id,
      school: student.school,
      grade: student.grade,
      slots: meeting.slots,
      endDate: dates.endDate,
    });
    world.rows.accommodations.push({
      ...common,
      planId: plan.planId,
      amendsId: null,
      settingClass: setting.name,
      slots: JSON.stringify(meeting.slots),
      endDate: dates.endDate,
      notes: rng.chance(0.4) ? rng.pick(NOTES[role]) : null,
      createdAt: plan.createdAt,
      updatedAt: plan.createdAt,
    });
  }
  return supports;
}

export function makePlans(world: DemoWorld): void {
  const rng = world.streams.stream('plans');
  const goalRng = world.streams.stream('goals');
  const supportRng = world.streams.stream('accommodations');
  const { students, goals: goalTotal, accommodations: supportTotal } = world.options;
  const goalCounts = goalTotal ? spreadTotal(goalRng, students, goalTotal, 1, 8) : null;
  const supportCounts = supportTotal ? spreadTotal(supportRng, students, supportTotal, 1, 6) : null;
  const byKey = new Map(GOAL_TEMPLATES.map((template) => [template.key, template]));
  const covering = goalRng.shuffle(COVERING_TEMPLATE_KEYS).map((key) => byKey.get(key) as GoalTemplate);
  const templates = new Deck(goalRng, GOAL_TEMPLATES, covering);
  const roles = new Deck(supportRng, PEER_ROLES);
  const quarters = quartersAround(world.startDate);
  const groups = staffByRole(world);

  world.students.forEach((student, index) => {
    const planId = world.streams.id('plan');
    const dates = planDates(rng, world, student.planType);
    const createdAt = instant(addDays(dates.startDate, -rng.int(0, 10)), rng.int(19 * 60, 23 * 60));
    world.rows.plans.push({
      id: planId,
      studentId: student.id,
      type: student.planType,
      version: 1,
      amendsId: null,
      ...dates,
      caseManagerId: student.caseManagerId,
      status: 'active',
      createdAt,
      updatedAt: createdAt,
    });
    for (const staffId of pickTeam(rng, groups, student)) world.rows.planTeam.push({ planId, staffId });
    const plan: PlanContext = { world, student, planId, dates, createdAt };
    const goals = addGoals(plan, goalRng, templates, quarters, goalCounts?.[index] ?? goalRng.int(2, 4));
    const supports = addSupports(plan, supportRng, roles, goals, supportCounts?.[index] ?? supportRng.int(1, 3));
    linkGoals(world, supportRng, goals, supports);
  });
  ensureGaps(world);
}

/**
 * Which goals each support serves: the goals in its areas; a support with none serves some other goal
 * half the time, and most goals still unserved are taken on by one of the plan's supports. What is
 * left over are the gaps a team should see.
 */
function linkGoals(
  world: DemoWorld,
  rng: Rng,
  goals: readonly { id: string; area: GoalArea }[],
  supports: readonly { id: string; role: PeerRole }[],
): void {
  const links = new Set<string>();
  const link = (accommodationId: string, goalId: string) => {
    const key = `${accommodationId}|${goalId}`;
    if (links.has(key)) return;
    links.add(key);
    world.rows.accommodationGoals.push({ accommodationId, goalId });
  };
  for (const support of supports) {
    const matching = goals.filter((goal) => ROLE_AREAS[support.role].includes(goal.area));
    for (const goal of matching) link(support.id, goal.id);
    if (matching.length === 0 && goals.length > 0 && rng.chance(0.5)) link(support.id, rng.pick(goals).id);
  }
  const servedGoals = new Set([...links].map((key) => key.split('|')[1]));
  for (const goal of goals) {
    if (!servedGoals.has(goal.id) && supports.length > 0 && rng.chance(0.75)) link(rng.pick(supports).id, goal.id);
  }
}

/** Even a small demo shows both kinds of gap: a goal no support serves, and a support serving no goal. */
function ensureGaps(world: DemoWorld): void {
  const rng = world.streams.stream('gaps');
  const served = new Set(world.rows.accommodationGoals.map((link) => link.goalId));
  if (world.rows.goals.length > 1 && world.rows.goals.every((goal) => served.has(goal.id))) {
    const goal = rng.pick(world.rows.goals);
    world.rows.accommodationGoals = world.rows.accommodationGoals.filter((link) => link.goalId !== goal.id);
  }
  const serving = new Set(world.rows.accommodationGoals.map((link) => link.accommodationId));
  if (world.rows.accommodations.length > 1 && world.rows.accommodations.every((support) => serving.has(support.id))) {
    const support = rng.pick(world.rows.accommodations);
    world.rows.accommodationGoals = world.rows.accommodationGoals.filter((link) => link.accommodationId !== support.id);
  }
}
