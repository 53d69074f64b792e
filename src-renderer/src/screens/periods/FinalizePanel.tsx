/**
 * Finalizing a reporting period for the whole plan. While any goal lacks a code or a narrative (or a
 * reason, or holds unsaved changes) the button says how many goals are not ready and the list under
 * it names them, each a button to the goal; pressing Finalize then takes the keyboard to that list.
 * When everything is there, Finalize asks to confirm, because the marks lock.
 */
import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Goal, ProgressMark } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';
import { goalMarkHeadingId } from './GoalMarkCard';
import { useStoreMarks } from './mark-cache';
import { missingParts, type Period } from './mark-draft';

export interface FinalizePanelProps {
  planId: string;
  period: Period;
  goals: readonly Goal[];
  goalName: (goal: Goal) => string;
  markOf: (goalId: string) => ProgressMark | undefined;
  unsaved: ReadonlySet<string>;
  onFinalized: () => void;
}

export function FinalizePanel({ planId, period, goals, goalName, markOf, unsaved, onFinalized }: FinalizePanelProps) {
  const { t, i18n } = useTranslation();
  const describe = useServiceError();
  const store = useStoreMarks(planId);
  const gapsId = useId();
  const alertId = useId();
  const gapsRef = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState(false);
  const finalize = useApiMutation('progressMarks.finalize', {
    onSuccess: (marks) => {
      store(marks);
      setConfirming(false);
      onFinalized();
    },
    onError: () => setConfirming(false),
  });
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const gaps = goals
    .map((goal) => ({ goal, missing: missingParts(markOf(goal.id), unsaved.has(goal.id)) }))
    .filter((gap) => gap.missing.length > 0);
  const ready = gaps.length === 0;

  return (
    <Panel title={t('periods.finalize.title', { label: period.label })} intro={t('periods.finalize.intro')}>
      {ready ? (
        <p>{t('periods.finalize.ready')}</p>
      ) : (
        <div id={gapsId} ref={gapsRef} tabIndex={-1} className="periods-gaps notice notice--warning">
          <p>
            <strong>{t('periods.finalize.notReady', { count: gaps.length })}</strong>
          </p>
          <ul>
            {gaps.map(({ goal, missing }) => (
              <li key={goal.id}>
                <Button
                  className="button button--quiet periods-goal-link"
                  onPress={() => focusSoon(() => document.getElementById(goalMarkHeadingId(goal.id)))}
                >
                  {goalName(goal)}
                </Button>{' '}
                {t('periods.finalize.gap', { parts: list.format(missing.map((part) => t(`periods.finalize.parts.${part}`))) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        <Button
          className="button button--primary"
          aria-describedby={ready ? undefined : gapsId}
          onPress={() => (ready ? setConfirming(true) : gapsRef.current?.focus())}
        >
          {ready
            ? t('periods.finalize.button', { label: period.label })
            : t('periods.finalize.buttonNotReady', { label: period.label, count: gaps.length })}
        </Button>
      </div>
      <FormAlert id={alertId}>{finalize.isError ? describe(finalize.error) : null}</FormAlert>
      <ConfirmDialog
        isOpen={confirming}
        isWorking={finalize.isPending}
        title={t('periods.finalize.confirmTitle', { label: period.label })}
        text={t('periods.finalize.confirmText', { label: period.label, count: goals.length })}
        confirmLabel={t('periods.finalize.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => finalize.mutate({ planId, periodEndsOn: period.endsOn })}
      />
    </Panel>
  );
}
