/**
 * One side of the goal ↔ accommodation link ("Served by" on a goal, "Serves" on an accommodation):
 * ticking a box saves at once, and the gaps above follow. While a save runs the ticks show what was
 * asked for; if it fails they go back to what is saved and the reason shows beside them.
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, type CheckboxItem } from '../../components/CheckboxGroup';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { useRefreshPlans } from './plan-cache';

export interface LinkChecklistProps {
  legend: string;
  items: readonly CheckboxItem[];
  saved: readonly string[];
  isReadOnly: boolean;
  emptyText: string;
  save: (ids: string[]) => Promise<unknown>;
}

export function LinkChecklist({ legend, items, saved, isReadOnly, emptyText, save }: LinkChecklistProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshPlans();
  const alertId = useId();
  const [asked, setAsked] = useState<string[] | null>(null);
  const link = useMutation({
    mutationFn: save,
    onSettled: async () => {
      await refresh();
      setAsked(null);
    },
  });

  if (isReadOnly) {
    const names = items.filter((item) => saved.includes(item.id)).map((item) => item.label);
    return (
      <div className="stack">
        <h4 className="subform-title">{legend}</h4>
        {names.length ? (
          <ul className="link-list">
            {names.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{emptyText}</p>
        )}
      </div>
    );
  }
  return (
    <div className="stack">
      <CheckboxGroup
        legend={legend}
        items={items}
        selected={asked ?? saved}
        emptyText={emptyText}
        onChange={(ids) => {
          setAsked(ids);
          link.mutate(ids);
        }}
      />
      <FormAlert id={alertId}>{link.isError ? describe(link.error) : null}</FormAlert>
      <FormStatus>{link.isSuccess && asked === null ? t('plans.links.saved') : null}</FormStatus>
    </div>
  );
}
