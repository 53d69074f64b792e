/**
 * After a goal or peer support is deleted: a notice on the plan page says what went (and that the
 * goals after it moved up one number) with an Undo button. The notice takes focus when it appears
 * (the deleted card's buttons are gone); after Undo, focus moves to the restored card's heading.
 */
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Removal } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { ActionNotice } from '../../components/ActionNotice';
import { focusSoon } from '../../components/focus-soon';
import { useServiceError } from '../../components/service-error';
import { useRefreshPlans } from './plan-cache';
import { accommodationCardId, goalCardId } from './SupportGaps';

interface Notice {
  removal: Removal;
  name: string;
  /** Goals after it moved up one number. */
  renumbered: boolean;
  /** Set once Undo has put it back. */
  restored?: boolean;
}

type Announce = (removal: Removal, name: string, renumbered?: boolean) => void;

const RemovalContext = createContext<Announce>(() => {});

/** What a card calls after its delete went through. */
export function useAnnounceRemoval(): Announce {
  return useContext(RemovalContext);
}

/** The restored card's heading takes focus after Undo. */
function removedCardHeadingId(removal: Removal): string {
  return removal.entity === 'goal' ? goalCardId(removal.entityId) : accommodationCardId(removal.entityId);
}

const NOTICE_ID = 'removal-notice';

export function RemovalNotices({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <RemovalContext.Provider
      value={(removal, name, renumbered = false) => {
        setNotice({ removal, name, renumbered });
        // The dialog that closed gives focus back to its trigger, the Delete button of a card that is gone.
        focusSoon(() => document.querySelector<HTMLElement>(`#${NOTICE_ID} .action-notice`));
      }}
    >
      <div id={NOTICE_ID}>
        {notice ? (
          <RemovalNoticeView
            key={`${notice.removal.removalId}-${notice.restored ? 'back' : 'gone'}`}
            notice={notice}
            onChange={setNotice}
          />
        ) : null}
      </div>
      {children}
    </RemovalContext.Provider>
  );
}

function RemovalNoticeView({ notice, onChange }: { notice: Notice; onChange: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshPlans();
  const { removal, name } = notice;
  const undo = useApiMutation('removals.undo', {
    onSuccess: async () => {
      await refresh();
      onChange({ ...notice, restored: true });
      focusSoon(() => document.getElementById(removedCardHeadingId(removal)));
    },
  });
  if (notice.restored) return <ActionNotice message={t('removals.restored', { name })} onDismiss={() => onChange(null)} />;
  const records =
    removal.entity === 'goal'
      ? removal.counts.progressPoints + removal.counts.progressMarks
      : removal.counts.sessions + removal.counts.checkIns + removal.counts.assignments;
  const message = [t('removals.removed', { name, count: records }), notice.renumbered ? t('removals.renumbered') : null]
    .filter(Boolean)
    .join(' ');
  return (
    <ActionNotice
      message={undo.isError ? `${message} ${describe(undo.error)}` : message}
      isError={undo.isError}
      actionLabel={t('removals.undo')}
      onAction={() => undo.mutate({ id: removal.removalId })}
      isWorking={undo.isPending}
      onDismiss={() => onChange(null)}
    />
  );
}
