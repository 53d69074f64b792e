/**
 * The "Progress" part of a goal card: the goal graph (its data table lets each point be changed or
 * deleted), the decision-rule notices, the suggested progress level with its rule, and a quick form
 * to add a progress point (refusals shown inline).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { DateInputField } from '../../components/DateInputField';
import { todayIso, useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { GoalGraph } from './GoalGraph';
import { PointActions } from './PointActions';
import { PointGridEntry } from './PointGrid';
import { PointValueField } from './PointValueField';

export function GoalProgressPanel({ goal, readOnly }: { goal: Goal; readOnly: boolean }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [method, setMethod] = useState<'theil_sen' | 'ols'>('theil_sen');
  const progress = useApiQuery('goals.progress', { goalId: goal.id, method }, { placeholderData: (previous) => previous });
  const view = progress.data;
  return (
    <section className="progress-panel stack" aria-labelledby={titleId}>
      <h4 id={titleId} ref={titleRef} tabIndex={-1} className="subform-title">
        {t('progress.title')}
      </h4>
      {progress.error ? <p className="form-alert">{describe(progress.error)}</p> : null}
      {view ? (
        <>
          <SelectField
            label={t('progress.graph.method')}
            value={method}
            options={[
              { value: 'theil_sen', label: t('progress.graph.methods.theil_sen') },
              { value: 'ols', label: t('progress.graph.methods.ols') },
            ]}
            onChange={(next) => setMethod(next === 'ols' ? 'ols' : 'theil_sen')}
          />
          <GoalGraph
            chart={view.chart}
            points={view.points}
            target={goal.target}
            endDate={goal.endDate}
            measurement={goal.measurement}
            pointActions={
              readOnly
                ? undefined
                : (point) => <PointActions point={point} goal={goal} onDeleted={() => focusSoon(() => titleRef.current)} />
            }
          />
          {view.flags.length > 0 ? (
            <ul className="progress-flags">
              {view.flags.map((flag) => (
                <li key={flag.rule} className="notice notice--warning">
                  <strong>{t(`progress.flags.${flag.rule}.title`)}</strong> {t(`progress.flags.${flag.rule}.rule`)}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="progress-suggestion">
            <p>
              <strong>
                {t('progress.suggestion.heading', {
                  period: view.period.label
                    ? t('progress.suggestion.period', { label: view.period.label, date: formatDate(view.period.endsOn) })
                    : t('progress.suggestion.planEnd', { date: formatDate(view.period.endsOn) }),
                })}
              </strong>{' '}
              {view.judgement.status === 'not_enough_data' ? t('progress.tooEarly') : t(`progress.levels.${view.suggestion.level}`)}
            </p>
            <p className="muted">{view.suggestion.explanation}</p>
          </div>
        </>
      ) : null}
      {readOnly ? null : <AddPointForm goal={goal} />}
      {readOnly ? null : <PointGridEntry goal={goal} />}
    </section>
  );
}

function AddPointForm({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const queryClient = useQueryClient();
  const alertId = useId();
  const [date, setDate] = useState(todayIso());
  const [value, setValue] = useState('');
  const [setting, setSetting] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const create = useApiMutation('progressPoints.create', {
    onSuccess: (point) => {
      setValue('');
      setSaved(t('progress.addPoint.saved', { value: point.value }));
      void queryClient.invalidateQueries({ queryKey: ['goals.progress', { goalId: goal.id }] });
    },
    onError: () => setSaved(null),
  });
  function submit(requestId: string) {
    setSaved(null);
    return create.mutateAsync({
      goalId: goal.id,
      date,
      value: Number(value),
      ...(setting.trim() ? { setting: setting.trim() } : {}),
      requestId,
    });
  }
  return (
    <SubmitForm className="stack add-point-form" onSubmit={submit} aria-label={t('progress.addPoint.title')}>
      <h5 className="subform-title">{t('progress.addPoint.title')}</h5>
      <div className="form-row">
        <DateInputField label={t('progress.addPoint.date')} value={date} onChange={setDate} isRequired aria-describedby={alertId} />
        <PointValueField goal={goal} value={value} onChange={setValue} allowEmpty aria-describedby={alertId} />
        <TextInputField label={t('progress.addPoint.setting')} value={setting} onChange={setSetting} />
      </div>
      <div className="actions">
        <SubmitButton pending={create.isPending}>{t('progress.addPoint.save')}</SubmitButton>
      </div>
      <FormAlert id={alertId}>{create.isError ? describe(create.error) : null}</FormAlert>
      <FormStatus>{saved}</FormStatus>
    </SubmitForm>
  );
}
