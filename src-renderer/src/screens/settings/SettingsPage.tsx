/** Settings: auto-lock, my passphrase, the team's access, the recovery key, backups made before a key rotation, and the progress codes. */
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../src-main/contract';
import { WeightsSection } from '../matching/WeightsSection';
import { AddMemberForm } from './AddMemberForm';
import { AutoLockSection } from './AutoLockSection';
import { ChangePassphraseSection } from './ChangePassphraseSection';
import { OldBackupsSection } from './OldBackupsSection';
import { ProgressCodesSection } from './ProgressCodesSection';
import { RecoveryKeySection } from './RecoveryKeySection';
import { ReportSettingsSection } from './ReportSettingsSection';
import { TeamMembersSection } from './TeamMembersSection';

export function SettingsPage({ member }: { member: Member }) {
  const { t } = useTranslation();
  return (
    <div className="page stack">
      <h1 tabIndex={-1} className="page-title">
        {t('settings.title')}
      </h1>
      <AutoLockSection />
      <ChangePassphraseSection member={member} />
      <TeamMembersSection me={member}>
        <AddMemberForm />
      </TeamMembersSection>
      <RecoveryKeySection />
      <OldBackupsSection />
      <ProgressCodesSection />
      <ReportSettingsSection />
      <WeightsSection />
    </div>
  );
}
