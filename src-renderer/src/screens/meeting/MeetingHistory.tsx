/**
 * A student's meetings and their decisions; each proposal is applied with one click (audit-logged by
 * the service), and the meeting summary is saved from here (team or family version).
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { useDateFormat } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { SaveMeetingSummary } from './SaveMeetingSummary';

export function MeetingHistory({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const query = useApiQuery('meetings.list', { studentId });
  const meetings = (query.data ?? []).filter((meeting) => meeting.endedAt !== null);
  return (
    <div className="stack">
      <h3>{t('meeting.history.title')}</h3>
      {meetings.length === 0 ? <p className="muted">{t('meeting.history.none')}</p> : null}
      {meetings.map((meeting) => (
        <section
          key={meeting.id}
          className="stack meeting-history"
          aria-label={t('meeting.history.heading', { date: formatDate(meeting.meetingDate) })}
        >
          <h4>{t('meeting.history.heading', { date: formatDate(meeting.meetingDate) })}</h4>
          <p>
            {t('meeting.history.attendees', {
              names: meeting.attendees.map((attendee) => `${attendee.name} (${attendee.relation})`).join(', '),
            })}
          </p>
          {meeting.proposals.length === 0 ? <p className="muted">{t('meeting.history.noDecisions')}</p> : null}
          <ul className="meeting-proposals">
            {meeting.proposals.map((proposal) => (
              <ProposalRow key={proposal.id} proposal={proposal} studentId={studentId} />
            ))}
          </ul>
          <SaveMeetingSummary meeting={meeting} />
        </section>
      ))}
    </div>
  );
}

function ProposalRow({ proposal, studentId }: { proposal: Proposal; studentId: string }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const describe = useServiceError();
  const client = useQueryClient();
  const apply = useApiMutation('meetings.apply', {
    onSuccess: () => void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'vault.status' }),
  });
  const what = [t(`meeting.decide.decision.${proposal.decision}`), proposal.text].filter(Boolean).join(': ');
  return (
    <li className="meeting-proposal">
      <span>{what}</span>
      {proposal.appliedAt ? (
        <span className="tag">{t('meeting.history.applied', { date: formatDate(proposal.appliedAt.slice(0, 10)) })}</span>
      ) : (
        <Button
          className="button button--secondary"
          aria-label={t('meeting.history.applyLabel', { what })}
          isDisabled={apply.isPending}
          onPress={() => apply.mutate({ proposalId: proposal.id })}
        >
          {t('meeting.history.apply')}
        </Button>
      )}
      <FormAlert id={`apply-${proposal.id}-${studentId}`}>{apply.isError ? describe(apply.error) : null}</FormAlert>
    </li>
  );
}
