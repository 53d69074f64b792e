/**
 * The suggestions the team rejected: matching no longer offers those pairs. Any of them can be
 * taken back here, also one made in an earlier run, so the pair can be suggested again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { queryKey, useApiMutation, useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';

/** Re-reads the list after a rejection is made or taken back elsewhere on the page. */
export function useRefreshRejections(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKey('matching.rejections.list', {}) });
}

export function RejectionsPanel() {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const captionId = useId();
  const refresh = useRefreshRejections();
  const list = useApiQuery('matching.rejections.list', {});
  const [notice, setNotice] = useState<string | null>(null);
  const allow = useApiMutation('matching.unreject', {
    onSuccess: async () => {
      setNotice(t('matching.rejections.allowed'));
      await refresh();
    },
  });
  const rows = list.data ?? [];

  return (
    <Panel title={t('matching.rejections.title')} intro={t('matching.rejections.intro')}>
      <FormAlert id={`${captionId}-alert`}>{list.isError ? describe(list.error) : allow.isError ? describe(allow.error) : null}</FormAlert>
      {list.data && rows.length === 0 ? <p>{t('matching.rejections.none')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" aria-labelledby={captionId}>
            <caption id={captionId} className="visually-hidden">
              {t('matching.rejections.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('matching.rejections.mentor')}</th>
                <th scope="col">{t('matching.rejections.support')}</th>
                <th scope="col">{t('matching.rejections.on')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('matching.rejections.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((rejection) => {
                const support = t('matching.rejections.what', {
                  role: t(`assignments.roles.${rejection.role}`),
                  student: rejection.studentName,
                  setting: rejection.settingClass,
                });
                return (
                  <tr key={`${rejection.accommodationId}:${rejection.mentorId}`}>
                    <th scope="row">
                      <a href={routeHref('mentors', rejection.mentorId)}>{rejection.mentorName}</a>
                    </th>
                    <td>
                      <a href={routeHref('students', rejection.studentId)}>{support}</a>
                    </td>
                    <td>{formatDate(rejection.rejectedOn)}</td>
                    <td>
                      <Button
                        className="button button--secondary"
                        onPress={() => {
                          if (allow.isPending) return;
                          setNotice(null);
                          allow.mutate({ mentorId: rejection.mentorId, accommodationId: rejection.accommodationId });
                        }}
                      >
                        {t('matching.rejections.allow')}
                        <span className="visually-hidden"> {t('matching.rejections.pair', { mentor: rejection.mentorName, support })}</span>
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <FormStatus>{notice}</FormStatus>
    </Panel>
  );
}
