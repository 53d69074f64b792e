/**
 * Before a parent report in another language is saved: the team-typed passages it would print in
 * English, each with a field for its translation, kept for next time. Goal statements are offered
 * (their translations live on the goal, `statementTranslations`); narratives, period names and
 * class names follow (UntranslatedTexts: kept in the translations table by their English text).
 */
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Goal, Plan, ReportLanguage } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { TextAreaField } from '../../components/TextAreaField';
import { useRefreshPlans } from '../plans/plan-cache';
import { UntranslatedTexts } from './UntranslatedTexts';

export function UntranslatedPassages({ plan, language }: { plan: Plan; language: ReportLanguage }) {
  const { t } = useTranslation();
  const detail = useApiQuery('plans.get', { id: plan.id }, { enabled: language !== 'en' });
  if (language === 'en' || !detail.data) return null;
  const untranslated = detail.data.goals.filter((goal) => !goal.statementTranslations?.[language]);
  const languageName = t(`reportsScreen.languages.${language}`);
  return (
    <section className="stack" aria-label={t('reportsScreen.untranslated.title', { language: languageName })}>
      <p>
        {untranslated.length > 0
          ? t('reportsScreen.untranslated.intro', { language: languageName, count: untranslated.length })
          : t('reportsScreen.untranslated.allGoals', { language: languageName })}
      </p>
      {untranslated.map((goal) => (
        <GoalTranslation key={goal.id} goal={goal} language={language} />
      ))}
      <UntranslatedTexts studentId={plan.studentId} language={language} />
    </section>
  );
}

/** A group with a button, not a form: it sits inside the report form, and a form inside a form submits the outer one. */
function GoalTranslation({ goal, language }: { goal: Goal; language: ReportLanguage }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshPlans();
  const alertId = useId();
  const [text, setText] = useState('');
  const update = useApiMutation('goals.update', { onSuccess: () => refresh() });
  return (
    <fieldset className="stack form" aria-label={t('reportsScreen.untranslated.goal')}>
      <p className="statement">{goal.statement}</p>
      <TextAreaField label={t('reportsScreen.untranslated.goal')} lang={language} value={text} onChange={setText} />
      <FormAlert id={alertId}>{update.isError ? describe(update.error) : null}</FormAlert>
      <div className="actions">
        <Button
          className="button button--primary"
          isDisabled={update.isPending || text.trim() === ''}
          aria-describedby={alertId}
          onPress={() =>
            update.mutate({ id: goal.id, changes: { statementTranslations: { ...goal.statementTranslations, [language]: text.trim() } } })
          }
        >
          {t('reportsScreen.untranslated.save')}
        </Button>
      </div>
    </fieldset>
  );
}
