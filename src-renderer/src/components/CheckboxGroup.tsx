/** A set of native checkboxes under one legend (e.g. the goals an accommodation serves). */
import { type ReactNode, useId } from 'react';
import { describedBy } from './native-validity';

export interface CheckboxItem {
  id: string;
  label: string;
}

export interface CheckboxGroupProps {
  legend: string;
  items: readonly CheckboxItem[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  isDisabled?: boolean;
  description?: ReactNode;
  /** Shown when there is nothing to choose from yet. */
  emptyText?: string;
  className?: string;
}

export function CheckboxGroup(props: CheckboxGroupProps) {
  const baseId = useId();
  const descriptionId = `${baseId}-description`;
  const chosen = new Set(props.selected);
  return (
    <fieldset className={props.className ?? 'checkbox-group'} aria-describedby={describedBy(props.description && descriptionId)}>
      <legend className="field-label">{props.legend}</legend>
      {props.description ? (
        <div id={descriptionId} className="field-description">
          {props.description}
        </div>
      ) : null}
      {props.items.length === 0 && props.emptyText ? <p className="muted">{props.emptyText}</p> : null}
      <ul className="checkbox-list">
        {props.items.map((item) => {
          const id = `${baseId}-${item.id}`;
          return (
            <li key={item.id} className="checkbox-field">
              <input
                id={id}
                type="checkbox"
                checked={chosen.has(item.id)}
                disabled={props.isDisabled}
                onChange={(event) =>
                  props.onChange(event.target.checked ? [...props.selected, item.id] : props.selected.filter((other) => other !== item.id))
                }
              />
              <label htmlFor={id}>{item.label}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
