import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openAnySlot, unwrapDataKey, wrapDataKey } from '../../src-main/vault/keyslots';
import { TEST_KDF } from '../fixtures/vault';

describe('key slots', () => {
  const vaultId = randomUUID();
  const dataKey = randomBytes(32);

  it('unwraps with the right secret only', async () => {
    const slot = await wrapDataKey(vaultId, dataKey, 'maple harbor violin tangerine', 'passphrase', TEST_KDF);
    expect(await unwrapDataKey(vaultId, slot, 'maple harbor violin tangerine')).toEqual(dataKey);
    expect(await unwrapDataKey(vaultId, slot, 'maple harbor violin tangerinE')).toBeNull();
  });

  it('fails to open when the id, kind, KDF parameters or vault are edited', async () => {
    const slot = await wrapDataKey(vaultId, dataKey, 'maple harbor violin tangerine', 'passphrase', TEST_KDF);
    const edits = [
      { ...slot, id: randomUUID() },
      { ...slot, kind: 'recovery' as const },
      { ...slot, kdf: { ...slot.kdf, iterations: slot.kdf.iterations + 1 } },
    ];
    for (const edited of edits) expect(await unwrapDataKey(vaultId, edited, 'maple harbor violin tangerine')).toBeNull();
    expect(await unwrapDataKey(randomUUID(), slot, 'maple harbor violin tangerine')).toBeNull();
  });

  it('records its KDF parameters and a fresh salt per slot', async () => {
    const a = await wrapDataKey(vaultId, dataKey, 'same secret for both slots', 'passphrase', TEST_KDF);
    const b = await wrapDataKey(vaultId, dataKey, 'same secret for both slots', 'passphrase', TEST_KDF);
    expect(a.kdf).toMatchObject({ alg: 'argon2id', ...TEST_KDF });
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.wrap.ciphertext).not.toBe(b.wrap.ciphertext);
  });

  it('finds the one slot among several that a secret opens', async () => {
    const slots = await Promise.all(
      ['first member phrase', 'second member phrase', 'third member phrase'].map((s) =>
        wrapDataKey(vaultId, dataKey, s, 'passphrase', TEST_KDF),
      ),
    );
    const opened = await openAnySlot({ format: 'peerpath-keyslots', version: 1, vaultId, slots }, 'passphrase', 'second member phrase');
    expect(opened?.slot.id).toBe(slots[1]?.id);
    expect(opened?.dataKey).toEqual(dataKey);
    expect(await openAnySlot({ format: 'peerpath-keyslots', version: 1, vaultId, slots }, 'recovery', 'second member phrase')).toBeNull();
  });
});
