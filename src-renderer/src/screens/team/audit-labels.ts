/**
 * Audit events in words. The service records actions as codes ("mentor.consent_withdrawn"); the
 * ones Peerpath writes today are listed so each has a readable name and can be filtered on. An
 * action not listed (from a newer version) still shows, as its code.
 */
import { useTranslation } from 'react-i18next';

export const RECORD_KINDS = ['student', 'plan', 'goal', 'accommodation', 'mentor', 'assignment', 'staff', 'roster', 'vault'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const AUDIT_ACTIONS = [
  'student.created',
  'student.updated',
  'student.archived',
  'student.restored',
  'student.marked_no_longer_needed',
  'student.unmarked_no_longer_needed',
  'student.purged',
  'student.deidentified',
  'plan.created',
  'plan.updated',
  'plan.activated',
  'plan.amended',
  'plan.ended',
  'goal.created',
  'goal.updated',
  'goal.deleted',
  'goal.links_set',
  'accommodation.created',
  'accommodation.updated',
  'accommodation.deleted',
  'accommodation.links_set',
  'mentor.created',
  'mentor.updated',
  'mentor.archived',
  'mentor.consent_withdrawn',
  'mentor.time_off_added',
  'mentor.recognition_added',
  'assignment.created',
  'assignment.ended',
  'staff.created',
  'staff.updated',
  'staff.archived',
  'roster.imported',
  'export.json',
  'import.json',
  'vault.created',
  'vault.unlocked',
  'vault.unlocked_with_recovery_key',
  'vault.member_added',
  'vault.member_removed',
  'vault.passphrase_changed',
  'vault.passphrase_reset_with_recovery_key',
  'vault.recovery_key_replaced',
  'vault.backup_written',
  'settings.updated',
  'demo.seeded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const isKnownAction = (action: string): action is AuditAction => AUDIT_ACTIONS.some((known) => known === action);
const isKnownKind = (kind: string): kind is RecordKind => RECORD_KINDS.some((known) => known === kind);

/**
 * The record kind an action is filed under. Exports, imports and the demo seed are filed under the
 * vault; the vault's own events (passphrases, members, settings) carry no record kind at all.
 */
function kindOfAction(action: AuditAction): RecordKind | null {
  if (action === 'export.json' || action === 'import.json' || action === 'demo.seeded') return 'vault';
  const prefix = action.slice(0, action.indexOf('.'));
  return prefix === 'vault' || prefix === 'settings' ? null : (RECORD_KINDS.find((kind) => kind === prefix) ?? null);
}

/** The actions the action filter offers once a record kind is chosen (all of them for any kind). */
export function actionsOfKind(kind: RecordKind | null): readonly AuditAction[] {
  return kind === null ? AUDIT_ACTIONS : AUDIT_ACTIONS.filter((action) => kindOfAction(action) === kind);
}

/** "check_in.created" → "Check in created": an action this version has no words for still reads as words. */
function readableCode(code: string): string {
  const words = code.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (action: string) => (isKnownAction(action) ? t(`audit.actions.${action}`) : readableCode(action)),
    kind: (kind: string | null) => (kind === null ? '—' : isKnownKind(kind) ? t(`audit.kinds.${kind}`) : kind),
  };
}
