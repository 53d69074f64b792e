/**
 * The signer reaches every event through the session: each member's unlock signs with their slot's
 * key, the recovery key with its own, and `audit verify` over a team's ordinary work is intact with
 * nothing unsigned. A member who swaps another's key in the member row to sign in their name is
 * caught by the adder's signed record, and the real member's next unlock puts their key back.
 */
import { sign } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { eventHash, listAudit } from '../../src-main/services/audit';
import { closeVault, unlockVault } from '../../src-main/vault/vault';
import { studentInput } from '../fixtures/program-input';
import { OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const CASEY_PASSPHRASE = 'quartz willow falcon ember';

type App = ReturnType<typeof createPeerpath>;

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

async function unlockAs(dir: string, passphrase: string): Promise<App> {
  const app = createPeerpath({ dir, kdfCost: TEST_KDF });
  await ok(app.dispatch('vault.unlock', { passphrase }));
  return app;
}

/** Avery creates the vault and adds Bailey and Casey; Bailey then edits a student. */
async function team() {
  const dir = join(tempDir(), 'vault');
  const avery = createPeerpath({ dir, kdfCost: TEST_KDF });
  const { recoveryKey } = await ok<{ recoveryKey: string }>(
    avery.dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE }),
  );
  const bailey = await ok<{ slotId: string }>(
    avery.dispatch('vault.addMember', { name: 'Bailey Reed', role: 'special_education_teacher', passphrase: OTHER_PASSPHRASE }),
  );
  const casey = await ok<{ slotId: string }>(
    avery.dispatch('vault.addMember', { name: 'Casey Lund', role: 'paraprofessional', passphrase: CASEY_PASSPHRASE }),
  );
  const student = await ok<{ id: string }>(avery.dispatch('students.create', studentInput()));
  avery.session.lock('user');
  const asBailey = await unlockAs(dir, OTHER_PASSPHRASE);
  await ok(asBailey.dispatch('students.update', { id: student.id, changes: { grade: 9 } }));
  asBailey.session.lock('user');
  return { dir, recoveryKey, baileySlot: bailey.slotId, caseySlot: casey.slotId, studentId: student.id };
}

describe('every event is signed by the member who acted', () => {
  it('a team’s ordinary work verifies intact, nothing unsigned, each event signed by its actor', async () => {
    const { dir, recoveryKey } = await team();
    const app = createPeerpath({ dir, kdfCost: TEST_KDF });
    await ok(app.dispatch('vault.unlockWithRecoveryKey', { recoveryKey }));
    // The recovery key reads no student records; adding a member is its own kind of work.
    await ok(app.dispatch('vault.addMember', { name: 'Dana Vell', role: 'counselor', passphrase: 'harbor lantern meadow quartz' }));
    const verdict = await ok<{ ok: boolean; unsigned: number; members: unknown[] }>(app.dispatch('audit.verify', {}));
    expect(verdict).toMatchObject({ ok: true, unsigned: 0, members: [] });
    const events = app.session.db().$client.prepare('SELECT actor_slot_id, signer, signature FROM audit_events').all() as {
      actor_slot_id: string | null;
      signer: string | null;
      signature: string | null;
    }[];
    for (const event of events) {
      expect(event.signature).not.toBeNull();
      if (event.actor_slot_id !== null) expect(event.signer).toBe(event.actor_slot_id);
    }
    // The recovery key's events name no actor and are signed by its own slot.
    expect(events.filter((event) => event.actor_slot_id === null).length).toBeGreaterThan(0);
    app.session.lock('user');
  });

  it('each member’s key is in their row and in the signed vault.member_added event', async () => {
    const app = createPeerpath({ dir: join(tempDir(), 'vault'), kdfCost: TEST_KDF });
    await ok(app.dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE }));
    const { slotId: baileySlot } = await ok<{ slotId: string }>(
      app.dispatch('vault.addMember', { name: 'Bailey Reed', role: 'special_education_teacher', passphrase: OTHER_PASSPHRASE }),
    );
    // Before Bailey ever unlocks: written when she was added.
    const raw = app.session.db().$client;
    const row = raw.prepare('SELECT signing_key FROM vault_members WHERE slot_id = ?').get(baileySlot) as { signing_key: string };
    expect(row.signing_key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const [added] = listAudit(app.session.db(), { action: 'vault.member_added', entityId: baileySlot, limit: 1 });
    expect(JSON.parse(added?.detail ?? '{}')).toMatchObject({ signingKey: row.signing_key });
    app.session.lock('user');
  });
});

describe('after removal and rotation', () => {
  it('a removed member’s past events still verify and name them; the rotated vault’s head is still checked', async () => {
    const { dir, caseySlot } = await team();
    const casey = await unlockAs(dir, CASEY_PASSPHRASE);
    casey.session.lock('user');
    const avery = await unlockAs(dir, PASSPHRASE);
    await ok(avery.dispatch('vault.removeMember', { slotId: caseySlot }));
    await ok(avery.dispatch('vault.rotateKey', {}));
    await ok(avery.dispatch('students.create', studentInput({ localId: 'S-3' })));
    const verdict = await ok<{ ok: boolean; members: unknown[] }>(avery.dispatch('audit.verify', {}));
    expect(verdict).toMatchObject({ ok: true, members: [] });
    const signed = avery.session.db().$client.prepare('SELECT count(*) AS n FROM audit_events WHERE signer = ?').get(caseySlot);
    expect(signed).toEqual({ n: 1 });
    avery.session.lock('user');
    expect((await unlockAs(dir, PASSPHRASE)).session.status().state).toBe('unlocked');
  });
});

describe('a member who swaps another member’s key to sign in their name', () => {
  it('is caught by the adder’s signed record, and the real member’s next unlock puts her key back', async () => {
    const { dir, baileySlot, caseySlot } = await team();
    // Casey opens the vault herself: the data key and her own signing key, nothing of Bailey's.
    const vault = await unlockVault({ dir, secret: CASEY_PASSPHRASE, kind: 'passphrase' });
    const raw = vault.db;
    raw.prepare('UPDATE vault_members SET signing_key = ? WHERE slot_id = ?').run(vault.signer.publicKey, baileySlot);
    const target = raw
      .prepare("SELECT * FROM audit_events WHERE actor_slot_id = ? AND action = 'student.updated'")
      .get(baileySlot) as Record<string, unknown>;
    raw.prepare("UPDATE audit_events SET action = 'student.viewed' WHERE id = ?").run(target.id);
    const edited = raw.prepare('SELECT * FROM audit_events WHERE id = ?').get(target.id) as Record<string, unknown>;
    const hash = eventHash({
      id: edited.id as number,
      at: edited.at as string,
      actorSlotId: edited.actor_slot_id as string,
      action: edited.action as string,
      subject: edited.subject as string | null,
      detail: edited.detail as string | null,
      entity: edited.entity as string | null,
      entityId: edited.entity_id as string | null,
      fields: edited.fields as string | null,
      signer: edited.signer as string | null,
      signerSeq: edited.signer_seq as number | null,
      prevHash: edited.prev_hash as string | null,
    });
    const signature = sign(null, Buffer.from(`peerpath-audit-signature-v1\n${hash}`), vault.signer.privateKey).toString('base64');
    raw.prepare('UPDATE audit_events SET hash = ?, signature = ? WHERE id = ?').run(hash, signature, target.id);
    closeVault(vault);
    expect(caseySlot).not.toBe(baileySlot);

    const avery = await unlockAs(dir, PASSPHRASE);
    const verdict = await ok<{ ok: boolean; members: { slotId: string; name: string; failed: number[] }[] }>(
      avery.dispatch('audit.verify', {}),
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.members.find((member) => member.slotId === baileySlot)).toMatchObject({ name: 'Bailey Reed', failed: [target.id] });
    avery.session.lock('user');

    const bailey = await unlockAs(dir, OTHER_PASSPHRASE);
    const [unlocked] = listAudit(bailey.session.db(), { action: 'vault.unlocked', limit: 1 });
    expect(JSON.parse(unlocked?.detail ?? '{}')).toMatchObject({ signingKey: 'restored' });
    const restored = bailey.session.db().$client.prepare('SELECT signing_key FROM vault_members WHERE slot_id = ?').get(baileySlot);
    expect(restored).not.toEqual({ signing_key: vault.signer.publicKey });
    bailey.session.lock('user');
  });
});
