/**
 * A goal's report as it stands once its period is finalized (or when the plan takes no reports): read
 * only, with every amendment listed by date and note. Amending opens the same fields plus the note
 * the team must give; the service refuses an amendment without one, and so does the form.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ProgressCodeSettings, ProgressReport } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { todayIso, useDateFormat } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextAreaField } from '../../components/TextAreaField';
import { ReportFields } from './ReportFields';
import { useStoreReports } from './report-cache';
import { changesFrom, draftFrom } from './report-draft';

export interface LockedReportProps {
  planId: string;
  name: string;
  report: ProgressReport | undefined;
  codes: ProgressCodeSettings;
  canAmend: boolean;
}

/** An instant (finalized, amended) as the day it was on this computer's calendar. */
export function useDayOf(): (at: string) => string {
  const formatDate = useDateFormat();
  return (at) => formatDate(todayIso(new Date(at)));
}

export function LockedReport({ planId, name, report, codes, canAmend }: LockedReportProps) {
  const { t } = useTranslation();
  const dayOf = useDayOf();
  const amendRef = useRef<HTMLButtonElement>(null);
  const [amending, setAmending] = useState(false);
  const [amended, setAmended] = useState(false);
  if (!report) return <p className="muted">{t('periods.locked.noReport')}</p>;
  const set = codes.sets.find((candidate) => candidate.id === report.codeSet);
  const codeText =
    report.codeLabel === null
      ? t('periods.locked.none')
      : report.codeSet === codes.active
        ? report.codeLabel
        : t('periods.locked.otherSet', { label: report.codeLabel, set: set?.name ?? report.codeSet });
  const sufficientText =
    report.sufficient === null
      ? t('periods.locked.none')
      : report.sufficient
        ? t('periods.fields.yes')
        : report.insufficientReason
          ? t('periods.locked.noBecause', { reason: t(`periods.reasons.${report.insufficientReason}`) })
          : t('periods.fields.no');

  function closeAmend(done: boolean) {
    setAmending(false);
    setAmended(done);
    focusSoon(() => amendRef.current);
  }

  return (
    <div className="stack">
      {amending ? (
        <AmendForm planId={planId} name={name} report={report} codes={codes} onDone={closeAmend} />
      ) : (
        <>
          <dl className="facts periods-locked">
            <Fact term={t('periods.fields.code')}>{codeText}</Fact>
            <Fact term={t('periods.fields.sufficient')}>{sufficientText}</Fact>
            <Fact term={t('periods.fields.narrative')}>{report.narrative ?? t('periods.locked.none')}</Fact>
          </dl>
          {canAmend && report.finalizedAt ? (
            <div className="actions">
              <Button ref={amendRef} className="button button--secondary" onPress={() => setAmending(true)}>
                {t('periods.amend.button')}
              </Button>
              <FormStatus>{amended ? t('periods.amend.done') : null}</FormStatus>
            </div>
          ) : null}
        </>
      )}
      {report.amendments.length > 0 ? (
        <section className="stack" aria-label={t('periods.amend.listLabel', { goal: name })}>
          <h3 className="subform-title">{t('periods.amend.title')}</h3>
          <ol className="periods-amendments">
            {report.amendments.map((amendment) => (
              <li key={amendment.at}>
                <strong>{dayOf(amendment.at)}</strong> {amendment.note}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

function AmendForm({
  planId,
  name,
  report,
  codes,
  onDone,
}: {
  planId: string;
  name: string;
  report: ProgressReport;
  codes: ProgressCodeSettings;
  onDone: (amended: boolean) => void;
}) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const alertId = useId();
  const store = useStoreReports(planId);
  const activeSet = codes.sets.find((set) => set.id === codes.active);
  const [draft, setDraft] = useState(() => draftFrom(report, codes.active, null));
  const noteId = useId();
  const [note, setNote] = useState('');
  const [noteAsked, setNoteAsked] = useState(false);
  const amend = useApiMutation('progressReports.amend', {
    onSuccess: (saved) => {
      store([saved]);
      onDone(true);
    },
  });
  if (!activeSet) return null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (amend.isPending) return;
    if (!note.trim()) {
      setNoteAsked(true);
      document.getElementById(noteId)?.focus();
      return;
    }
    amend.mutate({
      goalId: report.goalId,
      periodEndsOn: report.period.endsOn,
      changes: changesFrom(draft, report, codes.active),
      note: note.trim(),
    });
  }

  return (
    <Form className="stack periods-form" aria-label={t('periods.amend.label', { goal: name })} onSubmit={submit}>
      <ReportFields draft={draft} onChange={setDraft} codeSet={activeSet} codes={codes} saved={report} suggested={null} alertId={alertId} />
      <TextAreaField
        label={t('periods.amend.note')}
        description={t('periods.amend.noteHint')}
        value={note}
        onChange={setNote}
        id={noteId}
        isRequired
        // Checked on submit and cleared as soon as a note is typed, so the button below does not move under the pointer.
        validationBehavior="aria"
        validate={(text) => (noteAsked && !text.trim() ? t('periods.amend.noteNeeded') : null)}
        aria-describedby={alertId}
      />
      <FormAlert id={alertId}>{amend.isError ? describe(amend.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={amend.isPending}>{t('periods.amend.submit')}</SubmitButton>
        <Button className="button button--quiet" onPress={() => onDone(false)}>
          {t('app.cancel')}
        </Button>
      </div>
    </Form>
  );
}
