/** Staff records and the audit trail of who changed what. */
import { z } from 'zod';
import { Id, PersonName, ShortText } from './common';
import { StaffRole } from './vault';

export const StaffInput = z.object({
  name: PersonName,
  role: StaffRole,
  email: z.string().trim().email().max(200).optional(),
  localId: ShortText.optional(),
});
export const StaffMember = StaffInput.extend({
  id: Id,
  email: z.string().nullable(),
  localId: z.string().nullable(),
  /** Holds a key slot: can unlock the vault. */
  hasVaultAccess: z.boolean(),
  archived: z.boolean(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  fields: z.array(z.string()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** What `audit verify` found wrong with one member's events (or the recovery key's); only members with a finding are listed. */
export const AuditMemberFinding = z.object({
  /** The key slot the events claim to come from. */
  slotId: z.string(),
  /** The member's name, "the recovery key", or "an unknown key slot". */
  name: z.string(),
  /** Ids of events naming this member (as actor or signer) whose signature does not verify: edited, re-signed by someone else, or unsigned. */
  failed: z.array(z.number().int()),
  /** This member's sequence numbers that are not in the trail: their events were deleted (the newest ones, when the tail was cut). */
  missing: z.array(z.number().int()),
  /** Ids of this member's events whose sequence number steps back: moved, or replayed from an older copy. */
  outOfOrder: z.array(z.number().int()),
});
export type AuditMemberFinding = z.infer<typeof AuditMemberFinding>;

export const AuditVerdict = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first event whose hash does not follow from the one before (edited, or one before it deleted). */
  firstBrokenId: z.number().int().nullable(),
  /** Events from before events were signed: checked by their hash chain only. */
  unsigned: z.number().int(),
  members: z.array(AuditMemberFinding),
  /** One plain sentence, then one per member named. */
  message: z.string(),
});
export type AuditVerdict = z.infer<typeof AuditVerdict>;

export const staff = {
  'staff.list': { input: z.object({ includeArchived: z.boolean().default(false) }).strict(), output: z.array(StaffMember) },
  'staff.create': { input: StaffInput.strict(), output: StaffMember },
  /** `null` clears the email or staff id. */
  'staff.update': {
    input: z
      .object({
        id: Id,
        changes: StaffInput.extend({
          email: StaffInput.shape.email.unwrap().nullable(),
          localId: StaffInput.shape.localId.unwrap().nullable(),
        })
          .partial()
          .strict(),
      })
      .strict(),
    output: StaffMember,
  },
  'staff.archive': { input: z.object({ id: Id }).strict(), output: StaffMember },
  'staff.restore': { input: z.object({ id: Id }).strict(), output: StaffMember },
  'audit.list': {
    input: z
      .object({
        entity: z.string().max(40).optional(),
        entityId: Id.optional(),
        action: z.string().max(80).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        beforeId: z.number().int().optional(),
      })
      .strict(),
    output: z.array(AuditEvent),
  },
  'audit.verify': { input: z.object({}).strict(), output: AuditVerdict },
} as const;
