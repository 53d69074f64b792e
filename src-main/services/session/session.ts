/**
 * The open vault: locked or unlocked, by whom, and for how long without activity. Holds the one
 * `VaultDb` of the session and the data key; everything else in this folder reaches them through
 * the `SessionCore` made here. Locking (the one place the key is wiped, through `closeVault`),
 * unlocking with its throttle, the idle timer, the service context and a worker's key copy live here.
 */
import { AppError, type AuditVerdict, type Member, type Settings, type StaffRole, type VaultStatus } from '../../contract';
import { commitHeadCheck, trackCommitHead } from '../../vault/commit-head';
import type { KdfCost } from '../../vault/kdf';
import { readKeySlotFile, retiredSigningKeys, slotSigningKeys } from '../../vault/keyslots';
import { readUnlockAttempts, writeUnlockAttempts } from '../../vault/unlock-attempts';
import { closeVault, createVault, type OpenVault, unlockVault, vaultExists } from '../../vault/vault';
import { type AuditEntry, recordAudit, sealUnchainedEvents, verifyAuditChain } from '../audit';
import { type ServiceContext, systemWrite } from '../context';
import { currentRole, findMember, setSigningKey, signingKeyChange } from '../members';
import { reachOf } from '../permissions/reach';
import { DEFAULT_SETTINGS, readFlag, readSettings, writeFlag } from '../settings';
import { staffIdForSlot } from '../staff';
import { beginAttempt, retryAfterMs, settleAttempt } from '../unlock-throttle';
import { type VaultDb, type VaultTx, vaultDb } from '../vault-db';
import { createMeetingGate, type MeetingGate } from './meeting-mode';
import { requireAcceptable } from './secrets';
import { addTeamMember } from './team';

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

export interface Unlocked {
  vault: OpenVault;
  db: VaultDb;
  member: Member | null;
  viaRecoveryKey: boolean;
  isDemo: boolean;
  settings: Settings;
}

/** An event the session records about the vault itself (unlocks, members, settings, backups, meeting refusals). */
export interface VaultEvent {
  action: string;
  subject?: string;
  detail?: AuditEntry['detail'];
}

/** What the session's other modules share: the open vault, the guards, the clock and the session's own writes. */
export interface SessionCore {
  readonly options: VaultSessionOptions;
  now(): number;
  status(): VaultStatus;
  requireOpen(): Unlocked;
  /** Everything but the meeting's own calls and the lock itself goes through here while a meeting is on. */
  requireOutsideMeeting(): Unlocked;
  readonly meeting: MeetingGate;
  contextOf(current: Unlocked): ServiceContext;
  /** Records a vault event as the acting member, in its own transaction (`systemWrite`). */
  record(event: VaultEvent): void;
  /** The session's own write and its vault event, in one transaction (`systemWrite`). */
  record<T>(event: VaultEvent, write: (tx: VaultTx) => T): T;
  armIdleTimer(): void;
  becomeOpen(vault: OpenVault, viaRecoveryKey: boolean): VaultStatus;
  /** Unlocks `activeDir`; wrong secrets wait longer each time (1 s, 2 s, 4 s … a minute). */
  unlockWith(secret: string, kind: 'passphrase' | 'recovery'): Promise<VaultStatus>;
  /** Closes the database and wipes the data key (`closeVault`): the one place the session lets go of it. */
  lock(reason?: LockReason): VaultStatus;
  /** The folder unlock opens: the real vault, or the demo vault while the demo is in use. */
  switchFolder(dir: string): void;
}

/** Set in the vault once its head file has been kept (vault/commit-head.ts), so a later missing file is told apart from a vault older than the file. */
const HEAD_KEPT_FLAG = 'commitHeadKept';

/**
 * What the unlock's audit event says of the head check, when anything: the database was ahead of
 * the file (a crash between a commit and the file's write), the file was missing from a vault that
 * had one, or it did not verify. Each is accepted — no committed change is missing — but not silently.
 */
function commitHeadNote(check: ReturnType<typeof commitHeadCheck>, hadHeadFile: boolean): string | null {
  if (check === 'ahead' || check === 'unreadable') return check;
  if (check === 'absent' && hadHeadFile) return 'missing';
  return null;
}

export function createSessionCore(options: VaultSessionOptions): SessionCore {
  const now = options.now ?? Date.now;
  let open: Unlocked | null = null;
  let activeDir = options.dir;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  const meeting = createMeetingGate();

  function status(): VaultStatus {
    const state = open ? 'unlocked' : vaultExists(activeDir) ? 'locked' : 'absent';
    return {
      state,
      member: open?.member ?? null,
      viaRecoveryKey: open?.viaRecoveryKey ?? false,
      isDemo: open?.isDemo ?? activeDir === options.demoDir,
      autoLockMinutes: open?.settings.autoLockMinutes ?? DEFAULT_SETTINGS.autoLockMinutes,
      retryAfterMs: open ? 0 : retryAfterMs(readUnlockAttempts(activeDir), now()),
    };
  }

  function requireOpen(): Unlocked {
    if (!open) throw new AppError('locked', 'The vault is locked. Unlock it to continue.');
    return open;
  }

  function requireOutsideMeeting(): Unlocked {
    const current = requireOpen();
    meeting.refuse();
    return current;
  }

  function contextOf(current: Unlocked): ServiceContext {
    const slotId = current.viaRecoveryKey ? null : current.vault.slot.id;
    const staffId = staffIdForSlot(current.db, slotId);
    const reach = reachOf(current.db, slotId ? currentRole(current.db, slotId) : null, staffId);
    return { db: current.db, actor: { slotId, staffId, signer: current.vault.signer }, reach, now: () => new Date(now()) };
  }

  function armIdleTimer(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (!open) return;
    idleTimer = setTimeout(() => lock('idle'), open.settings.autoLockMinutes * 60_000);
    idleTimer.unref?.();
  }

  function record(event: VaultEvent): void;
  function record<T>(event: VaultEvent, write: (tx: VaultTx) => T): T;
  function record<T>(event: VaultEvent, write?: (tx: VaultTx) => T): T | undefined {
    const current = requireOpen();
    return systemWrite(current.db, (tx) => {
      const result = write?.(tx);
      recordAudit(
        tx,
        {
          actorSlotId: current.viaRecoveryKey ? null : current.vault.slot.id,
          signer: current.vault.signer,
          action: event.action,
          subject: event.subject,
          detail: event.detail,
          entity: 'vault',
          entityId: event.subject ?? 'vault',
        },
        new Date(now()),
      );
      return result;
    });
  }

  function becomeOpen(vault: OpenVault, viaRecoveryKey: boolean): VaultStatus {
    const db = vaultDb(vault.db);
    // A vault just created has not been through unlock's head check: its head is recorded from now on.
    trackCommitHead(vault.db, vault.paths.dir, vault.dataKey);
    const headNote = commitHeadNote(commitHeadCheck(vault.db), readFlag(db, HEAD_KEPT_FLAG));
    open = {
      vault,
      db,
      member: viaRecoveryKey ? null : findMember(db, vault.slot.id),
      viaRecoveryKey,
      isDemo: readFlag(db, 'isDemo'),
      settings: readSettings(db),
    };
    // The unlocking member's key as their slot holds it is the truth; the row is put right (and it is said so).
    const keyChange = viaRecoveryKey ? null : signingKeyChange(db, vault.slot.id, vault.signer.publicKey);
    const detail = {
      ...(vault.migrated.length ? { migrations: vault.migrated.length } : {}),
      ...(headNote ? { commitHead: headNote } : {}),
      ...(keyChange ? { signingKey: keyChange } : {}),
    };
    record(
      {
        action: viaRecoveryKey ? 'vault.unlocked_with_recovery_key' : 'vault.unlocked',
        detail: Object.keys(detail).length ? detail : undefined,
      },
      (tx) => {
        sealUnchainedEvents(tx);
        writeFlag(tx, HEAD_KEPT_FLAG, true);
        if (keyChange) setSigningKey(tx, vault.slot.id, vault.signer.publicKey);
      },
    );
    armIdleTimer();
    return status();
  }

  async function unlockWith(secret: string, kind: 'passphrase' | 'recovery'): Promise<VaultStatus> {
    if (open) lock('user');
    // The count lives beside the vault, shared with every other process on this computer.
    const dir = activeDir;
    const before = readUnlockAttempts(dir);
    const wait = retryAfterMs(before, now());
    if (wait > 0) {
      throw new AppError('rate_limited', `Too many wrong attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`, {
        retryAfterMs: wait,
      });
    }
    writeUnlockAttempts(dir, beginAttempt(before, now()));
    let vault: OpenVault;
    try {
      vault = await unlockVault({ dir, secret, kind });
    } catch (error) {
      const outcome = error instanceof AppError && error.code === 'wrong_secret' ? 'wrong' : 'undecided';
      writeUnlockAttempts(dir, settleAttempt(readUnlockAttempts(dir), outcome, now()));
      throw error;
    }
    writeUnlockAttempts(dir, settleAttempt(readUnlockAttempts(dir), 'right', now()));
    return becomeOpen(vault, kind === 'recovery');
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
    options,
    now,
    status,
    requireOpen,
    requireOutsideMeeting,
    meeting,
    contextOf,
    record,
    armIdleTimer,
    becomeOpen,
    unlockWith,
    lock,
    switchFolder(dir: string): void {
      activeDir = dir;
    },
  };
}

/** Creating, unlocking and locking the vault, and what a shell, a service or a worker reads from the open one. */
export function openAndLock(core: SessionCore) {
  const { options } = core;
  return {
    status: core.status,
    lock: core.lock,

    async create(input: { memberName: string; memberRole: StaffRole; passphrase: string }): Promise<{ recoveryKey: string }> {
      core.meeting.refuse();
      await requireAcceptable(input.passphrase, [input.memberName]);
      core.lock('user');
      core.switchFolder(options.dir);
      const { vault, recoveryKey } = await createVault({ dir: options.dir, passphrase: input.passphrase, kdfCost: options.kdfCost });
      const member = { slotId: vault.slot.id, name: input.memberName, role: input.memberRole, addedAt: new Date(core.now()).toISOString() };
      const signingKey = vault.signer.publicKey;
      systemWrite(vaultDb(vault.db), (tx) => addTeamMember(tx, member, signingKey));
      core.becomeOpen(vault, false);
      // The creator's key, in an event they sign: the first key every later one is checked against.
      core.record({ action: 'vault.created', detail: { signingKey } });
      return { recoveryKey };
    },

    unlock: (passphrase: string) => core.unlockWith(passphrase, 'passphrase'),
    unlockWithRecoveryKey: (recoveryKey: string) => core.unlockWith(recoveryKey, 'recovery'),

    /** Any sign of a person at the keyboard pushes the auto-lock back. */
    activity(): void {
      core.armIdleTimer();
    },

    /**
     * `audit verify` over the open vault: the database's events against the members' keys, the
     * signed `member_added` records and the slot file's keys (current and retired, the recovery key's among them).
     */
    verifyAudit(): AuditVerdict {
      const current = core.requireOutsideMeeting();
      const file = readKeySlotFile(current.vault.paths.keyslots);
      const slotKeys = slotSigningKeys(file);
      for (const retired of retiredSigningKeys(file)) slotKeys.set(retired.slotId, retired.publicKey);
      const recoverySlots = new Set([
        ...file.slots.filter((slot) => slot.kind === 'recovery').map((slot) => slot.id),
        ...file.retired.map((entry) => entry.id),
      ]);
      return verifyAuditChain(current.db, { slotKeys, recoverySlots });
    },

    /** The whole database, for tests and tools that read the unlocked vault directly; services get `context()`. */
    db(): VaultDb {
      return core.requireOpen().db;
    },

    /**
     * What every domain service receives: the database (to read; writes go through `change`), the
     * acting user and the clock. Refused while meeting mode is on, so no channel but the meeting's
     * own can read or change anything then.
     */
    context(): ServiceContext {
      return core.contextOf(core.requireOutsideMeeting());
    },

    /**
     * For a worker thread's own read-only connection: the database file and a copy of the data key.
     * The caller hands the copy on and wipes it; the session's key never leaves the session.
     */
    readerAccess(): { file: string; dataKey: Uint8Array } {
      const current = core.requireOutsideMeeting();
      return { file: current.vault.paths.database, dataKey: new Uint8Array(current.vault.dataKey) };
    },
  };
}
