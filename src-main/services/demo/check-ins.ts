/**
 * Teachers' check-ins with each pair: every two to three weeks once a mentor is assigned, with the
 * supported student's belonging and engagement in keeping with how their goals move, the mentor's
 * workload and confidence, and a line or two of what works, what doesn't and what's next. A
 * one-sided pair's student rates low at every check-in (every two weeks, as the team watches); the
 * near-burnout mentor's check-ins follow the plan cast for them, workload rising.
 */
import { dateOfDay, dayNumber } from '../../contract/calendar';
import { instant } from './calendar';
import type { DemoActivity, DemoWorld } from './model';
import type { Rng } from './prng';
import type { MentorOnSupport, SupportView } from './sessions';
import type { Profile } from './trajectory';

type Tone = 'thriving' | 'steady' | 'stuck' | 'one_sided';
type Weights = readonly (readonly [number, number])[];

const TONE: Readonly<Record<Profile, Tone>> = {
  on_track: 'thriving',
  ahead: 'thriving',
  slow: 'steady',
  responding: 'steady',
  stopped: 'steady',
  flat: 'stuck',
};

const BELONGING: Readonly<Record<Tone, Weights>> = {
  thriving: [
    [3, 1],
    [4, 4],
    [5, 4],
  ],
  steady: [
    [3, 3],
    [4, 4],
    [5, 2],
  ],
  stuck: [
    [2, 1],
    [3, 5],
    [4, 4],
  ],
  one_sided: [
    [1, 1],
    [2, 2],
  ],
};

const ENGAGEMENT: Readonly<Record<Tone, Weights>> = {
  thriving: [
    [3, 2],
    [4, 4],
    [5, 3],
  ],
  steady: [
    [3, 4],
    [4, 4],
    [5, 1],
  ],
  stuck: [
    [2, 1],
    [3, 6],
    [4, 3],
  ],
  one_sided: [
    [1, 1],
    [2, 2],
  ],
};

const WORKLOAD: Weights = [
  [1, 2],
  [2, 5],
  [3, 3],
];

const WORKING: Readonly<Record<Tone, readonly string[]>> = {
  thriving: [
    'They have a routine: warm-up together, then the student works alone.',
    'The student asks the mentor questions instead of waiting.',
    'They sit together without being reminded.',
  ],
  steady: ['The mentor is patient and explains in small steps.', 'They meet reliably.'],
  stuck: ['The pair meets reliably.', 'The mentor keeps the materials organised.'],
  one_sided: ['The mentor always shows up and is kind.'],
};

const NOT_WORKING: Readonly<Record<Tone, readonly string[]>> = {
  thriving: ['Transitions at the start of the period take a few minutes.'],
  steady: ['Progress is slower than the team hoped.', 'The student loses focus after about ten minutes.'],
  stuck: ['The student seems unsure what to do when the mentor is not there.', 'Little change in the probes yet.'],
  one_sided: ['The mentor does the talking; the student rarely joins in.', 'The student waits for the mentor to start every task.'],
};

const NEXT_STEPS: Readonly<Record<Tone, readonly string[]>> = {
  thriving: ['Keep the routine; fade the mentor’s prompts.', 'Consider raising the goal at the next review.'],
  steady: ['Add a short check for understanding at the end.', 'Review the probes again in two weeks.'],
  stuck: ['Try a different task format with the same mentor.', 'Ask the team whether the support needs to change.'],
  one_sided: ['Give the student the lead on one task each session.', 'Coach the mentor to wait and ask, not tell.'],
};

const BURNOUT_NOT_WORKING = [
  'Mentor says the week is full: lunch and advisory are all taken.',
  'Mentor seems tired and missed their own club meeting.',
];
const BURNOUT_NEXT = ['Ask the case manager to move one peer to another mentor.', 'Plan a week off for the mentor.'];

export interface PairContext {
  world: DemoWorld;
  profile: Profile;
  caseManagerId: string;
}

function addCheckIn(
  ctx: PairContext,
  rng: Rng,
  support: SupportView,
  at: { day: number; mentorId: string; workload: number | null; tone: Tone; burnout: boolean },
  out: DemoActivity,
): void {
  const date = dateOfDay(at.day);
  const createdAt = instant(date, rng.int(15 * 60 + 30, 17 * 60 + 30));
  const worried = at.burnout && (at.workload ?? 0) >= 4;
  out.checkIns.push({
    id: ctx.world.streams.id('checkIn'),
    accommodationId: support.facts.id,
    date,
    whatsWorking: rng.chance(0.7) ? rng.pick(WORKING[at.tone]) : null,
    whatsNot: worried ? rng.pick(BURNOUT_NOT_WORKING) : rng.chance(0.5) ? rng.pick(NOT_WORKING[at.tone]) : null,
    belonging: rng.weighted(BELONGING[at.tone]),
    engagement: rng.weighted(ENGAGEMENT[at.tone]),
    mentorWorkload: at.workload ?? rng.weighted(WORKLOAD),
    mentorConfidence: at.tone === 'one_sided' || worried ? rng.int(2, 3) : rng.int(3, 5),
    nextSteps: worried ? rng.pick(BURNOUT_NEXT) : rng.chance(0.7) ? rng.pick(NEXT_STEPS[at.tone]) : null,
    mentorId: at.mentorId,
    conductedBy: ctx.caseManagerId,
    createdAt,
    updatedAt: createdAt,
  });
}

function runningOn(mentor: MentorOnSupport, day: number): boolean {
  return mentor.from <= day && (mentor.until === null || mentor.until > day);
}

/** Adds a support's check-ins, up to the day before the demo's "today", to `out`. */
export function addCheckIns(ctx: PairContext, rng: Rng, support: SupportView, oneSided: boolean, out: DemoActivity): void {
  const { world } = ctx;
  const tone: Tone = oneSided ? 'one_sided' : TONE[ctx.profile];
  const burnout = world.story.burnout;
  const planned = burnout?.checkIns.get(support.facts.id);
  if (burnout && planned) {
    for (const { date, workload } of planned) {
      addCheckIn(ctx, rng, support, { day: dayNumber(date), mentorId: burnout.mentorId, workload, tone, burnout: true }, out);
    }
    return;
  }
  const starts = support.mentors.map((mentor) => mentor.from);
  if (starts.length === 0) return;
  const last = Math.min(dayNumber(world.asOf) - 1, dayNumber(support.facts.endDate));
  const every = world.options.checkInEveryDays;
  // A benchmark's cadence varies by a fifth either way, like the usual two to three weeks.
  const [fewest, most] = every === undefined ? [14, 21] : [Math.round(every * 0.8), Math.round(every * 1.2)];
  let count = 0;
  for (let day = Math.min(...starts) + rng.int(10, 18); day <= last; day += oneSided ? 14 : rng.int(fewest, most)) {
    let onDay = day;
    while ((onDay + 4) % 7 === 0 || (onDay + 4) % 7 === 6) onDay++;
    if (onDay > last) break;
    const running = support.mentors.filter((mentor) => runningOn(mentor, onDay));
    const mentor = running[count % Math.max(1, running.length)];
    if (!mentor) continue;
    count++;
    addCheckIn(ctx, rng, support, { day: onDay, mentorId: mentor.mentorId, workload: null, tone, burnout: false }, out);
  }
}
