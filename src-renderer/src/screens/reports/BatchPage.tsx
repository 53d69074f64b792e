/**
 * Team summaries for many students: whose (a caseload or a school), the reporting period, and the
 * folder, chosen in the system's folder dialog; then a background job in the main process. The
 * page polls its status: a progress bar "n of N", Cancel, and the students whose report failed.
 * The job's id is in the address (#/reports/batch/<id>), so leaving and coming back finds it.
 */
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { Button, Form, Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BatchStatus } from '../../../../src-main/contract';
import { useApi, useApiMutation, useApiQuery } from '../../api-client/react';
import { navigate, routeHref } from '../../app/hash-route';
import { DateInputField } from '../../components/DateInputField';
import { todayIso } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { errorCode, useServiceError } from '../../components/service-error';
import { useStaff } from '../students/use-staff';
import { ReportsTabs } from './ReportsTabs';

const POLL_MS = 400;

export function BatchPage({ jobId }: { jobId: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="page stack reports-page">
      <PageHeading>{t('reportsScreen.title')}</PageHeading>
      <p className="lead">{t('reportsScreen.intro')}</p>
      <ReportsTabs current="batch" />
      <Panel title={t('reportsScreen.batch.title')} intro={jobId ? undefined : t('reportsScreen.batch.intro')}>
        {jobId ? <BatchProgress key={jobId} jobId={jobId} /> : <BatchForm />}
      </Panel>
    </div>
  );
}

function useSchools(): string[] {
  const list = useApiQuery('students.list', { status: 'active', limit: 500, sort: 'school' }, { staleTime: 60_000 });
  return useMemo(() => [...new Set((list.data?.rows ?? []).map((row) => row.school))].sort((a, b) => a.localeCompare(b)), [list.data]);
}

function BatchForm() {
  const { t } = useTranslation();
  const api = useApi();
  const describe = useServiceError();
  const staff = useStaff();
  const schools = useSchools();
  const scopeName = useId();
  const alertId = useId();
  const today = todayIso();
  const [scope, setScope] = useState<'caseload' | 'school'>('caseload');
  const [caseManagerId, setCaseManagerId] = useState('');
  const [school, setSchool] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(today);
  const [preparedOn, setPreparedOn] = useState(today);
  const [folder, setFolder] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const start = useApiMutation('reports.batchStart', { onSuccess: (status) => navigate('reports', 'batch', status.jobId) });

  async function chooseFolder(): Promise<void> {
    setChoosing(true);
    setProblem(null);
    try {
      const { path } = await api('files.chooseFolder', { title: t('reportsScreen.batch.chooseFolderTitle') });
      if (path !== null) setFolder(path);
    } catch (error) {
      setProblem(describe(error));
    } finally {
      setChoosing(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (start.isPending) return;
    const wrong =
      (scope === 'caseload' && !caseManagerId) || (scope === 'school' && !school)
        ? t('reportsScreen.batch.scopeMissing')
        : !folder
          ? t('reportsScreen.batch.folderMissing')
          : from && to && to < from
            ? t('reportsScreen.make.rangeBackwards')
            : null;
    setProblem(wrong);
    if (wrong || !folder) return;
    start.mutate({
      scope: scope === 'caseload' ? { kind: 'caseload', caseManagerId } : { kind: 'school', school },
      folder,
      from: from || undefined,
      to: to || undefined,
      preparedOn: preparedOn || undefined,
    });
  }

  return (
    <Form className="stack" onSubmit={submit}>
      <fieldset className="radio-choices">
        <legend className="field-label">{t('reportsScreen.batch.scopeLegend')}</legend>
        {(['caseload', 'school'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name={scopeName} checked={scope === value} onChange={() => setScope(value)} />
            {t(`reportsScreen.batch.${value}`)}
          </label>
        ))}
      </fieldset>
      {scope === 'caseload' ? (
        <SelectField
          label={t('reportsScreen.batch.caseManager')}
          emptyOption={t('reportsScreen.batch.chooseCaseManager')}
          options={staff.options}
          value={caseManagerId}
          onChange={setCaseManagerId}
          isRequired
        />
      ) : (
        <SelectField
          label={t('reportsScreen.batch.schoolName')}
          emptyOption={t('reportsScreen.batch.chooseSchool')}
          options={schools.map((name) => ({ value: name, label: name }))}
          value={school}
          onChange={setSchool}
          isRequired
        />
      )}
      <fieldset className="field-group">
        <legend className="field-group-legend">{t('reportsScreen.batch.periodLegend')}</legend>
        <div className="form-row">
          <DateInputField
            label={t('reportsScreen.make.from')}
            description={t('reportsScreen.batch.fromHint')}
            value={from}
            max={to || today}
            onChange={setFrom}
          />
          <DateInputField label={t('reportsScreen.make.to')} value={to} max={preparedOn || today} onChange={setTo} />
          <DateInputField label={t('reportsScreen.make.preparedOn')} value={preparedOn} max={today} isRequired onChange={setPreparedOn} />
        </div>
      </fieldset>
      <div className="stack">
        <dl className="facts">
          <Fact term={t('reportsScreen.batch.folder')}>
            <span className="batch-folder">{folder ?? t('reportsScreen.batch.noFolder')}</span>
          </Fact>
        </dl>
        <div className="actions">
          <Button className="button button--secondary" data-busy={choosing || undefined} onPress={() => void chooseFolder()}>
            {t('reportsScreen.batch.chooseFolder')}
          </Button>
        </div>
      </div>
      <FormAlert id={alertId}>{problem ?? (start.isError ? describe(start.error) : null)}</FormAlert>
      <div className="actions">
        <Button type="submit" className="button button--primary" data-busy={start.isPending || undefined}>
          {t('reportsScreen.batch.start')}
        </Button>
      </div>
    </Form>
  );
}

function BatchProgress({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const status = useApiQuery(
    'reports.batchStatus',
    { jobId },
    { refetchInterval: (query) => (query.state.data?.finished || query.state.error ? false : POLL_MS), gcTime: 0 },
  );
  const cancel = useApiMutation('reports.batchCancel');
  const outcome = useOutcome();
  if (status.isError) {
    return (
      <div className="stack">
        <FormAlert id="batch-alert">
          {errorCode(status.error) === 'not_found' ? t('reportsScreen.batch.gone') : describe(status.error)}
        </FormAlert>
        <p>
          <a href={routeHref('reports', 'batch')}>{t('reportsScreen.batch.newBatch')}</a>
        </p>
      </div>
    );
  }
  if (!status.data) return <p role="status">{t('app.working')}</p>;
  const job = status.data;
  const cancelling = (cancel.isPending || cancel.isSuccess) && !job.finished;
  return (
    <div className="stack batch-progress">
      <ProgressBar
        className="progress"
        value={job.done}
        minValue={0}
        maxValue={Math.max(job.total, 1)}
        valueLabel={t('reportsScreen.batch.progress', { done: job.done, total: job.total })}
      >
        {({ percentage, valueText }) => (
          <>
            <div className="progress-labels">
              <Label className="field-label">{t('reportsScreen.batch.progressLabel')}</Label>
              <span className="progress-value">{valueText}</span>
            </div>
            <div className="progress-track">
              <div className="progress-fill" style={{ width: `${job.total === 0 ? 100 : percentage}%` }} />
            </div>
          </>
        )}
      </ProgressBar>
      <FormStatus>{outcome(job)}</FormStatus>
      {job.finished ? null : (
        <div className="actions">
          <Button className="button button--secondary" isDisabled={cancelling} onPress={() => cancel.mutate({ jobId })}>
            {t('reportsScreen.batch.cancel')}
          </Button>
          <span role="status" className="busy-text">
            {cancelling ? t('reportsScreen.batch.cancelling') : null}
          </span>
        </div>
      )}
      {cancel.isError ? <FormAlert id="batch-cancel-alert">{describe(cancel.error)}</FormAlert> : null}
      {job.stoppedBecause ? <p className="notice notice--warning">{job.stoppedBecause}</p> : null}
      {job.failures.length > 0 ? (
        <section className="stack" aria-labelledby="batch-failures-title">
          <h3 id="batch-failures-title" className="subform-title">
            {t('reportsScreen.batch.failuresTitle')}
          </h3>
          <ul className="batch-failures">
            {job.failures.map((failure) => (
              <li key={failure.studentId}>
                {t('reportsScreen.batch.failure', { name: failure.name, localId: failure.localId, message: failure.message })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {job.finished ? (
        <p>
          <a href={routeHref('reports', 'batch')}>{t('reportsScreen.batch.newBatch')}</a>
        </p>
      ) : null}
    </div>
  );
}

function useOutcome(): (job: BatchStatus) => string {
  const { t } = useTranslation();
  return (job) => outcomeText(t, job);
}

function outcomeText(t: TFunction, job: BatchStatus): string {
  if (!job.finished) return t('reportsScreen.batch.running');
  if (job.total === 0) return t('reportsScreen.batch.empty');
  const values = { done: job.done, total: job.total, written: job.written, folder: job.folder };
  return job.cancelled ? t('reportsScreen.batch.cancelled', values) : t('reportsScreen.batch.done', values);
}
