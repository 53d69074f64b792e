/** Placeholder until this panel is built. */
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';

export function CheckInTimeline(_props: { studentId: string }) {
  const { t } = useTranslation();
  return <Panel title={t('checkIns.title')}>{null}</Panel>;
}
