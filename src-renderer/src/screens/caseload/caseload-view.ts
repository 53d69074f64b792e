/**
 * What the caseload table shows: the filters and the sort the person chose, applied to the rows the
 * service sent (a caseload is one answer, so sorting and filtering happen here, without a call).
 */
import type { CaseloadStudent } from '../../../../src-main/contract';

export type SortKey = 'name' | 'status' | 'fidelity' | 'flags';
export type Direction = 'asc' | 'desc';

export interface ViewState {
  search: string;
  onlyAtRisk: boolean;
  onlyFlagged: boolean;
  sort: SortKey;
  direction: Direction;
  offset: number;
}

export const PAGE_SIZE = 50;

export const INITIAL_VIEW: ViewState = { search: '', onlyAtRisk: false, onlyFlagged: false, sort: 'name', direction: 'asc', offset: 0 };

/** A new column starts where the worry is: most goals at risk, lowest fidelity, most flags first. */
const FIRST_DIRECTION: Record<SortKey, Direction> = { name: 'asc', status: 'desc', fidelity: 'asc', flags: 'desc' };

export function withSort(state: ViewState, sort: SortKey): ViewState {
  const direction = state.sort === sort ? (state.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[sort];
  return { ...state, sort, direction, offset: 0 };
}

export function withFilter(state: ViewState, change: Partial<Pick<ViewState, 'search' | 'onlyAtRisk' | 'onlyFlagged'>>): ViewState {
  return { ...state, ...change, offset: 0 };
}

export function hasFilters(state: ViewState): boolean {
  return Boolean(state.search.trim() || state.onlyAtRisk || state.onlyFlagged);
}

/** Ignores case and accents, so "jose" finds "José". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

/** Worse first when descending: goals at risk count most, then goals without service, then goals without a verdict. */
function statusWeight(row: CaseloadStudent): number {
  const counts = row.goalCounts;
  return counts.atRisk * 1_000_000 + counts.noService * 1000 + counts.noData + counts.notEnoughData + counts.unclear;
}

/** Rows with nothing planned have no fidelity to compare: they go last either way. */
function compareFidelity(a: CaseloadStudent, b: CaseloadStudent, direction: Direction): number {
  if (a.fidelity.percent === null || b.fidelity.percent === null) {
    return (a.fidelity.percent === null ? 1 : 0) - (b.fidelity.percent === null ? 1 : 0);
  }
  return direction === 'asc' ? a.fidelity.percent - b.fidelity.percent : b.fidelity.percent - a.fidelity.percent;
}

/** The rows to show, in order; `rows` arrive sorted by name (last name first), which breaks every tie. */
export function visibleRows(rows: readonly CaseloadStudent[], state: ViewState): CaseloadStudent[] {
  const search = fold(state.search.trim());
  const order = new Map(rows.map((row, index) => [row.id, index]));
  const byName = (a: CaseloadStudent, b: CaseloadStudent) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
  const sign = state.direction === 'asc' ? 1 : -1;
  const compare: Record<SortKey, (a: CaseloadStudent, b: CaseloadStudent) => number> = {
    name: (a, b) => sign * byName(a, b),
    status: (a, b) => sign * (statusWeight(a) - statusWeight(b)) || byName(a, b),
    fidelity: (a, b) => compareFidelity(a, b, state.direction) || byName(a, b),
    flags: (a, b) => sign * (a.flagIds.length - b.flagIds.length) || byName(a, b),
  };
  return rows
    .filter((row) => !search || fold(row.name).includes(search))
    .filter((row) => !state.onlyAtRisk || row.goalCounts.atRisk > 0)
    .filter((row) => !state.onlyFlagged || row.flagIds.length > 0)
    .sort(compare[state.sort]);
}
