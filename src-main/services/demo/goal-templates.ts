/**
 * Measurable annual goals as IEP teams write them, one template per area and measurement type,
 * with baselines and targets in the ranges each measurement allows. Statements say "the student",
 * never a name, so a de-identified record keeps no name inside its goals.
 */
import type { Measurement } from '../../contract/plans';
import type { Rng } from './prng';

type GoalArea = 'reading' | 'writing' | 'math' | 'social_emotional' | 'behavior' | 'communication' | 'organization' | 'independence';

export interface GoalCore {
  area: GoalArea;
  measurement: Measurement;
  statement: string;
  baseline: number;
  target: number;
  /** Rubric: the top level; trials: N in "correct of N"; otherwise null. */
  scaleMax: number | null;
  criterion: string;
  measuredEvery: string;
  /** A value as a benchmark reads it, e.g. "60% accuracy". */
  describe: (value: number) => string;
  /** Values are whole numbers of this step (5 for percents, 1 for counts). */
  step: number;
}

export interface GoalTemplate {
  key: string;
  area: GoalArea;
  measurement: Measurement;
  make: (rng: Rng) => GoalCore;
}

const by5 = (rng: Rng, low: number, high: number) => 5 * rng.int(low / 5, high / 5);

function percentValues(rng: Rng) {
  const baseline = by5(rng, 20, 60);
  return { baseline, target: Math.min(95, baseline + by5(rng, 20, 40)) };
}

function intervalValues(rng: Rng) {
  return { baseline: by5(rng, 20, 50), target: by5(rng, 70, 90) };
}

function rubricValues(rng: Rng) {
  const baseline = rng.int(1, 2);
  return { baseline, target: baseline === 1 ? 3 : rng.pick([3, 4]) };
}

function trialValues(rng: Rng) {
  const scaleMax = rng.pick([5, 10, 10, 10, 20]);
  const baseline = rng.int(Math.max(0, Math.round(scaleMax * 0.1)), Math.round(scaleMax * 0.4));
  return { scaleMax, baseline, target: Math.max(baseline + 1, Math.ceil(scaleMax * rng.pick([0.8, 0.8, 0.9]))) };
}

function percentGoal(area: GoalArea, key: string, statement: (target: number) => string, noun = 'accuracy'): GoalTemplate {
  return {
    key,
    area,
    measurement: 'percent',
    make: (rng) => {
      const { baseline, target } = percentValues(rng);
      return {
        area,
        measurement: 'percent',
        statement: statement(target),
        baseline,
        target,
        scaleMax: null,
        criterion: `${target}% ${noun} in 4 of 5 consecutive probes`,
        measuredEvery: 'weekly',
        describe: (value) => `${value}% ${noun}`,
        step: 5,
      };
    },
  };
}

function intervalGoal(area: GoalArea, key: string, statement: (target: number) => string): GoalTemplate {
  return {
    key,
    area,
    measurement: 'intervals',
    make: (rng) => {
      const { baseline, target } = intervalValues(rng);
      return {
        area,
        measurement: 'intervals',
        statement: statement(target),
        baseline,
        target,
        scaleMax: null,
        criterion: `${target}% of intervals in 3 consecutive observations`,
        measuredEvery: 'weekly, one 10-minute observation',
        describe: (value) => `${value}% of intervals`,
        step: 5,
      };
    },
  };
}

function rubricGoal(area: GoalArea, key: string, statement: (target: number) => string): GoalTemplate {
  return {
    key,
    area,
    measurement: 'rubric',
    make: (rng) => {
      const { baseline, target } = rubricValues(rng);
      return {
        area,
        measurement: 'rubric',
        statement: statement(target),
        baseline,
        target,
        scaleMax: 4,
        criterion: `level ${target} of 4 on 3 consecutive work samples`,
        measuredEvery: 'every two weeks',
        describe: (value) => `level ${value} of 4`,
        step: 1,
      };
    },
  };
}

function trialGoal(area: GoalArea, key: string, statement: (target: number, n: number) => string): GoalTemplate {
  return {
    key,
    area,
    measurement: 'trials',
    make: (rng) => {
      const { scaleMax, baseline, target } = trialValues(rng);
      return {
        area,
        measurement: 'trials',
        statement: statement(target, scaleMax),
        baseline,
        target,
        scaleMax,
        criterion: `${target} of ${scaleMax} correct on 3 consecutive probes`,
        measuredEvery: 'weekly',
        describe: (value) => `${value} of ${scaleMax} correct`,
        step: 1,
      };
    },
  };
}

/** A count per session; `down` goals lower a behavior, the others raise a skill. */
function frequencyGoal(area: GoalArea, key: string, down: boolean, unit: string, statement: (target: number) => string): GoalTemplate {
  return {
    key,
    area,
    measurement: 'frequency',
    make: (rng) => {
      const baseline = down ? rng.int(5, 12) : rng.int(0, 2);
      const target = down ? rng.int(0, 2) : rng.int(3, 6);
      return {
        area,
        measurement: 'frequency',
        statement: statement(target),
        baseline,
        target,
        scaleMax: null,
        criterion: down ? `${target} or fewer ${unit} on 4 of 5 consecutive days` : `at least ${target} ${unit} on 4 of 5 consecutive days`,
        measuredEvery: 'daily tally, summarized weekly',
        describe: (value) => `${down ? 'no more than' : 'at least'} ${value} ${unit}`,
        step: 1,
      };
    },
  };
}

/** Minutes; `down` goals shorten a wait or transition, the others lengthen focused work. */
function durationGoal(area: GoalArea, key: string, down: boolean, statement: (target: number) => string): GoalTemplate {
  return {
    key,
    area,
    measurement: 'duration',
    make: (rng) => {
      const baseline = down ? rng.int(8, 15) : rng.int(3, 8);
      const target = down ? rng.int(2, 5) : baseline + 5 * rng.int(2, 4);
      return {
        area,
        measurement: 'duration',
        statement: statement(target),
        baseline,
        target,
        scaleMax: null,
        criterion: down ? `within ${target} minutes on 3 consecutive observations` : `${target} minutes on 3 consecutive observations`,
        measuredEvery: 'twice weekly',
        describe: (value) => `${down ? 'within' : ''} ${value} minutes`.trim(),
        step: 1,
      };
    },
  };
}

export const GOAL_TEMPLATES: readonly GoalTemplate[] = [
  percentGoal(
    'reading',
    'reading_comprehension',
    (t) => `Given a grade-level passage, the student will answer literal and inferential comprehension questions with ${t}% accuracy.`,
  ),
  trialGoal(
    'reading',
    'reading_vocabulary',
    (t, n) => `Given ${n} content-area vocabulary words, the student will read and explain the meaning of ${t} of ${n} correctly.`,
  ),
  intervalGoal(
    'reading',
    'reading_engaged',
    (t) => `During independent reading time, the student will be actively reading in ${t}% of 30-second intervals.`,
  ),
  percentGoal(
    'writing',
    'writing_conventions',
    (t) =>
      `Given a writing prompt and a graphic organizer, the student will write sentences with correct capitalization and punctuation in ${t}% of sentences.`,
    'of sentences correct',
  ),
  rubricGoal(
    'writing',
    'writing_paragraphs',
    (t) => `Using a 4-point writing rubric, the student will write an organized multi-paragraph response that scores level ${t} or higher.`,
  ),
  percentGoal(
    'math',
    'math_word_problems',
    (t) => `Given multi-step word problems at grade level, the student will set up and solve them with ${t}% accuracy.`,
  ),
  trialGoal(
    'math',
    'math_facts',
    (t, n) => `Given ${n} mixed math-fact or computation probes, the student will answer ${t} of ${n} correctly.`,
  ),
  frequencyGoal(
    'social_emotional',
    'social_initiations',
    false,
    'initiations',
    (t) =>
      `During lunch and other unstructured times, the student will start a conversation or activity with a peer at least ${t} times per session.`,
  ),
  rubricGoal(
    'social_emotional',
    'social_collaboration',
    (t) =>
      `Using a 4-point collaboration rubric, the student will take turns, listen and contribute in group work at level ${t} or higher.`,
  ),
  intervalGoal(
    'social_emotional',
    'social_proximity',
    (t) => `In cooperative activities, the student will be working with or talking with peers during ${t}% of observed intervals.`,
  ),
  durationGoal(
    'social_emotional',
    'social_calming',
    true,
    (t) => `When upset, the student will use a chosen calming strategy and return to the task within ${t} minutes.`,
  ),
  frequencyGoal(
    'behavior',
    'behavior_outbursts',
    true,
    'outbursts per class',
    (t) => `During core classes, the student will reduce verbal outbursts to no more than ${t} per class period.`,
  ),
  intervalGoal(
    'behavior',
    'behavior_engagement',
    (t) => `During independent work, the student will be academically engaged in ${t}% of 15-second intervals (momentary time sampling).`,
  ),
  durationGoal(
    'behavior',
    'behavior_on_task',
    false,
    (t) => `The student will stay on task during independent work for ${t} consecutive minutes without leaving the assigned area.`,
  ),
  frequencyGoal(
    'communication',
    'communication_requests',
    false,
    'requests',
    (t) =>
      `In small-group work, the student will ask a clarifying question or ask for help appropriately at least ${t} times per class period.`,
  ),
  percentGoal(
    'communication',
    'communication_responses',
    (t) => `During class discussions, the student will answer peers' questions on topic in ${t}% of opportunities.`,
    'of opportunities',
  ),
  trialGoal(
    'communication',
    'communication_scenarios',
    (t, n) => `Given a social scenario, the student will name a fitting way to respond in ${t} of ${n} trials.`,
  ),
  rubricGoal(
    'communication',
    'communication_presenting',
    (t) => `Using a 4-point speaking rubric, the student will present information to a small group at level ${t} or higher.`,
  ),
  percentGoal(
    'organization',
    'organization_planner',
    (t) => `The student will record assignments in a planner and turn in completed work on time for ${t}% of assignments.`,
    'of assignments',
  ),
  rubricGoal(
    'organization',
    'organization_projects',
    (t) =>
      `Using a 4-point executive-function rubric, the student will break a long-term assignment into steps and meet its checkpoints at level ${t}.`,
  ),
  durationGoal(
    'organization',
    'organization_task_start',
    true,
    (t) => `The student will have materials out and begin an assigned task within ${t} minutes of the direction being given.`,
  ),
  intervalGoal(
    'organization',
    'organization_materials',
    (t) => `The student will have the needed materials ready and be following the lesson in ${t}% of observed intervals.`,
  ),
  trialGoal(
    'independence',
    'independence_checklist',
    (t, n) => `Using a visual checklist, the student will complete a multi-step class routine without adult help in ${t} of ${n} trials.`,
  ),
  frequencyGoal(
    'independence',
    'independence_prompts',
    true,
    'adult prompts',
    (t) => `The student will complete the start-of-class routine needing no more than ${t} adult prompts.`,
  ),
  durationGoal(
    'independence',
    'independence_transitions',
    true,
    (t) => `The student will move between classes and be seated with materials within ${t} minutes of the bell.`,
  ),
  rubricGoal(
    'independence',
    'independence_self_advocacy',
    (t) =>
      `Using a 4-point self-advocacy rubric, the student will explain their accommodations to a teacher and ask for them at level ${t}.`,
  ),
];

/** One template per area covering all six measurement types: dealt first, so even a small demo uses every area and measurement. */
export const COVERING_TEMPLATE_KEYS = [
  'reading_vocabulary',
  'writing_paragraphs',
  'math_word_problems',
  'social_initiations',
  'behavior_engagement',
  'communication_responses',
  'organization_task_start',
  'independence_self_advocacy',
] as const;
