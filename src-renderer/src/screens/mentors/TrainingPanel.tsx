/** The five training modules: completed when, valid until when, and which have expired or soon will. */
import { useTranslation } from 'react-i18next';
import type { Mentor } from '../../../../src-main/contract';
import { todayIso, useDateFormat } from '../../components/dates';
import { Panel } from '../../components/Panel';
import { TRAINING_MODULES, type TrainingState, trainingState } from './mentor-status';

const TAG: Record<TrainingState, string> = {
  current: 'tag tag--ok',
  expiring: 'tag tag--warn',
  expired: 'tag tag--danger',
  missing: 'tag tag--muted',
  future: 'tag tag--muted',
};

export function TrainingPanel({ mentor }: { mentor: Mentor }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const today = todayIso();
  return (
    <Panel title={t('mentors.training.title')} intro={t('mentors.training.intro')}>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('mentors.training.module')}</th>
              <th scope="col">{t('mentors.training.completed')}</th>
              <th scope="col">{t('mentors.training.expires')}</th>
              <th scope="col">{t('mentors.training.status')}</th>
            </tr>
          </thead>
          <tbody>
            {TRAINING_MODULES.map((module) => {
              const record = mentor.training.find((entry) => entry.module === module);
              const state = trainingState(record, today);
              return (
                <tr key={module} className={state === 'expired' ? 'row--flagged' : undefined}>
                  <th scope="row">{t(`mentors.training.modules.${module}`)}</th>
                  <td>{record ? formatDate(record.completedOn) : '—'}</td>
                  <td>{record?.expiresOn ? formatDate(record.expiresOn) : record ? t('mentors.training.noExpiry') : '—'}</td>
                  <td>
                    <span className={TAG[state]}>{t(`mentors.training.state.${state}`)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
