/**
 * Staff records: the people on IEP teams, with their roles; who of them can open the vault (a key
 * slot, managed in Settings); adding, editing and archiving.
 */
import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { sectionHref } from '../../app/hash-route';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { PageHeading } from '../../components/PageHeading';
import { Panel } from '../../components/Panel';
import { IfCan, useCan } from '../../components/permissions';
import { useServiceError } from '../../components/service-error';
import { StaffForm } from './StaffForm';
import { useRefreshStaff } from './staff-cache';
import { TeamTabs } from './TeamTabs';

export function StaffPage() {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshStaff();
  const archivedId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [includeArchived, setIncludeArchived] = useState(false);
  const staff = useApiQuery('staff.list', { includeArchived });
  const [editingId, setEditingId] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<StaffMember | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const archive = useApiMutation('staff.archive', {
    onSuccess: async (archived) => {
      await refresh();
      setNotice(t('team.staff.archived', { name: archived.name }));
      // The archived row (and its buttons) left the list.
      focusSoon(() => headingRef.current);
    },
    onSettled: () => setArchiving(null),
  });

  return (
    <div className="page stack">
      <PageHeading>{t('team.title')}</PageHeading>
      <TeamTabs current="staff" />
      <Panel title={t('team.staff.title')} intro={t('team.staff.intro')} headingRef={headingRef}>
        <div className="checkbox-field">
          <input id={archivedId} type="checkbox" checked={includeArchived} onChange={(event) => setIncludeArchived(event.target.checked)} />
          <label htmlFor={archivedId}>{t('team.staff.includeArchived')}</label>
        </div>
        <ul ref={listRef} className="record-list">
          {(staff.data ?? []).map((member) =>
            member.id === editingId ? (
              <li key={member.id} className="record record--editing">
                <StaffForm
                  original={member}
                  onDone={(saved) => {
                    setEditingId(null);
                    if (saved) setNotice(t('team.staff.saved', { name: saved.name }));
                    // Back to the Edit button the form replaced.
                    focusSoon(() => listRef.current?.querySelector<HTMLElement>(`[data-staff-id="${member.id}"] button`));
                  }}
                />
              </li>
            ) : (
              <StaffItem
                key={member.id}
                member={member}
                onEdit={() => {
                  setNotice(null);
                  setEditingId(member.id);
                }}
                onArchive={() => {
                  archive.reset();
                  setNotice(null);
                  setArchiving(member);
                }}
              />
            ),
          )}
        </ul>
        <FormAlert id="staff-alert">{archive.isError ? describe(archive.error) : staff.isError ? describe(staff.error) : null}</FormAlert>
        <FormStatus>{notice}</FormStatus>
        <IfCan action="members.manage">
          <StaffForm onDone={(saved) => saved && setNotice(t('team.staff.added', { name: saved.name }))} />
        </IfCan>
      </Panel>
      <ConfirmDialog
        isOpen={archiving !== null}
        title={t('team.staff.archiveTitle', { name: archiving?.name ?? '' })}
        text={t('team.staff.archiveText', { name: archiving?.name ?? '' })}
        confirmLabel={t('team.staff.archiveConfirm')}
        isWorking={archive.isPending}
        onCancel={() => setArchiving(null)}
        onConfirm={() => archiving && archive.mutate({ id: archiving.id })}
      />
    </div>
  );
}

function StaffItem({ member, onEdit, onArchive }: { member: StaffMember; onEdit: () => void; onArchive: () => void }) {
  const { t } = useTranslation();
  // Staff records carry roles: editing them is managing members (contract/permissions.ts).
  const mayManage = useCan()('members.manage');
  const details = [
    t(`roles.${member.role}`),
    member.email,
    member.localId ? t('team.staff.localIdValue', { localId: member.localId }) : null,
  ];
  return (
    <li className="record" data-staff-id={member.id}>
      <div>
        <p className="record-name">
          {member.name}
          {member.hasVaultAccess ? <span className="tag tag--ok">{t('team.staff.vaultAccess')}</span> : null}
          {member.archived ? <span className="tag tag--muted">{t('team.staff.archivedTag')}</span> : null}
        </p>
        <p className="record-meta">{details.filter(Boolean).join(' · ')}</p>
        {member.hasVaultAccess && !member.archived ? (
          <p className="record-meta">
            {t('team.staff.accessNote')} <a href={sectionHref('settings')}>{t('team.staff.toSettings')}</a>
          </p>
        ) : null}
      </div>
      {member.archived || !mayManage ? null : (
        <div className="actions">
          <Button className="button button--secondary" onPress={onEdit}>
            {t('team.staff.edit', { name: member.name })}
          </Button>
          {/* The service refuses archiving someone who can still open the vault, so it is not offered. */}
          {member.hasVaultAccess ? null : (
            <Button className="button button--quiet" onPress={onArchive}>
              {t('team.staff.archive', { name: member.name })}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
