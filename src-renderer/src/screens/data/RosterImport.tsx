/**
 * Roster import from a CSV file, in three steps on one page: choose what the file holds and the file
 * (read here, on this computer), check which column fills which field and what each row will become
 * (row problems and duplicates listed), then import every row at once or none.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterKind, RosterMapping } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';
import { RosterCommit } from './RosterCommit';
import { RosterFileStep } from './RosterFileStep';
import { RosterMappingStep } from './RosterMappingStep';
import { RosterRows } from './RosterRows';

export interface ChosenFile {
  name: string;
  text: string;
}

const STEPS = ['choose', 'check', 'import'] as const;

export function RosterImport() {
  const { t } = useTranslation();
  const describe = useServiceError();
  const client = useQueryClient();
  const [kind, setKind] = useState<RosterKind>('students');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const preview = useApiMutation('roster.preview');
  // Every list may show imported records (students, mentors, staff, the audit trail): re-read them all.
  const commit = useApiMutation('roster.commit', { onSuccess: () => client.invalidateQueries() });

  function check(next: { kind: RosterKind; file: ChosenFile; mapping?: RosterMapping }) {
    commit.reset();
    preview.mutate({ kind: next.kind, csvText: next.file.text, mapping: next.mapping });
  }

  const step = commit.isSuccess ? 'import' : preview.data ? 'check' : 'choose';
  const current = preview.data && file ? preview.data : null;

  return (
    <Panel title={t('data.import.title')} intro={t('data.import.intro')}>
      <ol className="steps" aria-label={t('data.import.stepsLabel')}>
        {STEPS.map((name, index) => (
          <li key={name} aria-current={name === step ? 'step' : undefined}>
            {t('data.import.stepNumber', { number: index + 1, name: t(`data.import.steps.${name}`) })}
          </li>
        ))}
      </ol>
      <RosterFileStep
        kind={kind}
        file={file}
        onKindChange={(next) => {
          setKind(next);
          if (file) check({ kind: next, file });
        }}
        onFile={(next) => {
          setFile(next);
          check({ kind, file: next });
        }}
      />
      <FormAlert id="roster-preview-alert">{preview.isError ? describe(preview.error) : null}</FormAlert>
      {preview.isPending ? <p role="status">{t('data.import.reading')}</p> : null}
      {current && file ? (
        <>
          <RosterMappingStep preview={current} onMappingChange={(mapping) => check({ kind, file, mapping })} />
          <RosterRows preview={current} />
          <RosterCommit
            preview={current}
            commit={commit}
            onImport={(skipDuplicates) => commit.mutate({ kind, csvText: file.text, mapping: current.mapping, skipDuplicates })}
            onStartAgain={() => {
              commit.reset();
              preview.reset();
              setFile(null);
            }}
          />
        </>
      ) : null}
    </Panel>
  );
}
