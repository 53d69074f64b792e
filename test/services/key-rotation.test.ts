/**
 * Removal revokes: removing a member, changing or resetting a passphrase, replacing the recovery key
 * and `vault.rotateKey` re-encrypt the vault under a new data key and hand it to every remaining
 * slot. An older slot file (or the slots inside an older backup) with an old or removed secret
 * opens only the old key, which opens no current database; the backup itself still opens.
 * The swap is checked at each of its steps by copying the folder there (what a crash leaves).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { runDemoSeed } from '../../src-main/services/demo';
import { restoreBackup } from '../../src-main/vault/backup';
import { isSlotV2, readKeySlotFile, writeKeySlotFile } from '../../src-main/vault/keyslots';
import { type RotationStep, rotateDataKey } from '../../src-main/vault/rotation';
import { closeVault, unlockVault } from '../../src-main/vault/vault';
import { legacySlot } from '../fixtures/legacy-keyslots';
import { OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const NEW_PASSPHRASE = 'granite pelican saffron tundra';

async function teamVault() {
  const dir = join(tempDir(), 'vault');
  const app = createPeerpath({ dir, kdfCost: TEST_KDF });
  const { recoveryKey } = await app.session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  const blair = await app.session.addMember({ name: 'Blair Ondine', role: 'counselor', passphrase: OTHER_PASSPHRASE });
  return { dir, app, recoveryKey, blair };
}

/** The vault's database beside a given (older) slot file, in a folder of its own. */
function withSlotFile(dir: string, slotFileText: string): string {
  const copy = join(tempDir(), 'copy');
  mkdirSync(copy);
  for (const name of readdirSync(dir))
    if (name.startsWith('peerpath.db') || name === 'peerpath.head') cpSync(join(dir, name), join(copy, name));
  writeFileSync(join(copy, 'keyslots.json'), slotFileText);
  return copy;
}

const slotFileText = (dir: string) => readFileSync(join(dir, 'keyslots.json'), 'utf8');
const header = (dir: string) => readFileSync(join(dir, 'peerpath.db')).subarray(0, 16).toString('hex');

/** The auto-lock setting as the vault stores it: a row written through the session, read back by each unlock. */
async function autoLockOf(dir: string, secret: string, kind: 'passphrase' | 'recovery' = 'passphrase'): Promise<number> {
  const app = createPeerpath({ dir, kdfCost: TEST_KDF });
  if (kind === 'passphrase') await app.session.unlock(secret);
  else await app.session.unlockWithRecoveryKey(secret);
  const minutes = app.session.getSettings().autoLockMinutes;
  app.session.lock('user');
  return minutes;
}

describe('removal revokes', () => {
  it('a vault full of linked records rotates whole: every table keeps its rows, and no link breaks', async () => {
    const { app } = await teamVault();
    runDemoSeed(app.session.context(), { students: 12, mentors: 8 });
    const raw = () => app.session.db().$client;
    const tables = () =>
      raw().prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const counts = () => Object.fromEntries(tables().map((name) => [name, raw().prepare(`SELECT count(*) FROM "${name}"`).pluck().get()]));
    const before = counts();
    expect(Object.values(before).filter((n) => Number(n) > 0).length).toBeGreaterThan(15);
    expect(await app.dispatch('vault.rotateKey', {})).toEqual({ ok: true, value: { epoch: 2 } });
    const after = counts();
    // The rotation's own audit event is the one row more.
    expect({ ...after, audit_events: Number(after.audit_events) - 1 }).toEqual(before);
    expect(raw().prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    app.session.lock('user');
  });

  it('removing a member re-encrypts the vault: an older slot file with the removed passphrase is refused; the others open what was written after', async () => {
    const { dir, app, recoveryKey, blair } = await teamVault();
    const before = slotFileText(dir);
    const headerBefore = header(dir);
    await app.session.removeMember(blair.slotId);
    app.session.updateSettings({ autoLockMinutes: 17 });
    const events = app.session.db().$client.prepare("SELECT detail FROM audit_events WHERE action = 'vault.key_rotated'").all() as {
      detail: string;
    }[];
    expect(events.map((event) => JSON.parse(event.detail))).toEqual([{ epoch: 2, reason: 'member_removed' }]);
    app.session.lock('user');

    expect(header(dir)).not.toBe(headerBefore);
    const file = readKeySlotFile(join(dir, 'keyslots.json'));
    expect(file.epoch).toBe(2);
    for (const slot of file.slots) expect(isSlotV2(slot) && slot.sealed.map((s) => s.epoch)).toEqual([2]);

    const stale = withSlotFile(dir, before);
    await expect(unlockVault({ dir: stale, secret: OTHER_PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({ code: 'wrong_secret' });
    await expect(unlockVault({ dir: stale, secret: PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({ code: 'wrong_secret' });
    await expect(unlockVault({ dir, secret: OTHER_PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({ code: 'wrong_secret' });

    expect(await autoLockOf(dir, PASSPHRASE)).toBe(17);
    expect(await autoLockOf(dir, recoveryKey, 'recovery')).toBe(17);
  });

  it('changing a passphrase rotates: the old passphrase with the older slot file is refused', async () => {
    const { dir, app } = await teamVault();
    const before = slotFileText(dir);
    await app.session.changePassphrase({ currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE });
    app.session.updateSettings({ autoLockMinutes: 23 });
    app.session.lock('user');
    await expect(unlockVault({ dir: withSlotFile(dir, before), secret: PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({
      code: 'wrong_secret',
    });
    await expect(unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({ code: 'wrong_secret' });
    expect(await autoLockOf(dir, NEW_PASSPHRASE)).toBe(23);
    expect(await autoLockOf(dir, OTHER_PASSPHRASE)).toBe(23);
  });

  it('replacing the recovery key rotates: the old recovery key with the older slot file is refused', async () => {
    const { dir, app, recoveryKey } = await teamVault();
    const before = slotFileText(dir);
    const { recoveryKey: renewed } = await app.session.newRecoveryKey();
    app.session.lock('user');
    await expect(unlockVault({ dir: withSlotFile(dir, before), secret: recoveryKey, kind: 'recovery' })).rejects.toMatchObject({
      code: 'wrong_secret',
    });
    expect(await autoLockOf(dir, renewed, 'recovery')).toBe(10);
  });

  it('vault.rotateKey on request: every member still opens it, and a backup made before still opens with the passphrases of then', async () => {
    const { dir, app, blair } = await teamVault();
    const backup = join(tempDir(), 'before.ppbak');
    app.session.backup(backup);
    expect(await app.dispatch('vault.rotateKey', {})).toEqual({ ok: true, value: { epoch: 2 } });
    expect(await app.dispatch('vault.rotateKey', {})).toEqual({ ok: true, value: { epoch: 3 } });
    app.session.updateSettings({ autoLockMinutes: 31 });
    await app.session.removeMember(blair.slotId);
    app.session.lock('user');
    expect(await autoLockOf(dir, PASSPHRASE)).toBe(31);

    // The backup embeds the slots of then: the removed member's passphrase opens it (what stays readable).
    const restored = await restoreBackup({ file: backup, dir: join(tempDir(), 'restored'), secret: OTHER_PASSPHRASE, kind: 'passphrase' });
    expect(restored.epoch).toBe(1);
    closeVault(restored);
  });

  it('when the rotation after a removal fails, the error says the member is removed and to run peerpath vault rotate-key', async () => {
    const { dir, app, blair } = await teamVault();
    // A recovery slot still in the version 1 format (never opened since the upgrade) cannot receive a new key.
    const open = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    const file = readKeySlotFile(join(dir, 'keyslots.json'));
    const old = await legacySlot(file.vaultId, open.dataKey, 'ABCDEFGHJKLMNPQRSTUVWXYZ23', 'recovery', TEST_KDF);
    closeVault(open);
    writeKeySlotFile(join(dir, 'keyslots.json'), { ...file, slots: [...file.slots.filter((slot) => slot.kind !== 'recovery'), old] });

    await expect(app.session.removeMember(blair.slotId)).rejects.toMatchObject({
      code: 'rotation_incomplete',
      message: expect.stringMatching(/^The team member was removed, but the vault's key could not be changed .*peerpath vault rotate-key/),
    });
    expect(app.session.members().map((member) => member.name)).toEqual(['Avery Quill']);
    expect(await app.dispatch('vault.rotateKey', {})).toMatchObject({ ok: false, error: { code: 'keyslots_not_upgraded' } });
  });
});

describe('a failed rotation after replacing the recovery key', () => {
  it('still hands over the new recovery key, with a notice to run peerpath vault rotate-key', async () => {
    const { dir, app, blair } = await teamVault();
    const open = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    const file = readKeySlotFile(join(dir, 'keyslots.json'));
    const old = await legacySlot(file.vaultId, open.dataKey, OTHER_PASSPHRASE, 'passphrase', TEST_KDF, blair.slotId);
    closeVault(open);
    writeKeySlotFile(join(dir, 'keyslots.json'), { ...file, slots: file.slots.map((slot) => (slot.id === blair.slotId ? old : slot)) });

    const result = await app.session.newRecoveryKey();
    expect(result.notice).toMatch(/^The recovery key was replaced, but the vault's key could not be changed .*peerpath vault rotate-key/);
    app.session.lock('user');
    expect(await autoLockOf(dir, result.recoveryKey, 'recovery')).toBe(10);
  });
});

describe('the swap, step by step (a crash at each point loses nothing)', () => {
  const steps: [RotationStep, number][] = [
    ['copied', 1],
    ['sealed_both', 1],
    ['swapped', 2],
    ['settled', 2],
  ];

  for (const [at, epoch] of steps) {
    it(`stopped after "${at}": both members open it under epoch ${epoch}, rows intact, and the slot file is settled`, async () => {
      const { dir, app } = await teamVault();
      app.session.updateSettings({ autoLockMinutes: 41 });
      app.session.lock('user');
      const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
      const events = (vault.db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
      const crashed = join(tempDir(), 'crashed');
      const oldKey = vault.dataKey;
      await rotateDataKey(vault, {
        onStep: (step) => {
          if (step !== at) return;
          // What a SIGKILL here leaves on disk: every file but the shared-memory index, which SQLite rebuilds.
          cpSync(dir, crashed, { recursive: true, filter: (source) => !source.endsWith('-shm') });
        },
      });
      // The old key is wiped once the vault is under the new one.
      expect(oldKey.every((byte) => byte === 0)).toBe(true);
      expect(vault.epoch).toBe(2);
      closeVault(vault);
      // A killed process's temp files are removed by the next unlock (temp-files.ts); this process is alive, so the test removes them.
      for (const name of readdirSync(crashed)) if (name.includes('.tmp')) rmSync(join(crashed, name));

      expect(await autoLockOf(crashed, PASSPHRASE)).toBe(41);
      expect(await autoLockOf(crashed, OTHER_PASSPHRASE)).toBe(41);
      const reopened = await unlockVault({ dir: crashed, secret: PASSPHRASE, kind: 'passphrase' });
      expect(reopened.epoch).toBe(epoch);
      expect(
        (reopened.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action <> 'vault.unlocked'").get() as { n: number }).n,
      ).toBe(events - 1);
      closeVault(reopened);
      const file = readKeySlotFile(join(crashed, 'keyslots.json'));
      expect(file.epoch).toBe(epoch);
      for (const slot of file.slots) expect(isSlotV2(slot) && slot.sealed.map((s) => s.epoch)).toEqual([epoch]);
    });
  }
});

const KILLER = join(import.meta.dirname, '../fixtures/rotation-killer.ts');
const GLOB_HOOK = join(import.meta.dirname, '../fixtures/vite-glob-hook.mjs');

/** Runs the rotation in a child that SIGKILLs itself at `die`; resolves once it is dead. */
function rotateUntilKilled(dir: string, die: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', GLOB_HOOK, KILLER, dir, die], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`rotation child did not die: ${errors}`))));
    child.stdin?.end(`${PASSPHRASE}\n`);
  });
}

describe('a rotation killed (SIGKILL) at each rename of the swap loses nothing', () => {
  const kills: [string, number][] = [
    ['before-slots', 1],
    ['after-slots', 1],
    ['before-db', 1],
    ['after-db', 2],
    ['after-settle', 2],
  ];
  for (const [die, epoch] of kills) {
    it(`killed ${die}: both members open it under epoch ${epoch}, with what was written before`, { timeout: 60_000 }, async () => {
      const { dir, app } = await teamVault();
      app.session.updateSettings({ autoLockMinutes: 53 });
      app.session.lock('user');
      await rotateUntilKilled(dir, die);
      expect(await autoLockOf(dir, PASSPHRASE)).toBe(53);
      expect(await autoLockOf(dir, OTHER_PASSPHRASE)).toBe(53);
      const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
      expect(vault.epoch).toBe(epoch);
      closeVault(vault);
      const file = readKeySlotFile(join(dir, 'keyslots.json'));
      for (const slot of file.slots) expect(isSlotV2(slot) && slot.sealed.map((s) => s.epoch)).toEqual([epoch]);
      // The dead process's temp database is gone once the vault has been unlocked again.
      expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
    });
  }
});
