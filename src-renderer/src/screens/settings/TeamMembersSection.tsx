/** Who can open the vault, and taking that access away again (after a confirmation). */
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../src-main/contract';
import { queryKey, useApiMutation, useApiQuery } from '../../api-client/react';
import { useIsReady } from '../../app/vault-status';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useErrorMessage } from '../../components/error-message';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SettingsSection } from './SettingsSection';

export function TeamMembersSection({ me, children }: { me: Member; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const client = useQueryClient();
  const members = useApiQuery('vault.members', {}, { enabled: useIsReady() });
  const [leaving, setLeaving] = useState<Member | null>(null);
  const [removedName, setRemovedName] = useState<string | null>(null);
  const remove = useApiMutation('vault.removeMember', {
    // The list is re-read before the confirmation shows, so the two never disagree.
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKey('vault.members', {}) });
      setRemovedName(leaving?.name ?? null);
      setLeaving(null);
    },
  });
  const added = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <SettingsSection title={t('settings.members.title')} intro={t('settings.members.intro')}>
      <ul className="member-list">
        {(members.data ?? []).map((member) => (
          <li key={member.slotId} className="member">
            <div>
              <p className="member-name">
                {member.name} {member.slotId === me.slotId ? <span className="member-you">{t('settings.members.you')}</span> : null}
              </p>
              <p className="member-meta">
                {t(`roles.${member.role}`)} · {t('settings.members.added', { date: added.format(new Date(member.addedAt)) })} ·{' '}
                {member.lastUnlockAt
                  ? t('settings.members.lastUnlock', { date: added.format(new Date(member.lastUnlockAt)) })
                  : t('settings.members.neverUnlocked')}
              </p>
            </div>
            {/* The service refuses removing the access in use, so the button is not offered. */}
            {member.slotId === me.slotId ? null : (
              <Button
                className="button button--quiet"
                onPress={() => {
                  remove.reset();
                  setLeaving(member);
                }}
              >
                {t('settings.members.remove', { name: member.name })}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <FormAlert id="members-alert">{remove.isError ? describe(remove.error) : members.isError ? describe(members.error) : null}</FormAlert>
      <FormStatus>{removedName ? t('settings.members.removed', { name: removedName }) : null}</FormStatus>
      <ConfirmDialog
        isOpen={leaving !== null}
        title={t('settings.members.removeTitle', { name: leaving?.name ?? '' })}
        text={t('settings.members.removeText', { name: leaving?.name ?? '' })}
        confirmLabel={t('settings.members.removeConfirm')}
        isWorking={remove.isPending}
        onCancel={() => setLeaving(null)}
        onConfirm={() => leaving && remove.mutate({ slotId: leaving.slotId })}
      />
      {children}
    </SettingsSection>
  );
}
