/**
 * What the rows will become: how many, every problem by row (up to the service's limit), duplicates
 * of records already in Peerpath or earlier in the file, and the first rows as they would be stored.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterDuplicate, RosterPreview } from '../../../../src-main/contract';
import { useFieldLabel } from './roster-labels';

/** Enough to see the pattern of a mistake; the rest are counted, and fixing the pattern fixes them. */
const ERRORS_SHOWN = 50;

export function RosterRows({ preview }: { preview: RosterPreview }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel(preview.kind);
  const captionId = useId();
  const mapped = preview.fields.map(({ field }) => field).filter((field) => preview.mapping[field] !== undefined);
  const shown = preview.errors.slice(0, ERRORS_SHOWN);

  return (
    <section className="stack" aria-labelledby={captionId}>
      <h3 id={captionId} className="subform-title">
        {t('data.import.rowsTitle')}
      </h3>
      <p role="status">
        {t('data.import.summary', { count: preview.total })}{' '}
        {preview.errorCount > 0 ? t('data.import.problemCount', { count: preview.errorCount }) : t('data.import.noProblems')}{' '}
        {preview.duplicates.length > 0 ? t('data.import.duplicateCount', { count: preview.duplicates.length }) : ''}
      </p>
      {shown.length > 0 ? (
        <div className="form-alert">
          <p>{t('data.import.problemsTitle')}</p>
          <ul className="refusals">
            {shown.map((error) => (
              <li key={`${error.row}:${error.field}:${error.message}`}>
                {t('data.import.problem', {
                  row: error.row,
                  where: error.column ?? (error.field ? fieldLabel(error.field) : t('data.import.wholeRow')),
                  message: error.message,
                })}
              </li>
            ))}
          </ul>
          {preview.errorCount > shown.length ? <p>{t('data.import.moreProblems', { count: preview.errorCount - shown.length })}</p> : null}
        </div>
      ) : null}
      {preview.duplicates.length > 0 ? (
        <div className="notice notice--warning">
          <p>{t('data.import.duplicatesTitle')}</p>
          <ul className="refusals">
            {preview.duplicates.map((duplicate) => (
              <li key={`${duplicate.row}:${duplicate.localId}`}>
                <DuplicateText duplicate={duplicate} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.rows.length > 0 ? (
        // Scrolls sideways when the file has many columns; focusable so the keyboard can scroll it.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-wrap" aria-labelledby={`${captionId}-table`} tabIndex={0}>
          <table className="data-table">
            <caption id={`${captionId}-table`} className="table-caption">
              {t('data.import.tableCaption', { count: preview.rows.length, total: preview.total })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('data.import.rowNumber')}</th>
                {mapped.map((field) => (
                  <th key={field} scope="col">
                    {fieldLabel(field)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.row}>
                  <th scope="row">{row.row}</th>
                  {mapped.map((field) => (
                    <td key={field}>{row.values[field] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </section>
  );
}

function DuplicateText({ duplicate }: { duplicate: RosterDuplicate }) {
  const { t } = useTranslation();
  return duplicate.reason === 'in_vault'
    ? t('data.import.duplicateInVault', { row: duplicate.row, localId: duplicate.localId })
    : t('data.import.duplicateInFile', { row: duplicate.row, localId: duplicate.localId, firstRow: duplicate.firstRow ?? '?' });
}
