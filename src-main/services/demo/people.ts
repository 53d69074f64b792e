/** Demo staff, students and their parents or guardians. */

import { addDays } from '../../contract/calendar';
import { STAFF_ROLES, type StaffRole } from '../../contract/vault';
import { instant } from './calendar';
import type { DemoWorld, StaffFacts } from './model';
import { adultName, asciiSlug, familyName, type Gender, type Household, householdLanguage, newHousehold, personName } from './names';
import type { Rng } from './prng';
import { type SchoolSpec, schoolWeight } from './school';

const ROLE_WEIGHTS: readonly (readonly [StaffRole, number])[] = [
  ['case_manager', 18],
  ['special_education_teacher', 20],
  ['general_education_teacher', 36],
  ['paraprofessional', 14],
  ['counselor', 6],
  ['administrator', 4],
  ['it_staff', 2],
];

/** Who manages whose plan, and how much: IEPs go to case managers and special-education teachers, 504 plans mostly to counselors. */
const MANAGES: Readonly<Record<'iep' | '504', Partial<Record<StaffRole, number>>>> = {
  iep: { case_manager: 1.2, special_education_teacher: 1 },
  '504': { counselor: 3, case_manager: 1, administrator: 1 },
};

/** A permutation of 6-digit numbers: unique student numbers without a lookup table (7919 is prime to 900 000). */
export function studentNumber(index: number, offset: number): string {
  return String(100_000 + ((index * 7919 + offset) % 900_000));
}

const AREA_CODES = ['413', '508', '617', '720', '971', '512', '602', '919', '404', '612'];

/** Telephone numbers in 555-0100…0199, the range set aside for fiction. */
function fictionalPhone(rng: Rng): string {
  return `(${rng.pick(AREA_CODES)}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`;
}

function schoolDomain(world: DemoWorld, school: number): string {
  const name = world.schools[school]?.name ?? 'school';
  return `${asciiSlug(name.split(' ').slice(0, 2).join(''))}.example.org`;
}

/** The school that most lacks staff of this role for its size, so each school gets its share of every role. */
function apportion(perRole: Map<StaffRole, number[]>, role: StaffRole, shares: readonly number[], totalShare: number): number {
  let counts = perRole.get(role);
  if (!counts) {
    counts = shares.map(() => 0);
    perRole.set(role, counts);
  }
  const placed = counts.reduce((a, b) => a + b, 0) + 1;
  let best = 0;
  let bestLack = Number.NEGATIVE_INFINITY;
  shares.forEach((share, school) => {
    const lack = (share / totalShare) * placed - (counts[school] ?? 0);
    if (lack > bestLack) {
      best = school;
      bestLack = lack;
    }
  });
  counts[best] = (counts[best] ?? 0) + 1;
  return best;
}

export function makeStaff(world: DemoWorld): void {
  const rng = world.streams.stream('staff');
  const count = world.options.staff ?? Math.max(12, Math.round(world.options.students / 12.5));
  const firstRound = rng.shuffle(STAFF_ROLES);
  const shares = world.schools.map(schoolWeight);
  const totalShare = shares.reduce((a, b) => a + b, 0);
  const perRole = new Map<StaffRole, number[]>();
  const emails = new Set<string>();
  const localOffset = rng.int(0, 89_999);
  let replaced = false;
  for (let index = 0; index < count; index++) {
    const role = firstRound[index] ?? rng.weighted(ROLE_WEIGHTS);
    const school = apportion(perRole, role, shares, totalShare);
    const gender: Gender = rng.chance(0.7) ? 'f' : 'm';
    const household = newHousehold(rng);
    const name = adultName(rng, household, gender);
    const [first = ''] = name.split(' ');
    let email = `${asciiSlug(first).slice(0, 1)}${asciiSlug(household.lastName)}@${schoolDomain(world, school)}`;
    for (let n = 2; emails.has(email); n++) email = email.replace(/(\d*)@/, `${n}@`);
    emails.add(email);
    const generatedId = world.streams.id('staff');
    const facts: StaffFacts = { id: generatedId, role, school, weight: 0.5 + 1.5 * rng.next() ** 2 };
    if (role === 'case_manager' && world.options.caseManagerId && !replaced) {
      // The signed-in case manager already has a staff record: they take this caseload, and no row is added.
      facts.id = world.options.caseManagerId;
      replaced = true;
      world.staff.push(facts);
      continue;
    }
    world.staff.push(facts);
    world.rows.staff.push({
      id: generatedId,
      name,
      role,
      email,
      localId: `E${10_000 + ((index * 7907 + localOffset) % 90_000)}`,
      slotId: null,
      archivedAt: null,
      createdAt: instant(addDays(world.startDate, -rng.int(20, 900)), rng.int(13 * 60, 16 * 60)),
    });
  }
}

/** The staff who can manage a plan type, in all and per school. */
function caseManagerPools(world: DemoWorld, type: 'iep' | '504'): { all: StaffFacts[]; bySchool: StaffFacts[][] } {
  const eligible = world.staff.filter((member) => MANAGES[type][member.role] !== undefined);
  const bySchool = world.schools.map((_, school) => eligible.filter((member) => member.school === school));
  return { all: eligible, bySchool };
}

function pickCaseManager(rng: Rng, pool: readonly StaffFacts[], type: 'iep' | '504'): StaffFacts {
  return rng.weighted(pool.map((member) => [member, member.weight * (MANAGES[type][member.role] ?? 0)] as const));
}

/** Who a student lives with, as "relationship:gender" joined by "+" ("?" any gender), and how often. */
const FAMILIES: readonly (readonly [string, number])[] = [
  ['mother:f+father:m', 40],
  ['mother:f', 18],
  ['father:m', 6],
  ['mother:f+stepfather:m', 5],
  ['grandmother:f', 5],
  ['grandmother:f+grandfather:m', 4],
  ['mother:f+mother:f', 2],
  ['father:m+father:m', 2],
  ['aunt (legal guardian):f', 2],
  ['foster parent:?', 3],
  ['guardian:?', 2],
  ['mother:f+father:m+grandmother:f', 3],
];

function makeGuardians(world: DemoWorld, rng: Rng, studentId: string, household: Household): void {
  const language = householdLanguage(rng, household);
  const people = rng.weighted(FAMILIES).split('+');
  people.forEach((person, index) => {
    const [relationship = 'guardian', given = '?'] = person.split(':');
    const gender: Gender = given === 'f' || given === 'm' ? given : rng.chance(0.5) ? 'f' : 'm';
    const own: Household = rng.chance(0.8) ? household : { culture: household.culture, lastName: familyName(rng, household.culture) };
    const name = adultName(rng, own, gender);
    const first = name.slice(0, name.length - own.lastName.length - 1);
    world.rows.guardians.push({
      id: world.streams.id('guardian'),
      studentId,
      name,
      relationship,
      phone: rng.chance(0.92) ? fictionalPhone(rng) : null,
      email: rng.chance(0.65) ? `${asciiSlug(first)}.${asciiSlug(own.lastName)}${rng.int(1, 99)}@example.com` : null,
      // A second parent sometimes prefers English for letters home.
      preferredLanguage: index > 0 && rng.chance(0.2) ? 'en' : language,
    });
  });
}

export function makeStudents(world: DemoWorld): void {
  const rng = world.streams.stream('students');
  const guardianRng = world.streams.stream('guardians');
  const schoolWeights = world.schools.map((school, index) => [index, schoolWeight(school)] as const);
  const pools = { iep: caseManagerPools(world, 'iep'), '504': caseManagerPools(world, '504') };
  const numberOffset = rng.int(0, 899_999);
  const year = Number(world.startDate.slice(0, 4));
  for (let index = 0; index < world.options.students; index++) {
    const id = world.streams.id('student');
    const school = world.schools.length === 1 ? 0 : rng.weighted(schoolWeights);
    const band = world.schools[school] as SchoolSpec;
    const grade = rng.int(band.lowGrade, band.highGrade);
    const household = newHousehold(rng);
    const name = personName(rng, household);
    const planType = rng.chance(0.72) ? 'iep' : '504';
    const pool = pools[planType].bySchool[school]?.length ? (pools[planType].bySchool[school] ?? []) : pools[planType].all;
    const caseManager = pickCaseManager(rng, pool, planType);
    // Born in the twelve months up to the school-entry cutoff for this grade; a few a year older (retained).
    const birthYear = year - grade - 6 - (rng.chance(0.05) ? 1 : 0);
    const dateOfBirth = rng.chance(0.9) ? addDays(`${birthYear}-09-02`, rng.int(0, 364)) : null;
    const createdAt = instant(addDays(world.startDate, -rng.int(5, 40)), rng.int(13 * 60, 21 * 60));
    world.students.push({ id, school, grade, household, planType, caseManagerId: caseManager.id });
    world.rows.students.push({
      id,
      localId: studentNumber(index, numberOffset),
      firstName: name.firstName,
      lastName: name.lastName,
      preferredName: name.preferredName,
      grade,
      school: band.name,
      dateOfBirth,
      caseManagerId: caseManager.id,
      status: 'active',
      archivedAt: null,
      noLongerNeededAt: null,
      createdAt,
      updatedAt: createdAt,
    });
    makeGuardians(world, guardianRng, id, household);
  }
  world.studentNumberOffset = numberOffset;
}
