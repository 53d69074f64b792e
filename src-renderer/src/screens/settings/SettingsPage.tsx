/** Settings: auto-lock, my passphrase, the team's access, the recovery key, backups made before a key rotation, and the progress codes. */
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../src-main/contract';
import { IfCan } from '../../components/permissions';
import { WeightsSection } from '../matching/WeightsSection';
import { AddMemberForm } from './AddMemberForm';
import { AutoLockSection } from './AutoLockSection';
import { ChangePassphraseSection } from './ChangePassphraseSection';
import { OldBackupsSection } from './OldBackupsSection';
import { ProgressCodesSection } from './ProgressCodesSection';
import { RecoveryKeySection } from './RecoveryKeySection';
import { ReportSettingsSection } from './ReportSettingsSection';
import { SchoolCalendarSection } from './SchoolCalendarSection';
import { TeamMembersSection } from './TeamMembersSection';
import { VaultCheckSection } from './VaultCheckSection';

export function SettingsPage({ member }: { member: Member }) {
  const { t } = useTranslation();
  return (
    <div className="page stack">
      <h1 tabIndex={-1} className="page-title">
        {t('settings.title')}
      </h1>
      <IfCan action="vault.maintain">
        <VaultCheckSection />
      </IfCan>
      <IfCan action="settings.program">
        <AutoLockSection />
      </IfCan>
      <ChangePassphraseSection member={member} />
      <IfCan action="members.manage">
        <TeamMembersSection me={member}>
          <AddMemberForm />
        </TeamMembersSection>
      </IfCan>
      <IfCan action="recoveryKey.manage">
        <RecoveryKeySection />
      </IfCan>
      <IfCan action="vault.maintain">
        <OldBackupsSection />
      </IfCan>
      <IfCan action="settings.program">
        <ProgressCodesSection />
        <SchoolCalendarSection />
        <ReportSettingsSection />
        <WeightsSection />
      </IfCan>
    </div>
  );
}
