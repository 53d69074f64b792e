/**
 * A week of school periods, Monday to Friday × periods 1–8, as a table of checkboxes: one per slot,
 * each named "Monday, period 3". Arrow keys move between cells like a spreadsheet; Tab and Space work
 * as on any checkbox. Without `onChange` it shows the same table read-only.
 * Slots outside the grid (period 0 or 9+, from an import) are kept untouched.
 */
import { type KeyboardEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Day, Slot } from '../../../src-main/contract';

// The contract's DAYS is a value; the renderer may import types only, so the week is listed here.
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'] as const satisfies readonly Day[];
const FIRST_PERIOD = 1;
const LAST_PERIOD = 8;
const PERIODS = Array.from({ length: LAST_PERIOD }, (_, index) => index + FIRST_PERIOD);

const has = (slots: readonly Slot[], day: Day, period: number) => slots.some((slot) => slot.day === day && slot.period === period);

export interface SlotGridProps {
  legend: string;
  value: readonly Slot[];
  onChange?: (slots: Slot[]) => void;
  description?: string;
}

export function SlotGrid({ legend, value, onChange, description }: SlotGridProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const descriptionId = useId();

  function toggle(day: Day, period: number, on: boolean) {
    const others = value.filter((slot) => !(slot.day === day && slot.period === period));
    onChange?.(on ? [...others, { day, period }] : others);
  }

  return (
    <div className="slot-grid-wrap">
      <table className="slot-grid" aria-labelledby={captionId} aria-describedby={description ? descriptionId : undefined}>
        <caption id={captionId} className="slot-grid-caption">
          {legend}
        </caption>
        <thead>
          <tr>
            <td />
            {WEEK.map((day) => (
              <th key={day} scope="col" abbr={t(`weekSchedule.days.${day}`)}>
                {t(`weekSchedule.shortDays.${day}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onChange ? moveWithArrows : undefined}>
          {PERIODS.map((period) => (
            <tr key={period}>
              <th scope="row" className="slot-period">
                {t('weekSchedule.period', { period })}
              </th>
              {WEEK.map((day) => {
                const free = has(value, day, period);
                const name = t('weekSchedule.cell', { day: t(`weekSchedule.days.${day}`), period });
                return (
                  <td key={day} className={free ? 'slot-cell slot-cell--free' : 'slot-cell'}>
                    {onChange ? (
                      <input
                        type="checkbox"
                        aria-label={name}
                        checked={free}
                        data-day={day}
                        data-period={period}
                        onChange={(event) => toggle(day, period, event.target.checked)}
                      />
                    ) : (
                      <span>{free ? t('weekSchedule.free') : <span className="visually-hidden">{t('weekSchedule.notFree')}</span>}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {description ? (
        <p id={descriptionId} className="field-description">
          {description}
        </p>
      ) : null}
    </div>
  );
}

const STEPS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

function moveWithArrows(event: KeyboardEvent<HTMLTableSectionElement>) {
  const step = STEPS[event.key];
  const target = event.target;
  if (!step || !(target instanceof HTMLInputElement)) return;
  const dayIndex = (WEEK as readonly string[]).indexOf(target.dataset.day ?? '') + step[0];
  const period = Number(target.dataset.period) + step[1];
  const day = WEEK[dayIndex];
  if (!day || period < FIRST_PERIOD || period > LAST_PERIOD) return;
  event.preventDefault();
  event.currentTarget.querySelector<HTMLInputElement>(`input[data-day="${day}"][data-period="${period}"]`)?.focus();
}
