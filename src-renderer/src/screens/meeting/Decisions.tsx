/**
 * Decisions during the meeting, for the goal on screen and the peer supports serving it, plus a new
 * support and free notes. Each is recorded as a proposal dated with the meeting; nothing in the plan
 * changes here.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MeetingDecision, PresenterView } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { useServiceError } from '../../components/service-error';
import { TextAreaField } from '../../components/TextAreaField';

type Goal = PresenterView['goals'][number];

const GOAL_CHOICES = ['goal_keep', 'goal_revise', 'goal_mastered'] as const;
const SUPPORT_CHOICES = ['accommodation_continue', 'accommodation_change', 'accommodation_end'] as const;
const NEEDS_TEXT = new Set<MeetingDecision>(['accommodation_change', 'goal_revise', 'accommodation_add', 'note']);

export function Decisions({ view, goal }: { view: PresenterView; goal: Goal | null; meetingDate: string }) {
  const { t } = useTranslation();
  return (
    <section className="meeting-decisions stack" aria-labelledby="meeting-decisions">
      <h2 id="meeting-decisions">{t('meeting.decide.title')}</h2>
      <p>{t('meeting.decide.intro')}</p>
      <div className="meeting-decision-forms">
        {goal ? (
          <DecisionForm
            key={`goal-${goal.id}`}
            legend={t('meeting.decide.goalLegend')}
            choices={GOAL_CHOICES}
            target={{ goalId: goal.id }}
          />
        ) : null}
        {goal?.supports.map((support) => (
          <DecisionForm
            key={`support-${goal.id}-${support.accommodationId}`}
            legend={t('meeting.decide.supportLegend', { support: support.line })}
            choices={SUPPORT_CHOICES}
            target={{ accommodationId: support.accommodationId }}
          />
        ))}
        <DecisionForm legend={t('meeting.decide.newSupport')} choices={['accommodation_add']} target={goal ? { goalId: goal.id } : {}} />
        <DecisionForm legend={t('meeting.decide.note')} choices={['note']} target={{}} />
      </div>
      <h3>{t('meeting.decide.recordedList')}</h3>
      {view.proposals.length === 0 ? <p>{t('meeting.decide.none')}</p> : null}
      <ul className="presenter-list">
        {view.proposals.map((proposal) => (
          <li key={proposal.id}>{[t(`meeting.decide.decision.${proposal.decision}`), proposal.text].filter(Boolean).join(': ')}</li>
        ))}
      </ul>
    </section>
  );
}

function DecisionForm({
  legend,
  choices,
  target,
}: {
  legend: string;
  choices: readonly MeetingDecision[];
  target: { goalId?: string; accommodationId?: string };
}) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const alertId = useId();
  const client = useQueryClient();
  const [decision, setDecision] = useState<MeetingDecision>(choices[0] ?? 'note');
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const decide = useApiMutation('meetings.decide', {
    onSuccess: () => {
      setText('');
      setDone(true);
      void client.invalidateQueries({ queryKey: ['meetings.presenter'] });
    },
  });
  const textLabel =
    decision === 'note'
      ? t('meeting.decide.noteText')
      : decision === 'accommodation_add'
        ? t('meeting.decide.newSupportText')
        : t('meeting.decide.whatChanges');
  return (
    <Form
      className="meeting-decision stack"
      aria-describedby={alertId}
      onSubmit={(event) => {
        event.preventDefault();
        setDone(false);
        decide.mutate({ decision, ...target, ...(NEEDS_TEXT.has(decision) && text.trim() ? { text } : {}) });
      }}
    >
      <fieldset className="stack">
        <legend>{legend}</legend>
        {choices.length > 1 ? (
          <SelectField
            label={t('meeting.decide.title')}
            value={decision}
            onChange={(value) => setDecision(value as MeetingDecision)}
            options={choices.map((choice) => ({ value: choice, label: t(`meeting.decide.decision.${choice}`) }))}
          />
        ) : null}
        {NEEDS_TEXT.has(decision) ? <TextAreaField label={textLabel} value={text} onChange={setText} isRequired /> : null}
        <FormAlert id={alertId}>{decide.isError ? describe(decide.error) : null}</FormAlert>
        <Button type="submit" className="button button--primary" isDisabled={decide.isPending}>
          {t('meeting.decide.record')}
        </Button>
        <FormStatus>{done ? t('meeting.decide.recorded') : null}</FormStatus>
      </fieldset>
    </Form>
  );
}
