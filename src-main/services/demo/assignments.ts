/**
 * Demo assignments of mentors to peer supports, made under the same rules the app enforces
 * (services/mentors/eligibility.ts): current consent of both, the training the role needs, under
 * the load cap, not on time off, free in one of the support's periods, and never one's own support.
 * Some supports stay unstaffed (the matching screen's work); some assignments ended (reassigned,
 * finished, consent withdrawn). Then the mentors' recognition: service hours, awards, letters.
 */

import { addDays, dayNumber, daysBetween } from '../../contract/calendar';
import type { PeerRole } from '../../contract/plans';
import { REQUIRED_TRAINING } from '../mentors/eligibility';
import { instant, maxDate, minDate, schoolDayOnOrAfter, schoolYearLabel } from './calendar';
import type { AccommodationFacts, DemoWorld, MentorFacts, RoleWindow } from './model';
import type { Rng } from './prng';
import { slotKey } from './school';

/** From when consent and training let a mentor take a role, and until when (exclusive); null if never. */
function roleWindow(mentor: MentorFacts, role: PeerRole): RoleWindow | null {
  const known = mentor.roleWindows.get(role);
  if (known !== undefined) return known;
  let window: RoleWindow | null = null;
  if (mentor.consentGivenOn && mentor.guardianConsentGivenOn) {
    window = { from: maxDate(mentor.consentGivenOn, mentor.guardianConsentGivenOn), until: mentor.withdrawnOn };
    for (const module of REQUIRED_TRAINING[role]) {
      const record = mentor.training.get(module);
      if (!record) {
        window = null;
        break;
      }
      window.from = maxDate(window.from, record.completedOn);
      if (record.expiresOn && (!window.until || record.expiresOn < window.until)) window.until = record.expiresOn;
    }
  }
  mentor.roleWindows.set(role, window);
  return window;
}

/** Assignments that have not ended by `date` (an open-ended new one would overlap them all). */
function runningOn(mentor: MentorFacts, date: string): number {
  return mentor.stretches.filter((stretch) => stretch.endDate === null || stretch.endDate > date).length;
}

/** The first school day on or after `from` the rules let the mentor start, or null if none by `until`. */
function earliestStart(mentor: MentorFacts, support: AccommodationFacts, from: string, until: string): string | null {
  if (mentor.studentId === support.studentId) return null;
  const window = roleWindow(mentor, support.role);
  if (!window) return null;
  let start = schoolDayOnOrAfter(maxDate(from, window.from));
  for (const off of mentor.timeOff) {
    if (off.startDate <= start && start <= off.endDate) start = schoolDayOnOrAfter(addDays(off.endDate, 1));
  }
  if (start > until || (window.until && window.until <= start)) return null;
  return runningOn(mentor, start) < mentor.loadCap ? start : null;
}

function freeOverlap(mentor: MentorFacts, support: AccommodationFacts): string[] {
  return support.slots.map(slotKey).filter((key) => mentor.free.has(key));
}

type SlotIndex = Map<string, MentorFacts[]>;

const indexKey = (school: number, key: string) => `${school}|${key}`;

/** Mentors of a school free in a given slot; those who can never take anyone are left out. */
function indexBySlot(world: DemoWorld): SlotIndex {
  const index: SlotIndex = new Map();
  for (const mentor of world.mentors) {
    if (mentor.awaitingMatch || !roleWindow(mentor, 'peer_buddy')) continue;
    for (const key of mentor.free) {
      const list = index.get(indexKey(mentor.school, key));
      if (list) list.push(mentor);
      else index.set(indexKey(mentor.school, key), [mentor]);
    }
  }
  return index;
}

/** Takes a mentor out of the slots they can no longer offer (promised, or at their load cap for good). */
function retire(index: SlotIndex, mentor: MentorFacts, keys: Iterable<string>): void {
  for (const key of keys) {
    const list = index.get(indexKey(mentor.school, key));
    const at = list?.indexOf(mentor) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
  }
}

interface Choice {
  mentor: MentorFacts;
  start: string;
  overlap: string[];
}

/** How many allowed mentors to weigh against each other for one place: enough for a good match, few enough to stay fast at district scale. */
const SHORTLIST = 12;

/**
 * A coordinator keeps each mentor to at most this many sessions a week (the burnout flag starts
 * above it); only the demo's one near-burnout mentor, cast later, goes beyond it. A benchmark's
 * heavier `mentorLoad` raises it in proportion.
 */
const WEEKLY_SESSION_LIMIT = 8;

function weeklySessionLimit(world: DemoWorld): number {
  return Math.round(WEEKLY_SESSION_LIMIT * (world.options.mentorLoad ?? 1));
}

function chooseMentor(
  rng: Rng,
  limit: number,
  index: SlotIndex,
  support: AccommodationFacts,
  from: string,
  until: string,
  taken: Set<string>,
): Choice | null {
  const seen = new Set<MentorFacts>();
  let best: (Choice & { score: number }) | null = null;
  let allowed = 0;
  for (const slot of support.slots) {
    const list = index.get(indexKey(support.school, slotKey(slot))) ?? [];
    const offset = list.length > 0 ? rng.int(0, list.length - 1) : 0;
    for (let i = 0; i < list.length && allowed < SHORTLIST; i++) {
      const mentor = list[(offset + i) % list.length] as MentorFacts;
      if (seen.has(mentor) || taken.has(mentor.id)) continue;
      seen.add(mentor);
      if (mentor.weeklySessions + support.slots.length > limit) continue;
      const overlap = freeOverlap(mentor, support);
      if (overlap.length === 0) continue;
      const start = earliestStart(mentor, support, from, until);
      if (!start) continue;
      allowed++;
      const running = runningOn(mentor, '9999-12-31');
      // Prefer older mentors, spare capacity, more shared periods and starting soon; the random part varies the pairs.
      const score =
        rng.next() +
        (mentor.grade >= support.grade ? 0.8 : 0) +
        0.6 * (1 - running / mentor.loadCap) +
        (0.3 * overlap.length) / support.slots.length -
        0.02 * daysBetween(from, start);
      if (!best || score > best.score) best = { mentor, start, overlap, score };
    }
  }
  return best;
}

const END_REASONS: readonly (readonly ['reassigned' | 'finished' | 'other', number])[] = [
  ['reassigned', 5],
  ['finished', 3],
  ['other', 2],
];

export function makeAssignments(world: DemoWorld): void {
  const rng = world.streams.stream('assignments');
  const index = indexBySlot(world);
  const kickoff = schoolDayOnOrAfter(world.startDate);
  const onSupport = new Map<string, Set<string>>();
  // First one mentor for every support, then the second and third places of the group supports.
  const positions = Math.max(0, ...world.accommodations.map((support) => support.mentorsNeeded));
  for (let position = 0; position < positions; position++) {
    for (const support of world.accommodations) {
      if (position < support.mentorsNeeded) staffPosition(world, rng, index, support, kickoff, onSupport);
    }
  }
}

/** Fills one place of a support, and maybe a replacement or two after an assignment ends. */
function staffPosition(
  world: DemoWorld,
  rng: Rng,
  index: SlotIndex,
  support: AccommodationFacts,
  kickoff: string,
  onSupport: Map<string, Set<string>>,
): void {
  // An assignment starts at least a day before its support ends.
  const until = minDate(addDays(support.endDate, -1), world.asOf);
  let taken = onSupport.get(support.id);
  if (!taken) {
    taken = new Set();
    onSupport.set(support.id, taken);
  }
  // Matching happens in the first two weeks; a support that starts later is matched when it starts.
  let from = maxDate(support.startDate, schoolDayOnOrAfter(addDays(kickoff, rng.int(0, 9))));
  const limit = weeklySessionLimit(world);
  for (let turn = 0; turn < 3 && from <= until; turn++) {
    const choice = chooseMentor(rng, limit, index, support, from, until, taken);
    if (!choice) return;
    const { mentor, start } = choice;
    let endDate: string | null = null;
    let endReason: string | null = null;
    if (mentor.withdrawnOn) {
      endDate = mentor.withdrawnOn;
      endReason = 'consent_withdrawn';
    } else if (support.endDate < world.asOf) {
      endDate = support.endDate;
      endReason = 'finished';
    } else if (daysBetween(start, world.asOf) >= 21 && rng.chance(0.1)) {
      endDate = minDate(schoolDayOnOrAfter(addDays(start, rng.int(10, daysBetween(start, world.asOf)))), world.asOf);
      endReason = rng.weighted(END_REASONS);
    }
    taken.add(mentor.id);
    mentor.weeklySessions += support.slots.length;
    for (const key of choice.overlap) mentor.free.delete(key);
    mentor.stretches.push({ startDate: start, endDate });
    retire(
      index,
      mentor,
      runningOn(mentor, '9999-12-31') >= mentor.loadCap || mentor.free.size === 0 || mentor.weeklySessions >= limit
        ? [...mentor.free, ...choice.overlap]
        : choice.overlap,
    );
    world.rows.assignments.push({
      id: world.streams.id('assignment'),
      mentorId: mentor.id,
      accommodationId: support.id,
      startDate: start,
      endDate,
      endReason,
      createdAt: instant(start, rng.int(12 * 60, 22 * 60)),
    });
    // Most ended assignments are picked up by another mentor from the day they ended.
    if (!endDate || endReason === 'finished' || !rng.chance(0.7)) return;
    from = endDate;
  }
}

function weekdaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = dayNumber(from), end = dayNumber(to); day < end; day++) {
    const number = (day + 4) % 7;
    if (number !== 0 && number !== 6) count++;
  }
  return count;
}

/** Service hours every four weeks from the sessions planned, a few awards and letters, and last year's awards for returning mentors. */
export function makeRecognition(world: DemoWorld): void {
  const rng = world.streams.stream('recognition');
  const supports = new Map(world.accommodations.map((support) => [support.id, support]));
  const byMentor = new Map<string, typeof world.rows.assignments>();
  for (const row of world.rows.assignments) {
    const list = byMentor.get(row.mentorId);
    if (list) list.push(row);
    else byMentor.set(row.mentorId, [row]);
  }
  const weeks = world.options.weeks;
  // A few of the mentors who served get an award or a letter: at least one of each, so the screen shows them.
  const served = world.mentors.filter((mentor) => byMentor.has(mentor.id));
  const awarded = new Set(weeks >= 4 ? rng.sample(served, Math.max(1, Math.round(served.length * 0.06))) : []);
  const lettered = new Set(rng.sample(served, Math.max(1, Math.round(served.length * 0.04))));
  for (const mentor of world.mentors) {
    const add = (kind: 'service_hours' | 'award' | 'letter', date: string, description: string, hours: number | null = null) =>
      world.rows.mentorRecognition.push({ id: world.streams.id('recognition'), mentorId: mentor.id, kind, date, hours, description });
    if (mentor.consentGivenOn && mentor.consentGivenOn < world.startDate && rng.chance(0.1)) {
      add('award', addDays(world.startDate, -75), `Peer mentor service award, ${schoolYearLabel(addDays(world.startDate, -364))}`);
    }
    const rows = byMentor.get(mentor.id) ?? [];
    if (rows.length === 0) continue;
    for (let block = 0; block * 4 + 4 <= weeks; block++) {
      const from = addDays(world.startDate, block * 28);
      const to = addDays(from, 28);
      let minutes = 0;
      for (const row of rows) {
        const support = supports.get(row.accommodationId);
        if (!support) continue;
        const start = maxDate(row.startDate, from);
        const end = minDate(row.endDate ?? to, to);
        if (start >= end) continue;
        minutes += (weekdaysBetween(start, end) / 5) * support.sessionsPerWeek * support.minutesPerSession;
      }
      const hours = Math.round((minutes / 60) * 2) / 2;
      if (hours >= 0.5) add('service_hours', addDays(to, -1), `Peer support, weeks ${block * 4 + 1}–${block * 4 + 4}`, hours);
    }
    if (awarded.has(mentor)) add('award', addDays(world.startDate, rng.int(28, weeks * 7)), 'Peer Mentor of the Month');
    if (lettered.has(mentor))
      add('letter', addDays(world.startDate, rng.int(7, weeks * 7)), 'Letter of recommendation for a summer leadership program');
  }
}
