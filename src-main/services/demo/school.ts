/**
 * The synthetic school day: schools and their grade bands, a student's class schedule by period,
 * where and when each kind of peer support happens, and when mentors are free.
 */
import type { Day, Slot } from '../../contract/common';
import type { PeerRole } from '../../contract/plans';
import type { Rng } from './prng';

export interface SchoolSpec {
  name: string;
  /** 0 kindergarten … 12. */
  lowGrade: number;
  highGrade: number;
}

/** The demo's one school: a combined middle and high school. */
export const DEFAULT_SCHOOL: SchoolSpec = { name: 'Harborview Secondary School', lowGrade: 6, highGrade: 12 };

const SCHOOL_PLACES = [
  'Cedar Ridge',
  'Riverbend',
  'Lakeshore',
  'Maple Grove',
  'Willow Creek',
  'Summit View',
  'Pinecrest',
  'Eastgate',
  'Northfield',
  'Bayside',
  'Oak Hollow',
  'Sierra Vista',
  'Hawthorne',
  'Juniper Hills',
  'Stonebridge',
  'Meadowlark',
  'Crescent Bay',
  'Silver Lake',
  'Fox Run',
  'Granite Falls',
  'Clearwater',
  'Elm Park',
  'Prairie Wind',
  'Sunridge',
  'Harborview',
];
const QUARTERS = ['', ' East', ' West', ' North', ' South', ' Central', ' Valley', ' Heights'];
const BANDS = [
  { suffix: 'Middle School', lowGrade: 6, highGrade: 8 },
  { suffix: 'High School', lowGrade: 9, highGrade: 12 },
  { suffix: 'Elementary School', lowGrade: 0, highGrade: 5 },
  { suffix: 'Elementary School', lowGrade: 0, highGrade: 5 },
] as const;
export const MAX_SCHOOLS = SCHOOL_PLACES.length * QUARTERS.length;

/** `count` schools of a district: a middle and a high school first, then elementary, middle, high in turn. */
export function districtSchools(rng: Rng, count: number): SchoolSpec[] {
  if (count === 1) return [DEFAULT_SCHOOL];
  const places = rng.shuffle(SCHOOL_PLACES);
  return Array.from({ length: count }, (_, index) => {
    const band = BANDS[index % BANDS.length] as (typeof BANDS)[number];
    const place = `${places[index % places.length]}${QUARTERS[Math.floor(index / places.length)]}`;
    return { name: `${place} ${band.suffix}`, lowGrade: band.lowGrade, highGrade: band.highGrade };
  });
}

/** How many students a school has relative to the others: secondary schools carry more IEPs per building. */
export function schoolWeight(school: SchoolSpec): number {
  return (school.highGrade - school.lowGrade + 1) * (school.lowGrade >= 6 ? 1.3 : 0.8);
}

export type ClassKind = 'advisory' | 'english' | 'math' | 'science' | 'social' | 'pe' | 'elective' | 'resource' | 'lunch';

export interface ClassPeriod {
  period: number;
  kind: ClassKind;
  name: string;
}

export const ADVISORY_PERIOD = 0;
export const LUNCH_PERIOD = 5;
const CLASS_PERIODS = [1, 2, 3, 4, 6, 7, 8];

const MATH = ['Math 6', 'Math 7', 'Pre-Algebra 8', 'Algebra I', 'Geometry', 'Algebra II', 'Statistics'];
const SCIENCE = ['Earth Science 6', 'Life Science 7', 'Physical Science 8', 'Biology', 'Chemistry', 'Physics', 'Environmental Science'];
const SOCIAL = ['World Geography 6', 'World History 7', 'US History 8', 'World History', 'US History', 'Government', 'Economics'];
const ELECTIVES = [
  'Art',
  'Band',
  'Chorus',
  'Spanish I',
  'Computer Science',
  'Robotics',
  'Drama',
  'Culinary Arts',
  'Ceramics',
  'Digital Media',
];

function gradeLabel(grade: number): string {
  return grade === 0 ? 'Kindergarten' : `Grade ${grade}`;
}

function secondaryName(rng: Rng, kind: ClassKind, grade: number, planType: 'iep' | '504'): string {
  const index = Math.min(6, Math.max(0, grade - 6));
  switch (kind) {
    case 'english':
      return `English ${grade}`;
    case 'math':
      return MATH[index] as string;
    case 'science':
      return SCIENCE[index] as string;
    case 'social':
      return SOCIAL[index] as string;
    case 'pe':
      return grade >= 9 ? 'Health & PE' : `PE ${grade}`;
    case 'elective':
      return rng.pick(ELECTIVES);
    case 'resource':
      return planType === 'iep' ? 'Learning Strategies' : 'Study Hall';
    case 'advisory':
      return 'Advisory';
    case 'lunch':
      return 'Lunch';
  }
}

/** A student's day, one class per period 0–8 (0 advisory or morning meeting, 5 lunch). */
export function studentSchedule(rng: Rng, grade: number, planType: 'iep' | '504'): ClassPeriod[] {
  if (grade <= 5) {
    const label = gradeLabel(grade);
    const specials = rng.pick(['Art', 'Music', 'PE', 'Library']);
    return [
      { period: 0, kind: 'advisory', name: `${label} Morning Meeting` },
      { period: 1, kind: 'english', name: `${label} Reading` },
      { period: 2, kind: 'english', name: `${label} Writing` },
      { period: 3, kind: 'math', name: `${label} Math` },
      { period: 4, kind: 'pe', name: 'Recess' },
      { period: 5, kind: 'lunch', name: 'Lunch' },
      { period: 6, kind: 'science', name: `${label} Science` },
      { period: 7, kind: 'social', name: `${label} Social Studies` },
      { period: 8, kind: 'elective', name: specials },
    ];
  }
  const kinds = rng.shuffle<ClassKind>(['english', 'math', 'science', 'social', 'pe', 'elective', 'resource']);
  const day: ClassPeriod[] = [
    { period: ADVISORY_PERIOD, kind: 'advisory', name: 'Advisory' },
    { period: LUNCH_PERIOD, kind: 'lunch', name: 'Lunch' },
  ];
  CLASS_PERIODS.forEach((period, index) => {
    const kind = kinds[index] as ClassKind;
    day.push({ period, kind, name: secondaryName(rng, kind, grade, planType) });
  });
  return day.sort((a, b) => a.period - b.period);
}

/** Where each kind of peer support usually happens, most likely first. */
const ROLE_SETTINGS: Readonly<Record<PeerRole, readonly ClassKind[]>> = {
  peer_tutor: ['math', 'english', 'science', 'resource'],
  peer_buddy: ['lunch', 'pe', 'advisory', 'elective'],
  peer_note_taker: ['science', 'social', 'english'],
  peer_facilitator: ['science', 'social', 'elective', 'english'],
  circle_of_friends: ['lunch', 'advisory'],
  cooperative_group: ['math', 'science', 'social'],
  leadership_rotation: ['advisory', 'elective', 'pe'],
};

/** The class for a new peer support: one that suits the role, in a period the student has no other peer support. */
export function chooseSetting(rng: Rng, role: PeerRole, schedule: readonly ClassPeriod[], taken: ReadonlySet<number>): ClassPeriod | null {
  const free = schedule.filter((entry) => !taken.has(entry.period));
  const suited = free.filter((entry) => ROLE_SETTINGS[role].includes(entry.kind));
  if (suited.length > 0) return rng.pick(suited);
  return free.length > 0 ? rng.pick(free) : null;
}

const WEEK: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const MWF: readonly Day[] = ['mon', 'wed', 'fri'];
const TTH: readonly Day[] = ['tue', 'thu'];

/** The days a peer support meets in a week. */
function meetingDays(rng: Rng, role: PeerRole): readonly Day[] {
  switch (role) {
    case 'peer_note_taker':
      return WEEK;
    case 'circle_of_friends':
      return rng.chance(0.6) ? [rng.pick(WEEK)] : rng.pick([['tue', 'thu'] as Day[], ['mon', 'thu'] as Day[]]);
    case 'cooperative_group':
    case 'peer_facilitator':
      return rng.chance(0.5) ? MWF : TTH;
    case 'leadership_rotation':
      return rng.chance(0.5) ? WEEK : [rng.pick(WEEK)];
    default:
      return rng.weighted([
        [WEEK, 5],
        [MWF, 3],
        [TTH, 2],
      ]);
  }
}

function sessionMinutes(rng: Rng, role: PeerRole, kind: ClassKind): number {
  if (kind === 'advisory') return rng.pick([10, 15, 20]);
  if (kind === 'lunch') return rng.pick([20, 25, 30]);
  switch (role) {
    case 'peer_note_taker':
      return rng.pick([40, 45, 50]);
    case 'leadership_rotation':
      return rng.pick([10, 15]);
    case 'circle_of_friends':
      return rng.pick([25, 30]);
    default:
      return rng.pick([15, 20, 25, 30, 40]);
  }
}

export interface Meeting {
  slots: Slot[];
  minutesPerSession: number;
}

export function meetingFor(rng: Rng, role: PeerRole, setting: ClassPeriod): Meeting {
  return {
    slots: meetingDays(rng, role).map((day) => ({ day, period: setting.period })),
    minutesPerSession: sessionMinutes(rng, role, setting.kind),
  };
}

/** When a mentor is free to support: lunch, advisory, and a study hall or teacher's-aide period or two. */
export function mentorAvailability(rng: Rng): Slot[] {
  const periods = new Set<number>();
  if (rng.chance(0.7)) periods.add(LUNCH_PERIOD);
  if (rng.chance(0.5)) periods.add(ADVISORY_PERIOD);
  for (const period of rng.sample(CLASS_PERIODS, rng.int(1, 3))) periods.add(period);
  const days = rng.chance(0.75) ? WEEK : WEEK.filter(() => rng.chance(0.7));
  const slots: Slot[] = [];
  for (const day of days.length > 0 ? days : WEEK) {
    for (const period of [...periods].sort((a, b) => a - b)) slots.push({ day, period });
  }
  return slots;
}

export function slotKey(slot: Slot): string {
  return `${slot.day}${slot.period}`;
}
