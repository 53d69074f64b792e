/**
 * Running pairs and rotation: the pairs marked as working (kept by every rotation run, with "Stop
 * keeping"), and in a rotation run the pairs the plan would end, each with "Keep this pair". A change
 * alters the problem, so the run is made again.
 */
import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MatchRun } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { useDateFormat } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';

export function RunningPairs({ run, onChanged }: { run: MatchRun; onChanged: () => void }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const describe = useServiceError();
  const titleId = useId();
  const mark = useApiMutation('matching.markWorking', { onSuccess: onChanged });
  const toggle = (assignmentId: string, working: boolean) => mark.isPending || mark.mutate({ assignmentId, working });

  return (
    <section className="stack" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('matching.kept.title')}
      </h2>
      <p>{run.mode === 'rotation' ? t('matching.kept.introRotation') : t('matching.kept.introFill')}</p>
      <FormAlert id={`${titleId}-alert`}>{mark.isError ? describe(mark.error) : null}</FormAlert>
      <span role="status" className="busy-text">
        {mark.isPending ? t('app.working') : null}
      </span>
      <h3 className="subform-title">{t('matching.kept.keptTitle', { count: run.keptPairs.length })}</h3>
      {run.keptPairs.length === 0 ? <p>{t('matching.kept.noneKept')}</p> : null}
      <ul className="record-list">
        {run.keptPairs.map((pair) => {
          const names = { mentor: pair.mentorName, student: pair.studentName, setting: pair.settingClass };
          return (
            <li key={pair.assignmentId} className="record">
              <div>
                <p className="record-name">
                  <a href={routeHref('mentors', pair.mentorId)}>{pair.mentorName}</a> {t('matching.kept.with', names)}
                </p>
                <p className="record-meta">{t('matching.kept.markedOn', { date: formatDate(pair.markedOn) })}</p>
              </div>
              <Button className="button button--secondary" onPress={() => toggle(pair.assignmentId, false)}>
                {t('matching.kept.unkeep')}
                <span className="visually-hidden"> {t('matching.suggestions.which', names)}</span>
              </Button>
            </li>
          );
        })}
      </ul>
      {run.mode === 'rotation' ? (
        <>
          <h3 className="subform-title">{t('matching.kept.endingTitle', { count: run.ending.length })}</h3>
          {run.ending.length === 0 ? <p>{t('matching.kept.noneEnding')}</p> : null}
          <ul className="record-list">
            {run.ending.map((pair) => {
              const names = { mentor: pair.mentorName, student: pair.studentName, setting: pair.settingClass };
              return (
                <li key={pair.assignmentId} className="record">
                  <p className="record-name">
                    <a href={routeHref('mentors', pair.mentorId)}>{pair.mentorName}</a> {t('matching.kept.with', names)}
                  </p>
                  <Button className="button button--secondary" onPress={() => toggle(pair.assignmentId, true)}>
                    {t('matching.kept.keep')}
                    <span className="visually-hidden"> {t('matching.suggestions.which', names)}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
