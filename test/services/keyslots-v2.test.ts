/**
 * Slot file version 2: every slot carries an X25519 and an Ed25519 key pair, the session signs with
 * the slot it opened, and a version 1 vault (the old format, written here by the test fixture) is
 * read and upgraded slot by slot as each secret opens it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { isSlotV2, LEGACY_EPOCH, readKeySlotFile, slotSigningKeys, writeKeySlotFile } from '../../src-main/vault/keyslots';
import { closeVault, unlockVault } from '../../src-main/vault/vault';
import { legacySlot } from '../fixtures/legacy-keyslots';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

async function newVault() {
  const dir = join(tempDir(), 'vault');
  const app = createPeerpath({ dir, kdfCost: TEST_KDF });
  const { recoveryKey } = await app.session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  return { dir, app, recoveryKey };
}

/** Rewrites the vault's slot file as Peerpath wrote it before version 2, with the same data key. */
async function downgradeToVersion1(dir: string, recoveryKey: string): Promise<void> {
  const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
  const file = readKeySlotFile(vault.paths.keyslots);
  // The member keeps its slot id: its member row names it.
  const member = await legacySlot(vault.vaultId, vault.dataKey, PASSPHRASE, 'passphrase', TEST_KDF, vault.slot.id);
  const normalized = recoveryKey.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const recovery = await legacySlot(vault.vaultId, vault.dataKey, normalized, 'recovery', TEST_KDF);
  closeVault(vault);
  // Written as the raw v1 JSON: the app's writer only writes version 2.
  writeFileSync(
    join(dir, 'keyslots.json'),
    JSON.stringify({ format: 'peerpath-keyslots', version: 1, vaultId: file.vaultId, slots: [member, recovery] }),
  );
}

describe('key slots, version 2', () => {
  it('a new vault writes version 2: each slot has its own box and signing keys, and the session signs with its own slot', async () => {
    const { dir, app } = await newVault();
    const file = readKeySlotFile(join(dir, 'keyslots.json'));
    expect(file).toMatchObject({ version: 2, epoch: 1 });
    expect(file.slots.every(isSlotV2)).toBe(true);
    const keys = slotSigningKeys(file);
    expect(keys.size).toBe(2);
    const open = app.session.db();
    expect(open).toBeTruthy();
    app.session.lock('user');
    const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    expect(vault.signer.slotId).toBe(vault.slot.id);
    expect(vault.signer.publicKey).toBe(keys.get(vault.slot.id));
    expect(vault.signer.privateKey.asymmetricKeyType).toBe('ed25519');
    closeVault(vault);
  });

  it('a recovery-key unlock signs with the recovery slot’s key', async () => {
    const { dir, app, recoveryKey } = await newVault();
    app.session.lock('user');
    const vault = await unlockVault({ dir, secret: recoveryKey, kind: 'recovery' });
    const recovery = readKeySlotFile(join(dir, 'keyslots.json')).slots.find((slot) => slot.kind === 'recovery');
    expect(vault.signer.slotId).toBe(recovery?.id);
    closeVault(vault);
  });

  it('a version 1 vault opens, and each slot is upgraded to version 2 when its own secret opens it', async () => {
    const { dir, app, recoveryKey } = await newVault();
    const eventsBefore = app.session.db().$client.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number };
    app.session.lock('user');
    await downgradeToVersion1(dir, recoveryKey);
    const v1 = readKeySlotFile(join(dir, 'keyslots.json'));
    expect(v1.epoch).toBe(LEGACY_EPOCH);
    expect(v1.slots.some(isSlotV2)).toBe(false);

    await app.session.unlock(PASSPHRASE);
    const afterMember = readKeySlotFile(join(dir, 'keyslots.json'));
    expect(afterMember.version).toBe(2);
    const [member, recovery] = afterMember.slots;
    expect(member && isSlotV2(member)).toBe(true);
    expect(recovery && isSlotV2(recovery)).toBe(false);
    const events = app.session.db().$client.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number };
    expect(events.n).toBeGreaterThan(eventsBefore.n);
    app.session.lock('user');

    // Opens again from the upgraded slot, and the recovery key still works (and upgrades its slot).
    await app.session.unlock(PASSPHRASE);
    app.session.lock('user');
    await app.session.unlockWithRecoveryKey(recoveryKey);
    app.session.lock('user');
    expect(readKeySlotFile(join(dir, 'keyslots.json')).slots.every(isSlotV2)).toBe(true);
    const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    expect(vault.epoch).toBe(LEGACY_EPOCH);
    closeVault(vault);
  });

  it('an edited public key in the slot file makes that slot refuse its own passphrase', async () => {
    const { dir, app } = await newVault();
    app.session.lock('user');
    const file = readKeySlotFile(join(dir, 'keyslots.json'));
    const [member, recovery] = file.slots;
    if (!member || !recovery || !isSlotV2(member) || !isSlotV2(recovery)) throw new Error('expected v2 slots');
    writeKeySlotFile(join(dir, 'keyslots.json'), {
      ...file,
      slots: [{ ...member, publicKeys: { ...member.publicKeys, sign: recovery.publicKeys.sign } }, recovery],
    });
    await expect(unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({ code: 'wrong_secret' });
  });
});
