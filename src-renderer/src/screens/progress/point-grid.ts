/**
 * The fast grid for progress points, before it is saved: rows of date, value and setting as typed.
 * A new empty row appears as the last one is filled; rows without a value or setting are left out.
 * The service refuses the whole batch naming each bad row by its place in what was sent; this maps
 * those numbers back to the grid's own rows (a blank row in between is not sent). Pure.
 */
import type { ProgressPointInput, RowProblem as RefusedRow } from '../../../../src-main/contract';

export interface GridRow {
  /** Stable across edits, so a problem stays with its row. */
  key: number;
  date: string;
  /** As typed. */
  value: string;
  setting: string;
}

/** The most rows one save may send (the service's limit). */
export const MAX_GRID_ROWS = 200;

export function startingRows(date: string, count = 3): GridRow[] {
  return Array.from({ length: count }, (_, key) => ({ key, date, value: '', setting: '' }));
}

/** Nothing typed but the (defaulted) date: left out of the save. */
export function isBlank(row: GridRow): boolean {
  return row.value.trim() === '' && row.setting.trim() === '';
}

/** Keeps one empty row at the end to type into; the new row starts on the date of the row above it. */
export function withRoomToGrow(rows: readonly GridRow[]): GridRow[] {
  const last = rows.at(-1);
  if (last && isBlank(last)) return [...rows];
  if (rows.length >= MAX_GRID_ROWS) return [...rows];
  const key = rows.reduce((highest, row) => Math.max(highest, row.key), -1) + 1;
  return [...rows, { key, date: last?.date ?? '', value: '', setting: '' }];
}

export function changeRow(rows: readonly GridRow[], key: number, changes: Partial<Omit<GridRow, 'key'>>): GridRow[] {
  return withRoomToGrow(rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));
}

export type RowProblem = 'no_date' | 'no_value' | 'not_a_number';

/** What the grid itself can tell before asking the service: a row with something typed needs a date and a number. */
export function rowProblem(row: GridRow): RowProblem | null {
  if (isBlank(row)) return null;
  if (row.value.trim() === '') return 'no_value';
  if (!Number.isFinite(Number(row.value.trim()))) return 'not_a_number';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date)) return 'no_date';
  return null;
}

export interface GridBatch {
  points: ProgressPointInput[];
  /** The grid row key of each point, in the order sent. */
  rowKeys: number[];
}

/** The points a save sends: every row with something typed, in the grid's order. */
export function batchOf(goalId: string, rows: readonly GridRow[]): GridBatch {
  const filled = rows.filter((row) => !isBlank(row));
  return {
    points: filled.map((row) => ({
      goalId,
      date: row.date,
      value: Number(row.value.trim()),
      ...(row.setting.trim() ? { setting: row.setting.trim() } : {}),
    })),
    rowKeys: filled.map((row) => row.key),
  };
}

/** What the service said about one grid row, and which of its fields to put the keyboard on. */
export interface ServiceRowProblem {
  message: string;
  field: 'date' | 'value';
}

/**
 * The service's refusal (its `rows`, numbered by place in what was sent) put back on the grid's own
 * rows: grid row key → the problem. Empty when the refusal names no row (the goal is locked, the
 * vault is, …).
 */
export function serviceRowProblems(refused: readonly RefusedRow[] | undefined, rowKeys: readonly number[]): Map<number, ServiceRowProblem> {
  const problems = new Map<number, ServiceRowProblem>();
  for (const { row, field, message } of refused ?? []) {
    const key = rowKeys[row - 1];
    if (key !== undefined) problems.set(key, { message, field: field === 'date' ? 'date' : 'value' });
  }
  return problems;
}
