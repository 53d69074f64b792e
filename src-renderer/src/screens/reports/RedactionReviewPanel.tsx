/**
 * The case manager's review of a parent report's redaction, before saving: every name the report
 * replaced, with a few words either side, each with "Keep as written"; the names kept, each with
 * "Take out again"; and a field to take out one more name wherever it stands. The choices go into
 * the request (`redaction: { keep, remove }`), so the preview is made again with them, and the saved
 * report's disclosure record notes that the review happened (counts only, never the names).
 */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { FoundName, RedactionReview } from '../../../../src-main/contract';
import { TextInputField } from '../../components/TextInputField';

export interface RedactionReviewPanelProps {
  names: readonly FoundName[];
  review: RedactionReview;
  onChange: (review: RedactionReview) => void;
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

export function RedactionReviewPanel({ names, review, onChange }: RedactionReviewPanelProps) {
  const { t } = useTranslation();
  const [extra, setExtra] = useState('');

  function addRemoval(): void {
    const name = extra.trim();
    if (!name || review.remove.some((removed) => same(removed, name))) return;
    onChange({ keep: review.keep.filter((kept) => !same(kept, name)), remove: [...review.remove, name] });
    setExtra('');
  }

  return (
    <section className="stack redaction-review" aria-label={t('reportsScreen.review.title')}>
      <h4 className="subform-title">{t('reportsScreen.review.title')}</h4>
      <p className="field-description">{t('reportsScreen.review.intro')}</p>
      {names.length === 0 ? <p>{t('reportsScreen.review.none')}</p> : null}
      <ul className="redaction-review-list">
        {names.map((name) => {
          const added = name.identityKind === 'added';
          return (
            <li key={name.found}>
              <span className="redaction-review-context">
                {name.before}
                <mark>{name.found}</mark>
                {name.after}
              </span>{' '}
              {t('reportsScreen.review.becomes', { replacement: name.replacement, count: name.occurrences })}{' '}
              <Button
                className="button button--secondary"
                onPress={() =>
                  onChange(
                    added
                      ? { ...review, remove: review.remove.filter((removed) => !same(removed, name.found)) }
                      : { ...review, keep: [...review.keep, name.found] },
                  )
                }
              >
                {t(added ? 'reportsScreen.review.undoRemove' : 'reportsScreen.review.keep', { name: name.found })}
              </Button>
            </li>
          );
        })}
      </ul>
      {review.keep.length > 0 ? (
        <ul className="redaction-review-list" aria-label={t('reportsScreen.review.keptTitle')}>
          {review.keep.map((kept) => (
            <li key={kept}>
              {t('reportsScreen.review.kept', { name: kept })}{' '}
              <Button
                className="button button--secondary"
                onPress={() => onChange({ ...review, keep: review.keep.filter((name) => name !== kept) })}
              >
                {t('reportsScreen.review.undoKeep', { name: kept })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-row">
        <TextInputField
          label={t('reportsScreen.review.removeLabel')}
          description={t('reportsScreen.review.removeHint')}
          maxLength={200}
          autoComplete="off"
          value={extra}
          onChange={setExtra}
        />
        <Button className="button button--secondary" onPress={addRemoval} isDisabled={!extra.trim()}>
          {t('reportsScreen.review.remove')}
        </Button>
      </div>
    </section>
  );
}
