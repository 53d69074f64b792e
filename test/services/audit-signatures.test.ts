/**
 * An audit trail that names its forger. The forger is a team member: they hold the data key (so can
 * rewrite any row, recompute every hash, the chain head in the database and the MAC'd head file)
 * and their own signing key, never another member's. Each forgery is made on Bailey's events by
 * Casey; `audit verify` must name Bailey and say what happened to her events.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { join } from 'node:path';
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { type AuditSigner, eventHash, recordAudit, verifyAuditChain } from '../../src-main/services/audit';
import { change, type ServiceContext, systemWrite } from '../../src-main/services/context';
import { addTeamMember } from '../../src-main/services/session/team';
import { vaultDb } from '../../src-main/services/vault-db';
import { closeVault, createVault } from '../../src-main/vault/vault';
import { unlockedApp } from '../fixtures/unlocked-app';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

function signerFor(slotId: string): AuditSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { slotId, privateKey, publicKey: Buffer.from(x, 'base64url').toString('base64') };
}

const BAILEY = 'bbbbbbbb-0000-4000-8000-000000000001';
const CASEY = 'cccccccc-0000-4000-8000-000000000002';

type Row = typeof auditEvents.$inferSelect;

/** A vault with two more members who each signed a few events, interleaved: B1 C1 B2 C2 B3 B4. */
async function teamWithHistory() {
  const app = await unlockedApp();
  const db = app.session.db();
  const bailey = signerFor(BAILEY);
  const casey = signerFor(CASEY);
  systemWrite(db, (tx) => {
    addTeamMember(
      tx,
      { slotId: BAILEY, name: 'Bailey Reed', role: 'special_education_teacher', addedAt: '2026-09-01T00:00:00Z' },
      bailey.publicKey,
    );
    addTeamMember(tx, { slotId: CASEY, name: 'Casey Lund', role: 'paraprofessional', addedAt: '2026-09-01T00:00:00Z' }, casey.publicKey);
  });
  const as = (signer: AuditSigner): ServiceContext => ({
    db,
    actor: { slotId: signer.slotId, staffId: null, signer },
    reach: 'all',
    now: () => new Date('2026-10-01T15:00:00Z'),
  });
  const write = (signer: AuditSigner, action: string) =>
    change(as(signer), () => ({ result: null, record: { action, entity: 'student', entityId: 'st-1', fields: ['grade'] } }));
  write(bailey, 'student.updated');
  write(casey, 'session.logged');
  write(bailey, 'student.archived');
  write(casey, 'session.logged');
  write(bailey, 'student.restored');
  write(bailey, 'report.exported');
  const raw = db.$client;
  const rows = () => raw.prepare('SELECT * FROM audit_events ORDER BY id').all() as Record<string, unknown>[];
  const byBailey = () => rows().filter((row) => row.signer === BAILEY);
  return { app, db, raw, casey, rows, byBailey, verify: () => verifyAuditChain(db) };
}

type Team = Awaited<ReturnType<typeof teamWithHistory>>;

function toRow(record: Record<string, unknown>): Row {
  const columns = getTableColumns(auditEvents);
  return Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, record[column.name] ?? null])) as Row;
}

/**
 * What a forger with the data key does after changing rows: re-links every event to the one before
 * it, recomputes every hash, re-signs their own events with their own key, and writes the chain
 * head in the database — so the chain itself is whole again.
 */
function rechain(team: Team, forger: { slotId: string; privateKey: KeyObject } = team.casey): void {
  let previous = '0'.repeat(64);
  for (const record of team.rows()) {
    if (record.prev_hash === null) {
      previous = record.hash as string;
      continue;
    }
    const row = { ...toRow(record), prevHash: previous };
    const hash = eventHash(row);
    const signature =
      row.signer === forger.slotId
        ? sign(null, Buffer.from(`peerpath-audit-signature-v1\n${hash}`), forger.privateKey).toString('base64')
        : row.signature;
    team.raw.prepare('UPDATE audit_events SET prev_hash = ?, hash = ?, signature = ? WHERE id = ?').run(previous, hash, signature, row.id);
    previous = hash;
  }
  const last = team.rows().at(-1);
  team.raw.prepare("UPDATE settings SET value = ? WHERE key = 'auditHead'").run(JSON.stringify({ id: last?.id, hash: last?.hash }));
}

function findingFor(verdict: ReturnType<typeof verifyAuditChain>, slotId: string) {
  return verdict.members.find((member) => member.slotId === slotId);
}

describe('audit verify names the member whose events were forged', () => {
  it('finds nothing wrong with the members’ own signed events', async () => {
    const team = await teamWithHistory();
    const verdict = team.verify();
    expect(findingFor(verdict, BAILEY)).toBeUndefined();
    expect(findingFor(verdict, CASEY)).toBeUndefined();
    expect(team.byBailey().map((row) => row.signer_seq)).toEqual([1, 2, 3, 4]);
  });

  it('an edited action, chain recomputed: that event fails Bailey’s signature', async () => {
    const team = await teamWithHistory();
    const target = team.byBailey()[1]?.id as number;
    team.raw.prepare("UPDATE audit_events SET action = 'student.viewed' WHERE id = ?").run(target);
    rechain(team);
    const verdict = team.verify();
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBrokenId).toBeNull();
    expect(findingFor(verdict, BAILEY)).toMatchObject({ name: 'Bailey Reed', missing: [], outOfOrder: [] });
    expect(findingFor(verdict, BAILEY)?.failed).toContain(target);
    expect(verdict.message).toContain('Bailey Reed: events');
  });

  it('an erased actor, chain recomputed: named as Bailey’s', async () => {
    const team = await teamWithHistory();
    const target = team.byBailey()[0]?.id as number;
    team.raw.prepare('UPDATE audit_events SET actor_slot_id = NULL WHERE id = ?').run(target);
    rechain(team);
    expect(findingFor(team.verify(), BAILEY)?.failed).toContain(target);
  });

  it('an erased actor and signer: Bailey’s number is missing', async () => {
    const team = await teamWithHistory();
    const target = team.byBailey()[1]?.id as number;
    team.raw
      .prepare('UPDATE audit_events SET actor_slot_id = NULL, signer = NULL, signer_seq = NULL, signature = NULL WHERE id = ?')
      .run(target);
    rechain(team);
    const verdict = team.verify();
    expect(findingFor(verdict, BAILEY)?.missing).toEqual([2]);
    expect(verdict.ok).toBe(false);
  });

  it('a deleted event, chain recomputed: Bailey’s number 2 is missing', async () => {
    const team = await teamWithHistory();
    team.raw.prepare('DELETE FROM audit_events WHERE id = ?').run(team.byBailey()[1]?.id);
    rechain(team);
    const verdict = team.verify();
    expect(verdict.firstBrokenId).toBeNull();
    expect(findingFor(verdict, BAILEY)?.missing).toEqual([2]);
    expect(verdict.message).toMatch(/Bailey Reed: .*their events number 2 are missing/);
  });

  it('a truncated tail, chain head rewritten: Bailey’s newest numbers are missing (from the head beside the database)', async () => {
    const team = await teamWithHistory();
    team.raw.prepare('DELETE FROM audit_events WHERE id >= ?').run(team.byBailey()[2]?.id);
    rechain(team);
    const verdict = team.verify();
    expect(findingFor(verdict, BAILEY)?.missing).toEqual([3, 4]);
    expect(findingFor(verdict, CASEY)).toBeUndefined();
  });

  it('a chain recomputed after moving an event: out of order', async () => {
    const team = await teamWithHistory();
    const [first] = team.byBailey();
    team.raw.prepare('UPDATE audit_events SET id = 100000 WHERE id = ?').run(first?.id);
    rechain(team);
    const finding = findingFor(team.verify(), BAILEY);
    expect(finding?.outOfOrder).toEqual([100000]);
  });

  it('an event re-signed by the forger as someone else: named as Bailey’s, not signed by her', async () => {
    const team = await teamWithHistory();
    const target = team.byBailey()[3]?.id as number;
    team.raw.prepare("UPDATE audit_events SET action = 'student.viewed', signer = ?, signer_seq = 3 WHERE id = ?").run(CASEY, target);
    rechain(team);
    const verdict = team.verify();
    expect(findingFor(verdict, BAILEY)?.failed).toEqual([target]);
    expect(findingFor(verdict, BAILEY)?.missing).toEqual([4]);
    // Listed under the forger too: the event names her as its signer.
    expect(findingFor(verdict, CASEY)?.failed).toEqual([target]);
  });
});

/** The chain as Peerpath wrote it before signing: no prev_hash, a hash over a fixed list of fields. */
function makeLegacy(raw: Team['raw'], upTo: number): void {
  let previous = '0'.repeat(64);
  const rows = raw.prepare('SELECT * FROM audit_events WHERE id <= ? ORDER BY id').all(upTo) as Record<string, unknown>[];
  for (const row of rows) {
    const content = [row.id, row.at, row.actor_slot_id, row.action, row.subject, row.detail, row.entity, row.entity_id, row.fields];
    const hash = createHash('sha256').update(previous).update('\n').update(JSON.stringify(content)).digest('hex');
    raw
      .prepare('UPDATE audit_events SET signer = NULL, signer_seq = NULL, prev_hash = NULL, signature = NULL, hash = ? WHERE id = ?')
      .run(hash, row.id);
    previous = hash;
  }
  raw.prepare("UPDATE settings SET value = ? WHERE key = 'auditHead'").run(JSON.stringify({ id: rows.at(-1)?.id, hash: previous }));
}

describe('events from before signing', () => {
  it('verify by their old hash chain and are reported as unsigned; signed events follow on', async () => {
    // A vault as the keyed functions make it, with no session: nothing signed, no head tracked.
    const { vault } = await createVault({ dir: join(tempDir(), 'vault'), passphrase: PASSPHRASE, kdfCost: TEST_KDF });
    const db = vaultDb(vault.db);
    const member = { slotId: vault.slot.id, name: 'Avery Quill', role: 'case_manager' as const, addedAt: '2026-09-01T00:00:00Z' };
    systemWrite(db, (tx) => {
      addTeamMember(tx, member, vault.signer.publicKey);
      for (const action of ['vault.created', 'vault.unlocked', 'student.created']) recordAudit(tx, { actorSlotId: vault.slot.id, action });
    });
    makeLegacy(vault.db, 3);
    systemWrite(db, (tx) => recordAudit(tx, { actorSlotId: vault.slot.id, signer: vault.signer, action: 'student.updated' }));
    const verdict = verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: true, unsigned: 3, members: [], checked: 4 });
    expect(verdict.message).toBe(
      'The audit trail is intact (4 events). 3 of them are unsigned (from before Peerpath signed events) and checked by their hash chain only.',
    );
    // Editing an old one still breaks its chain.
    vault.db.prepare("UPDATE audit_events SET action = 'vault.nothing' WHERE id = 2").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 2 });
    closeVault(vault);
  });

  it('a signed event passed off as one from before signing fails', async () => {
    const team = await teamWithHistory();
    const target = team.byBailey()[3]?.id as number;
    // Casey rewrites Bailey's last event in the old format and recomputes its old-style hash.
    team.raw
      .prepare('UPDATE audit_events SET signer = NULL, signer_seq = NULL, prev_hash = NULL, signature = NULL WHERE id = ?')
      .run(target);
    const verdict = team.verify();
    expect(verdict.ok).toBe(false);
    expect(verdict.unsigned).toBe(0);
    expect(findingFor(verdict, BAILEY)?.failed).toEqual([target]);
  });
});

describe('the hash covers every column', () => {
  const covered = Object.entries(getTableColumns(auditEvents)).filter(([key]) => key !== 'hash' && key !== 'signature');

  it.each(covered.map(([key, column]) => [column.name, key]))(
    'changing %s (its own hash recomputed) fails Bailey’s signature',
    async (name) => {
      const team = await teamWithHistory();
      const target = team.byBailey()[1] as Record<string, unknown>;
      const value = target[name];
      const changed = typeof value === 'number' ? value + 100000 : value === null ? 'forged' : `${String(value)}x`;
      team.raw.prepare(`UPDATE audit_events SET ${name} = ? WHERE id = ?`).run(changed, target.id);
      const id = name === 'id' ? changed : target.id;
      const record = team.raw.prepare('SELECT * FROM audit_events WHERE id = ?').get(id) as Record<string, unknown>;
      team.raw.prepare('UPDATE audit_events SET hash = ? WHERE id = ?').run(eventHash(toRow(record)), id);
      const verdict = team.verify();
      expect(verdict.ok).toBe(false);
      expect(findingFor(verdict, BAILEY)?.failed).toContain(id);
    },
  );

  it('covers every column but hash and signature', () => {
    expect(covered.map(([, column]) => column.name).sort()).toEqual(
      [
        'action',
        'actor_slot_id',
        'at',
        'detail',
        'entity',
        'entity_id',
        'fields',
        'id',
        'prev_hash',
        'signer',
        'signer_seq',
        'subject',
      ].sort(),
    );
  });
});
