/**
 * The student's past observations, newest first, with what each found; deleting one (after a
 * confirmation that says its progress points go too) removes the points from the goal graphs.
 */
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Observation } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';
import { tally } from './interval-tally';
import { useRefreshObservations } from './observation-cache';

export function PastObservations({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const refresh = useRefreshObservations();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = useApiQuery('observations.listForStudent', { studentId });
  const [deleting, setDeleting] = useState<Observation | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const remove = useApiMutation('observations.delete', {
    onSuccess: (_, { id }) => {
      const gone = list.data?.find((observation) => observation.id === id);
      setDeleted(gone ? t('observation.past.deleted', { date: formatDate(gone.date) }) : null);
      void refresh();
      // The row and its Delete button are gone: the panel's heading keeps the keyboard in place.
      focusSoon(() => headingRef.current);
    },
    onSettled: () => setDeleting(null),
  });
  const percent = (value: number | null) =>
    value === null ? t('observation.review.noPercent') : t('observation.review.percentValue', { value });

  return (
    <Panel title={t('observation.past.title')} headingRef={headingRef}>
      <FormAlert id="past-observations-alert">
        {list.isError ? describe(list.error) : remove.isError ? describe(remove.error) : null}
      </FormAlert>
      <FormStatus>{deleted}</FormStatus>
      {list.data?.length === 0 ? <p>{t('observation.past.none')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table obs-past">
            <caption className="visually-hidden">{t('observation.past.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('observation.past.date')}</th>
                <th scope="col">{t('observation.past.setting')}</th>
                <th scope="col">{t('observation.past.intervals')}</th>
                <th scope="col">{t('observation.past.engaged')}</th>
                <th scope="col">{t('observation.past.interacting')}</th>
                <th scope="col">{t('observation.past.nearAdult')}</th>
                <th scope="col">{t('observation.past.peers')}</th>
                <th scope="col">{t('observation.past.points')}</th>
                <th scope="col">{t('observation.past.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((observation) => (
                <tr key={observation.id}>
                  <th scope="row">{formatDate(observation.date)}</th>
                  <td>{observation.setting ?? ''}</td>
                  <td>
                    {t('observation.past.intervalsValue', {
                      marked: observation.totalIntervals - tally(observation.intervals).missing,
                      total: observation.totalIntervals,
                    })}
                  </td>
                  <td>{percent(observation.summary.engaged.percent)}</td>
                  <td>{percent(observation.summary.interacting.percent)}</td>
                  <td>{percent(observation.summary.nearAdult.percent)}</td>
                  <td>{observation.peersCount ?? ''}</td>
                  <td>{observation.progressPoints.length}</td>
                  <td>
                    <Button
                      className="button button--quiet"
                      aria-label={t('observation.past.deleteNamed', { date: formatDate(observation.date) })}
                      onPress={() => {
                        setDeleted(null);
                        setDeleting(observation);
                      }}
                    >
                      {t('observation.past.delete')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== null}
        title={t('observation.past.deleteTitle', { date: deleting ? formatDate(deleting.date) : '' })}
        text={t('observation.past.deleteText', { count: deleting?.progressPoints.length ?? 0 })}
        confirmLabel={t('observation.past.deleteConfirm')}
        isWorking={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </Panel>
  );
}
