/**
 * Whose caseload: the acting case manager's students (those whose record names them as case
 * manager), another case manager's, or every active student of the program; and the plans of those
 * students that were ever in force (drafts are not yet support anyone receives).
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import { plans, staff, students } from '../../../db/schema';
import type { CaseloadScope, ResolvedScope } from '../../contract';
import { notFound, type ServiceContext } from '../context';
import { inIds } from '../id-batches';
import { displayName } from '../students/students';

export type PlanRow = typeof plans.$inferSelect;

export interface ScopeStudent {
  id: string;
  name: string;
  grade: number;
  school: string;
}

export interface ScopeRecords {
  scope: ResolvedScope;
  /** Active students, by last name then first name. */
  students: ScopeStudent[];
  /** Every plan of those students that is not a draft, so fidelity can follow amended versions. */
  plans: PlanRow[];
}

export function resolveScope(ctx: ServiceContext, asked: CaseloadScope): ResolvedScope {
  const actingStaffId = ctx.actor.staffId;
  if (asked.kind === 'program') return { kind: 'program', caseManagerId: null, caseManagerName: null, isActingUser: false, actingStaffId };
  const id = asked.kind === 'mine' ? actingStaffId : asked.caseManagerId;
  if (id === null) return { kind: 'no_staff_record', caseManagerId: null, caseManagerName: null, isActingUser: true, actingStaffId };
  const member = ctx.db.select({ name: staff.name }).from(staff).where(eq(staff.id, id)).get();
  if (!member) throw notFound('staff member');
  return { kind: 'case_manager', caseManagerId: id, caseManagerName: member.name, isActingUser: id === actingStaffId, actingStaffId };
}

export function scopeRecords(ctx: ServiceContext, asked: CaseloadScope): ScopeRecords {
  const scope = resolveScope(ctx, asked);
  if (scope.kind === 'no_staff_record') return { scope, students: [], plans: [] };
  const rows = ctx.db
    .select({
      id: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      preferredName: students.preferredName,
      grade: students.grade,
      school: students.school,
    })
    .from(students)
    .where(and(eq(students.status, 'active'), scope.caseManagerId === null ? undefined : eq(students.caseManagerId, scope.caseManagerId)))
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id))
    .all();
  const planRows =
    rows.length === 0
      ? []
      : ctx.db
          .select()
          .from(plans)
          .where(
            and(
              inIds(
                plans.studentId,
                rows.map((row) => row.id),
              ),
              ne(plans.status, 'draft'),
            ),
          )
          .orderBy(asc(plans.type), asc(plans.version))
          .all();
  return {
    scope,
    students: rows.map((row) => ({ id: row.id, name: displayName(row), grade: row.grade, school: row.school })),
    plans: planRows,
  };
}
