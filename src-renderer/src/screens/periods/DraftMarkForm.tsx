/**
 * A goal's mark while its period is open: saved as a draft, as often as the case manager likes.
 * Until something is saved the suggested code is pre-selected (and says so); saving confirms it.
 * Tells the page whether it holds unsaved changes, so finalizing can name them.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Goal, ProgressCodeSettings, ProgressMark } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { MarkFields } from './MarkFields';
import { useStoreMarks } from './mark-cache';
import { changesFrom, draftFrom, hasChanges, type MarkDraft, type Period } from './mark-draft';

type CodeSet = ProgressCodeSettings['sets'][number];

export interface DraftMarkFormProps {
  planId: string;
  goal: Goal;
  name: string;
  period: Period;
  mark: ProgressMark | undefined;
  codes: ProgressCodeSettings;
  activeSet: CodeSet;
  suggested: string | null;
  onUnsavedChange: (goalId: string, unsaved: boolean) => void;
}

export function DraftMarkForm({ planId, goal, name, period, mark, codes, activeSet, suggested, onUnsavedChange }: DraftMarkFormProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const alertId = useId();
  const store = useStoreMarks(planId);
  const [edits, setEdits] = useState<MarkDraft | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const draft = edits ?? draftFrom(mark, activeSet.id, suggested);
  const changes = changesFrom(draft, mark, activeSet.id);
  const unsaved = edits !== null && hasChanges(changes);
  const save = useApiMutation('progressMarks.save', {
    onSuccess: (saved) => {
      store([saved]);
      setEdits(null);
      setStatus(t('periods.save.saved'));
    },
  });

  useEffect(() => onUnsavedChange(goal.id, unsaved), [goal.id, unsaved, onUnsavedChange]);
  useEffect(() => () => onUnsavedChange(goal.id, false), [goal.id, onUnsavedChange]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    if (!hasChanges(changes)) {
      setStatus(t('periods.save.nothing'));
      return;
    }
    setStatus(null);
    save.mutate({ goalId: goal.id, period: { label: period.label, endsOn: period.endsOn }, changes });
  }

  return (
    <Form className="stack periods-form" aria-label={t('periods.save.label', { goal: name })} onSubmit={submit}>
      <MarkFields
        draft={draft}
        onChange={(next) => {
          setEdits(next);
          setStatus(null);
          save.reset();
        }}
        codeSet={activeSet}
        codes={codes}
        saved={mark}
        suggested={mark?.code ? null : suggested}
        alertId={alertId}
      />
      <FormAlert id={alertId}>{save.isError ? describe(save.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={save.isPending}>{t('periods.save.button')}</SubmitButton>
        <FormStatus>{unsaved ? t('periods.save.unsaved') : status}</FormStatus>
      </div>
    </Form>
  );
}
