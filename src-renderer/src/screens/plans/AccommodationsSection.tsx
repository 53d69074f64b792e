/** The plan's peer-support accommodations, and adding one. */
import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../src-main/contract';
import { todayIso } from '../../components/dates';
import { FormStatus } from '../../components/FormAlert';
import { AccommodationCard } from './AccommodationCard';
import { AccommodationForm } from './AccommodationForm';
import { newAccommodationDraft } from './accommodation-draft';

export function AccommodationsSection({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const { plan } = detail;

  return (
    <section className="panel stack" aria-labelledby={titleId}>
      <div className="panel-header">
        <h2 id={titleId} className="panel-title">
          {t('accommodations.title', { count: detail.accommodations.length })}
        </h2>
        {plan.readOnly || adding ? null : (
          <Button
            ref={addRef}
            className="button button--primary"
            onPress={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {t('accommodations.add')}
          </Button>
        )}
      </div>
      {detail.accommodations.length === 0 && !adding ? <p className="muted">{t('accommodations.none')}</p> : null}
      {detail.accommodations.map((accommodation) => (
        <AccommodationCard key={accommodation.id} accommodation={accommodation} detail={detail} />
      ))}
      {adding ? (
        <div className="card-form stack">
          <h3 className="card-title-small">{t('accommodations.form.addTitle')}</h3>
          <AccommodationForm
            detail={detail}
            initial={newAccommodationDraft(plan, todayIso())}
            onDone={() => {
              setAdding(false);
              setAdded(true);
              requestAnimationFrame(() => addRef.current?.focus());
            }}
          />
        </div>
      ) : null}
      <FormStatus>{added ? t('accommodations.form.done') : null}</FormStatus>
    </section>
  );
}
