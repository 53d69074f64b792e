/**
 * The fast grid for progress points: a row appears as the last fills, blank rows are left out, the
 * grid's own checks, and the service's "Row N" placed back on the grid's rows.
 */
import { describe, expect, it } from 'vitest';
import {
  batchOf,
  changeRow,
  type GridRow,
  MAX_GRID_ROWS,
  rowProblem,
  serviceRowProblems,
  startingRows,
  withRoomToGrow,
} from '../../src-renderer/src/screens/progress/point-grid';

const DAY = '2026-10-05';

function row(key: number, value: string, setting = '', date = DAY): GridRow {
  return { key, date, value, setting };
}

describe('rows', () => {
  it('starts with several empty rows on the given date', () => {
    expect(startingRows(DAY)).toEqual([row(0, ''), row(1, ''), row(2, '')]);
  });

  it('a new empty row appears when the last one is filled, on the date of the row above', () => {
    const rows = changeRow(startingRows(DAY), 2, { value: '40', date: '2026-10-02' });
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual(row(3, '', '', '2026-10-02'));
    // Filling an earlier row adds nothing: the last row is still empty.
    expect(changeRow(rows, 0, { value: '12' })).toHaveLength(4);
  });

  it('typing a setting alone also fills the row', () => {
    expect(changeRow([row(0, '')], 0, { setting: 'Math 7' })).toHaveLength(2);
  });

  it('never grows past what one save may send', () => {
    const full = Array.from({ length: MAX_GRID_ROWS }, (_, key) => row(key, '1'));
    expect(withRoomToGrow(full)).toHaveLength(MAX_GRID_ROWS);
  });
});

describe('the grid’s own checks', () => {
  it('a blank row is fine (it is left out)', () => {
    expect(rowProblem(row(0, ''))).toBeNull();
  });

  it('a row with something typed needs a number and a date', () => {
    expect(rowProblem(row(0, '', 'Math 7'))).toBe('no_value');
    expect(rowProblem(row(0, 'abc'))).toBe('not_a_number');
    expect(rowProblem(row(0, '62.5', '', ''))).toBe('no_date');
    expect(rowProblem(row(0, ' 62.5 '))).toBeNull();
  });
});

describe('what a save sends', () => {
  it('every row with a value, in order, with the setting when typed; blank rows left out', () => {
    const batch = batchOf('goal-1', [row(0, '42', ' Math 7 '), row(1, ''), row(2, '47.5'), row(3, '')]);
    expect(batch.points).toEqual([
      { goalId: 'goal-1', date: DAY, value: 42, setting: 'Math 7' },
      { goalId: 'goal-1', date: DAY, value: 47.5 },
    ]);
    expect(batch.rowKeys).toEqual([0, 2]);
  });
});

describe('the service’s refusal, row by row', () => {
  it('puts each refused row back on the grid row it was sent from, with the field to fix', () => {
    const rows = [
      { row: 2, field: 'value', message: 'This goal is measured as a percent: use 0 to 100.' },
      { row: 3, field: 'date', message: 'A progress point cannot be dated after today (2026-10-05).' },
    ];
    // Grid rows 0, 2 and 5 were sent (blank rows in between were not).
    expect(serviceRowProblems(rows, [0, 2, 5])).toEqual(
      new Map([
        [2, { field: 'value', message: 'This goal is measured as a percent: use 0 to 100.' }],
        [5, { field: 'date', message: 'A progress point cannot be dated after today (2026-10-05).' }],
      ]),
    );
  });

  it('a refusal about no row (a locked goal) names none', () => {
    expect(serviceRowProblems(undefined, [0, 1]).size).toBe(0);
  });
});
