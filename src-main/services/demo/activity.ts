/**
 * What happened over the demo's weeks, made lazily from the finished world: one batch per student
 * (sessions of each of their supports, then progress points and observations, then check-ins), so
 * a district-size run never holds more than one student's records. Each kind of record has its own
 * random stream and id source and students come in a fixed order: the same seed gives the same rows.
 */
import { dayNumber } from '../../contract/calendar';
import { addCheckIns } from './check-ins';
import { type DemoActivity, type DemoWorld, emptyActivity } from './model';
import { addGoalProgress, addPairObservations, type StudentProgress } from './progress';
import { addSessions, type HeldSession, type MentorOnSupport, type SupportView } from './sessions';

type Rows = DemoWorld['rows'];

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** Lookups built once per run: the world's lists are index-aligned (a plan per student, a row per support). */
interface ActivityIndex {
  goalsByPlan: Map<string, Rows['goals']>;
  supportsByStudent: Map<string, number[]>;
  goalsOfSupport: Map<string, string[]>;
  assignmentsBySupport: Map<string, Rows['assignments']>;
  mentorIndex: Map<string, number>;
}

function indexWorld(world: DemoWorld): ActivityIndex {
  const supportsByStudent = new Map<string, number[]>();
  world.accommodations.forEach((support, index) => {
    const list = supportsByStudent.get(support.studentId);
    if (list) list.push(index);
    else supportsByStudent.set(support.studentId, [index]);
  });
  const goalsOfSupport = new Map<string, string[]>();
  for (const [id, links] of groupBy(world.rows.accommodationGoals, (link) => link.accommodationId)) {
    goalsOfSupport.set(
      id,
      links.map((link) => link.goalId),
    );
  }
  return {
    goalsByPlan: groupBy(world.rows.goals, (goal) => goal.planId),
    supportsByStudent,
    goalsOfSupport,
    assignmentsBySupport: groupBy(world.rows.assignments, (row) => row.accommodationId),
    mentorIndex: new Map(world.mentors.map((mentor, index) => [mentor.id, index])),
  };
}

function supportView(world: DemoWorld, index: ActivityIndex, supportIndex: number): SupportView {
  const facts = world.accommodations[supportIndex];
  const row = world.rows.accommodations[supportIndex];
  if (!facts || !row) throw new Error('demoActivity: support missing');
  const steady = world.story.burnout?.mentorId;
  const mentors: MentorOnSupport[] = (index.assignmentsBySupport.get(facts.id) ?? []).map((assignment) => {
    const mentorIndex = index.mentorIndex.get(assignment.mentorId) ?? -1;
    const timeOff = world.mentors[mentorIndex]?.timeOff ?? [];
    return {
      mentorId: assignment.mentorId,
      mentorIndex,
      from: dayNumber(assignment.startDate),
      until: assignment.endDate === null ? null : dayNumber(assignment.endDate),
      timeOff: timeOff.map((off) => ({ from: dayNumber(off.startDate), to: dayNumber(off.endDate) })),
      steady: assignment.mentorId === steady,
    };
  });
  return { facts, settingClass: row.settingClass, goalIds: index.goalsOfSupport.get(facts.id) ?? [], mentors };
}

/** The batches of the demo's activity, one per student, in the order of `world.students`. */
export function* demoActivity(world: DemoWorld): Generator<DemoActivity> {
  const index = indexWorld(world);
  const rngs = {
    sessions: world.streams.stream('sessions'),
    progress: world.streams.stream('progress'),
    checkIns: world.streams.stream('check-ins'),
  };
  const programStart = dayNumber(world.startDate);
  const yesterday = dayNumber(world.asOf) - 1;
  for (let studentIndex = 0; studentIndex < world.students.length; studentIndex++) {
    const student = world.students[studentIndex];
    const plan = world.rows.plans[studentIndex];
    const profile = world.story.profiles[studentIndex];
    if (!student || !plan || !profile) throw new Error('demoActivity: student missing');
    const out = emptyActivity();
    const supports = (index.supportsByStudent.get(student.id) ?? []).map((supportIndex) => supportView(world, index, supportIndex));

    const held = new Map<string, HeldSession[]>();
    for (const support of supports) {
      const first = Math.max(programStart, dayNumber(support.facts.startDate));
      const last = Math.min(yesterday, dayNumber(support.facts.endDate));
      held.set(support.facts.id, addSessions(world, rngs.sessions, support, studentIndex, { first, last }, out));
    }

    const servedBy = new Map<string, SupportView[]>();
    for (const support of supports) {
      for (const goalId of support.goalIds) servedBy.set(goalId, [...(servedBy.get(goalId) ?? []), support]);
    }
    const progress: StudentProgress = {
      world,
      studentId: student.id,
      profile,
      neverInitiates: world.story.neverInitiate.has(student.id),
      planStart: plan.startDate,
      caseManagerId: student.caseManagerId,
      servedBy,
      held,
    };
    for (const goal of index.goalsByPlan.get(plan.id) ?? []) addGoalProgress(progress, rngs.progress, goal, out);
    for (const support of supports) {
      if (world.story.oneSided.has(support.facts.id)) addPairObservations(progress, rngs.progress, support, out);
    }

    const pair = { world, profile, caseManagerId: student.caseManagerId };
    for (const support of supports) addCheckIns(pair, rngs.checkIns, support, world.story.oneSided.has(support.facts.id), out);
    yield out;
  }
}
