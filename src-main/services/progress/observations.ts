/**
 * Observation mode: a momentary-time-sampling result (at each cue, what the student was doing at
 * that instant) saved whole, and turned — in the same transaction — into a progress point for each
 * goal it measures: the percent of intervals with a mark where the behaviour was seen. A missed tap
 * is missing data, left out, never counted as "no".
 */
import { desc, eq } from 'drizzle-orm';
import { observations, progressPoints, students } from '../../../db/schema';
import { AppError, type Observation, type ObservedBehaviour } from '../../contract';
import { summarise } from '../../contract/observation-summary';
import { change, expectChanged, newId, notFound, type ServiceContext, today } from '../context';
import { jsonColumns } from '../json-columns';
import { sentFields } from '../mentors/mentors';
import type { Queryable } from '../vault-db';
import { insertPoints, pointProblems } from './points';
import { assertGoalWritable, goalFacts, goalIdsOfStudent, type InputOf, loadObservations } from './records';

const BEHAVIOUR_WORDS: Record<ObservedBehaviour, string> = {
  engaged: 'academic engagement',
  interacting: 'interaction with a peer',
  nearAdult: 'being near the adult',
};

function loadObservation(db: Queryable, id: string): Observation {
  const row = db.select().from(observations).where(eq(observations.id, id)).get();
  if (!row) throw notFound('observation');
  const [observation] = loadObservations(db, [row]);
  if (!observation) throw notFound('observation');
  return observation;
}

export function recordObservation(ctx: ServiceContext, input: InputOf<'observations.record'>): Observation {
  return change(ctx, (tx) => {
    const student = tx.select({ status: students.status }).from(students).where(eq(students.id, input.studentId)).get();
    if (!student) throw notFound('student');
    if (student.status !== 'active') throw new AppError('forbidden', 'Restore the student before recording an observation.');
    const day = today(ctx);
    const problems: string[] = [];
    if (input.date > day) problems.push(`An observation cannot be dated after today (${day}).`);
    const summary = summarise(input.intervals);
    const goalIds = input.measures.map((measure) => measure.goalId);
    const ownGoals = goalIdsOfStudent(tx, input.studentId, goalIds);
    if (new Set(goalIds).size !== goalIds.length) problems.push('Each goal can be measured once per observation.');
    const points = input.measures.flatMap((measure) => {
      if (!ownGoals.has(measure.goalId)) {
        problems.push("An observation can only measure this student's own goals.");
        return [];
      }
      const goal = goalFacts(tx, measure.goalId);
      assertGoalWritable(goal);
      if (goal.measurement !== 'percent' && goal.measurement !== 'intervals') {
        problems.push('An observation gives a percent of intervals; choose goals measured in percent or percent of intervals.');
        return [];
      }
      const percent = summary[measure.behaviour].percent;
      if (percent === null) {
        problems.push(`No interval has a mark for ${BEHAVIOUR_WORDS[measure.behaviour]}, so it cannot become a progress point.`);
        return [];
      }
      problems.push(...pointProblems(goal, { date: input.date, value: percent }, day));
      return [{ goalId: measure.goalId, value: percent }];
    });
    if (problems.length > 0) throw new AppError('invalid_input', [...new Set(problems)].join(' '));

    const id = newId();
    const at = ctx.now().toISOString();
    tx.insert(observations)
      .values({
        id,
        studentId: input.studentId,
        date: input.date,
        intervalSeconds: input.intervalSeconds,
        totalIntervals: input.intervals.length,
        intervals: jsonColumns.observations.intervals.write(input.intervals),
        peersCount: input.peersCount ?? null,
        setting: input.setting || null,
        observedBy: ctx.actor.staffId,
        note: input.note || null,
        createdAt: at,
      })
      .run();
    insertPoints(
      tx,
      points.map((point) => ({
        ...point,
        date: input.date,
        setting: input.setting,
        collectedBy: ctx.actor.staffId,
        source: 'observation' as const,
        observationId: id,
      })),
      at,
    );
    return {
      result: loadObservation(tx, id),
      record: {
        action: 'observation.recorded',
        entity: 'observation',
        entityId: id,
        fields: sentFields(input),
        detail: { studentId: input.studentId, intervals: input.intervals.length, progressPoints: points.length },
      },
    };
  });
}

export function listObservationsForStudent(ctx: ServiceContext, input: InputOf<'observations.listForStudent'>): Observation[] {
  const rows = ctx.db
    .select()
    .from(observations)
    .where(eq(observations.studentId, input.studentId))
    .orderBy(desc(observations.date), desc(observations.createdAt))
    .all();
  return loadObservations(ctx.db, rows);
}

export function deleteObservation(ctx: ServiceContext, input: { id: string }): Record<string, never> {
  return change(ctx, (tx) => {
    const observation = loadObservation(tx, input.id);
    for (const point of observation.progressPoints) assertGoalWritable(goalFacts(tx, point.goalId));
    const removed = tx.delete(progressPoints).where(eq(progressPoints.observationId, input.id)).run();
    expectChanged(removed, observation.progressPoints.length, 'deleteObservation points');
    expectChanged(tx.delete(observations).where(eq(observations.id, input.id)).run(), 1, 'deleteObservation');
    return {
      result: {},
      record: {
        action: 'observation.deleted',
        entity: 'observation',
        entityId: input.id,
        detail: { studentId: observation.studentId, progressPoints: observation.progressPoints.length },
      },
    };
  });
}
