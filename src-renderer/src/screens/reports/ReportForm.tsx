/**
 * The report about one student: team summary or parent report (language, recipient and purpose —
 * FERPA's record of disclosures needs the last two), the dates it covers and the day it is prepared
 * on; "Preview" shows it, and the preview's "Save…" writes and records it.
 */
import { type FormEvent, useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Plan, ReportRequest, Student } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { DateInputField } from '../../components/DateInputField';
import { todayIso } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { TranslationReviewNotice } from '../../components/TranslationReviewNotice';
import { ReportPreview } from './ReportPreview';
import {
  familyLanguage,
  initialDraft,
  isReportLanguage,
  planInForce,
  REPORT_LANGUAGES,
  type ReportDraft,
  toRequest,
} from './report-request';
import { UntranslatedPassages } from './UntranslatedPassages';

export function ReportForm({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const student = useApiQuery('students.get', { id: studentId });
  const plans = useApiQuery('plans.listForStudent', { studentId });
  if (!student.data || !plans.data) {
    const error = student.error ?? plans.error;
    return error ? <FormAlert id="report-form-alert">{describe(error)}</FormAlert> : <p role="status">{t('app.working')}</p>;
  }
  const plan = planInForce(plans.data);
  if (!plan) return <p className="notice">{t('reportsScreen.make.noPlan')}</p>;
  return <ReportFormFields key={student.data.id} student={student.data} plan={plan} />;
}

function ReportFormFields({ student, plan }: { student: Student; plan: Plan }) {
  const { t } = useTranslation();
  const alertId = useId();
  const kindName = useId();
  const guardiansListId = useId();
  const today = todayIso();
  const [draft, setDraft] = useState<ReportDraft>(() => initialDraft(student, plan, today));
  const [previewed, setPreviewed] = useState<ReportRequest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const family = familyLanguage(student);
  const change = (patch: Partial<ReportDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setProblem(null);
  };
  const request = toRequest(student.id, draft);
  const stale = previewed !== null && JSON.stringify(previewed) !== JSON.stringify(request);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const wrong =
      draft.from && draft.to && draft.to < draft.from
        ? t('reportsScreen.make.rangeBackwards')
        : draft.to && draft.preparedOn && draft.to > draft.preparedOn
          ? t('reportsScreen.make.toAfterPrepared')
          : null;
    if (wrong) setProblem(wrong);
    else setPreviewed(request);
  }

  return (
    <div className="stack">
      <Form className="stack report-form" onSubmit={submit}>
        <fieldset className="radio-choices">
          <legend className="field-label">{t('reportsScreen.make.kindLegend')}</legend>
          {(['team_summary', 'parent_report'] as const).map((kind) => (
            <div key={kind} className="radio-with-hint">
              <label>
                <input
                  type="radio"
                  name={kindName}
                  checked={draft.kind === kind}
                  aria-describedby={`${kindName}-${kind}-hint`}
                  onChange={() => change({ kind })}
                />
                {t(kind === 'team_summary' ? 'reportsScreen.make.team' : 'reportsScreen.make.parent')}
              </label>
              <p id={`${kindName}-${kind}-hint`} className="field-description">
                {t(kind === 'team_summary' ? 'reportsScreen.make.teamHint' : 'reportsScreen.make.parentHint')}
              </p>
            </div>
          ))}
        </fieldset>
        {draft.kind === 'parent_report' ? (
          <div className="stack subform">
            <SelectField
              label={t('reportsScreen.make.language')}
              value={draft.language}
              options={REPORT_LANGUAGES.map((language) => ({ value: language, label: t(`reportsScreen.languages.${language}`) }))}
              onChange={(language) => change({ language: isReportLanguage(language) ? language : 'en' })}
              description={
                family
                  ? isReportLanguage(family.language)
                    ? t('reportsScreen.make.languageFromGuardian', {
                        name: family.guardian,
                        language: t(`reportsScreen.languages.${family.language}`),
                      })
                    : t('reportsScreen.make.languageMissing', { name: family.guardian })
                  : undefined
              }
            />
            <TranslationReviewNotice language={draft.language} />
            <UntranslatedPassages plan={plan} language={draft.language} />
            <TextInputField
              label={t('reportsScreen.make.recipient')}
              description={t('reportsScreen.make.recipientHint')}
              isRequired
              maxLength={200}
              list={guardiansListId}
              autoComplete="off"
              value={draft.recipient}
              onChange={(recipient) => change({ recipient })}
              validate={(value) => (value.trim() ? null : t('reportsScreen.make.recipientMissing'))}
            />
            <datalist id={guardiansListId}>
              {student.guardians.map((guardian) => (
                <option key={guardian.id} value={`${guardian.name} (${guardian.relationship})`} />
              ))}
            </datalist>
            <TextInputField
              label={t('reportsScreen.make.purpose')}
              description={t('reportsScreen.make.purposeHint')}
              isRequired
              maxLength={200}
              value={draft.purpose}
              onChange={(purpose) => change({ purpose })}
              validate={(value) => (value.trim() ? null : t('reportsScreen.make.purposeMissing'))}
            />
          </div>
        ) : null}
        <fieldset className="field-group">
          <legend className="field-group-legend">{t('reportsScreen.make.datesLegend')}</legend>
          <div className="form-row">
            <DateInputField
              label={t('reportsScreen.make.from')}
              description={t('reportsScreen.make.fromHint')}
              value={draft.from}
              max={draft.to || today}
              onChange={(from) => change({ from })}
            />
            <DateInputField
              label={t('reportsScreen.make.to')}
              value={draft.to}
              max={draft.preparedOn || today}
              onChange={(to) => change({ to })}
            />
            <DateInputField
              label={t('reportsScreen.make.preparedOn')}
              description={t('reportsScreen.make.preparedOnHint')}
              isRequired
              value={draft.preparedOn}
              max={today}
              onChange={(preparedOn) => change({ preparedOn })}
            />
          </div>
        </fieldset>
        <FormAlert id={alertId}>{problem}</FormAlert>
        <div className="actions">
          <Button type="submit" className="button button--secondary">
            {t('reportsScreen.make.preview')}
          </Button>
        </div>
      </Form>
      {previewed ? <ReportPreview key={JSON.stringify(previewed)} request={previewed} stale={stale} /> : null}
    </div>
  );
}
