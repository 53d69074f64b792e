/**
 * Temporary data stays in memory on every connection to the vault: a large sort or temporary index
 * written to a temp file (`etilqs_*`) would hold decrypted rows outside the encrypted database.
 * Checked on the session's connection and on a worker thread's read-only one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { createVaultReader } from '../../src-main/workers/vault-reader';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const MEMORY = 2;

describe('every connection keeps temporary data in memory', () => {
  it('the main connection and the worker reader both say temp_store = MEMORY', async () => {
    const { dispatch, session } = createPeerpath({ dir: join(tempDir(), 'vault'), kdfCost: TEST_KDF });
    await dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
    expect(session.db().$client.pragma('temp_store', { simple: true })).toBe(MEMORY);

    const reader = createVaultReader();
    try {
      const db = reader.db(session.readerAccess());
      expect(db.$client.readonly).toBe(true);
      expect(db.$client.pragma('temp_store', { simple: true })).toBe(MEMORY);
    } finally {
      reader.close();
    }
    session.lock('user');
  });
});
