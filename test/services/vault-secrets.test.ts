import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { demoSeeder } from '../../src-main/services/demo';
import { DEMO_PASSPHRASE } from '../../src-main/services/vault-session';
import { closeVault, rewrapSlot, unlockVault } from '../../src-main/vault/vault';
import { hashFolder, OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const THIRD_PASSPHRASE = 'granite pelican saffron tundra';

async function newVault(now?: () => number) {
  const dir = join(tempDir(), 'vault');
  const app = createPeerpath({ dir, kdfCost: TEST_KDF, now });
  const created = await app.dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  if (!created.ok) throw new Error(created.error.message);
  return { dir, ...app, recoveryKey: (created.value as { recoveryKey: string }).recoveryKey };
}

describe('creating and opening', () => {
  it('creates, locks and unlocks with the passphrase, naming who unlocked', async () => {
    const { dispatch } = await newVault();
    expect(await dispatch('vault.status', {})).toMatchObject({
      ok: true,
      value: { state: 'unlocked', member: { name: 'Avery Quill', role: 'case_manager' } },
    });
    expect(await dispatch('vault.lock', {})).toMatchObject({ ok: true, value: { state: 'locked', member: null } });
    expect(await dispatch('vault.members', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it('refuses short and common passphrases with the reason, creating nothing', async () => {
    const dir = join(tempDir(), 'vault');
    const { dispatch } = createPeerpath({ dir, kdfCost: TEST_KDF });
    expect(await dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'weak_passphrase', message: expect.stringContaining('at least 12 characters') },
    });
    expect(
      await dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: 'password1234' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'weak_passphrase', message: expect.stringContaining('passwords people use most') },
    });
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'absent' } });
  });

  it('refuses to create a second vault over the first', async () => {
    const { dir } = await newVault();
    const again = createPeerpath({ dir, kdfCost: TEST_KDF });
    expect(
      await again.dispatch('vault.create', { memberName: 'Other Person', memberRole: 'counselor', passphrase: OTHER_PASSPHRASE }),
    ).toMatchObject({
      ok: false,
      error: { code: 'vault_exists' },
    });
  });

  it('slows repeated wrong passphrases with a growing delay', async () => {
    let clock = 1_000_000;
    const { dispatch } = await newVault(() => clock);
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    expect(await dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    expect(await dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', retryAfterMs: 1000 },
    });
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { retryAfterMs: 1000 } });
    clock += 1000;
    expect(await dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    expect(await dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', retryAfterMs: 2000 },
    });
    clock += 2000;
    expect(await dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', retryAfterMs: 0 },
    });
  });
});

describe('changing secrets re-makes one slot, then rotates the data key', () => {
  it('change passphrase: the old one fails, the new one works, data intact', async () => {
    const { dispatch, dir } = await newVault();
    await dispatch('vault.addMember', { name: 'Blair Ondine', role: 'counselor', passphrase: THIRD_PASSPHRASE });
    const slotsBefore = JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8')).slots;
    expect(
      await dispatch('vault.changePassphrase', { currentPassphrase: OTHER_PASSPHRASE, newPassphrase: 'brand new passphrase words' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'wrong_secret' },
    });
    expect(await dispatch('vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: OTHER_PASSPHRASE })).toEqual({
      ok: true,
      value: {},
    });
    const slotsAfter = JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8')).slots;
    // Only the member's own slot got new key material (a new X25519 pair, the same signing key); every slot
    // got the rotated data key sealed to its unchanged public key (key-rotation.test.ts shows why).
    const keysOf = (slot: { kdf: unknown; publicKeys: unknown; privateKeys: unknown }) =>
      JSON.stringify([slot.kdf, slot.publicKeys, slot.privateKeys]);
    expect(slotsAfter.filter((slot: never, i: number) => keysOf(slot) !== keysOf(slotsBefore[i]))).toHaveLength(1);
    expect(slotsAfter[0].publicKeys.sign).toBe(slotsBefore[0].publicKeys.sign);
    expect(slotsAfter[0].publicKeys.box).not.toBe(slotsBefore[0].publicKeys.box);
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    expect(await dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({
      ok: true,
      value: { member: { name: 'Avery Quill' } },
    });
    expect(await dispatch('vault.members', {})).toMatchObject({ ok: true, value: [{ name: 'Avery Quill' }, { name: 'Blair Ondine' }] });
  });

  it('re-wrapping a slot leaves the database file untouched', async () => {
    const { dir, session } = await newVault();
    session.lock('user');
    const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = hashFolder(dir);
    await rewrapSlot(vault, vault.slot.id, OTHER_PASSPHRASE, TEST_KDF);
    const after = hashFolder(dir);
    expect(after['peerpath.db']).toBe(before['peerpath.db']);
    expect(after['peerpath.db-wal']).toBe(before['peerpath.db-wal']);
    expect(after['keyslots.json']).not.toBe(before['keyslots.json']);
    closeVault(vault);
  });
});

describe('team members', () => {
  it('each member opens the vault with their own passphrase; a removed member cannot', async () => {
    const { dispatch } = await newVault();
    const added = await dispatch('vault.addMember', { name: 'Blair Ondine', role: 'counselor', passphrase: THIRD_PASSPHRASE });
    expect(added).toMatchObject({ ok: true, value: { name: 'Blair Ondine', role: 'counselor' } });
    const blair = (added as { value: { slotId: string } }).value.slotId;
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.unlock', { passphrase: THIRD_PASSPHRASE })).toMatchObject({
      ok: true,
      value: { member: { name: 'Blair Ondine' } },
    });
    // A counselor manages no members at all (contract/permissions.ts), their own slot included.
    expect(await dispatch('vault.removeMember', { slotId: blair })).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
    await dispatch('vault.lock', {});
    await dispatch('vault.unlock', { passphrase: PASSPHRASE });
    expect(await dispatch('vault.removeMember', { slotId: blair })).toEqual({ ok: true, value: {} });
    expect(await dispatch('vault.members', {})).toMatchObject({ ok: true, value: [{ name: 'Avery Quill' }] });
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.unlock', { passphrase: THIRD_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
  });

  it('refuses a weak passphrase for a new member', async () => {
    const { dispatch } = await newVault();
    expect(await dispatch('vault.addMember', { name: 'Blair Ondine', role: 'counselor', passphrase: 'blairondine1' })).toMatchObject({
      ok: false,
      error: { code: 'weak_passphrase' },
    });
    expect(await dispatch('vault.members', {})).toMatchObject({ ok: true, value: [{ name: 'Avery Quill' }] });
  });
});

describe('the recovery key', () => {
  it('unlocks, then requires a new passphrase for a member; the old passphrase stops working', async () => {
    const { dispatch, recoveryKey } = await newVault();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const members = await dispatch('vault.members', {});
    const avery = (members as { value: { slotId: string }[] }).value[0]?.slotId ?? '';
    await dispatch('vault.lock', {});
    // Typed back in lower case with spaces, as people do from a printout.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ');
    expect(await dispatch('vault.unlockWithRecoveryKey', { recoveryKey: typed })).toMatchObject({
      ok: true,
      value: { viaRecoveryKey: true, member: null },
    });
    expect(await dispatch('vault.setPassphraseAfterRecovery', { slotId: avery, newPassphrase: THIRD_PASSPHRASE })).toMatchObject({
      ok: true,
      value: { viaRecoveryKey: false, member: { name: 'Avery Quill' } },
    });
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    expect(await dispatch('vault.unlock', { passphrase: THIRD_PASSPHRASE })).toMatchObject({ ok: true });
  });

  it('a new recovery key replaces the old one', async () => {
    const { dispatch, recoveryKey } = await newVault();
    const renewed = await dispatch('vault.newRecoveryKey', {});
    const next = (renewed as { value: { recoveryKey: string } }).value.recoveryKey;
    expect(next).not.toBe(recoveryKey);
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.unlockWithRecoveryKey', { recoveryKey })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    expect(await dispatch('vault.unlockWithRecoveryKey', { recoveryKey: next })).toMatchObject({ ok: true });
  });
});

describe('auto-lock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks after the idle minutes set, and activity pushes it back', async () => {
    const { dispatch } = await newVault();
    vi.useFakeTimers();
    expect(await dispatch('settings.update', { autoLockMinutes: 2 })).toEqual({ ok: true, value: { autoLockMinutes: 2 } });
    vi.advanceTimersByTime(90_000);
    await dispatch('vault.activity', {});
    vi.advanceTimersByTime(90_000);
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    // Polling the status is not activity: the vault still locks on time.
    vi.advanceTimersByTime(31_000);
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
  });

  it('defaults to 10 minutes and keeps the setting across unlocks', async () => {
    const { dispatch } = await newVault();
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 10 } });
    await dispatch('settings.update', { autoLockMinutes: 25 });
    await dispatch('vault.lock', {});
    await dispatch('vault.unlock', { passphrase: PASSPHRASE });
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 25 } });
    expect(await dispatch('settings.update', { autoLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the demo vault', () => {
  it('opens as a separate vault, can be locked and reopened, and left for the real one', async () => {
    const root = tempDir();
    const { dispatch } = createPeerpath({ dir: join(root, 'vault'), demoDir: join(root, 'demo'), kdfCost: TEST_KDF, seedDemo: demoSeeder });
    const demo = await dispatch('vault.createDemo', {});
    expect(demo).toEqual({ ok: true, value: { passphrase: DEMO_PASSPHRASE } });
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'unlocked', isDemo: true } });
    expect(await dispatch('students.list', {})).toMatchObject({ ok: true, value: { total: 40 } });
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked', isDemo: true } });
    expect(await dispatch('vault.unlock', { passphrase: DEMO_PASSPHRASE })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', isDemo: true },
    });
    expect(await dispatch('vault.leaveDemo', {})).toMatchObject({ ok: true, value: { state: 'absent', isDemo: false } });
    expect(existsSync(join(root, 'vault'))).toBe(false);
  });
});
