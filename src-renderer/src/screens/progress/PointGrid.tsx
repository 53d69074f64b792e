/**
 * The fast grid for a goal's progress points: rows of date, value and setting typed straight down
 * (Tab to the next box; Enter from a date to its value, from a value to the next row), a new row as
 * the last one fills, and "Save all" in one call (all or nothing). A refused row gets the service's
 * words beside it and the keyboard.
 */
import { type FormEvent, Fragment, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../src-main/contract';
import { ApiError } from '../../api-client/client';
import { useApiMutation } from '../../api-client/react';
import { todayIso } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { batchOf, changeRow, type GridRow, isBlank, type RowProblem, rowProblem, serviceRowProblems, startingRows } from './point-grid';
import { useRefreshProgress } from './progress-cache';

type Field = 'date' | 'value' | 'setting';

/** "Enter several points", the grid it opens, and what the last save did. */
export function PointGridEntry({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  // The grid's buttons go away with it: give the keyboard back to "Enter several points".
  const close = () => {
    setOpen(false);
    focusSoon(() => openButton.current);
  };
  return (
    <div className="stack point-grid-entry">
      {open ? (
        <PointGrid
          goal={goal}
          onCancel={close}
          onSaved={(count) => {
            setSaved(t('progress.grid.saved', { count }));
            close();
          }}
        />
      ) : (
        <div className="actions">
          <Button
            ref={openButton}
            className="button button--secondary"
            onPress={() => {
              setSaved(null);
              setOpen(true);
            }}
          >
            {t('progress.grid.open')}
          </Button>
        </div>
      )}
      <FormStatus>{saved}</FormStatus>
    </div>
  );
}

export interface PointGridProps {
  goal: Goal;
  onSaved: (count: number) => void;
  onCancel: () => void;
}

export function PointGrid({ goal, onSaved, onCancel }: PointGridProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshProgress();
  const titleId = useId();
  const hintId = useId();
  const alertId = useId();
  const problemId = useId();
  const grid = useRef<HTMLTableElement>(null);
  const saveRef = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState<GridRow[]>(() => startingRows(todayIso()));
  /** By row key: what is wrong with the row, in words. */
  const [problems, setProblems] = useState<ReadonlyMap<number, string>>(new Map());
  const [alert, setAlert] = useState<string | null>(null);
  /** The row key of each point in the save under way, to place the service's "Row N" back on the grid. */
  const sentKeys = useRef<number[]>([]);
  const ready = rows.filter((row) => !isBlank(row)).length;

  const input = (key: number, field: Field) => grid.current?.querySelector<HTMLInputElement>(`[data-row="${key}"][data-field="${field}"]`);
  const focusField = (key: number, field: Field) => focusSoon(() => input(key, field));
  // The keyboard starts on the first date when the grid opens.
  useEffect(() => focusSoon(() => grid.current?.querySelector('input')), []);

  const rowNumbers = (keys: readonly number[]) =>
    keys
      .map((key) => rows.findIndex((row) => row.key === key) + 1)
      .sort((a, b) => a - b)
      .join(', ');

  /** Puts the problems beside their rows, says so in the alert and takes the keyboard to the first. */
  const refuse = (found: ReadonlyMap<number, string>, fieldOf: (key: number) => Field) => {
    setProblems(found);
    const keys = [...found.keys()];
    setAlert(t('progress.grid.refused', { count: keys.length, rows: rowNumbers(keys) }));
    const first = rows.find((row) => found.has(row.key));
    if (first) focusField(first.key, fieldOf(first.key));
  };

  const createMany = useApiMutation('progressPoints.createMany', {
    onSuccess: async (points) => {
      await refresh();
      onSaved(points.length);
    },
    onError: (error) => {
      const found =
        error instanceof ApiError && error.code === 'invalid_input' ? serviceRowProblems(error.body.rows, sentKeys.current) : new Map();
      if (found.size === 0) {
        setProblems(new Map());
        setAlert(describe(error));
        return;
      }
      refuse(new Map([...found].map(([key, problem]) => [key, problem.message])), (key) => found.get(key)?.field ?? 'value');
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createMany.isPending) return;
    const local = new Map<number, RowProblem>();
    for (const row of rows) {
      const problem = rowProblem(row);
      if (problem) local.set(row.key, problem);
    }
    if (local.size > 0) {
      const words = new Map([...local].map(([key, problem]) => [key, t(`progress.grid.problems.${problem}`)]));
      refuse(words, (key) => (local.get(key) === 'no_date' ? 'date' : 'value'));
      return;
    }
    const batch = batchOf(goal.id, rows);
    if (batch.points.length === 0) {
      setProblems(new Map());
      setAlert(t('progress.grid.nothing'));
      const first = rows[0];
      if (first) focusField(first.key, 'value');
      return;
    }
    setProblems(new Map());
    setAlert(null);
    sentKeys.current = batch.rowKeys;
    createMany.mutate({ points: batch.points });
  }

  /** Enter moves along instead of submitting: from a date to its value, from a value or setting to the next row. */
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number, field: Field) {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const row = rows[index];
    const next = rows[index + 1];
    if (field === 'date' && row) input(row.key, 'value')?.focus();
    else if (next) input(next.key, 'date')?.focus();
    else saveRef.current?.querySelector('button')?.focus();
  }

  const update = (key: number, changes: Partial<Omit<GridRow, 'key'>>) => {
    setRows((current) => changeRow(current, key, changes));
    if (problems.has(key)) {
      setProblems((current) => {
        const next = new Map(current);
        next.delete(key);
        return next;
      });
    }
  };

  return (
    <form className="stack point-grid-form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h5 id={titleId} className="subform-title">
        {t('progress.grid.title')}
      </h5>
      <p id={hintId} className="muted point-grid-hint">
        {t('progress.grid.hint')} {t(`progress.addPoint.valueHint.${goal.measurement}`, { max: goal.scaleMax ?? '' })}
      </p>
      <div className="table-wrap">
        <table ref={grid} className="data-table point-grid" aria-describedby={hintId}>
          <caption className="visually-hidden">{t('progress.grid.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="point-grid-number">
                {t('progress.grid.row')}
              </th>
              <th scope="col">{t('progress.grid.date')}</th>
              <th scope="col">{t('progress.grid.value')}</th>
              <th scope="col">{t('progress.grid.setting')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const number = index + 1;
              const problem = problems.get(row.key);
              const describedBy = problem ? `${problemId}-${row.key}` : undefined;
              const common = (field: Field) => ({
                'data-row': row.key,
                'data-field': field,
                className: 'field-input',
                'aria-invalid': problem ? true : undefined,
                'aria-describedby': describedBy,
                onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => onKeyDown(event, index, field),
              });
              return (
                <Fragment key={row.key}>
                  <tr className={problem ? 'row--flagged' : undefined}>
                    <th scope="row" className="point-grid-number">
                      {number}
                    </th>
                    <td>
                      <input
                        {...common('date')}
                        type="date"
                        aria-label={t('progress.grid.dateOfRow', { row: number })}
                        value={row.date}
                        onChange={(event) => update(row.key, { date: event.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        {...common('value')}
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        aria-label={t('progress.grid.valueOfRow', { row: number })}
                        value={row.value}
                        onChange={(event) => update(row.key, { value: event.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        {...common('setting')}
                        type="text"
                        autoComplete="off"
                        aria-label={t('progress.grid.settingOfRow', { row: number })}
                        value={row.setting}
                        onChange={(event) => update(row.key, { setting: event.target.value })}
                      />
                    </td>
                  </tr>
                  {problem ? (
                    <tr className="row--flagged point-grid-problem">
                      <td />
                      <td colSpan={3}>
                        <p id={describedBy} className="field-error">
                          {t('progress.grid.rowProblem', { row: number, problem })}
                        </p>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('progress.grid.ready', { count: ready })}</p>
      <FormAlert id={alertId}>{alert}</FormAlert>
      <div ref={saveRef} className="actions">
        <SubmitButton pending={createMany.isPending}>{t('progress.grid.save')}</SubmitButton>
        <Button className="button button--quiet" onPress={onCancel}>
          {t('progress.grid.cancel')}
        </Button>
      </div>
    </form>
  );
}
