/**
 * One mentor's page (`#/mentors/<id>`): who they are, consent, training, when they are free, time off,
 * recognition and assignments. Editing the record is a separate page; archiving asks first.
 */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { navigate, routeHref } from '../../app/hash-route';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { LoadingPage } from '../../components/LoadingPage';
import { PageHeading } from '../../components/PageHeading';
import { Panel } from '../../components/Panel';
import { SlotGrid } from '../../components/SlotGrid';
import { useServiceError } from '../../components/service-error';
import { MentorActivityPanel } from '../checkins/MentorActivityPanel';
import { MatchingProfilePanel } from '../matching/MatchingProfilePanel';
import { RecognitionLetterPanel } from '../reports/RecognitionLetterPanel';
import { ConsentPanel } from './ConsentPanel';
import { useGradeLabel } from './grades';
import { MentorAssignmentsPanel } from './MentorAssignmentsPanel';
import { useRefreshMentorData } from './mentor-cache';
import { mentorName } from './mentor-names';
import { RecognitionPanel } from './RecognitionPanel';
import { TimeOffPanel } from './TimeOffPanel';
import { TrainingPanel } from './TrainingPanel';

export function MentorDetail({ mentorId }: { mentorId: string }) {
  const { t } = useTranslation();
  const mentor = useApiQuery('mentors.get', { id: mentorId });
  if (!mentor.data) {
    return (
      <LoadingPage
        title={t('mentors.detail.loading')}
        error={mentor.error}
        backHref={routeHref('mentors')}
        backLabel={t('mentors.detail.back')}
      />
    );
  }
  return <MentorPage mentor={mentor.data} />;
}

function MentorPage({ mentor }: { mentor: Mentor }) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  const name = mentorName(mentor);
  return (
    <div className="page stack">
      <a href={routeHref('mentors')}>{t('mentors.detail.back')}</a>
      <div className="page-header">
        <PageHeading>{name}</PageHeading>
        {mentor.archived ? null : (
          <a className="button button--secondary" href={routeHref('mentors', mentor.id, 'edit')}>
            {t('mentors.detail.edit')}
          </a>
        )}
      </div>
      <p className="lead">
        {t('mentors.detail.summary', { grade: gradeLabel(mentor.grade), school: mentor.school, localId: mentor.localId })}
        {mentor.preferredName ? ` · ${t('mentors.detail.legalName', { name: `${mentor.firstName} ${mentor.lastName}` })}` : ''}
      </p>
      {mentor.archived ? <p className="notice notice--warning">{t('mentors.detail.archivedNotice')}</p> : null}
      <ConsentPanel mentor={mentor} />
      <TrainingPanel mentor={mentor} />
      <Panel title={t('mentors.availability.title')} intro={t('mentors.availability.intro', { count: mentor.availability.length })}>
        <SlotGrid legend={t('mentors.availability.legend')} value={mentor.availability} />
        <dl className="facts">
          <div className="fact">
            <dt>{t('mentors.detail.interests')}</dt>
            <dd>{mentor.interests.length > 0 ? mentor.interests.join(', ') : t('mentors.detail.noInterests')}</dd>
          </div>
          <div className="fact">
            <dt>{t('mentors.form.loadCap')}</dt>
            <dd>{t('mentors.form.loadCapOption', { count: mentor.loadCap })}</dd>
          </div>
        </dl>
      </Panel>
      <MentorAssignmentsPanel mentor={mentor} />
      <MatchingProfilePanel kind="mentor" id={mentor.id} readOnly={mentor.archived} />
      <MentorActivityPanel mentorId={mentor.id} />
      <TimeOffPanel mentor={mentor} />
      <RecognitionPanel mentor={mentor} />
      <RecognitionLetterPanel mentorId={mentor.id} name={name} />
      {mentor.archived ? null : <ArchiveMentor mentor={mentor} />}
    </div>
  );
}

function ArchiveMentor({ mentor }: { mentor: Mentor }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshMentorData();
  const [confirming, setConfirming] = useState(false);
  const archive = useApiMutation('mentors.archive', {
    onSuccess: async () => {
      await refresh();
      navigate('mentors');
    },
    onSettled: () => setConfirming(false),
  });
  const name = mentorName(mentor);
  return (
    <Panel title={t('mentors.archive.title')} intro={t('mentors.archive.intro')}>
      <div className="actions">
        <Button className="button button--secondary" onPress={() => setConfirming(true)}>
          {t('mentors.archive.open', { name })}
        </Button>
      </div>
      <FormAlert id={`archive-alert-${mentor.id}`}>{archive.isError ? describe(archive.error) : null}</FormAlert>
      <ConfirmDialog
        isOpen={confirming}
        title={t('mentors.archive.confirmTitle', { name })}
        text={t('mentors.archive.confirmText', { name })}
        confirmLabel={t('mentors.archive.confirm')}
        isWorking={archive.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => archive.mutate({ id: mentor.id })}
      />
    </Panel>
  );
}
