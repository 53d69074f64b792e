import { z } from 'zod';

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
});
export type Member = z.infer<typeof Member>;

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
const RecoveryKeyResult = z.object({ recoveryKey: z.string() });

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
  'vault.activity': { input: Empty, output: z.object({}) },
  'vault.leaveDemo': { input: Empty, output: VaultStatus },
} as const;
