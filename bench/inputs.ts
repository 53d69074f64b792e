/**
 * What the benchmark asks for, chosen from the district itself with plain SQL before timing starts
 * (the same rows exist on both sides): the case manager whose caseload is nearest 60 students,
 * students with an active plan, name fragments to search for, and fresh, valid session and
 * progress-point inputs for the write cases (one per round, so no write collides with another).
 */
import type { InputOf } from '../src-main/contract';
import { addDays } from '../src-main/contract/calendar';
import { schoolDayOf } from '../src-main/services/progress/school-days';
import type { SqliteDatabase } from '../src-main/vault/database';

/** Rows per table of the district, as built. */
export const COUNTED = ['students', 'mentors', 'staff', 'goals', 'accommodations', 'sessions', 'progress_points', 'check_ins'] as const;

export function rowCounts(db: SqliteDatabase): Record<(typeof COUNTED)[number], number> {
  return Object.fromEntries(
    COUNTED.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]),
  ) as Record<(typeof COUNTED)[number], number>;
}

export interface BenchInputs {
  caseManagerId: string;
  caseloadSize: number;
  school: string;
  lastFourWeeks: { from: string; to: string };
  students: string[];
  searches: string[];
  sessions: InputOf<'sessions.create'>[];
  points: InputOf<'progressPoints.create'>[];
}

export function chooseInputs(db: SqliteDatabase, today: string, count: number): BenchInputs {
  const caseload = db
    .prepare(
      `SELECT case_manager_id AS id, count(*) AS n FROM students WHERE case_manager_id IS NOT NULL AND status = 'active'
       GROUP BY case_manager_id ORDER BY abs(count(*) - 60), case_manager_id LIMIT 1`,
    )
    .get() as { id: string; n: number };
  const students = (
    db
      .prepare(
        `SELECT DISTINCT s.id FROM students s JOIN plans p ON p.student_id = s.id AND p.status = 'active'
         ORDER BY s.id LIMIT ?`,
      )
      .all(count) as { id: string }[]
  ).map((row) => row.id);
  const names = db.prepare('SELECT last_name AS name FROM students ORDER BY id LIMIT ?').all(count) as { name: string }[];
  const school = (db.prepare('SELECT school FROM students GROUP BY school ORDER BY count(*) DESC LIMIT 1').get() as { school: string })
    .school;
  return {
    caseManagerId: caseload.id,
    caseloadSize: caseload.n,
    school,
    lastFourWeeks: { from: addDays(today, -27), to: today },
    students,
    searches: names.map((row, index) => row.name.slice(0, 2 + (index % 3)).toLowerCase()),
    sessions: freshSessions(db, today, count),
    points: freshPoints(db, today, count),
  };
}

/**
 * Held sessions on a weekday without a slot (one session fits there) within the last weeks, with a
 * mentor running on the accommodation that day and no session logged that day.
 */
function freshSessions(db: SqliteDatabase, today: string, count: number): InputOf<'sessions.create'>[] {
  const candidates = db
    .prepare(
      `SELECT a.id, a.slots, a.start_date AS startDate, a.end_date AS endDate, a.minutes_per_session AS minutes,
              m.mentor_id AS mentorId, m.start_date AS mentorFrom, m.end_date AS mentorTo
       FROM accommodations a
       JOIN plans p ON p.id = a.plan_id AND p.status = 'active'
       JOIN assignments m ON m.accommodation_id = a.id
       ORDER BY a.id LIMIT ?`,
    )
    .all(count * 4) as {
    id: string;
    slots: string;
    startDate: string;
    endDate: string;
    minutes: number;
    mentorId: string;
    mentorFrom: string;
    mentorTo: string | null;
  }[];
  const taken = db.prepare('SELECT count(*) AS n FROM sessions WHERE accommodation_id = ? AND date = ?');
  const inputs: InputOf<'sessions.create'>[] = [];
  for (const candidate of candidates) {
    const slotDays = new Set((JSON.parse(candidate.slots) as { day: string }[]).map((slot) => slot.day));
    for (let back = 1; back <= 60 && inputs.length < count; back += 1) {
      const date = addDays(today, -back);
      const day = schoolDayOf(date);
      if (day === null || slotDays.has(day)) continue;
      if (date < candidate.startDate || date > candidate.endDate || date < candidate.mentorFrom) continue;
      // An assignment runs until the day before its end date (services/mentors/records.ts runningOn).
      if (candidate.mentorTo !== null && date >= candidate.mentorTo) continue;
      if ((taken.get(candidate.id, date) as { n: number }).n > 0) continue;
      inputs.push({ accommodationId: candidate.id, date, status: 'held', minutes: candidate.minutes, mentorIds: [candidate.mentorId] });
      break;
    }
    if (inputs.length >= count) break;
  }
  if (inputs.length < count) throw new Error(`bench: found ${inputs.length} fresh sessions, needed ${count}`);
  return inputs;
}

function freshPoints(db: SqliteDatabase, today: string, count: number): InputOf<'progressPoints.create'>[] {
  const goals = db
    .prepare(
      `SELECT g.id, g.baseline, g.target, p.start_date AS startDate FROM goals g
       JOIN plans p ON p.id = g.plan_id AND p.status = 'active' AND p.start_date <= ? AND p.end_date >= ?
       ORDER BY g.id LIMIT ?`,
    )
    .all(today, today, count) as { id: string; baseline: number; target: number; startDate: string }[];
  if (goals.length < count) throw new Error(`bench: found ${goals.length} goals for progress points, needed ${count}`);
  return goals.map((goal) => ({ goalId: goal.id, date: today, value: Math.round((goal.baseline + goal.target) / 2) }));
}
