/**
 * A student with an active IEP (written as a draft, then made active), three goals (percent, percent of intervals, rubric), a peer-tutor
 * accommodation in Math 7 (Mon/Wed period 3, twice a week, 20 minutes) serving the first two, and a
 * trained, consenting mentor assigned to it. The clock stands on Thursday 2026-10-15. Synthetic only.
 */
import { auditEvents } from '../../db/schema';
import { mentorInput, openProgramVault, TODAY } from '../fixtures/program';
import { accommodationInput, goalInput, planInput, studentInput } from '../fixtures/program-input';

export { TODAY };

type Call = Awaited<ReturnType<typeof openProgramVault>>['call'];
interface Written {
  call: Call;
  planId: string;
  math: { id: string };
  engagement: { id: string };
  rubric: { id: string };
  tutor: { id: string };
}

/**
 * The plan is written as a draft and then made active, as a team does; `whileDraft` adds what a test
 * needs on the plan (more goals or supports) before it is made active.
 */
export async function supportedStudent<Extra = undefined>(whileDraft?: (written: Written) => Promise<Extra>) {
  const app = await openProgramVault();
  const { call } = app;
  const student = await call('students.create', studentInput());
  const draft = await call('plans.create', planInput(student.id, { status: 'draft' }));
  const math = await call('goals.create', goalInput(draft.id));
  const engagement = await call(
    'goals.create',
    goalInput(draft.id, {
      area: 'social_emotional',
      statement: 'During group work, Zebulon will be academically engaged in 70% of intervals.',
      measurement: 'intervals',
      baseline: 20,
      target: 70,
    }),
  );
  const rubric = await call(
    'goals.create',
    goalInput(draft.id, {
      area: 'writing',
      statement: 'Zebulon will write a paragraph scoring level 3 on the district rubric.',
      measurement: 'rubric',
      scaleMax: 4,
      baseline: 1,
      target: 3,
    }),
  );
  const tutor = await call('accommodations.create', accommodationInput(draft.id, { goalIds: [math.id, engagement.id] }));
  const extra = (whileDraft ? await whileDraft({ call, planId: draft.id, math, engagement, rubric, tutor }) : undefined) as Extra;
  const plan = await call('plans.activate', { id: draft.id });
  const mentor = await call('mentors.create', mentorInput());
  await call('assignments.create', { mentorId: mentor.id, accommodationId: tutor.id, startDate: '2026-09-08' });
  return { ...app, student, plan, math, engagement, rubric, tutor, mentor, extra };
}

/** Every audit event as text, to search for values that must never be there. */
export function auditText(app: { db: Parameters<typeof allAudit>[0] }): string {
  return JSON.stringify(allAudit(app.db));
}

function allAudit(db: Awaited<ReturnType<typeof openProgramVault>>['db']) {
  return db.select().from(auditEvents).all();
}
