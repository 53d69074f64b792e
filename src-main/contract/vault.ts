import { z } from 'zod';
import { Id } from './common';
import { COMMAND_LINE_ONLY, LocalPath } from './files';

/** Passphrases are never trimmed or normalised beyond NFC: what the user typed is the secret. */
export const Passphrase = z.string().min(1, 'Enter a passphrase.').max(1024);
export const MemberName = z.string().trim().min(1, 'Enter a name.').max(120);
export const STAFF_ROLES = [
  'case_manager',
  'special_education_teacher',
  'general_education_teacher',
  'paraprofessional',
  'counselor',
  'administrator',
  'it_staff',
] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;
export const SlotId = z.string().regex(/^[a-z0-9-]{8,64}$/, 'Not a key slot id.');
export const RecoveryKeyText = z.string().min(16).max(200);

export const Member = z.object({
  slotId: SlotId,
  name: z.string(),
  role: StaffRole,
  addedAt: z.string(),
  /** Their newest unlock with their own passphrase (the `vault.unlocked` audit event for their slot); null if never. */
  lastUnlockAt: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

/**
 * A backup this vault wrote, still on disk. `preRotation`: taken at or before the newest data-key
 * rotation, so it still opens with the passphrases (and recovery key) of its day — removed members' too.
 */
export const RecordedBackup = z.object({
  id: z.string(),
  path: z.string(),
  madeAt: z.string(),
  bytes: z.number().int(),
  preRotation: z.boolean(),
});
export type RecordedBackup = z.infer<typeof RecordedBackup>;

/**
 * A key slot and the member row that names it should come and go together; after a crash they may
 * not. `slot_without_member`: a passphrase that opens the vault but that no one is listed for.
 * `member_without_slot`: a member whose passphrase was never written (or already removed), who cannot
 * unlock. Either is removed with `vault.removeMember` and its slot id.
 */
export const AccessProblem = z.object({
  slotId: SlotId,
  problem: z.enum(['slot_without_member', 'member_without_slot']),
  name: z.string().optional(),
});
export type AccessProblem = z.infer<typeof AccessProblem>;

export const VaultStatus = z.object({
  state: z.enum(['absent', 'locked', 'unlocked']),
  /** Who unlocked it; the audit trail names this member. */
  member: Member.nullable(),
  /** Unlocked with the recovery key: the app asks for a new passphrase before anything else. */
  viaRecoveryKey: z.boolean(),
  isDemo: z.boolean(),
  autoLockMinutes: z.number().int(),
  /** Wait this long before the next unlock attempt is accepted. */
  retryAfterMs: z.number().int().nonnegative(),
  /** Unlocked only, and only when there is one: key slots and member rows that do not match. */
  accessProblems: z.array(AccessProblem).optional(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const PassphraseAssessment = z.object({
  acceptable: z.boolean(),
  /** 0 (guessable in seconds) to 4 (very strong), as zxcvbn scores it. */
  score: z.number().int().min(0).max(4),
  problems: z.array(z.string()),
  hint: z.string(),
});
export type PassphraseAssessment = z.infer<typeof PassphraseAssessment>;

const Empty = z.object({}).strict();
const RecoveryKeyResult = z.object({
  recoveryKey: z.string(),
  /** Set when the key was replaced but the data key could not be rotated after it (and what to do). */
  notice: z.string().optional(),
});

export const VaultCheck = z.object({
  schemaVersion: z.number().int(),
  integrityOk: z.boolean(),
  members: z.number().int(),
  /** Only when there is one: key slots and member rows that do not match (see `AccessProblem`). */
  accessProblems: z.array(AccessProblem).optional(),
});
export type VaultCheck = z.infer<typeof VaultCheck>;

/** The limits of `peerpath demo seed`'s options (the generator's own, services/demo/model.ts). */
export const DemoSeedOptions = {
  students: z.number().int().min(1).max(50_000).optional(),
  mentors: z.number().int().min(0).max(20_000).optional(),
  weeks: z.number().int().min(1).max(52).optional(),
  seed: z.number().int().min(0).max(0xffff_ffff).optional(),
};

const Count = z.number().int().nonnegative();
export const DemoSeeded = z.object({
  folder: z.string(),
  passphrase: z.string(),
  weeks: z.number().int(),
  counts: z.object({
    students: Count,
    plans: Count,
    goals: Count,
    mentors: Count,
    assignments: Count,
    sessions: Count,
    checkIns: Count,
    progressPoints: Count,
    observations: Count,
  }),
});
export type DemoSeeded = z.infer<typeof DemoSeeded>;

export const vault = {
  'vault.status': { input: Empty, output: VaultStatus },
  'vault.assessPassphrase': {
    input: z.object({ passphrase: z.string().max(1024), context: z.array(z.string().max(200)).max(10).optional() }).strict(),
    output: PassphraseAssessment,
  },
  'vault.create': {
    input: z.object({ memberName: MemberName, memberRole: StaffRole, passphrase: Passphrase }).strict(),
    output: RecoveryKeyResult,
  },
  'vault.createDemo': { input: Empty, output: z.object({ passphrase: z.string() }) },
  'vault.unlock': { input: z.object({ passphrase: Passphrase }).strict(), output: VaultStatus },
  'vault.unlockWithRecoveryKey': { input: z.object({ recoveryKey: RecoveryKeyText }).strict(), output: VaultStatus },
  'vault.lock': { input: Empty, output: VaultStatus },
  'vault.changePassphrase': {
    input: z.object({ currentPassphrase: Passphrase, newPassphrase: Passphrase }).strict(),
    output: z.object({}),
  },
  'vault.setPassphraseAfterRecovery': {
    input: z.object({ slotId: SlotId, newPassphrase: Passphrase }).strict(),
    output: VaultStatus,
  },
  'vault.members': { input: Empty, output: z.array(Member) },
  'vault.addMember': {
    input: z.object({ name: MemberName, role: StaffRole, passphrase: Passphrase }).strict(),
    output: Member,
  },
  'vault.removeMember': { input: z.object({ slotId: SlotId }).strict(), output: z.object({}) },
  'vault.newRecoveryKey': { input: Empty, output: RecoveryKeyResult },
  /** Re-encrypts the vault under a new data key; backups made before still open with the secrets of then. */
  'vault.rotateKey': { input: Empty, output: z.object({ epoch: z.number().int().positive() }) },
  'vault.activity': { input: Empty, output: z.object({}) },
  'vault.leaveDemo': { input: Empty, output: VaultStatus },
  /** A full integrity check of the unlocked vault (reads every page), with its schema and members. */
  'vault.check': { input: Empty, output: VaultCheck },
  /** Command line only: an encrypted one-file backup, written new (never over a file) where it says. */
  'vault.backup': { input: z.object({ file: LocalPath }).strict(), output: z.object({ bytes: z.number().int() }), ...COMMAND_LINE_ONLY },
  /** The backups this vault wrote that are still on disk, newest first, each marked if made before the newest key rotation. */
  'vault.backups': { input: Empty, output: z.array(RecordedBackup) },
  /** Deletes one recorded backup's file, by its recorded id (never a path); audited. */
  'vault.deleteBackup': { input: z.object({ id: Id }).strict(), output: z.object({}) },
  /**
   * Command line only: a backup restored into a folder that holds no vault (never the vault in use),
   * opened with a secret of the backup's own key slots, integrity-checked, and closed again.
   */
  'vault.restore': {
    input: z.object({ file: LocalPath, into: LocalPath, secret: Passphrase, kind: z.enum(['passphrase', 'recovery']) }).strict(),
    output: z.object({}),
    ...COMMAND_LINE_ONLY,
  },
  /**
   * Command line only: a new vault of synthetic demo data. Without `into`, the app's own demo vault,
   * replaced as "Try with demo data" does; with it, a folder that is empty or not there yet.
   */
  'vault.seedDemo': {
    input: z.object({ into: LocalPath.optional(), ...DemoSeedOptions }).strict(),
    output: DemoSeeded,
    ...COMMAND_LINE_ONLY,
  },
} as const;
