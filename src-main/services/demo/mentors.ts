/**
 * Demo peer mentors: consent (a few withdrawn or still missing), training (a few expired or
 * incomplete, so the app has refusals to show), free periods, interests, load caps and time off.
 */

import { addDays, daysBetween } from '../../contract/calendar';
import type { TrainingModule } from '../../contract/mentors';
import { instant, maxDate, minDate, schoolDayOnOrAfter } from './calendar';
import type { DemoWorld, MentorFacts, TrainingFacts } from './model';
import { newHousehold, personName } from './names';
import { studentNumber } from './people';
import type { Rng } from './prng';
import { mentorAvailability, schoolWeight, slotKey } from './school';

const INTERESTS = [
  'soccer',
  'basketball',
  'robotics',
  'drawing',
  'anime',
  'chess',
  'music',
  'coding',
  'cooking',
  'theater',
  'reading',
  'video games',
  'dance',
  'animals',
  'volunteering',
  'photography',
  'skateboarding',
  'science fiction',
  'track',
  'crafts',
];

type ConsentStory = 'current' | 'late' | 'no_guardian' | 'pending' | 'withdrawn' | 'guardian_withdrawn';

const STORIES: readonly (readonly [ConsentStory, number])[] = [
  ['current', 80],
  ['late', 8],
  ['no_guardian', 3],
  ['pending', 3],
  ['withdrawn', 4],
  ['guardian_withdrawn', 2],
];

type TrainingStory = 'full' | 'core_only' | 'tutoring_only' | 'independence_only' | 'missing_adult' | 'none' | 'expired' | 'expiring';

const TRAINING_STORIES: readonly (readonly [TrainingStory, number])[] = [
  ['full', 55],
  ['core_only', 15],
  ['tutoring_only', 7],
  ['independence_only', 7],
  ['missing_adult', 4],
  ['none', 3],
  ['expired', 6],
  ['expiring', 3],
];

const CORE: readonly TrainingModule[] = ['confidentiality', 'sensitivity', 'getting_an_adult'];

function trainingFor(rng: Rng, world: DemoWorld, story: TrainingStory, consentOn: string | null): Map<TrainingModule, TrainingFacts> {
  const training = new Map<TrainingModule, TrainingFacts>();
  if (story === 'none' || consentOn === null) return training;
  // Orientation a few days after consent; core modules are renewed yearly, the skills modules every two years.
  const orientation = schoolDayOnOrAfter(addDays(consentOn, rng.int(1, 8)));
  const modules: TrainingModule[] = [...CORE];
  if (story === 'full' || story === 'expired' || story === 'expiring' || story === 'tutoring_only')
    modules.push('instructional_techniques');
  if (story === 'full' || story === 'expired' || story === 'expiring' || story === 'independence_only')
    modules.push('fostering_independence');
  for (const module of modules) {
    if (story === 'missing_adult' && module === 'getting_an_adult') continue;
    const completedOn =
      module === 'instructional_techniques' || module === 'fostering_independence' ? addDays(orientation, rng.int(0, 14)) : orientation;
    const years = CORE.includes(module) ? 365 : 730;
    training.set(module, { completedOn, expiresOn: CORE.includes(module) || rng.chance(0.6) ? addDays(completedOn, years) : null });
  }
  const program = daysBetween(world.startDate, world.asOf);
  if (story === 'expired') {
    // Last year's confidentiality training, never renewed.
    const completedOn = addDays(world.startDate, -rng.int(380, 520));
    training.set('confidentiality', { completedOn, expiresOn: addDays(completedOn, 365) });
  } else if (story === 'expiring' && program > 20) {
    const expiresOn = addDays(world.startDate, rng.int(14, program - 3));
    training.set('confidentiality', { completedOn: addDays(expiresOn, -365), expiresOn });
  }
  return training;
}

function timeOffFor(rng: Rng, world: DemoWorld): { startDate: string; endDate: string }[] {
  const program = daysBetween(world.startDate, world.asOf);
  const stretches: { startDate: string; endDate: string }[] = [];
  const roll = rng.next();
  if (roll < 0.12 && program > 14) {
    const startDate = schoolDayOnOrAfter(addDays(world.startDate, rng.int(7, program - 3)));
    stretches.push({ startDate, endDate: addDays(startDate, rng.int(2, 11)) });
  } else if (roll < 0.15) {
    // Planned ahead: exams or a family trip after the demo's "today".
    const startDate = schoolDayOnOrAfter(addDays(world.asOf, rng.int(7, 30)));
    stretches.push({ startDate, endDate: addDays(startDate, rng.int(4, 9)) });
  }
  return stretches;
}

export function makeMentors(world: DemoWorld): void {
  const rng = world.streams.stream('mentors');
  const count = world.options.mentors;
  const studentCounts = world.schools.map((_, school) => world.students.filter((student) => student.school === school).length);
  const schoolWeights = world.schools.map((school, index) => [index, (studentCounts[index] ?? 0) + schoolWeight(school) / 10] as const);
  // A few mentors are supported students themselves (a 504 plan for anxiety does not stop anyone from tutoring).
  const candidates = world.students
    .map((student, index) => ({ student, index }))
    .filter(({ student }) => student.grade >= 7 || student.grade === 5);
  const alsoStudents = rng.sample(candidates, Math.min(candidates.length, Math.round(count * 0.06)));
  const program = daysBetween(world.startDate, world.asOf);

  for (let index = 0; index < count; index++) {
    const id = world.streams.id('mentor');
    const linked = alsoStudents[index];
    let name: { firstName: string; lastName: string; preferredName: string | null };
    let school: number;
    let grade: number;
    let localId: string;
    if (linked) {
      const row = world.rows.students[linked.index];
      if (!row) throw new Error('makeMentors: student row missing');
      name = row;
      school = linked.student.school;
      grade = linked.student.grade;
      localId = row.localId;
    } else {
      school = world.schools.length === 1 ? 0 : rng.weighted(schoolWeights);
      const band = world.schools[school] ?? { lowGrade: 6, highGrade: 12 };
      // Mentors are the older students of their school.
      const lowest = band.highGrade <= 5 ? Math.max(band.lowGrade, 4) : Math.max(band.lowGrade, 7);
      grade = Math.max(rng.int(lowest, band.highGrade), rng.int(lowest, band.highGrade));
      name = personName(rng, newHousehold(rng));
      localId = studentNumber(world.options.students + index, world.studentNumberOffset);
    }

    const story = rng.weighted(STORIES);
    let consentGivenOn: string | null = addDays(world.startDate, -rng.int(3, 40));
    if (story === 'late' && program > 21) consentGivenOn = addDays(world.startDate, rng.int(14, program - 7));
    if (story === 'pending') consentGivenOn = null;
    let guardianConsentGivenOn: string | null = consentGivenOn && minDate(addDays(consentGivenOn, rng.int(0, 6)), addDays(world.asOf, -1));
    if (story === 'no_guardian') guardianConsentGivenOn = null;
    let withdrawnOn: string | null = null;
    if ((story === 'withdrawn' || story === 'guardian_withdrawn') && consentGivenOn && guardianConsentGivenOn) {
      const earliest = maxDate(guardianConsentGivenOn, addDays(world.startDate, 14));
      withdrawnOn = earliest < world.asOf ? addDays(earliest, rng.int(1, Math.max(1, daysBetween(earliest, world.asOf)))) : world.asOf;
    }
    const training = trainingFor(rng, world, rng.weighted(TRAINING_STORIES), consentGivenOn);
    const availability = mentorAvailability(rng);
    const loadCap = Math.round(
      (world.options.mentorLoad ?? 1) *
        rng.weighted([
          [1, 25],
          [2, 40],
          [3, 25],
          [4, 10],
        ]),
    );
    const timeOff = timeOffFor(rng, world);
    const facts: MentorFacts = {
      id,
      school,
      grade,
      studentId: linked?.student.id ?? null,
      availability,
      loadCap,
      consentGivenOn,
      guardianConsentGivenOn,
      withdrawnOn,
      training,
      timeOff,
      awaitingMatch: story === 'late' || rng.chance(0.1),
      stretches: [],
      free: new Set(availability.map(slotKey)),
      weeklySessions: 0,
      roleWindows: new Map(),
    };
    world.mentors.push(facts);

    const createdAt = instant(addDays(consentGivenOn ?? world.startDate, -rng.int(0, 5)), rng.int(13 * 60, 22 * 60));
    world.rows.mentors.push({
      id,
      localId,
      firstName: name.firstName,
      lastName: name.lastName,
      preferredName: name.preferredName,
      grade,
      school: world.schools[school]?.name ?? '',
      consentGivenOn,
      consentWithdrawnOn: story === 'withdrawn' ? withdrawnOn : null,
      guardianConsentGivenOn,
      guardianConsentWithdrawnOn: story === 'guardian_withdrawn' ? withdrawnOn : null,
      loadCap,
      interests: JSON.stringify(rng.sample(INTERESTS, rng.int(2, 4))),
      availability: JSON.stringify(availability),
      studentId: facts.studentId,
      archivedAt: null,
      createdAt,
      updatedAt: withdrawnOn ? instant(withdrawnOn, rng.int(13 * 60, 22 * 60)) : createdAt,
    });
    for (const [module, record] of training) world.rows.mentorTraining.push({ mentorId: id, module, ...record });
    for (const stretch of timeOff) world.rows.mentorTimeOff.push({ id: world.streams.id('timeOff'), mentorId: id, ...stretch });
  }
}
