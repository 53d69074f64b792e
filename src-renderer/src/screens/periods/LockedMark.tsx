/**
 * A goal's mark as it stands once its period is finalized (or when the plan takes no marks): read
 * only, with every amendment listed by date and note. Amending opens the same fields plus the note
 * the team must give; the service refuses an amendment without one, and so does the form.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ProgressCodeSettings, ProgressMark } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { todayIso, useDateFormat } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextAreaField } from '../../components/TextAreaField';
import { MarkFields } from './MarkFields';
import { useStoreMarks } from './mark-cache';
import { changesFrom, draftFrom } from './mark-draft';

export interface LockedMarkProps {
  planId: string;
  name: string;
  mark: ProgressMark | undefined;
  codes: ProgressCodeSettings;
  canAmend: boolean;
}

/** An instant (finalized, amended) as the day it was on this computer's calendar. */
export function useDayOf(): (at: string) => string {
  const formatDate = useDateFormat();
  return (at) => formatDate(todayIso(new Date(at)));
}

export function LockedMark({ planId, name, mark, codes, canAmend }: LockedMarkProps) {
  const { t } = useTranslation();
  const dayOf = useDayOf();
  const amendRef = useRef<HTMLButtonElement>(null);
  const [amending, setAmending] = useState(false);
  const [amended, setAmended] = useState(false);
  if (!mark) return <p className="muted">{t('periods.locked.noMark')}</p>;
  const set = codes.sets.find((candidate) => candidate.id === mark.codeSet);
  const codeText =
    mark.codeLabel === null
      ? t('periods.locked.none')
      : mark.codeSet === codes.active
        ? mark.codeLabel
        : t('periods.locked.otherSet', { label: mark.codeLabel, set: set?.name ?? mark.codeSet });
  const sufficientText =
    mark.sufficient === null
      ? t('periods.locked.none')
      : mark.sufficient
        ? t('periods.fields.yes')
        : mark.insufficientReason
          ? t('periods.locked.noBecause', { reason: t(`periods.reasons.${mark.insufficientReason}`) })
          : t('periods.fields.no');

  function closeAmend(done: boolean) {
    setAmending(false);
    setAmended(done);
    focusSoon(() => amendRef.current);
  }

  return (
    <div className="stack">
      {amending ? (
        <AmendForm planId={planId} name={name} mark={mark} codes={codes} onDone={closeAmend} />
      ) : (
        <>
          <dl className="facts periods-locked">
            <Fact term={t('periods.fields.code')}>{codeText}</Fact>
            <Fact term={t('periods.fields.sufficient')}>{sufficientText}</Fact>
            <Fact term={t('periods.fields.narrative')}>{mark.narrative ?? t('periods.locked.none')}</Fact>
          </dl>
          {canAmend && mark.finalizedAt ? (
            <div className="actions">
              <Button ref={amendRef} className="button button--secondary" onPress={() => setAmending(true)}>
                {t('periods.amend.button')}
              </Button>
              <FormStatus>{amended ? t('periods.amend.done') : null}</FormStatus>
            </div>
          ) : null}
        </>
      )}
      {mark.amendments.length > 0 ? (
        <section className="stack" aria-label={t('periods.amend.listLabel', { goal: name })}>
          <h3 className="subform-title">{t('periods.amend.title')}</h3>
          <ol className="periods-amendments">
            {mark.amendments.map((amendment) => (
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
  mark,
  codes,
  onDone,
}: {
  planId: string;
  name: string;
  mark: ProgressMark;
  codes: ProgressCodeSettings;
  onDone: (amended: boolean) => void;
}) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const alertId = useId();
  const store = useStoreMarks(planId);
  const activeSet = codes.sets.find((set) => set.id === codes.active);
  const [draft, setDraft] = useState(() => draftFrom(mark, codes.active, null));
  const noteId = useId();
  const [note, setNote] = useState('');
  const [noteAsked, setNoteAsked] = useState(false);
  const amend = useApiMutation('progressMarks.amend', {
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
      goalId: mark.goalId,
      periodEndsOn: mark.period.endsOn,
      changes: changesFrom(draft, mark, codes.active),
      note: note.trim(),
    });
  }

  return (
    <Form className="stack periods-form" aria-label={t('periods.amend.label', { goal: name })} onSubmit={submit}>
      <MarkFields draft={draft} onChange={setDraft} codeSet={activeSet} codes={codes} saved={mark} suggested={null} alertId={alertId} />
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
