/** Placeholder until this panel is built. */
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';

export function MentorActivityPanel(_props: { mentorId: string }) {
  const { t } = useTranslation();
  return <Panel title={t('mentorActivity.title')}>{null}</Panel>;
}
