/**
 * The presenter view: one goal at a time — its graph (the progress screen's own GoalGraph, drawn
 * from the same chart model as the PDF), baseline → latest → target in big numbers, the peer
 * supports serving it with fidelity, the check-in highlights, and the decisions. Arrow keys and
 * Page Up / Page Down (what presenter clickers send) move between goals, except while typing.
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PresenterView } from '../../../../src-main/contract';
import { GoalGraph } from '../progress/GoalGraph';
import { Decisions } from './Decisions';

type Goal = PresenterView['goals'][number];

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function Presenter({ view, meetingDate }: { view: PresenterView; meetingDate: string }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const count = view.goals.length;
  const current = Math.min(index, Math.max(0, count - 1));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (document.querySelector('.modal-overlay')) return;
      const step = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      moved.current = true;
      setIndex((at) => Math.min(Math.max(at + step, 0), Math.max(0, count - 1)));
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows the goal shown, which `current` is.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [current]);

  const goal = view.goals[current];
  return (
    <div className="presenter stack">
      <div className="presenter-heading">
        <h1 className="presenter-student">{view.studentName}</h1>
        <p className="presenter-subtitle">{view.subtitle}</p>
      </div>
      {goal ? (
        <GoalSlide goal={goal} headingRef={headingRef} position={t('meeting.present.goalOf', { number: current + 1, count })} />
      ) : (
        <p>{t('meeting.present.noGoals')}</p>
      )}
      <nav className="presenter-nav" aria-label={t('meeting.present.keys')}>
        <Button className="button button--secondary" isDisabled={current === 0} onPress={() => setIndex(current - 1)}>
          {t('meeting.present.previous')}
        </Button>
        <p className="muted">{t('meeting.present.keys')}</p>
        <Button className="button button--secondary" isDisabled={current >= count - 1} onPress={() => setIndex(current + 1)}>
          {t('meeting.present.next')}
        </Button>
      </nav>
      {goal ? <SupportsAndCheckIns goal={goal} view={view} /> : null}
      <Decisions view={view} goal={goal ?? null} meetingDate={meetingDate} />
    </div>
  );
}

/** Short values ("62%") in the biggest type; worded ones ("30 % de los intervalos") a size down, so they stay on two lines. */
function valueClass(text: string): string {
  return text.length > 8 ? 'presenter-value presenter-value--long' : 'presenter-value';
}

function GoalSlide({
  goal,
  position,
  headingRef,
}: {
  goal: Goal;
  position: string;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  return (
    <section className="presenter-goal stack" aria-labelledby={`goal-${goal.id}`}>
      <div className="presenter-heading">
        <h2 id={`goal-${goal.id}`} ref={headingRef} tabIndex={-1} className="presenter-title">
          {goal.title}
        </h2>
        <p className="presenter-position">{position}</p>
      </div>
      <p className="presenter-statement">
        <span className="visually-hidden">{t('meeting.present.statement')}: </span>
        {goal.statement}
      </p>
      <div className="presenter-body">
        <dl className="presenter-numbers">
          <div>
            <dt>{t('meeting.present.started')}</dt>
            <dd className={valueClass(goal.baselineText)}>{goal.baselineText}</dd>
          </div>
          <div>
            <dt>{t('meeting.present.now')}</dt>
            <dd className={valueClass(goal.latestText)}>{goal.latestText}</dd>
            {goal.latestDateText ? (
              <dd className="presenter-when">{t('meeting.present.latestOn', { date: goal.latestDateText })}</dd>
            ) : null}
          </div>
          <div>
            <dt>{t('meeting.present.goal')}</dt>
            <dd className={valueClass(goal.targetText)}>{goal.targetText}</dd>
            <dd className="presenter-when">{t('meeting.present.by', { date: goal.targetDateText })}</dd>
          </div>
        </dl>
        <div className="presenter-graph">
          <GoalGraph chart={goal.chart} points={[]} target={goal.target} endDate={goal.endDate} measurement={goal.measurement} />
          <p className="visually-hidden">{goal.graphText}</p>
        </div>
      </div>
    </section>
  );
}

function SupportsAndCheckIns({ goal, view }: { goal: Goal; view: PresenterView }) {
  const { t } = useTranslation();
  return (
    <div className="presenter-columns">
      <section className="stack" aria-labelledby="presenter-supports">
        <h2 id="presenter-supports">{t('meeting.present.supports')}</h2>
        {goal.supports.length === 0 ? <p>{t('meeting.present.noSupports')}</p> : null}
        <ul className="presenter-list">
          {goal.supports.map((support) => (
            <li key={support.accommodationId}>
              <p className="presenter-strong">{support.line}</p>
              <p>{support.peers}</p>
              <p className="presenter-strong">{support.fidelity}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="stack" aria-labelledby="presenter-checkins">
        <h2 id="presenter-checkins">{t('meeting.present.checkIns')}</h2>
        {view.checkIns.length === 0 ? <p>{t('meeting.present.noCheckIns')}</p> : null}
        <ul className="presenter-list">
          {view.checkIns.slice(0, 3).map((checkIn) => (
            <li key={`${checkIn.date}-${checkIn.where}`}>
              <p className="presenter-strong">
                {checkIn.dateText} · {checkIn.where}
              </p>
              {checkIn.whatsWorking ? (
                <p>
                  {t('meeting.present.working')}: {checkIn.whatsWorking}
                </p>
              ) : null}
              {checkIn.whatsNot ? (
                <p>
                  {t('meeting.present.notWorking')}: {checkIn.whatsNot}
                </p>
              ) : null}
              {checkIn.nextSteps ? (
                <p>
                  {t('meeting.present.nextSteps')}: {checkIn.nextSteps}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
