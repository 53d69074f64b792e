/**
 * Step 3: import every row at once, or none. Problems block it (fix the file, choose it again);
 * duplicates are left out only when the person says so; the result says how many came in.
 */
import type { UseMutationResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf, RosterPreview } from '../../../../src-main/contract';
import { routeHref, type Section } from '../../app/hash-route';
import { FormAlert } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';

type CommitMutation = UseMutationResult<OutputOf<'roster.commit'>, Error, InputOf<'roster.commit'>>;

const LIST_OF: Record<RosterPreview['kind'], Section> = { students: 'students', mentors: 'mentors', staff: 'team' };

export interface RosterCommitProps {
  preview: RosterPreview;
  commit: CommitMutation;
  onImport: (skipDuplicates: boolean) => void;
  onStartAgain: () => void;
}

export function RosterCommit({ preview, commit, onImport, onStartAgain }: RosterCommitProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const titleId = useId();
  const skipId = useId();
  const alertId = useId();
  const [skipDuplicates, setSkipDuplicates] = useState(false);
  const duplicates = preview.duplicates.length;
  const count = preview.total - (skipDuplicates ? duplicates : 0);
  const blockedBy =
    preview.errorCount > 0 ? 'problems' : preview.total === 0 ? 'empty' : duplicates > 0 && !skipDuplicates ? 'duplicates' : null;

  if (commit.isSuccess) {
    return (
      <section className="stack" aria-labelledby={titleId}>
        <h3 id={titleId} className="subform-title">
          {t('data.import.doneTitle')}
        </h3>
        <p role="status" className="verdict">
          {t(`data.import.imported.${preview.kind}`, { count: commit.data.imported })}{' '}
          {commit.data.skipped > 0 ? t('data.import.skipped', { count: commit.data.skipped }) : ''}
        </p>
        <div className="actions">
          <a className="button button--secondary" href={routeHref(LIST_OF[preview.kind])}>
            {t(`data.import.toList.${preview.kind}`)}
          </a>
          <Button className="button button--quiet" onPress={onStartAgain}>
            {t('data.import.another')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <Form
      className="stack"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        if (!blockedBy && !commit.isPending) onImport(skipDuplicates);
      }}
    >
      <h3 id={titleId} className="subform-title">
        {t('data.import.commitTitle')}
      </h3>
      {duplicates > 0 ? (
        <div className="checkbox-field">
          <input id={skipId} type="checkbox" checked={skipDuplicates} onChange={(event) => setSkipDuplicates(event.target.checked)} />
          <label htmlFor={skipId}>{t('data.import.skipDuplicates', { count: duplicates })}</label>
        </div>
      ) : null}
      {blockedBy ? <p id={`${titleId}-blocked`}>{t(`data.import.blocked.${blockedBy}`)}</p> : <p>{t('data.import.allOrNothing')}</p>}
      <FormAlert id={alertId}>{commit.isError ? describe(commit.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={commit.isPending} isDisabled={blockedBy !== null}>
          {t('data.import.submit', { count })}
        </SubmitButton>
      </div>
    </Form>
  );
}
