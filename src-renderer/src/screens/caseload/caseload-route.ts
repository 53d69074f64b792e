/**
 * The caseload's scope lives in the URL (`#/caseload`, `#/caseload/program`,
 * `#/caseload/case-manager/<staff id>`), so coming back from a student's plan shows the same one.
 */
import type { CaseloadScope } from '../../../../src-main/contract';
import { routeHref } from '../../app/hash-route';

export function scopeOfParams(params: readonly string[]): CaseloadScope {
  const [first, id] = params;
  if (first === 'program') return { kind: 'program' };
  if (first === 'case-manager' && id) return { kind: 'case_manager', caseManagerId: id };
  return { kind: 'mine' };
}

export function scopeHref(scope: CaseloadScope): string {
  if (scope.kind === 'program') return routeHref('caseload', 'program');
  if (scope.kind === 'case_manager') return routeHref('caseload', 'case-manager', scope.caseManagerId);
  return routeHref('caseload');
}

/** The scope as the picker holds it: 'mine', 'program' or a staff id. */
export function scopeValue(scope: CaseloadScope): string {
  return scope.kind === 'case_manager' ? scope.caseManagerId : scope.kind;
}

export function scopeOfValue(value: string): CaseloadScope {
  if (value === 'mine' || value === 'program') return { kind: value };
  return { kind: 'case_manager', caseManagerId: value };
}
