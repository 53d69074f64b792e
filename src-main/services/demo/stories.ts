/**
 * The demo's story, cast once mentors are matched: how each student's goals move (a profile per
 * student), a few one-sided pairs, one mentor near burnout, one whose training expires within a
 * month, and one whose guardian has withdrawn consent from a day just ahead. Every change keeps to
 * the rules the app enforces when it assigns a mentor, so each program-health flag shows up in a
 * case the app itself could have recorded.
 */

import { addDays, daysBetween, mondayOf } from '../../contract/calendar';
import { TRAINING_MODULES } from '../../contract/mentors';
import { instant, maxDate, schoolDayOnOrAfter } from './calendar';
import type { AccommodationFacts, DemoWorld, MentorFacts } from './model';
import { Deck, type Rng } from './prng';
import { slotKey } from './school';
import { PROFILE_ROUND } from './trajectory';

type AssignmentRow = DemoWorld['rows']['assignments'][number];

/** Sessions a week the near-burnout mentor ends up with: above the flag's 8 even after a student absence or two. */
const BURNOUT_WEEKLY = 11;
/** How many peers they agreed to at the start, before asking for fewer. */
const BURNOUT_PEERS = 4;
/** The check-ins with them come every three weeks per support, a day apart between supports. */
const BURNOUT_CHECK_IN_EVERY = 21;
/** Mentors weighed for the part: enough to find a full week in a small demo, few enough to stay quick in a district. */
const BURNOUT_CANDIDATES = 40;
/** Share of supports where the mentor ends up doing all the work. */
const ONE_SIDED_SHARE = 0.05;

function byKey<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** Both consents given and never withdrawn. */
function consenting(mentor: MentorFacts): boolean {
  return mentor.consentGivenOn !== null && mentor.guardianConsentGivenOn !== null && mentor.withdrawnOn === null;
}

/** From when a consenting mentor may take any role, with every module valid until after today; null if never. */
function readyForAnyRole(mentor: MentorFacts, asOf: string): string | null {
  if (!consenting(mentor) || !mentor.consentGivenOn || !mentor.guardianConsentGivenOn) return null;
  let ready = maxDate(mentor.consentGivenOn, mentor.guardianConsentGivenOn);
  for (const module of TRAINING_MODULES) {
    const record = mentor.training.get(module);
    if (!record || (record.expiresOn !== null && record.expiresOn <= asOf)) return null;
    ready = maxDate(ready, record.completedOn);
  }
  return ready;
}

interface Story {
  world: DemoWorld;
  rng: Rng;
  kickoff: string;
  byMentor: Map<string, AssignmentRow[]>;
  bySupport: Map<string, AssignmentRow[]>;
  supportOf: Map<string, AccommodationFacts>;
}

export function castStories(world: DemoWorld): void {
  const rng = world.streams.stream('stories');
  const deck = new Deck(rng, PROFILE_ROUND);
  world.story.profiles = world.students.map(() => deck.deal());
  const story: Story = {
    world,
    rng,
    kickoff: schoolDayOnOrAfter(world.startDate),
    byMentor: byKey(world.rows.assignments, (row) => row.mentorId),
    bySupport: byKey(world.rows.assignments, (row) => row.accommodationId),
    supportOf: new Map(world.accommodations.map((support) => [support.id, support])),
  };
  const burnout = castBurnout(story);
  castOneSided(story, burnout);
  const expiring = castExpiringTraining(story, [burnout]);
  castWithdrawalAhead(story, [burnout, expiring]);
}

interface LoadPlan {
  mentor: MentorFacts;
  added: { support: AccommodationFacts; start: string }[];
  weekly: number;
  running: number;
}

/** How far a mentor's week could fill with supports they may join from the first week on. */
function planLoad(story: Story, mentor: MentorFacts, ready: string, supports: readonly AccommodationFacts[]): LoadPlan {
  const { world, kickoff } = story;
  const own = story.byMentor.get(mentor.id) ?? [];
  const running = own.filter((row) => row.endDate === null);
  let weekly = running.reduce((sum, row) => sum + (story.supportOf.get(row.accommodationId)?.slots.length ?? 0), 0);
  const free = new Set(mentor.availability.map(slotKey));
  const latestStart = addDays(kickoff, 7);
  const added: LoadPlan['added'] = [];
  for (const support of supports) {
    // Every assignment the mentor ever had counts against the cap, so no start date can find them over it.
    if (weekly >= BURNOUT_WEEKLY || own.length + added.length >= BURNOUT_PEERS) break;
    if (support.studentId === mentor.studentId || own.some((row) => row.accommodationId === support.id)) continue;
    if (!support.slots.some((slot) => free.has(slotKey(slot)))) continue;
    const start = schoolDayOnOrAfter(maxDate(support.startDate, ready, kickoff));
    if (start > latestStart || start >= support.endDate || start > world.asOf) continue;
    added.push({ support, start });
    weekly += support.slots.length;
  }
  return { mentor, added, weekly, running: running.length + added.length };
}

/**
 * A keen mentor who said yes to four peers, most of them daily: more than 8 sessions a week, no
 * time off since the start, workload ratings rising at each check-in, and at the last one they asked
 * for fewer peers: their cap was lowered, the assignments not moved yet, so they are over it.
 */
function castBurnout(story: Story): string | null {
  const { world, rng, kickoff } = story;
  const candidates = rng
    .shuffle(world.mentors)
    .map((mentor) => ({ mentor, ready: readyForAnyRole(mentor, world.asOf) }))
    .filter(
      (entry): entry is { mentor: MentorFacts; ready: string } =>
        entry.ready !== null && entry.ready <= addDays(kickoff, 7) && !entry.mentor.timeOff.some((off) => off.startDate <= world.asOf),
    );
  // Daily supports first, those still short of mentors before the others.
  const supports = rng
    .shuffle(world.accommodations)
    .map((support) => {
      const staffed = (story.bySupport.get(support.id) ?? []).filter((row) => row.endDate === null).length;
      return { support, rank: support.slots.length * 2 + (staffed < support.mentorsNeeded ? 1 : 0) };
    })
    .sort((a, b) => b.rank - a.rank);
  const bySchool = byKey(supports, (entry) => String(entry.support.school));
  let best: LoadPlan | null = null;
  for (const { mentor, ready } of candidates.slice(0, BURNOUT_CANDIDATES)) {
    const local = (bySchool.get(String(mentor.school)) ?? []).map((entry) => entry.support);
    const plan = planLoad(story, mentor, ready, local);
    if (!best || plan.weekly > best.weekly) best = plan;
    if (plan.weekly >= BURNOUT_WEEKLY) break;
  }
  if (!best || best.running < 2) return null;

  const { mentor } = best;
  for (const { support, start } of best.added) {
    const row: AssignmentRow = {
      id: world.streams.id('assignment'),
      mentorId: mentor.id,
      accommodationId: support.id,
      startDate: start,
      endDate: null,
      endReason: null,
      createdAt: instant(start, rng.int(12 * 60, 16 * 60)),
    };
    world.rows.assignments.push(row);
    mentor.stretches.push({ startDate: start, endDate: null });
    story.byMentor.set(mentor.id, [...(story.byMentor.get(mentor.id) ?? []), row]);
  }
  const lowered = Math.max(1, best.running - 1);
  mentor.loadCap = lowered;
  const row = world.rows.mentors.find((candidate) => candidate.id === mentor.id);
  if (row) {
    row.loadCap = lowered;
    row.updatedAt = instant(addDays(world.asOf, -rng.int(1, 3)), rng.int(15 * 60, 17 * 60));
  }
  world.story.burnout = { mentorId: mentor.id, checkIns: burnoutCheckIns(story, mentor) };
  return mentor.id;
}

/** The near-burnout mentor's check-ins, on distinct days: workload 2, then 3, and the last three 3, 4, 5. */
function burnoutCheckIns(story: Story, mentor: MentorFacts): Map<string, { date: string; workload: number }[]> {
  const { world } = story;
  const running = (story.byMentor.get(mentor.id) ?? []).filter((row) => row.endDate === null).slice(0, 5);
  const planned: { supportId: string; date: string }[] = [];
  running.forEach((row, index) => {
    // Monday to Friday of the same week for up to five supports: never two on one day.
    for (let date = addDays(mondayOf(addDays(row.startDate, 14)), index); date < world.asOf; date = addDays(date, BURNOUT_CHECK_IN_EVERY)) {
      planned.push({ supportId: row.accommodationId, date });
    }
  });
  planned.sort((a, b) => (a.date < b.date ? -1 : 1));
  const plan = new Map<string, { date: string; workload: number }[]>();
  planned.forEach(({ supportId, date }, index) => {
    const fromEnd = planned.length - index;
    const workload = fromEnd <= 3 ? 6 - fromEnd : index < (planned.length - 3) / 2 ? 2 : 3;
    plan.set(supportId, [...(plan.get(supportId) ?? []), { date, workload }]);
  });
  return plan;
}

/** A few pairs where the mentor does the work: supports of students who are not moving, running from the first weeks. */
function castOneSided(story: Story, burnoutId: string | null): void {
  const { world, rng, kickoff } = story;
  const profileOf = new Map(world.students.map((student, index) => [student.id, world.story.profiles[index]]));
  const early = world.accommodations.filter((support) =>
    (story.bySupport.get(support.id) ?? []).some(
      (row) => row.endDate === null && row.mentorId !== burnoutId && row.startDate <= addDays(kickoff, 21),
    ),
  );
  const stuck = early.filter((support) => ['flat', 'slow'].includes(profileOf.get(support.studentId) ?? ''));
  const pool = stuck.length > 0 ? stuck : early;
  for (const support of rng.sample(pool, Math.max(1, Math.round(world.accommodations.length * ONE_SIDED_SHARE)))) {
    world.story.oneSided.add(support.id);
    world.story.neverInitiate.add(support.studentId);
  }
}

/** A serving mentor's confidentiality training, renewed a year ago, expires in one to four weeks. */
function castExpiringTraining(story: Story, taken: readonly (string | null)[]): string | null {
  const { world, rng } = story;
  const expiresOn = addDays(world.asOf, rng.int(7, 25));
  const completedOn = addDays(expiresOn, -365);
  const candidates = world.mentors.filter((mentor) => {
    const own = story.byMentor.get(mentor.id) ?? [];
    const record = mentor.training.get('confidentiality');
    return (
      !taken.includes(mentor.id) &&
      consenting(mentor) &&
      record !== undefined &&
      (record.expiresOn === null || daysBetween(world.asOf, record.expiresOn) > 30) &&
      own.some((row) => row.endDate === null) &&
      // Completed before every assignment began, as the rules ask.
      own.every((row) => row.startDate >= completedOn)
    );
  });
  if (candidates.length === 0) return null;
  const mentor = rng.pick(candidates);
  mentor.training.set('confidentiality', { completedOn, expiresOn });
  const row = world.rows.mentorTraining.find((record) => record.mentorId === mentor.id && record.module === 'confidentiality');
  if (row) Object.assign(row, { completedOn, expiresOn });
  return mentor.id;
}

/**
 * A guardian has told the school their child stops mentoring from a day next week: the withdrawal is
 * recorded with that date, which ends the running assignments on it (as the app does), so until then
 * the mentor is still assigned without current consent.
 */
function castWithdrawalAhead(story: Story, taken: readonly (string | null)[]): void {
  const { world, rng } = story;
  const candidates = world.mentors.filter(
    (mentor) =>
      !taken.includes(mentor.id) &&
      consenting(mentor) &&
      (story.byMentor.get(mentor.id) ?? []).some((row) => row.endDate === null && row.startDate <= addDays(world.asOf, -7)),
  );
  if (candidates.length === 0) return;
  const mentor = rng.pick(candidates);
  const withdrawnOn = schoolDayOnOrAfter(addDays(world.asOf, rng.int(4, 12)));
  mentor.withdrawnOn = withdrawnOn;
  for (const stretch of mentor.stretches) if (stretch.endDate === null) stretch.endDate = withdrawnOn;
  for (const row of story.byMentor.get(mentor.id) ?? []) {
    if (row.endDate !== null) continue;
    row.endDate = withdrawnOn;
    row.endReason = 'consent_withdrawn';
  }
  const row = world.rows.mentors.find((candidate) => candidate.id === mentor.id);
  if (row) {
    row.guardianConsentWithdrawnOn = withdrawnOn;
    row.updatedAt = instant(addDays(world.asOf, -rng.int(1, 3)), rng.int(15 * 60, 17 * 60));
  }
}
