/**
 * Says which report languages no qualified translator has checked yet (each catalog records it;
 * the contract's REPORT_LANGUAGE_REVIEWED mirrors that). With a language: a note under the report
 * form's language choice, shown only when that language is unreviewed. Without: the list, for Settings.
 */
import { useTranslation } from 'react-i18next';
import { REPORT_LANGUAGE_CODES, REPORT_LANGUAGE_REVIEWED, type ReportLanguage } from '../../../src-main/contract';

export function TranslationReviewNotice({ language }: { language?: ReportLanguage }) {
  const { t } = useTranslation();
  if (language !== undefined) {
    if (REPORT_LANGUAGE_REVIEWED[language]) return null;
    return (
      <p className="field-description" role="note">
        {t('reportsScreen.translationReview.unreviewed', { language: t(`reportsScreen.languages.${language}`) })}
      </p>
    );
  }
  const unreviewed = REPORT_LANGUAGE_CODES.filter((code) => !REPORT_LANGUAGE_REVIEWED[code]);
  if (unreviewed.length === 0) return null;
  return (
    <p role="note">
      {t('reportsScreen.translationReview.settings', {
        languages: unreviewed.map((code) => t(`reportsScreen.languages.${code}`)).join(', '),
      })}
    </p>
  );
}
