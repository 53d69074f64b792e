/**
 * What the demo generator takes and makes: its options, the rows it produces (plain objects shaped
 * like the vault's tables) and the world the steps share while they build them.
 */
import { z } from 'zod';
import type * as schema from '../../../db/schema';
import { Id, IsoDate, type Slot } from '../../contract/common';
import type { TrainingModule } from '../../contract/mentors';
import type { PeerRole, PlanType } from '../../contract/plans';
import type { SchoolCalendar } from '../../contract/school-year';
import type { StaffRole } from '../../contract/vault';
import type { Household } from './names';
import type { Streams } from './prng';
import { MAX_SCHOOLS, type SchoolSpec } from './school';
import type { Profile } from './trajectory';

const SchoolInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    lowGrade: z.number().int().min(0).max(12),
    highGrade: z.number().int().min(0).max(12),
  })
  .strict()
  .refine((school) => school.lowGrade <= school.highGrade, 'A school’s lowest grade must not be above its highest.');

export const DemoOptions = z
  .object({
    students: z.number().int().min(1).max(50_000).default(40),
    mentors: z.number().int().min(0).max(20_000).default(25),
    /** Default: one staff member per 12.5 students, at least 12 (every role is used from 7 on). */
    staff: z.number().int().min(7).max(5_000).optional(),
    /** Weeks of the program so far: the demo's "today" is `weeks` weeks after `startDate`. */
    weeks: z.number().int().min(1).max(52).default(12),
    seed: z.number().int().min(0).max(0xffff_ffff).default(1),
    /** The first day of the school year and of the peer-support program. */
    startDate: IsoDate.default('2026-09-01'),
    /** How many schools (1: a combined middle and high school), or the schools themselves. */
    schools: z.union([z.number().int().min(1).max(MAX_SCHOOLS), z.array(SchoolInput).min(1).max(MAX_SCHOOLS)]).default(1),
    /** Exact totals for a district-scale run; by default each student has 2–4 goals and 1–3 peer supports. */
    goals: z.number().int().min(1).max(400_000).optional(),
    accommodations: z.number().int().min(1).max(300_000).optional(),
    // The benchmark's density, each instead of the demo's own cadence:
    /** Progress points per goal and school week, on average (3.3: three most weeks, four in some). */
    probesPerWeek: z.number().min(0.5).max(5).optional(),
    /**
     * How many times the usual load each mentor carries (their load cap, and the weekly sessions a
     * coordinator keeps them to), so that a district's 2,000 mentors staff more of its 12,000 supports.
     */
    mentorLoad: z.number().min(1).max(4).optional(),
    /** Days between two check-ins with a pair, on average (two to three weeks otherwise). */
    checkInEveryDays: z.number().int().min(7).max(60).optional(),
    /** An existing staff record (the demo's signed-in case manager) who takes one generated caseload. */
    caseManagerId: Id.optional(),
  })
  .strict()
  .refine((options) => options.goals === undefined || (options.goals >= options.students && options.goals <= options.students * 8), {
    message: 'goals must be between 1 and 8 per student.',
    path: ['goals'],
  })
  .refine(
    (options) =>
      options.accommodations === undefined ||
      (options.accommodations >= options.students && options.accommodations <= options.students * 6),
    { message: 'accommodations must be between 1 and 6 per student.', path: ['accommodations'] },
  );
export type DemoOptionsInput = z.input<typeof DemoOptions>;
export type DemoOptionsValue = z.output<typeof DemoOptions>;

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

/** Every row the generator makes, by table, in an order that satisfies the foreign keys. */
export interface DemoProgram {
  staff: Row<typeof schema.staff>[];
  students: Row<typeof schema.students>[];
  guardians: Row<typeof schema.guardians>[];
  plans: Row<typeof schema.plans>[];
  planTeam: Row<typeof schema.planTeam>[];
  goals: Row<typeof schema.goals>[];
  accommodations: Row<typeof schema.accommodations>[];
  accommodationGoals: Row<typeof schema.accommodationGoals>[];
  mentors: Row<typeof schema.mentors>[];
  mentorTraining: Row<typeof schema.mentorTraining>[];
  mentorTimeOff: Row<typeof schema.mentorTimeOff>[];
  mentorRecognition: Row<typeof schema.mentorRecognition>[];
  assignments: Row<typeof schema.assignments>[];
  schoolCalendars: Row<typeof schema.schoolCalendars>[];
}

/**
 * What happened over the demo's weeks, one student at a time: sessions (with their mentors and the
 * goals they addressed), observations, progress points and check-ins. Made and written a batch at a
 * time, never all at once, so a district-size run keeps memory flat. In foreign-key order.
 */
export interface DemoActivity {
  sessions: Row<typeof schema.sessions>[];
  sessionMentors: Row<typeof schema.sessionMentors>[];
  sessionGoals: Row<typeof schema.sessionGoals>[];
  observations: Row<typeof schema.observations>[];
  progressPoints: Row<typeof schema.progressPoints>[];
  checkIns: Row<typeof schema.checkIns>[];
}

export type DemoCounts = { [K in keyof DemoProgram | keyof DemoActivity]: number };

export function emptyActivity(): DemoActivity {
  return { sessions: [], sessionMentors: [], sessionGoals: [], observations: [], progressPoints: [], checkIns: [] };
}

export function emptyProgram(): DemoProgram {
  return {
    staff: [],
    students: [],
    guardians: [],
    plans: [],
    planTeam: [],
    goals: [],
    accommodations: [],
    accommodationGoals: [],
    mentors: [],
    mentorTraining: [],
    mentorTimeOff: [],
    mentorRecognition: [],
    assignments: [],
    schoolCalendars: [],
  };
}

/** Rows per table: the program's, then the activity's as written. */
export function countsOf(program: DemoProgram, activity: { [K in keyof DemoActivity]: number }): DemoCounts {
  const counts = {} as DemoCounts;
  for (const key of Object.keys(program) as (keyof DemoProgram)[]) counts[key] = program[key].length;
  return { ...counts, ...activity };
}

// ── What the steps know about each other's records beyond the rows ─────────────────────────────

export interface StaffFacts {
  id: string;
  role: StaffRole;
  school: number;
  /** Relative caseload size. */
  weight: number;
}

export interface StudentFacts {
  id: string;
  school: number;
  grade: number;
  household: Household;
  planType: PlanType;
  caseManagerId: string;
}

export interface AccommodationFacts {
  id: string;
  studentId: string;
  school: number;
  grade: number;
  role: PeerRole;
  slots: Slot[];
  sessionsPerWeek: number;
  minutesPerSession: number;
  mentorsNeeded: number;
  startDate: string;
  endDate: string;
}

export interface TrainingFacts {
  completedOn: string;
  expiresOn: string | null;
}

/** When consent and training let a mentor start in a role: from `from`, until `until` (exclusive; null: no end). */
export interface RoleWindow {
  from: string;
  until: string | null;
}

export interface MentorFacts {
  id: string;
  school: number;
  grade: number;
  studentId: string | null;
  availability: Slot[];
  loadCap: number;
  consentGivenOn: string | null;
  guardianConsentGivenOn: string | null;
  /** The first withdrawal of either consent, if any. */
  withdrawnOn: string | null;
  training: Map<TrainingModule, TrainingFacts>;
  timeOff: { startDate: string; endDate: string }[];
  /** Assignments so far, as [start, end) stretches (end null while running). */
  stretches: { startDate: string; endDate: string | null }[];
  /** Just joined or not matched yet: left unassigned, so the demo has mentors to match. */
  awaitingMatch: boolean;
  /** Free slots (as `slotKey`s) not yet promised to one of the mentor's peers. */
  free: Set<string>;
  /** Sessions a week of every support they were given, so no start date finds them above the limit. */
  weeklySessions: number;
  /** Worked out once per role, when first needed. */
  roleWindows: Map<PeerRole, RoleWindow | null>;
}

/** Who plays which part in the demo's story, cast once the assignments are made. */
export interface DemoStory {
  /** Per student, in the order of `students`: how their goals move. */
  profiles: Profile[];
  /** Supports where the mentor does all the work: the student's belonging and engagement stay low. */
  oneSided: Set<string>;
  /** Students of one-sided supports: observed in the last weeks, never starting an interaction. */
  neverInitiate: Set<string>;
  /** The mentor near burnout, and their check-ins per support, planned so the workload rating rises. */
  burnout: { mentorId: string; checkIns: Map<string, { date: string; workload: number }[]> } | null;
}

export interface DemoWorld {
  options: DemoOptionsValue;
  streams: Streams;
  schools: SchoolSpec[];
  startDate: string;
  /** The demo's "today": `weeks` weeks into the program. */
  asOf: string;
  rows: DemoProgram;
  /** Each school's calendars (by school index), for the days sessions can fall on. */
  calendars: SchoolCalendar[][];
  /** Student numbers come from one permutation; mentors who are not supported students continue it. */
  studentNumberOffset: number;
  staff: StaffFacts[];
  students: StudentFacts[];
  accommodations: AccommodationFacts[];
  mentors: MentorFacts[];
  story: DemoStory;
}
