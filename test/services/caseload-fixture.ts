/**
 * A case manager's caseload for the dashboard and program-health tests: the acting user (Avery
 * Quill, case manager) and the records each test crafts, through the real services wherever they
 * accept them. The clock stands on Thursday 2026-10-15. Synthetic only.
 */
import { openProgramVault } from '../fixtures/program';
import { planInput, studentInput } from '../fixtures/program-input';

export type CaseloadApp = Awaited<ReturnType<typeof openProgramVault>>;

let localIds = 0;

export async function caseloadVault() {
  const app = await openProgramVault();
  const me = app.ctx.actor.staffId;
  if (!me) throw new Error('the vault creator has a staff record');
  return { ...app, me };
}

/**
 * A student on `caseManagerId`'s caseload with one active IEP (1 Sept 2026 to 15 June 2027 unless
 * overridden). An active plan is written as a draft first: `whileDraft` adds its goals and supports,
 * then it is made active.
 */
export async function studentWithPlan<Extra = undefined>(
  app: CaseloadApp,
  name: { firstName: string; lastName: string },
  caseManagerId: string | undefined,
  plan: Partial<Parameters<typeof planInput>[1]> = {},
  whileDraft?: (planId: string) => Promise<Extra>,
) {
  localIds += 1;
  const student = await app.call('students.create', studentInput({ ...name, localId: `S-${900_000 + localIds}`, caseManagerId }));
  const status = plan.status ?? 'active';
  const created = await app.call('plans.create', planInput(student.id, { ...plan, status: status === 'active' ? 'draft' : status }));
  const extra = (whileDraft ? await whileDraft(created.id) : undefined) as Extra;
  const written = status === 'active' ? await app.call('plans.activate', { id: created.id }) : created;
  return { student, plan: written, extra };
}
