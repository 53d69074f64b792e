/**
 * A peer support's sessions over the demo: one for each slot of its schedule on a school day while a
 * mentor is assigned and not on time off, up to the day before the demo's "today". About one in ten
 * is missed: the student absent most often (on the same days for all their supports), the mentor
 * absent (the same days for all of theirs), a schedule change for that class period, or something
 * else. Held sessions last about the planned minutes and address every goal the support serves.
 */

import { dateOfDay } from '../../contract/calendar';
import type { Day } from '../../contract/common';
import type { PeerRole } from '../../contract/plans';
import type { MissReason } from '../../contract/progress';
import { isSchoolDay } from '../../contract/school-year';
import { instant } from './calendar';
import type { AccommodationFacts, DemoActivity, DemoWorld } from './model';
import { hashUnit, type Rng } from './prng';

/** A mentor's assignment to a support, in day numbers (`until` exclusive, null while it runs). */
export interface MentorOnSupport {
  mentorId: string;
  /** Position in `world.mentors`: the key of their absences. */
  mentorIndex: number;
  from: number;
  until: number | null;
  timeOff: readonly { from: number; to: number }[];
  /** Never misses a session (the near-burnout mentor: part of the problem). */
  steady: boolean;
}

/** A support as its sessions, points and check-ins need it. */
export interface SupportView {
  facts: AccommodationFacts;
  settingClass: string;
  /** The goals it serves. */
  goalIds: readonly string[];
  mentors: readonly MentorOnSupport[];
}

export interface HeldSession {
  id: string;
  day: number;
  support: SupportView;
}

/** Chances per school day; together about one session in ten is missed. */
const STUDENT_ABSENT = 0.05;
const MENTOR_ABSENT = 0.03;
const SCHEDULE_CHANGE = 0.02;
const OTHER_MISS = 0.012;

/** Which shared fact a `hashUnit` draw decides. */
const STUDENT_ABSENCE = 1;
const MENTOR_ABSENCE = 2;
const PERIOD_CHANGE = 3;

const WEEKDAY: Readonly<Record<Day, number>> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5 };

/** Minutes against the plan: mostly as planned, sometimes a little short, now and then cut to half. */
const MINUTE_CHANGES: readonly (readonly [number, number])[] = [
  [0, 55],
  [-5, 20],
  [5, 8],
  [-10, 9],
  [-0.5, 8],
];

const HELD_NOTES: Readonly<Record<PeerRole, readonly string[]>> = {
  peer_tutor: ['Worked through the warm-up, then the student tried two problems alone.', 'Reviewed vocabulary before the quiz.'],
  peer_buddy: ['Ate together with two classmates.', 'Walked to class together; the student started the conversation.'],
  peer_note_taker: ['Notes shared in the class folder.', 'Notes shared; diagrams copied from the board.'],
  peer_facilitator: ['The student read the group’s answer aloud.', 'Group roles rotated; the student was recorder.'],
  circle_of_friends: ['Played a card game; everyone took a turn to choose.', 'Talked about the weekend game.'],
  cooperative_group: ['Role cards used; the student was materials manager.', 'The group finished the lab together.'],
  leadership_rotation: ['The student handed out materials without a reminder.', 'Led the attendance job.'],
};

const MISS_NOTES: Readonly<Record<MissReason, readonly (string | null)[]>> = {
  student_absent: [null, null, null, 'Student out sick.'],
  mentor_absent: [null, 'Mentor on a field trip.', 'Mentor out sick.'],
  schedule_change: [null, 'Assembly during this period.', 'State testing: classes shortened.', 'Fire drill.'],
  other: ['Student was with the nurse.', 'Student went to the counselor instead.', 'Could not find each other at lunch.'],
};

function heldMinutes(rng: Rng, planned: number): number {
  const change = rng.weighted(MINUTE_CHANGES);
  const minutes = change === -0.5 ? Math.round(planned / 10) * 5 : planned + change;
  return Math.min(240, Math.max(5, minutes));
}

/** Assigned that day and not on time off: time off is planned, so the support pauses rather than being logged as missed. */
function dueOn(mentor: MentorOnSupport, day: number): boolean {
  return (
    mentor.from <= day && (mentor.until === null || mentor.until > day) && !mentor.timeOff.some((off) => off.from <= day && day <= off.to)
  );
}

function absent(seed: number, mentor: MentorOnSupport, day: number): boolean {
  return !mentor.steady && hashUnit(seed, MENTOR_ABSENCE, mentor.mentorIndex, day) < MENTOR_ABSENT;
}

/** Why a session on `day` was missed, or null when it was held with `present` mentors. */
function missReason(
  world: DemoWorld,
  rng: Rng,
  support: SupportView,
  studentIndex: number,
  period: number,
  day: number,
  present: readonly MentorOnSupport[],
): MissReason | null {
  const { seed } = world.options;
  if (hashUnit(seed, STUDENT_ABSENCE, studentIndex, day) < STUDENT_ABSENT) return 'student_absent';
  if (hashUnit(seed, PERIOD_CHANGE, support.facts.school * 16 + period, day) < SCHEDULE_CHANGE) return 'schedule_change';
  if (present.length === 0) return 'mentor_absent';
  return rng.chance(OTHER_MISS) ? 'other' : null;
}

/** Adds the support's sessions from day `first` to `last` (day numbers) to `out`; returns the held ones. */
export function addSessions(
  world: DemoWorld,
  rng: Rng,
  support: SupportView,
  studentIndex: number,
  range: { first: number; last: number },
  out: DemoActivity,
): HeldSession[] {
  const held: HeldSession[] = [];
  const { facts } = support;
  for (let day = range.first; day <= range.last; day++) {
    const weekday = (day + 4) % 7;
    if (weekday === 0 || weekday === 6) continue;
    // No sessions over the school's breaks and holidays.
    if (!isSchoolDay(world.calendars[facts.school] ?? null, dateOfDay(day))) continue;
    const due = support.mentors.filter((mentor) => dueOn(mentor, day));
    if (due.length === 0) continue;
    for (const slot of facts.slots) {
      if (WEEKDAY[slot.day] !== weekday) continue;
      const present = due.filter((mentor) => !absent(world.options.seed, mentor, day));
      const reason = missReason(world, rng, support, studentIndex, slot.period, day, present);
      const id = world.streams.id('session');
      const date = dateOfDay(day);
      const at = instant(date, rng.int(14 * 60 + 30, 17 * 60 + 30));
      const note = reason ? rng.pick(MISS_NOTES[reason]) : rng.chance(0.06) ? rng.pick(HELD_NOTES[facts.role]) : null;
      out.sessions.push({
        id,
        accommodationId: facts.id,
        date,
        status: reason ? 'missed' : 'held',
        missReason: reason,
        minutes: reason ? 0 : heldMinutes(rng, facts.minutesPerSession),
        note,
        createdAt: at,
        updatedAt: at,
      });
      // Who was there, or who was due when it was missed.
      for (const mentor of reason ? due : present) out.sessionMentors.push({ sessionId: id, mentorId: mentor.mentorId });
      if (reason) continue;
      for (const goalId of support.goalIds) out.sessionGoals.push({ sessionId: id, goalId });
      held.push({ id, day, support });
    }
  }
  return held;
}
