/**
 * One goal in the period's mark: the statement, baseline → latest → target, the goal graph, the
 * suggested code with the rule behind it, and the mark itself — a draft form while the period is
 * open, the locked mark (with its amendments) once it is finalized.
 */
import { useTranslation } from 'react-i18next';
import type { Goal, GoalProgress, ProgressCodeSettings, ProgressMark } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { useDateFormat } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { useServiceError } from '../../components/service-error';
import { GoalGraph } from '../progress/GoalGraph';
import { DraftMarkForm } from './DraftMarkForm';
import { LockedMark } from './LockedMark';
import { type Period, suggestedCode } from './mark-draft';
import { useSuggestionRule } from './suggestion-rule';

export interface GoalMarkCardProps {
  planId: string;
  goal: Goal;
  /** "Goal 2: Math". */
  name: string;
  period: Period;
  mark: ProgressMark | undefined;
  codes: ProgressCodeSettings;
  /** The plan takes marks (it is neither a draft nor a superseded version). */
  canMark: boolean;
  onUnsavedChange: (goalId: string, unsaved: boolean) => void;
}

/** The id of a goal's heading, so the finalize panel can take the keyboard to a goal that is not ready. */
export function goalMarkHeadingId(goalId: string): string {
  return `goal-mark-${goalId}`;
}

export function GoalMarkCard({ planId, goal, name, period, mark, codes, canMark, onUnsavedChange }: GoalMarkCardProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const progress = useApiQuery('goals.progress', { goalId: goal.id, periodEndsOn: period.endsOn });
  const activeSet = codes.sets.find((set) => set.id === codes.active) ?? codes.sets[0];
  const view = progress.data;
  const suggested = view && activeSet ? suggestedCode(activeSet, view.suggestion.level) : null;
  const value = (amount: number) => t(`goals.values.${goal.measurement}`, { value: amount, max: goal.scaleMax ?? '' });
  const latest = view?.suggestion.facts.latest ?? null;

  return (
    <article className="item-card stack periods-goal" aria-labelledby={goalMarkHeadingId(goal.id)}>
      <h2 id={goalMarkHeadingId(goal.id)} tabIndex={-1} className="item-card-title">
        {name}
      </h2>
      <p className="statement">{goal.statement}</p>
      <dl className="facts periods-path">
        <Fact term={t('periods.goal.baseline')}>{value(goal.baseline)}</Fact>
        <Fact term={t('periods.goal.latest', { date: formatDate(period.endsOn) })}>
          {latest === null ? t('periods.goal.noLatest') : value(latest)}
        </Fact>
        <Fact term={t('periods.goal.target', { date: formatDate(goal.endDate) })}>{value(goal.target)}</Fact>
      </dl>
      {progress.isError ? <p className="form-alert">{describe(progress.error)}</p> : null}
      <div className="periods-goal-body">
        <div className="stack">
          {view ? (
            <>
              <div className="periods-graph">
                <GoalGraph
                  chart={view.chart}
                  points={view.points}
                  target={goal.target}
                  endDate={goal.endDate}
                  measurement={goal.measurement}
                />
              </div>
              {activeSet ? (
                <Suggestion
                  goal={goal}
                  view={view}
                  period={period}
                  code={activeSet.codes.find((code) => code.id === suggested)}
                  locked={!!mark?.finalizedAt}
                />
              ) : null}
            </>
          ) : progress.isPending ? (
            <p role="status">{t('periods.goal.loadingGraph')}</p>
          ) : null}
        </div>
        <div className="stack">
          {activeSet && canMark && !mark?.finalizedAt ? (
            <DraftMarkForm
              planId={planId}
              goal={goal}
              name={name}
              period={period}
              mark={mark}
              codes={codes}
              activeSet={activeSet}
              suggested={suggested}
              onUnsavedChange={onUnsavedChange}
            />
          ) : (
            <LockedMark planId={planId} name={name} mark={mark} codes={codes} canAmend={canMark && !!activeSet} />
          )}
        </div>
      </div>
    </article>
  );
}

/** The suggested code in the set's own words, marked as a suggestion, and the rule behind it. */
interface SuggestionProps {
  goal: Goal;
  view: GoalProgress;
  period: Period;
  code: { label: string } | undefined;
  /** The mark is finalized: the suggestion stays for the record, no longer something to confirm. */
  locked: boolean;
}

function Suggestion({ goal, view, period, code, locked }: SuggestionProps) {
  const { t } = useTranslation();
  const rule = useSuggestionRule();
  return (
    <div className="periods-suggestion">
      <h3 className="subform-title">{t('periods.suggestion.title')}</h3>
      <p>
        <strong>
          {view.judgement.status === 'not_enough_data'
            ? t('progress.tooEarly')
            : code
              ? code.label
              : t('periods.suggestion.noCode', { level: t(`progress.levels.${view.suggestion.level}`) })}
        </strong>
      </p>
      <p>{rule(goal, view.judgement, period.endsOn)}</p>
      {locked ? null : <p className="muted">{t('periods.suggestion.hint')}</p>}
    </div>
  );
}
