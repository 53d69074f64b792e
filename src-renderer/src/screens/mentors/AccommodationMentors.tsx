/**
 * The peer mentors of one peer-support accommodation, shown inside its card on the plan page: who is
 * assigned (since when, or from when to when), assigning another after Peerpath checks every rule,
 * and ending an assignment.
 */
import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { useCan } from '../../components/permissions';
import { useServiceError } from '../../components/service-error';
import { AssignMentorForm } from './AssignMentorForm';
import { EndAssignmentDialog } from './EndAssignmentDialog';

export interface AccommodationMentorsProps {
  accommodationId: string;
  /** A superseded or ended plan version is kept as it was: its mentors are listed, nothing more. */
  readOnly?: boolean;
}

export function AccommodationMentors({ accommodationId, readOnly = false }: AccommodationMentorsProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const assignments = useApiQuery('assignments.listForAccommodation', { accommodationId });
  // The mentor list is asked for only by whoever may assign one (peer mentors are students too).
  const mayAssign = useCan()('mentors.manage') && !readOnly;
  const mentors = useApiQuery('mentors.list', { includeArchived: false }, { enabled: mayAssign });
  const [ending, setEnding] = useState<{ assignment: Assignment; mentorName: string } | null>(null);
  const [endedName, setEndedName] = useState<string | null>(null);

  const rows = [...(assignments.data ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || b.startDate.localeCompare(a.startDate));
  const assignedNow = new Set(rows.filter((row) => row.active).map((row) => row.mentorId));
  const candidates = (mentors.data ?? []).filter((mentor) => !assignedNow.has(mentor.id));
  const loadError = assignments.error ?? mentors.error;

  return (
    <section className="stack accommodation-mentors" aria-labelledby={titleId}>
      <h4 id={titleId} ref={headingRef} tabIndex={-1} className="subform-title">
        {t('assignments.title')}
      </h4>
      {assignments.data && rows.length === 0 ? <p>{t('assignments.none')}</p> : null}
      {rows.length > 0 ? (
        <ul className="record-list">
          {rows.map((assignment) => (
            <AssignmentItem
              key={assignment.id}
              assignment={assignment}
              mentorName={assignment.mentorName}
              canEnd={!readOnly}
              onEnd={() => {
                setEndedName(null);
                setEnding({ assignment, mentorName: assignment.mentorName });
              }}
            />
          ))}
        </ul>
      ) : null}
      <FormAlert id={`${titleId}-load`}>{loadError ? describe(loadError) : null}</FormAlert>
      <FormStatus>{endedName ? t('assignments.end.done', { name: endedName }) : null}</FormStatus>
      {readOnly ? null : <AssignMentorForm accommodationId={accommodationId} candidates={candidates} />}
      <EndAssignmentDialog
        ending={ending}
        onClose={(ended) => {
          setEnding(null);
          if (!ended) return;
          setEndedName(ending?.mentorName ?? null);
          // The ended assignment has no End button any more.
          focusSoon(() => headingRef.current);
        }}
      />
    </section>
  );
}

interface AssignmentItemProps {
  assignment: Assignment;
  mentorName: string;
  canEnd: boolean;
  onEnd: () => void;
}

function AssignmentItem({ assignment, mentorName, canEnd, onEnd }: AssignmentItemProps) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  return (
    <li className="record">
      <div>
        <p className="record-name">
          <a href={routeHref('mentors', assignment.mentorId)}>{mentorName}</a>
        </p>
        <p className="record-meta">
          {assignment.endDate
            ? t('assignments.ranFromTo', { start: formatDate(assignment.startDate), end: formatDate(assignment.endDate) })
            : t('assignments.since', { start: formatDate(assignment.startDate) })}
          {' · '}
          <AssignmentState assignment={assignment} />
        </p>
      </div>
      {canEnd && assignment.endDate === null ? (
        <Button className="button button--secondary" onPress={onEnd}>
          {t('assignments.end.open', { name: mentorName })}
        </Button>
      ) : null}
    </li>
  );
}

export function AssignmentState({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  if (assignment.active) return <span className="tag tag--ok">{t('assignments.active')}</span>;
  if (assignment.endDate === null) return <span className="tag">{t('assignments.notStarted')}</span>;
  return (
    <span className="tag tag--muted">
      {assignment.endReason
        ? t('assignments.endedBecause', { reason: t(`assignments.reasons.${assignment.endReason}`) })
        : t('assignments.ended')}
    </span>
  );
}
