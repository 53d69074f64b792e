/** Step 1: what the file holds (students, mentors or staff) and the file itself, read on this computer. */
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterKind } from '../../../../src-main/contract';
import { FormAlert } from '../../components/FormAlert';
import type { ChosenFile } from './RosterImport';
import { readCsvFile } from './read-csv-file';
import { ROSTER_KINDS } from './roster-labels';

/** The contract's limit (MAX_CSV_CHARS); checked here too so a huge file is refused before it is read. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface RosterFileStepProps {
  kind: RosterKind;
  file: ChosenFile | null;
  onKindChange: (kind: RosterKind) => void;
  onFile: (file: ChosenFile) => void;
}

export function RosterFileStep({ kind, file, onKindChange, onFile }: RosterFileStepProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const helpId = useId();
  const alertId = useId();
  const [problem, setProblem] = useState<string | null>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    // Cleared at once, so choosing the same file again after fixing it is seen as a new choice.
    input.value = '';
    if (!chosen) return;
    setProblem(null);
    if (chosen.size > MAX_FILE_BYTES) return setProblem(t('data.import.tooLarge'));
    try {
      onFile({ name: chosen.name, text: await readCsvFile(chosen) });
    } catch {
      setProblem(t('data.import.unreadable'));
    }
  }

  return (
    <div className="stack">
      <fieldset className="radio-choices">
        <legend className="field-label">{t('data.import.kindLegend')}</legend>
        {ROSTER_KINDS.map((value) => (
          <label key={value}>
            <input type="radio" name="roster-kind" value={value} checked={kind === value} onChange={() => onKindChange(value)} />
            {t(`data.import.kinds.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field file-field">
        <label className="field-label" htmlFor={inputId}>
          {t('data.import.fileLabel')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-describedby={problem ? `${helpId} ${alertId}` : helpId}
          onChange={(event) => void choose(event)}
        />
        <p id={helpId} className="field-description">
          {file ? t('data.import.chosen', { name: file.name }) : t('data.import.fileHelp')}
        </p>
      </div>
      <FormAlert id={alertId}>{problem}</FormAlert>
    </div>
  );
}
