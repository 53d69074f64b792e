/**
 * The app's one open vault: locked or unlocked, by whom, and for how long without activity.
 * Composes the vault layer with members, settings and the audit trail. Both shells (Electron and
 * the CLI) and the e2e host hold one of these; nothing here imports Electron.
 */
import { rmSync } from 'node:fs';
import { AppError, type Member, type PassphraseAssessment, type Settings, type StaffRole, type VaultStatus } from '../contract';
import { backupVault } from '../vault/backup';
import { integrityCheck } from '../vault/database';
import type { KdfCost } from '../vault/kdf';
import { unwrapDataKey } from '../vault/keyslots';
import { schemaVersionOf } from '../vault/migrations';
import { assessPassphrase } from '../vault/passphrase-policy';
import {
  addPassphraseSlot,
  closeVault,
  createVault,
  type OpenVault,
  passphraseSlotIds,
  removeSlot,
  replaceRecoveryKey,
  rewrapSlot,
  unlockVault,
  vaultExists,
} from '../vault/vault';
import { recordAudit, sealUnchainedEvents } from './audit';
import type { ServiceContext } from './context';
import { findMember, insertMember, listMembers, markMemberRemoved } from './members';
import { DEFAULT_SETTINGS, readFlag, readSettings, updateSettings, writeFlag } from './settings';
import { insertStaffForSlot, staffIdForSlot, unlinkSlot } from './staff';
import { NO_FAILURES, recordFailure, retryAfterMs, type ThrottleState } from './unlock-throttle';
import { type VaultDb, vaultDb } from './vault-db';

/** The demo vault holds only generated, synthetic records, so its passphrase can be printed on screen. */
export const DEMO_PASSPHRASE = 'try peerpath with demo data';

export interface VaultSessionOptions {
  dir: string;
  /** Where "try with demo data" keeps its vault; never the real vault's folder. */
  demoDir?: string;
  kdfCost?: KdfCost;
  now?: () => number;
  /** Seeds the demo vault; later issues add students, plans and mentors here. */
  seedDemo?: (db: VaultDb, vault: OpenVault) => void;
  onLock?: (reason: LockReason) => void;
}

export type LockReason = 'user' | 'idle' | 'system';

/**
 * Meeting mode: the session shows one student's meeting and nothing else until the acting member's
 * passphrase ends it. It outlives a lock (unlocking again returns to the meeting, not the app).
 */
export interface MeetingMode {
  meetingId: string;
  studentId: string;
}

export const MEETING_MODE_REFUSAL = 'Meeting mode is on: only the meeting can be shown. Leave meeting mode with your passphrase first.';

interface Unlocked {
  vault: OpenVault;
  db: VaultDb;
  member: Member | null;
  viaRecoveryKey: boolean;
  isDemo: boolean;
  settings: Settings;
}

export type VaultSession = ReturnType<typeof createVaultSession>;

export function createVaultSession(options: VaultSessionOptions) {
  const now = options.now ?? Date.now;
  let open: Unlocked | null = null;
  /** The folder unlock opens: the real vault, or the demo vault while the demo is in use. */
  let activeDir = options.dir;
  let throttle: ThrottleState = NO_FAILURES;
  let meeting: MeetingMode | null = null;
  /** Wrong passphrases when leaving meeting mode wait longer each time, as at unlock. */
  let meetingThrottle: ThrottleState = NO_FAILURES;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  function status(): VaultStatus {
    const state = open ? 'unlocked' : vaultExists(activeDir) ? 'locked' : 'absent';
    return {
      state,
      member: open?.member ?? null,
      viaRecoveryKey: open?.viaRecoveryKey ?? false,
      isDemo: open?.isDemo ?? activeDir === options.demoDir,
      autoLockMinutes: open?.settings.autoLockMinutes ?? DEFAULT_SETTINGS.autoLockMinutes,
      retryAfterMs: retryAfterMs(throttle, now()),
    };
  }

  function requireOpen(): Unlocked {
    if (!open) throw new AppError('locked', 'The vault is locked. Unlock it to continue.');
    return open;
  }

  /** Everything but the meeting's own calls and the lock itself goes through here while a meeting is on. */
  function requireOutsideMeeting(): Unlocked {
    const current = requireOpen();
    refuseInMeeting();
    return current;
  }

  function refuseInMeeting(): void {
    if (meeting) throw new AppError('forbidden', MEETING_MODE_REFUSAL);
  }

  function contextOf(current: Unlocked): ServiceContext {
    const slotId = current.viaRecoveryKey ? null : current.vault.slot.id;
    return { db: current.db, actor: { slotId, staffId: staffIdForSlot(current.db, slotId) }, now: () => new Date(now()) };
  }

  function armIdleTimer(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (!open) return;
    idleTimer = setTimeout(() => lock('idle'), open.settings.autoLockMinutes * 60_000);
    idleTimer.unref?.();
  }

  function audit(action: string, subject?: string, detail?: Record<string, string | number | boolean | null>): void {
    const current = requireOpen();
    recordAudit(
      current.db,
      {
        actorSlotId: current.viaRecoveryKey ? null : current.vault.slot.id,
        action,
        subject,
        detail,
        entity: 'vault',
        entityId: subject ?? 'vault',
      },
      new Date(now()),
    );
  }

  function becomeOpen(vault: OpenVault, viaRecoveryKey: boolean): VaultStatus {
    const db = vaultDb(vault.db);
    open = {
      vault,
      db,
      member: viaRecoveryKey ? null : findMember(db, vault.slot.id),
      viaRecoveryKey,
      isDemo: readFlag(db, 'isDemo'),
      settings: readSettings(db),
    };
    throttle = NO_FAILURES;
    sealUnchainedEvents(db);
    audit(
      viaRecoveryKey ? 'vault.unlocked_with_recovery_key' : 'vault.unlocked',
      undefined,
      vault.migrated.length ? { migrations: vault.migrated.length } : undefined,
    );
    armIdleTimer();
    return status();
  }

  async function unlockWith(secret: string, kind: 'passphrase' | 'recovery'): Promise<VaultStatus> {
    if (open) lock('user');
    const wait = retryAfterMs(throttle, now());
    if (wait > 0) {
      throw new AppError('rate_limited', `Too many wrong attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`, {
        retryAfterMs: wait,
      });
    }
    try {
      const vault = await unlockVault({ dir: activeDir, secret, kind });
      return becomeOpen(vault, kind === 'recovery');
    } catch (error) {
      if (error instanceof AppError && error.code === 'wrong_secret') throttle = recordFailure(throttle, now());
      throw error;
    }
  }

  async function requireAcceptable(passphrase: string, context: string[]): Promise<void> {
    const assessment = await assessPassphrase(passphrase, context);
    if (!assessment.acceptable) throw new AppError('weak_passphrase', assessment.problems.join(' '));
  }

  function lock(reason: LockReason = 'user'): VaultStatus {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (open) {
      const closing = open;
      open = null;
      closeVault(closing.vault);
      options.onLock?.(reason);
    }
    return status();
  }

  return {
    status,
    lock,

    assessPassphrase(passphrase: string, context: string[] = []): Promise<PassphraseAssessment> {
      return assessPassphrase(passphrase, context);
    },

    async create(input: { memberName: string; memberRole: StaffRole; passphrase: string }): Promise<{ recoveryKey: string }> {
      refuseInMeeting();
      await requireAcceptable(input.passphrase, [input.memberName]);
      if (open) lock('user');
      activeDir = options.dir;
      const { vault, recoveryKey } = await createVault({ dir: options.dir, passphrase: input.passphrase, kdfCost: options.kdfCost });
      const db = vaultDb(vault.db);
      addTeamMember(db, { slotId: vault.slot.id, name: input.memberName, role: input.memberRole, addedAt: new Date(now()).toISOString() });
      becomeOpen(vault, false);
      audit('vault.created');
      return { recoveryKey };
    },

    async createDemo(): Promise<{ passphrase: string }> {
      if (!options.demoDir) throw new AppError('forbidden', 'Demo data is not available here.');
      refuseInMeeting();
      if (open) lock('user');
      rmSync(options.demoDir, { recursive: true, force: true });
      const { vault } = await createVault({ dir: options.demoDir, passphrase: DEMO_PASSPHRASE, kdfCost: options.kdfCost });
      const db = vaultDb(vault.db);
      addTeamMember(db, { slotId: vault.slot.id, name: 'Demo Case Manager', role: 'case_manager', addedAt: new Date(now()).toISOString() });
      writeFlag(db, 'isDemo', true);
      options.seedDemo?.(db, vault);
      activeDir = options.demoDir;
      becomeOpen(vault, false);
      return { passphrase: DEMO_PASSPHRASE };
    },

    /** Back from the demo to the real vault (or to first run when there is none yet). */
    leaveDemo(): VaultStatus {
      refuseInMeeting();
      lock('user');
      activeDir = options.dir;
      return status();
    },

    unlock: (passphrase: string) => unlockWith(passphrase, 'passphrase'),
    unlockWithRecoveryKey: (recoveryKey: string) => unlockWith(recoveryKey, 'recovery'),

    async changePassphrase(input: { currentPassphrase: string; newPassphrase: string }): Promise<void> {
      const current = requireOutsideMeeting();
      if (current.viaRecoveryKey) throw new AppError('forbidden', 'Set a new passphrase for a team member first.');
      if (!(await opensOwnSlot(current.vault, input.currentPassphrase))) {
        throw new AppError('wrong_secret', 'Your current passphrase is not right; nothing was changed.');
      }
      await requireAcceptable(input.newPassphrase, [current.member?.name ?? '']);
      await rewrapSlot(current.vault, current.vault.slot.id, input.newPassphrase, options.kdfCost);
      audit('vault.passphrase_changed', current.vault.slot.id);
    },

    async setPassphraseAfterRecovery(input: { slotId: string; newPassphrase: string }): Promise<VaultStatus> {
      const current = requireOutsideMeeting();
      if (!current.viaRecoveryKey) throw new AppError('forbidden', 'Use "change passphrase" for your own passphrase.');
      const member = findMember(current.db, input.slotId);
      if (!member || !passphraseSlotIds(current.vault).includes(input.slotId)) {
        throw new AppError('not_found', 'That team member no longer has access to this vault.');
      }
      await requireAcceptable(input.newPassphrase, [member.name]);
      const slot = await rewrapSlot(current.vault, input.slotId, input.newPassphrase, options.kdfCost);
      audit('vault.passphrase_reset_with_recovery_key', input.slotId);
      // From here on the session acts as the member whose passphrase was reset.
      current.vault.slot = slot;
      current.member = member;
      current.viaRecoveryKey = false;
      return status();
    },

    members(): Member[] {
      const current = requireOutsideMeeting();
      return listMembers(current.db, passphraseSlotIds(current.vault));
    },

    async addMember(input: { name: string; role: StaffRole; passphrase: string }): Promise<Member> {
      const current = requireOutsideMeeting();
      await requireAcceptable(input.passphrase, [input.name]);
      const slot = await addPassphraseSlot(current.vault, input.passphrase, options.kdfCost);
      const member: Member = { slotId: slot.id, name: input.name, role: input.role, addedAt: new Date(now()).toISOString() };
      try {
        addTeamMember(current.db, member);
      } catch (error) {
        removeSlot(current.vault, slot.id);
        throw error;
      }
      audit('vault.member_added', slot.id, { role: input.role });
      return member;
    },

    removeMember(slotId: string): void {
      const current = requireOutsideMeeting();
      removeSlot(current.vault, slotId);
      current.db.transaction((tx) => {
        markMemberRemoved(tx, slotId, new Date(now()));
        unlinkSlot(tx, slotId);
      });
      audit('vault.member_removed', slotId);
    },

    async newRecoveryKey(): Promise<{ recoveryKey: string }> {
      const current = requireOutsideMeeting();
      const recoveryKey = await replaceRecoveryKey(current.vault, options.kdfCost);
      audit('vault.recovery_key_replaced');
      return { recoveryKey };
    },

    /** Any sign of a person at the keyboard pushes the auto-lock back. */
    activity(): void {
      if (open) armIdleTimer();
    },

    getSettings(): Settings {
      return requireOpen().settings;
    },

    updateSettings(patch: Partial<Settings>): Settings {
      const current = requireOutsideMeeting();
      current.settings = updateSettings(current.db, patch);
      audit('settings.updated', undefined, { keys: Object.keys(patch).join(',') });
      armIdleTimer();
      return current.settings;
    },

    backup(file: string): { bytes: number } {
      const current = requireOutsideMeeting();
      const result = backupVault(current.vault, file, new Date(now()));
      audit('vault.backup_written', undefined, { bytes: result.bytes });
      return result;
    },

    /** A full `integrity_check` (reads every page), for `peerpath vault check`. */
    check(): { schemaVersion: number; integrityOk: boolean; members: number } {
      const current = requireOpen();
      return {
        schemaVersion: schemaVersionOf(current.vault.db),
        integrityOk: integrityCheck(current.vault.db),
        members: listMembers(current.db, passphraseSlotIds(current.vault)).length,
      };
    },

    /** For tests and tools that read the unlocked vault directly. */
    db(): VaultDb {
      return requireOpen().db;
    },

    /**
     * What every domain service receives: the database, the acting user and the clock. Refused while
     * meeting mode is on, so no channel but the meeting's own can read or change anything then.
     */
    context(): ServiceContext {
      return contextOf(requireOutsideMeeting());
    },

    /**
     * For a worker thread's own read-only connection: the database file and a copy of the data key.
     * The caller hands the copy on and wipes it; the session's key never leaves the session.
     */
    readerAccess(): { file: string; dataKey: Uint8Array } {
      const current = requireOutsideMeeting();
      return { file: current.vault.paths.database, dataKey: new Uint8Array(current.vault.dataKey) };
    },

    /** Throws `forbidden` while meeting mode is on (the dispatch's guard for every other channel). */
    refuseInMeeting,

    /** The meeting that is on, if any. */
    meetingMode(): MeetingMode | null {
      return meeting ? { ...meeting } : null;
    },

    /** Runs `start` (which records the meeting) and turns meeting mode on for what it returns. */
    enterMeeting<T extends MeetingMode>(start: (ctx: ServiceContext) => T): T {
      const started = start(contextOf(requireOutsideMeeting()));
      meeting = { meetingId: started.meetingId, studentId: started.studentId };
      meetingThrottle = NO_FAILURES;
      return started;
    },

    /** The context for the meeting's own calls, with the meeting they may reach; refused outside meeting mode. */
    inMeeting(): { ctx: ServiceContext; meeting: MeetingMode } {
      const current = requireOpen();
      if (!meeting) throw new AppError('conflict', 'Meeting mode is not on.');
      return { ctx: contextOf(current), meeting: { ...meeting } };
    },

    /**
     * Ends meeting mode when `passphrase` opens the acting member's own key slot (checked with the
     * slot's KDF); `finish` records the end. A wrong passphrase is refused and waits grow as at unlock.
     */
    async leaveMeeting<T>(passphrase: string, finish: (ctx: ServiceContext, ending: MeetingMode) => T): Promise<T> {
      const current = requireOpen();
      if (!meeting) throw new AppError('conflict', 'Meeting mode is not on.');
      const wait = retryAfterMs(meetingThrottle, now());
      if (wait > 0) {
        throw new AppError('rate_limited', `Too many wrong attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`, {
          retryAfterMs: wait,
        });
      }
      if (!(await opensOwnSlot(current.vault, passphrase))) {
        meetingThrottle = recordFailure(meetingThrottle, now());
        audit('meeting.leave_refused', meeting.meetingId);
        throw new AppError('wrong_secret', 'That passphrase is not right; meeting mode stays on.');
      }
      const ending = meeting;
      const result = finish(contextOf(current), ending);
      meeting = null;
      meetingThrottle = NO_FAILURES;
      return result;
    },
  };
}

/** A key slot's holder: a member row (names the slot) and a staff record (authors changes). */
function addTeamMember(db: VaultDb, member: Member): void {
  db.transaction((tx) => {
    insertMember(tx, member);
    insertStaffForSlot(tx, { slotId: member.slotId, name: member.name, role: member.role, at: new Date(member.addedAt) });
  });
}

/** Checks a passphrase against the session's own slot without touching anything. */
async function opensOwnSlot(vault: OpenVault, passphrase: string): Promise<boolean> {
  const key = await unwrapDataKey(vault.vaultId, vault.slot, passphrase);
  const ok = key?.equals(vault.dataKey) ?? false;
  key?.fill(0);
  return ok;
}
