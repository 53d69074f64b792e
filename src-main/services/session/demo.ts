/**
 * "Try with demo data": a separate vault of synthetic records in its own folder, never the real
 * vault's, and the way back to the real one.
 */
import { rmSync } from 'node:fs';
import { AppError, type VaultStatus } from '../../contract';
import { createVault } from '../../vault/vault';
import { systemWrite } from '../context';
import { writeFlag } from '../settings';
import { vaultDb } from '../vault-db';
import type { SessionCore } from './session';
import { addTeamMember } from './team';

/** The demo vault holds only generated, synthetic records, so its passphrase can be printed on screen. */
export const DEMO_PASSPHRASE = 'try peerpath with demo data';

export function demoMethods(core: SessionCore) {
  const { options } = core;
  return {
    async createDemo(): Promise<{ passphrase: string }> {
      if (!options.demoDir) throw new AppError('forbidden', 'Demo data is not available here.');
      core.meeting.refuse();
      core.lock('user');
      rmSync(options.demoDir, { recursive: true, force: true });
      const { vault } = await createVault({ dir: options.demoDir, passphrase: DEMO_PASSPHRASE, kdfCost: options.kdfCost });
      const db = vaultDb(vault.db);
      const member = {
        slotId: vault.slot.id,
        name: 'Demo Case Manager',
        role: 'case_manager' as const,
        addedAt: new Date(core.now()).toISOString(),
      };
      systemWrite(db, (tx) => {
        addTeamMember(tx, member);
        writeFlag(tx, 'isDemo', true);
      });
      options.seedDemo?.(db, vault);
      core.switchFolder(options.demoDir);
      core.becomeOpen(vault, false);
      return { passphrase: DEMO_PASSPHRASE };
    },

    /** Back from the demo to the real vault (or to first run when there is none yet). */
    leaveDemo(): VaultStatus {
      core.meeting.refuse();
      core.lock('user');
      core.switchFolder(options.dir);
      return core.status();
    },
  };
}
