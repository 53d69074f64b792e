/**
 * Progress points for a student's goals over the demo, at each goal's measuredEvery cadence (weekly,
 * twice weekly or every two weeks, a probe skipped now and then), along the student's profile with
 * noise. A probe is taken in a session of a support serving the goal when there is one that week,
 * and for goals measured in percent of intervals sometimes by a momentary-time-sampling observation.
 * Goals no support serves are never measured: the goal graph says "not introduced" for them.
 */
import { dateOfDay, dayNumber } from '../../contract/calendar';
import { instant } from './calendar';
import type { DemoActivity, DemoWorld } from './model';
import { addObservation } from './observations';
import type { Rng } from './prng';
import type { HeldSession, SupportView } from './sessions';
import { type GoalCourse, noiseDraw, type Profile, probe } from './trajectory';

type GoalRow = DemoWorld['rows']['goals'][number];

export interface StudentProgress {
  world: DemoWorld;
  studentId: string;
  profile: Profile;
  neverInitiates: boolean;
  planStart: string;
  caseManagerId: string;
  /** The supports serving each goal, and the held sessions of each support. */
  servedBy: ReadonlyMap<string, readonly SupportView[]>;
  held: ReadonlyMap<string, readonly HeldSession[]>;
}

/** A probe missed now and then (a busy week, a substitute). */
const SKIPPED = 0.08;
/** How often a probe is taken in a session when one was held that week. */
const IN_SESSION = 0.6;
/** How often an intervals goal is probed by a recorded observation rather than a quick tally. */
const BY_OBSERVATION = 0.3;

interface ProbeWindows {
  /** Days of the week (0 Monday) a probe may fall on, per probe of the week. */
  windows: [number, number][];
  everyOtherWeek: boolean;
  /** The chance each window gets its probe (below 1 for a fractional density). */
  taken: number;
}

/** When a goal is probed, from its "measured every" or the benchmark's fixed density. */
function probeWindows(measuredEvery: string, probesPerWeek: number | undefined): ProbeWindows {
  if (probesPerWeek !== undefined) {
    // The school week split into as many windows as the density rounded up, each taken often enough to average it.
    const count = Math.ceil(probesPerWeek);
    const windows: [number, number][] = [];
    for (let n = 0; n < count; n++) {
      windows.push([Math.floor((n * 5) / count), Math.floor(((n + 1) * 5) / count) - 1]);
    }
    return { windows, everyOtherWeek: false, taken: probesPerWeek / count };
  }
  const text = measuredEvery.toLowerCase();
  if (text.includes('twice'))
    return {
      windows: [
        [0, 2],
        [3, 4],
      ],
      everyOtherWeek: false,
      taken: 1,
    };
  return { windows: [[0, 4]], everyOtherWeek: text.includes('two weeks'), taken: 1 };
}

function courseOf(goal: GoalRow, planStart: string, from: number, to: number): GoalCourse {
  return {
    measurement: goal.measurement as GoalCourse['measurement'],
    baseline: goal.baseline,
    target: goal.target,
    scaleMax: goal.scaleMax,
    aimStart: dayNumber(planStart),
    aimEnd: dayNumber(goal.endDate),
    from,
    to,
  };
}

/** Adds the points of one goal (and the observations some come from) to `out`. */
export function addGoalProgress(ctx: StudentProgress, rng: Rng, goal: GoalRow, out: DemoActivity): void {
  const supports = ctx.servedBy.get(goal.id) ?? [];
  if (supports.length === 0) return;
  const { world } = ctx;
  const from = Math.max(dayNumber(ctx.planStart), dayNumber(world.startDate));
  const to = Math.min(dayNumber(goal.endDate), dayNumber(world.asOf) - 1);
  const course = courseOf(goal, ctx.planStart, from, to);
  // "Data stops": the last probe was taken a month or so ago.
  const last = ctx.profile === 'stopped' ? to - rng.int(25, 38) : to;
  const sessions = supports.flatMap((support) => ctx.held.get(support.facts.id) ?? []);
  const { windows, everyOtherWeek, taken } = probeWindows(goal.measuredEvery, world.options.probesPerWeek);
  const firstMonday = from - ((from + 3) % 7);
  for (let monday = firstMonday, week = 0; monday <= last; monday += 7, week++) {
    if (everyOtherWeek && week % 2 === 1) continue;
    for (const [start, end] of windows) {
      const low = Math.max(from, monday + start);
      const high = Math.min(last, monday + end);
      if (low > high || rng.chance(SKIPPED) || (taken < 1 && !rng.chance(taken))) continue;
      const inWindow = sessions.filter((session) => session.day >= low && session.day <= high);
      const session = inWindow.length > 0 && rng.chance(IN_SESSION) ? rng.pick(inWindow) : null;
      const day = session ? session.day : rng.int(low, high);
      const support = session ? session.support : rng.pick(supports);
      addPoint(ctx, rng, goal, course, { day, session, setting: support.settingClass }, out);
    }
  }
}

function addPoint(
  ctx: StudentProgress,
  rng: Rng,
  goal: GoalRow,
  course: GoalCourse,
  at: { day: number; session: HeldSession | null; setting: string },
  out: DemoActivity,
): void {
  const { world } = ctx;
  const date = dateOfDay(at.day);
  const createdAt = instant(date, rng.int(15 * 60, 18 * 60));
  let value = probe(ctx.profile, course, at.day, noiseDraw(rng));
  let observationId: string | null = null;
  if (!at.session && goal.measurement === 'intervals' && rng.chance(BY_OBSERVATION)) {
    const behaviour = goal.area === 'social_emotional' || goal.area === 'communication' ? 'interacting' : 'engaged';
    const observed = addObservation(
      world,
      rng,
      {
        studentId: ctx.studentId,
        date,
        setting: at.setting,
        observedBy: ctx.caseManagerId,
        createdAt,
        measure: { behaviour, percent: value },
        neverInitiates: ctx.neverInitiates,
      },
      out,
    );
    observationId = observed.id;
    value = observed.percent ?? value;
  }
  out.progressPoints.push({
    id: world.streams.id('progressPoint'),
    goalId: goal.id,
    date,
    value,
    setting: at.setting,
    collectedBy: ctx.caseManagerId,
    source: at.session ? 'session' : observationId ? 'observation' : 'manual',
    sessionId: at.session?.id ?? null,
    observationId,
    note: null,
    createdAt,
    updatedAt: createdAt,
  });
}

/**
 * A student in a one-sided pair is observed three times in the last weeks, ten school days apart:
 * the observations a team looks at before deciding the pair needs a change.
 */
export function addPairObservations(ctx: StudentProgress, rng: Rng, support: SupportView, out: DemoActivity): void {
  const { world } = ctx;
  const today = dayNumber(world.asOf);
  const earliest = Math.max(dayNumber(ctx.planStart), dayNumber(world.startDate), dayNumber(support.facts.startDate));
  for (let back = 3; back >= 1; back--) {
    let day = today - 1 - (back - 1) * 14;
    while ((day + 4) % 7 === 0 || (day + 4) % 7 === 6) day--;
    if (day < earliest) continue;
    const date = dateOfDay(day);
    addObservation(
      world,
      rng,
      {
        studentId: ctx.studentId,
        date,
        setting: support.settingClass,
        observedBy: ctx.caseManagerId,
        createdAt: instant(date, rng.int(15 * 60, 18 * 60)),
        measure: null,
        neverInitiates: true,
      },
      out,
    );
  }
}
