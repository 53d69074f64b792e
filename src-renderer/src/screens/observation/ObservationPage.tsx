/**
 * Observation mode (`#/students/<id>/observe`): momentary time sampling in three steps — set up,
 * observe, review and save — and the student's past observations. The set-up is kept while the
 * person goes round again, so a second observation of the same class starts in one keystroke.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { FormAlert } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';
import { displayName } from '../students/student-name';
import { defaultBehaviour, startsChosen } from './goal-measures';
import { ObservationReview } from './ObservationReview';
import { ObservationRun } from './ObservationRun';
import { initialSetup, type Measure, ObservationSetup, type ObservationSetupValues } from './ObservationSetup';
import { PastObservations } from './PastObservations';
import { scheduleFor } from './sampling-schedule';
import { type MeasurableGoal, useMeasurableGoals } from './use-measurable-goals';
import type { RunResult } from './use-sampling-run';

type Step = { kind: 'setup' } | { kind: 'running' } | { kind: 'review'; result: RunResult };

export function ObservationPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const student = useApiQuery('students.get', { id: studentId });
  const goals = useMeasurableGoals(studentId);
  const [setup, setSetup] = useState<ObservationSetupValues>(initialSetup);
  const [step, setStep] = useState<Step>({ kind: 'setup' });
  const measures = setup.measures ?? suggestedMeasures(goals.goals);
  const name = student.data ? displayName(student.data) : null;
  const error = student.error ?? goals.error;
  // After a review the button that had the focus is gone: the set-up's heading takes it.
  const [cameBack, setCameBack] = useState(false);
  function backToSetup() {
    setCameBack(true);
    setStep({ kind: 'setup' });
  }

  return (
    <div className="page page--wide stack">
      <a className="back-link" href={routeHref('students', studentId)}>
        {name ? t('observation.backTo', { name }) : t('observation.backToRecord')}
      </a>
      <div className="page-header">
        <PageHeading>
          {t('observation.title')} {name ? <span className="page-subtitle">{name}</span> : null}
        </PageHeading>
      </div>
      <FormAlert id="observation-load-alert">{error ? describe(error) : null}</FormAlert>
      {goals.isPending ? <p role="status">{t('observation.loading')}</p> : null}
      {!goals.isPending && step.kind === 'setup' ? (
        <SetupPanel focusHeading={cameBack}>
          <ObservationSetup
            values={setup}
            measures={measures}
            goals={goals.goals}
            settings={goals.settings}
            onChange={setSetup}
            onStart={() => setStep({ kind: 'running' })}
          />
        </SetupPanel>
      ) : null}
      {step.kind === 'running' ? (
        <ObservationRun
          schedule={scheduleFor(setup.intervalSeconds, setup.durationMinutes)}
          onEnd={(result) => setStep({ kind: 'review', result })}
        />
      ) : null}
      {step.kind === 'review' ? (
        <ObservationReview
          studentId={studentId}
          setup={setup}
          measures={measures}
          goals={goals.goals}
          result={step.result}
          onDiscard={backToSetup}
          onAnother={() => {
            setSetup((values) => ({ ...values, note: '' }));
            backToSetup();
          }}
        />
      ) : null}
      {step.kind === 'running' ? null : <PastObservations studentId={studentId} />}
    </div>
  );
}

function SetupPanel({ focusHeading, children }: { focusHeading: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  return (
    <Panel title={t('observation.setup.title')} headingRef={headingRef}>
      {children}
    </Panel>
  );
}

function suggestedMeasures(goals: readonly MeasurableGoal[]): Measure[] {
  return goals
    .filter((goal) => startsChosen(goal.goal))
    .slice(0, 10)
    .map((goal) => ({ goalId: goal.goal.id, behaviour: defaultBehaviour(goal.goal) }));
}
