/** Who served a session and, when it was held, the goals it worked on (logging one, changing one). */
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, type CheckboxItem } from '../../components/CheckboxGroup';

export interface SessionLinkFieldsProps {
  mentors: readonly CheckboxItem[];
  mentorIds: string[];
  onMentorIdsChange: (ids: string[]) => void;
  /** A missed session works on no goal: the goals are not asked. */
  missed: boolean;
  goals: readonly CheckboxItem[];
  goalIds: string[];
  onGoalIdsChange: (ids: string[]) => void;
  goalsDescription?: string;
}

export function SessionLinkFields(props: SessionLinkFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <CheckboxGroup
        legend={t('progress.sessions.mentors')}
        items={props.mentors}
        selected={props.mentorIds}
        onChange={props.onMentorIdsChange}
        emptyText={t('progress.sessions.noMentors')}
      />
      {props.missed ? null : (
        <CheckboxGroup
          legend={t('progress.sessions.goals')}
          items={props.goals}
          selected={props.goalIds}
          onChange={props.onGoalIdsChange}
          emptyText={t('progress.sessions.noGoals')}
          description={props.goalsDescription}
        />
      )}
    </>
  );
}
