/**
 * The audit trail: who did what, when, to which record, and which fields — names of fields only,
 * never the values of student data. Every event is one link of a hash chain (its hash covers every
 * column but the signature, the previous event's hash included) and is signed (Ed25519) by the key
 * slot that acted, with that signer's own sequence number. Anyone holding the data key can rewrite
 * rows and recompute hashes, but not sign as another member: `verifyAuditChain` names whose events
 * no longer verify, are missing (a gap, or fewer than the head beside the database records) or out
 * of order. Events from before signing keep their old hash chain and are reported as unsigned.
 */
import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, gt, isNull, lt, type SQL } from 'drizzle-orm';
import { auditEvents, settings, staff, vaultMembers } from '../../db/schema';
import type { AuditEvent, AuditMemberFinding, AuditVerdict } from '../contract';
import { recordedSignerSeqs } from '../vault/commit-head';
import type { OverConnection } from '../vault/database';
import { jsonColumns } from './json-columns';
import type { Queryable, VaultTx } from './vault-db';

/** The acting key slot's signing key (structurally vault/keyslots.ts's SlotSigner). */
export interface AuditSigner {
  slotId: string;
  privateKey: KeyObject;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
}

export interface AuditEntry {
  actorSlotId: string | null;
  /** Who signs: the slot that unlocked (the recovery key's slot when it was used); none from tools that hold no slot. */
  signer?: AuditSigner | null;
  action: string;
  subject?: string;
  detail?: Record<string, string | number | boolean | null>;
  entity?: string;
  entityId?: string;
  fields?: readonly string[];
}

type AuditRow = typeof auditEvents.$inferSelect;
const HEAD_KEY = 'auditHead';
const GENESIS = '0'.repeat(64);

/** The hash of an event from before signing (no prev_hash): its old, fixed list of fields. */
function legacyHash(previous: string, row: AuditRow): string {
  const content = [row.id, row.at, row.actorSlotId, row.action, row.subject, row.detail, row.entity, row.entityId, row.fields];
  return createHash('sha256').update(previous).update('\n').update(JSON.stringify(content)).digest('hex');
}

type AuditColumnKey = keyof typeof auditEvents.$inferSelect;
/**
 * What the hash covers: every column of the table but the hash and the signature, from the schema
 * itself, so a column added later is covered without anyone remembering to add it here.
 */
const COVERED: readonly { key: AuditColumnKey; name: string }[] = Object.entries(getTableColumns(auditEvents))
  .filter(([key]) => key !== 'hash' && key !== 'signature')
  .map(([key, column]) => ({ key: key as AuditColumnKey, name: column.name }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

/** Canonical: [column name, value] pairs in column-name order, as JSON (text, integers and nulls only). */
export function eventHash(row: Omit<AuditRow, 'hash' | 'signature'>): string {
  const pairs = COVERED.map(({ key, name }) => [name, (row as Record<string, unknown>)[key] ?? null]);
  return createHash('sha256').update('peerpath-audit-event-v2\n').update(JSON.stringify(pairs)).digest('hex');
}

function signedMessage(hash: string): Buffer {
  return Buffer.from(`peerpath-audit-signature-v1\n${hash}`, 'utf8');
}

/** Ed25519 public keys are stored raw (32 bytes, base64); node:crypto takes them as a JWK. */
function publicKeyOf(raw: string): KeyObject | null {
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw, 'base64').toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

function readHead(db: Queryable): { id: number; hash: string } {
  const row = db.select().from(settings).where(eq(settings.key, HEAD_KEY)).get();
  return row ? (JSON.parse(row.value) as { id: number; hash: string }) : { id: 0, hash: GENESIS };
}

function writeHead(db: VaultTx, head: { id: number; hash: string }): void {
  const value = JSON.stringify(head);
  db.insert(settings).values({ key: HEAD_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

function lastSignerSeq(db: Queryable, slotId: string): number {
  const row = db
    .select({ seq: auditEvents.signerSeq })
    .from(auditEvents)
    .where(eq(auditEvents.signer, slotId))
    .orderBy(desc(auditEvents.signerSeq))
    .limit(1)
    .get();
  return row?.seq ?? 0;
}

/** Appends one event to the chain, signed by `entry.signer`; call inside the transaction that made the change. */
export function recordAudit(db: VaultTx, entry: AuditEntry, at: Date = new Date()): void {
  db.transaction((tx) => {
    const head = readHead(tx);
    const signer = entry.signer ?? null;
    const values = {
      at: at.toISOString(),
      actorSlotId: entry.actorSlotId,
      action: entry.action,
      subject: entry.subject ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      entity: entry.entity ?? null,
      entityId: entry.entityId ?? null,
      fields: entry.fields ? JSON.stringify([...entry.fields]) : null,
      signer: signer?.slotId ?? null,
      signerSeq: signer ? lastSignerSeq(tx, signer.slotId) + 1 : null,
      prevHash: head.hash,
    };
    // The new id from the insert itself: RETURNING would collect it through a temporary table.
    const id = Number(tx.insert(auditEvents).values(values).run().lastInsertRowid);
    const hash = eventHash({ id, ...values });
    const signature = signer ? sign(null, signedMessage(hash), signer.privateKey).toString('base64') : null;
    tx.update(auditEvents).set({ hash, signature }).where(eq(auditEvents.id, id)).run();
    writeHead(tx, { id, hash });
  });
}

/** Chains events written before the chain existed (a vault from schema 1), oldest first, in the old format. */
export function sealUnchainedEvents(tx: VaultTx): number {
  const unsealed = tx.select().from(auditEvents).where(isNull(auditEvents.hash)).orderBy(asc(auditEvents.id)).all();
  if (unsealed.length === 0) return 0;
  let head = readHead(tx);
  for (const row of unsealed) {
    if (row.id <= head.id) continue;
    const hash = legacyHash(head.hash, row);
    tx.update(auditEvents).set({ hash }).where(eq(auditEvents.id, row.id)).run();
    head = { id: row.id, hash };
  }
  writeHead(tx, head);
  return unsealed.length;
}

/** Where verify finds public keys and names: member rows (kept after removal) and the slot file's keys. */
export interface VerifyOptions {
  /** Slot id → signing public key from the key-slot file (covers the recovery key's slot). */
  slotKeys?: ReadonlyMap<string, string>;
  /** Slot ids of recovery keys, current and replaced: named "the recovery key" (events naming no actor may be signed by any slot but a member's). */
  recoverySlots?: ReadonlySet<string>;
}

interface Finding {
  failed: number[];
  missing: number[];
  outOfOrder: number[];
  lastSeq: number;
}

/** Listing every missing number of a huge gap helps no one: the first ones say where to look. */
const MAX_LISTED = 50;

function addRange(list: number[], from: number, to: number): void {
  for (let n = from; n <= to && list.length < MAX_LISTED; n += 1) list.push(n);
}

export function verifyAuditChain(db: Queryable, options: VerifyOptions = {}): AuditVerdict {
  const members = db
    .select({ slotId: vaultMembers.slotId, name: vaultMembers.name, key: vaultMembers.signingKey })
    .from(vaultMembers)
    .all();
  const memberSlots = new Set(members.map((member) => member.slotId));
  // A key named in a verified `vault.member_added` (signed by the adder) outranks the member row, which anyone with the data key can edit.
  const addedKeys = new Map<string, string>();
  const parsed = new Map<string, KeyObject | null>();
  const keyOf = (slotId: string): KeyObject | null => {
    const raw = addedKeys.get(slotId) ?? members.find((member) => member.slotId === slotId)?.key ?? options.slotKeys?.get(slotId);
    if (!raw) return null;
    if (!parsed.has(raw)) parsed.set(raw, publicKeyOf(raw));
    return parsed.get(raw) ?? null;
  };
  const findings = new Map<string, Finding>();
  const findingOf = (slotId: string): Finding => {
    let finding = findings.get(slotId);
    if (!finding) {
      finding = { failed: [], missing: [], outOfOrder: [], lastSeq: 0 };
      findings.set(slotId, finding);
    }
    return finding;
  };

  let previous = GENESIS;
  let signedEra = false;
  let checked = 0;
  let unsigned = 0;
  let lastId = 0;
  let firstBrokenId: number | null = null;
  const pageSize = 5000;
  for (;;) {
    const page = db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(pageSize).all();
    for (const row of page) {
      if (row.prevHash === null && !signedEra) {
        // From before signing: only the old chain vouches for it.
        const expected = legacyHash(previous, row);
        if (row.hash !== expected && firstBrokenId === null) firstBrokenId = row.id;
        previous = row.hash ?? expected;
        unsigned += 1;
      } else {
        signedEra = true;
        const expected = eventHash(row);
        if ((row.prevHash !== previous || row.hash !== expected) && firstBrokenId === null) firstBrokenId = row.id;
        const holds = signatureHolds(row, expected, keyOf, memberSlots);
        // Named under everyone the event names: who it says acted and who it says signed (the vault itself when neither).
        if (!holds)
          for (const slotId of new Set([row.actorSlotId ?? row.signer ?? 'vault', row.signer ?? row.actorSlotId ?? 'vault']))
            findingOf(slotId).failed.push(row.id);
        const added = holds && row.action === 'vault.member_added' ? addedKey(row) : null;
        if (added) addedKeys.set(added.slotId, added.key);
        if (row.signer !== null && row.signerSeq !== null) {
          const finding = findingOf(row.signer);
          if (row.signerSeq > finding.lastSeq + 1) addRange(finding.missing, finding.lastSeq + 1, row.signerSeq - 1);
          if (row.signerSeq <= finding.lastSeq) finding.outOfOrder.push(row.id);
          finding.lastSeq = Math.max(finding.lastSeq, row.signerSeq);
        }
        previous = row.hash ?? expected;
      }
      lastId = row.id;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }
  // The newest events of each signer, as recorded beside the database at the last commit: a cut tail shows here.
  for (const [slotId, seq] of recordedSignerSeqs(db as unknown as OverConnection) ?? []) {
    const finding = findingOf(slotId);
    if (seq > finding.lastSeq) addRange(finding.missing, finding.lastSeq + 1, seq);
  }
  const head = readHead(db);
  const tailCut = head.id !== lastId || head.hash !== previous;
  const named = [...findings.entries()]
    .filter(([, finding]) => finding.failed.length + finding.missing.length + finding.outOfOrder.length > 0)
    .map(([slotId, finding]) => ({
      slotId,
      name: nameOf(db, slotId, options.recoverySlots),
      failed: finding.failed.slice(0, MAX_LISTED),
      missing: finding.missing,
      outOfOrder: finding.outOfOrder.slice(0, MAX_LISTED),
    }));
  const ok = firstBrokenId === null && !tailCut && named.length === 0;
  return {
    ok,
    checked,
    firstBrokenId,
    unsigned,
    members: named,
    message: verdictMessage({ ok, checked, firstBrokenId, tailCut, unsigned, named }),
  };
}

function signatureHolds(
  row: AuditRow,
  expectedHash: string,
  keyOf: (slotId: string) => KeyObject | null,
  memberSlots: ReadonlySet<string>,
): boolean {
  if (row.signer === null || row.signature === null) return false;
  // An event says who acted; only that member's key may sign it. One naming no actor is the recovery key's, never a member's.
  if (row.actorSlotId !== null ? row.signer !== row.actorSlotId : memberSlots.has(row.signer)) return false;
  const key = keyOf(row.signer);
  return key !== null && verify(null, signedMessage(expectedHash), key, Buffer.from(row.signature, 'base64'));
}

function addedKey(row: AuditRow): { slotId: string; key: string } | null {
  if (!row.subject || !row.detail) return null;
  const key = (JSON.parse(row.detail) as { signingKey?: unknown }).signingKey;
  return typeof key === 'string' ? { slotId: row.subject, key } : null;
}

function nameOf(db: Queryable, slotId: string, recoverySlots: ReadonlySet<string> | undefined): string {
  const member = db.select({ name: vaultMembers.name }).from(vaultMembers).where(eq(vaultMembers.slotId, slotId)).get();
  if (member) return member.name;
  if (recoverySlots?.has(slotId)) return 'the recovery key';
  return slotId === 'vault' ? 'Peerpath itself (no key slot)' : 'an unknown key slot';
}

function numbers(list: readonly number[]): string {
  return list.length >= MAX_LISTED ? `${list.join(', ')} …` : list.join(', ');
}

/** One line per member named, in plain words: what of theirs no longer holds. */
function findingLine(finding: AuditMemberFinding): string {
  const parts: string[] = [];
  if (finding.failed.length)
    parts.push(
      `events ${numbers(finding.failed)} that name them do not verify (changed after they were written, or signed by someone else)`,
    );
  if (finding.missing.length) parts.push(`their events number ${numbers(finding.missing)} are missing (deleted)`);
  if (finding.outOfOrder.length)
    parts.push(`events ${numbers(finding.outOfOrder)} are out of order (moved or put back from an older copy)`);
  return `${finding.name}: ${parts.join('; ')}.`;
}

function verdictMessage(verdict: {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  tailCut: boolean;
  unsigned: number;
  named: AuditMemberFinding[];
}): string {
  const before = verdict.unsigned
    ? ` ${verdict.unsigned} of them are unsigned (from before Peerpath signed events) and checked by their hash chain only.`
    : '';
  if (verdict.ok) return `The audit trail is intact (${verdict.checked} events).${before}`;
  const lines = [
    verdict.firstBrokenId !== null
      ? `The audit trail was changed: event ${verdict.firstBrokenId} (or one just before it) was edited or deleted.`
      : verdict.tailCut
        ? 'The audit trail was changed: its newest events were deleted.'
        : 'The audit trail was changed.',
    ...verdict.named.map(findingLine),
  ];
  return lines.join('\n');
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  action?: string;
  limit: number;
  beforeId?: number;
}

export function listAudit(db: Queryable, filter: AuditFilter): AuditRow[] {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditEvents.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.beforeId !== undefined) conditions.push(lt(auditEvents.id, filter.beforeId));
  return db
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit)
    .all();
}

/**
 * Who acted, by name, for a listing: the staff record of the key slot, looked up once per slot;
 * "former team member" once the slot's staff record is gone, null for the recovery key.
 */
export function actorNames(db: Queryable): (slotId: string | null) => string | null {
  const names = new Map<string, string>();
  return (slotId) => {
    if (!slotId) return null;
    let name = names.get(slotId);
    if (name === undefined) {
      name = db.select({ name: staff.name }).from(staff).where(eq(staff.slotId, slotId)).get()?.name ?? 'former team member';
      names.set(slotId, name);
    }
    return name;
  };
}

/** `audit.list`: events newest first, with who acted and which fields changed (never their values). */
export function listAuditEvents(db: Queryable, filter: AuditFilter): AuditEvent[] {
  const actorName = actorNames(db);
  return listAudit(db, filter).map((row) => ({
    id: row.id,
    at: row.at,
    actorName: actorName(row.actorSlotId),
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    fields: jsonColumns.auditEvents.fields.read(row.fields),
  }));
}
