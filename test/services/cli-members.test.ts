/**
 * `peerpath vault members` / `remove-member` / `rotate-key`, and `vault check` naming a key slot no team member is
 * listed for (what a crash between the slot file and the member row could leave). Runs the built CLI.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeVault, preparePassphraseSlot, unlockVault, writeNewSlot } from '../../src-main/vault/vault';
import { peerpath, requireBuiltCli } from '../fixtures/cli';
import { OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const HIDDEN_PASSPHRASE = 'walnut comet ribbon glacier';

describe('peerpath vault members and remove-member', () => {
  beforeAll(requireBuiltCli);

  it('lists who has access, reports a slot with no member, and removes either by name or slot id', { timeout: 180_000 }, async () => {
    const vault = join(tempDir(), 'vault');
    const mine = { PEERPATH_PASSPHRASE: PASSPHRASE };
    expect(peerpath(['vault', 'init', '--name', 'Avery Quill', '--role', 'case_manager', '--vault', vault], mine).code).toBe(0);
    expect(
      peerpath(['vault', 'add-member', '--name', 'Blair Ondine', '--role', 'counselor', '--vault', vault], {
        ...mine,
        PEERPATH_NEW_PASSPHRASE: OTHER_PASSPHRASE,
      }).code,
    ).toBe(0);

    // A working slot that no member row names: what a crash inside add-member could once leave.
    const open = await unlockVault({ dir: vault, secret: PASSPHRASE, kind: 'passphrase' });
    const hidden = await preparePassphraseSlot(open, HIDDEN_PASSPHRASE, TEST_KDF);
    writeNewSlot(open, hidden);
    closeVault(open);

    const listed = peerpath(['vault', 'members', '--vault', vault], mine);
    expect(listed.code).toBe(0);
    const rows = listed.out
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.map((row) => row.slice(1, 3))).toEqual([
      ['Avery Quill', 'case_manager'],
      ['Blair Ondine', 'counselor'],
      ['(no team member)', 'slot without member'],
    ]);
    expect(rows[2]?.[0]).toBe(hidden.id);
    // Last unlock: Avery's is this very command's; Blair has never unlocked.
    expect(rows[0]?.[4]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(rows[1]?.[4]).toBe('never unlocked');

    const checked = peerpath(['vault', 'check', '--vault', vault], mine);
    expect(checked.code).toBe(1);
    expect(checked.err).toContain(`key slot ${hidden.id} opens the vault but names no team member`);

    expect(peerpath(['vault', 'remove-member', hidden.id, '--vault', vault], mine)).toMatchObject({ code: 0 });
    expect(peerpath(['vault', 'check', '--vault', vault], { PEERPATH_PASSPHRASE: HIDDEN_PASSPHRASE })).toMatchObject({
      code: 1,
      err: 'peerpath: That passphrase does not open this vault.\n',
    });

    const removed = peerpath(['vault', 'remove-member', 'blair ondine', '--vault', vault], mine);
    expect(removed.code).toBe(0);
    expect(removed.out.split('\n')).toEqual([
      'Removed Blair Ondine. The vault is now encrypted under a new key: their passphrase no longer opens it, not even with an older copy of keyslots.json.',
      "Still readable: backups (.ppbak) made before now open with the passphrases and recovery key of then, including a removed member's. Delete those you no longer need.",
      '',
    ]);
    const rotated = peerpath(['vault', 'rotate-key', '--vault', vault], mine);
    expect(rotated.code).toBe(0);
    expect(rotated.out).toMatch(/^The vault is now encrypted under a new key \(key number 4\); .*\nStill readable: backups/);
    expect(peerpath(['vault', 'check', '--vault', vault], { PEERPATH_PASSPHRASE: OTHER_PASSPHRASE }).code).toBe(1);
    expect(peerpath(['vault', 'check', '--vault', vault], mine)).toMatchObject({ code: 0 });
    expect(peerpath(['vault', 'remove-member', 'Nobody Here', '--vault', vault], mine)).toMatchObject({
      code: 1,
      err: 'peerpath: No team member or key slot is called "Nobody Here"; see peerpath vault members.\n',
    });
  });
});
