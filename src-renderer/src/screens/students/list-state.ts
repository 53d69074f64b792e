/** What the students list shows: search, filters, sort and page, as the person set them. */
export const PAGE_SIZE = 50;

export type SortKey = 'name' | 'grade' | 'school' | 'localId';
export type StatusFilter = 'active' | 'archived' | 'no_longer_needed';

export interface ListState {
  search: string;
  caseManagerId: string;
  school: string;
  /** A grade as text ('' for any), as the select holds it. */
  grade: string;
  planType: '' | 'iep' | '504';
  status: StatusFilter;
  sort: SortKey;
  direction: 'asc' | 'desc';
  offset: number;
}

export const INITIAL_LIST_STATE: ListState = {
  search: '',
  caseManagerId: '',
  school: '',
  grade: '',
  planType: '',
  status: 'active',
  sort: 'name',
  direction: 'asc',
  offset: 0,
};

/** What a record page left for the list to say: archived (with Undo) or purged. */
export type ListNotice = { kind: 'archived'; studentId: string; name: string } | { kind: 'purged'; name: string; mentionsScrubbed: number };

/** Any change of search or filter starts again from the first page. */
export function withFilter(state: ListState, change: Partial<Omit<ListState, 'offset' | 'sort' | 'direction'>>): ListState {
  return { ...state, ...change, offset: 0 };
}

/** A second click on the sorted column turns the order round; a new column starts ascending. */
export function withSort(state: ListState, sort: SortKey): ListState {
  const direction = state.sort === sort && state.direction === 'asc' ? 'desc' : 'asc';
  return { ...state, sort, direction, offset: 0 };
}

export function hasFilters(state: ListState): boolean {
  return Boolean(state.search || state.caseManagerId || state.school || state.grade || state.planType || state.status !== 'active');
}
