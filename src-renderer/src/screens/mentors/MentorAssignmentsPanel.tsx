/** A mentor's assignments: the ones running now (with End), then the past ones and why they ended. */
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Assignment, Mentor } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';
import { AssignmentState } from './AccommodationMentors';
import { EndAssignmentDialog } from './EndAssignmentDialog';
import { mentorName } from './mentor-names';

export function MentorAssignmentsPanel({ mentor }: { mentor: Mentor }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const assignments = useApiQuery('assignments.listForMentor', { mentorId: mentor.id });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [ending, setEnding] = useState<Assignment | null>(null);
  const [ended, setEnded] = useState(false);
  const all = assignments.data ?? [];
  const running = all.filter((assignment) => assignment.endDate === null);
  const past = all.filter((assignment) => assignment.endDate !== null).sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? ''));

  const list = (items: Assignment[]) => (
    <ul className="record-list">
      {items.map((assignment) => (
        <MentorAssignmentItem
          key={assignment.id}
          assignment={assignment}
          onEnd={() => {
            setEnded(false);
            setEnding(assignment);
          }}
        />
      ))}
    </ul>
  );

  return (
    <Panel
      title={t('mentors.assignments.title')}
      intro={t('mentors.assignments.load', { active: mentor.activeAssignments, count: mentor.loadCap })}
      headingRef={headingRef}
    >
      <h3 className="subform-title">{t('mentors.assignments.current')}</h3>
      {running.length > 0 ? list(running) : <p>{t('mentors.assignments.noneCurrent')}</p>}
      <h3 className="subform-title">{t('mentors.assignments.past')}</h3>
      {past.length > 0 ? list(past) : <p>{t('mentors.assignments.nonePast')}</p>}
      <FormAlert id={`mentor-assignments-${mentor.id}`}>{assignments.isError ? describe(assignments.error) : null}</FormAlert>
      <FormStatus>{ended ? t('assignments.end.done', { name: mentorName(mentor) }) : null}</FormStatus>
      <EndAssignmentDialog
        ending={ending ? { assignment: ending, mentorName: mentorName(mentor) } : null}
        onClose={(done) => {
          setEnded(done);
          setEnding(null);
          // An ended assignment has no End button any more.
          if (done) focusSoon(() => headingRef.current);
        }}
      />
    </Panel>
  );
}

function MentorAssignmentItem({ assignment, onEnd }: { assignment: Assignment; onEnd: () => void }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const what = t('mentors.assignments.what', { setting: assignment.settingClass, role: t(`assignments.roles.${assignment.role}`) });
  return (
    <li className="record">
      <div>
        <p className="record-name">{what}</p>
        <p className="record-meta">
          {assignment.endDate
            ? t('assignments.ranFromTo', { start: formatDate(assignment.startDate), end: formatDate(assignment.endDate) })
            : t('assignments.since', { start: formatDate(assignment.startDate) })}
          {' · '}
          <AssignmentState assignment={assignment} />
        </p>
      </div>
      {assignment.endDate === null ? (
        <Button className="button button--secondary" onPress={onEnd}>
          {t('mentors.assignments.end', { what })}
        </Button>
      ) : null}
    </li>
  );
}
