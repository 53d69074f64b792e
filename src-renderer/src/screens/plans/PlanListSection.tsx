/**
 * A section of the plan page that lists cards (goals, peer supports) and adds one in place: the
 * add button, the empty text, the inline form, and focus back on the button with a status line
 * once the new card is saved.
 */
import { type ReactNode, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { FormStatus } from '../../components/FormAlert';

export interface PlanListSectionProps {
  title: string;
  addLabel: string;
  addTitle: string;
  emptyText: string;
  doneText: string;
  readOnly: boolean;
  /** Shown instead of the add button when the plan's content changes only by amendment (an active plan). */
  lockedNote?: ReactNode;
  cards: ReactNode[];
  /** The add form; it calls `onDone` once saved. */
  renderForm: (onDone: () => void) => ReactNode;
}

export function PlanListSection({
  title,
  addLabel,
  addTitle,
  emptyText,
  doneText,
  readOnly,
  lockedNote,
  cards,
  renderForm,
}: PlanListSectionProps) {
  const titleId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);

  return (
    <section className="panel stack" aria-labelledby={titleId}>
      <div className="panel-header">
        <h2 id={titleId} className="panel-title">
          {title}
        </h2>
        {readOnly || lockedNote || adding ? null : (
          <Button
            ref={addRef}
            className="button button--primary"
            onPress={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {addLabel}
          </Button>
        )}
      </div>
      {lockedNote && !readOnly ? lockedNote : null}
      {cards.length === 0 && !adding ? <p className="muted">{emptyText}</p> : null}
      {cards}
      {adding ? (
        <div className="card-form stack">
          <h3 className="card-title-small">{addTitle}</h3>
          {renderForm(() => {
            setAdding(false);
            setAdded(true);
            requestAnimationFrame(() => addRef.current?.focus());
          })}
        </div>
      ) : null}
      <FormStatus>{added ? doneText : null}</FormStatus>
    </section>
  );
}
