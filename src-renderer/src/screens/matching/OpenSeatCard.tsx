/** A seat left open: how many, one sentence on why, the closest mentors with every rule against each, and a manual choice. */
import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OpenSeat } from '../../../../src-main/contract';
import { routeHref } from '../../app/hash-route';
import { focusSoon } from '../../components/focus-soon';
import { OverrideForm } from './OverrideForm';
import { SeatLine } from './SeatLine';

export function OpenSeatCard({ seat, startDate }: { seat: OpenSeat; startDate: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const names = { student: seat.studentName, setting: seat.settingClass };
  const stillOpen = seat.seatsOpen - chosen.length;

  return (
    <li className="match-card match-card--open">
      <article className="stack" aria-labelledby={titleId}>
        <div className="match-card-header">
          <h3 id={titleId} ref={headingRef} tabIndex={-1} className="match-card-title">
            {t('matching.open.cardTitle', names)}
          </h3>
          <span className="tag tag--warn">{t('matching.open.seatsOpen', { count: stillOpen })}</span>
        </div>
        <SeatLine seat={seat} />
        <p>{seat.summary}</p>
        {seat.nearMisses.length > 0 ? (
          <details className="match-details">
            <summary>{t('matching.open.nearMisses', { count: seat.nearMisses.length })}</summary>
            <ul className="match-near-misses">
              {seat.nearMisses.map((miss) => (
                <li key={miss.mentorId}>
                  <a href={routeHref('mentors', miss.mentorId)}>{miss.mentorName}</a>
                  <ul>
                    {miss.exclusions.map((exclusion) => (
                      <li key={`${exclusion.rule}:${exclusion.message}`}>{exclusion.message}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {chosen.length > 0 ? <p className="match-decision">{t('matching.open.chosen', { ...names, names: chosen.join(', ') })}</p> : null}
        {stillOpen > 0 ? (
          <div className="actions">
            <Button className="button button--secondary" aria-expanded={choosing} onPress={() => setChoosing((open) => !open)}>
              {t('matching.override.openForSeat')}
              <span className="visually-hidden"> {t('matching.override.forSeat', names)}</span>
            </Button>
          </div>
        ) : null}
        {choosing && stillOpen > 0 ? (
          <OverrideForm
            key={chosen.length}
            seat={seat}
            startDate={startDate}
            onDone={(name) => {
              setChosen((current) => [...current, name]);
              setChoosing(false);
              focusSoon(() => headingRef.current);
            }}
          />
        ) : null}
      </article>
    </li>
  );
}
