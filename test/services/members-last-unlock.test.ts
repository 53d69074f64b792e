/** `vault.members` says when each member last unlocked with their own passphrase: their newest `vault.unlocked` event. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import type { Member } from '../../src-main/contract';
import { OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

describe('members’ last unlock', () => {
  it('is each member’s newest unlock with their own passphrase, and null before any', { timeout: 60_000 }, async () => {
    let now = Date.parse('2026-10-01T15:00:00Z');
    const app = createPeerpath({ dir: join(tempDir(), 'vault'), kdfCost: TEST_KDF, now: () => now });
    const { recoveryKey } = await app.session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
    const blair = await app.session.addMember({ name: 'Blair Ondine', role: 'counselor', passphrase: OTHER_PASSPHRASE });
    expect(blair.lastUnlockAt).toBeNull();

    const unlockAt = async (at: string, secret: string, kind: 'passphrase' | 'recovery' = 'passphrase') => {
      app.session.lock('user');
      now = Date.parse(at);
      if (kind === 'recovery') await app.session.unlockWithRecoveryKey(secret);
      else await app.session.unlock(secret);
    };
    await unlockAt('2026-10-02T08:00:00Z', PASSPHRASE);
    await unlockAt('2026-10-03T09:00:00Z', OTHER_PASSPHRASE);
    await unlockAt('2026-10-04T10:00:00Z', PASSPHRASE);
    // What a member does after unlocking is not an unlock.
    now = Date.parse('2026-10-04T12:00:00Z');
    app.session.updateSettings({ autoLockMinutes: 10 });
    // The recovery key names no member: it is nobody's unlock.
    await unlockAt('2026-10-05T11:00:00Z', recoveryKey, 'recovery');

    const members = await app.dispatch('vault.members', {});
    expect(members.ok && (members.value as Member[]).map(({ name, lastUnlockAt }) => ({ name, lastUnlockAt }))).toEqual([
      { name: 'Avery Quill', lastUnlockAt: '2026-10-04T10:00:00.000Z' },
      { name: 'Blair Ondine', lastUnlockAt: '2026-10-03T09:00:00.000Z' },
    ]);
  });
});
