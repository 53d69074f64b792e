/** On a mentor's page: their letter of recognition, previewed, then saved where the user chooses. */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../components/dates';
import { Panel } from '../../components/Panel';
import { ReportPreview } from './ReportPreview';

export function RecognitionLetterPanel({ mentorId, name }: { mentorId: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Panel title={t('reportsScreen.letter.title')} intro={t('reportsScreen.letter.intro', { name })}>
      <div className="actions">
        <Button className="button button--secondary" aria-expanded={open} onPress={() => setOpen(!open)}>
          {open ? t('reportsScreen.letter.hide') : t('reportsScreen.letter.preview')}
        </Button>
      </div>
      {open ? <ReportPreview request={{ kind: 'recognition_letter', mentorId, preparedOn: todayIso() }} /> : null}
    </Panel>
  );
}
