import { createPublicKey, randomBytes, randomUUID, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_KDF_COST } from '../../src-main/vault/kdf';
import {
  createSlot,
  FIRST_EPOCH,
  type KeySlot,
  KeySlotFile,
  LEGACY_EPOCH,
  openAnySlot,
  openSlot,
  readKeySlotFile,
  sealDataKey,
  slotSigningKeys,
} from '../../src-main/vault/keyslots';
import { legacySlot } from '../fixtures/legacy-keyslots';
import { TEST_KDF } from '../fixtures/vault';

/** Counts Argon2 runs, so a test can show a refused file derived nothing (and never runs 4 GiB × 100). */
const derivations = vi.hoisted(() => ({ count: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    hashRaw: (...args: Parameters<typeof real.hashRaw>) => {
      derivations.count += 1;
      return real.hashRaw(...args);
    },
  };
});

const SECRET = 'maple harbor violin tangerine';

function fileOf(vaultId: string, slots: KeySlot[], epoch = FIRST_EPOCH): KeySlotFile {
  return { format: 'peerpath-keyslots', version: 2, vaultId, epoch, slots, retired: [], databaseSalts: {} };
}

describe('key slots (version 2)', () => {
  const vaultId = randomUUID();
  const dataKey = randomBytes(32);
  const dataKeys = [{ epoch: FIRST_EPOCH, key: dataKey }];

  it('opens with the right secret only, giving the data key and a signer whose signatures verify with the public key', async () => {
    const { slot } = await createSlot({ vaultId, secret: SECRET, kind: 'passphrase', dataKeys, cost: TEST_KDF });
    const opened = await openSlot(vaultId, slot, SECRET);
    expect(opened?.dataKeys).toEqual([{ epoch: FIRST_EPOCH, key: dataKey }]);
    const signer = opened?.signer;
    if (!signer) throw new Error('no signer');
    expect(signer.slotId).toBe(slot.id);
    const signature = sign(null, Buffer.from('event'), signer.privateKey);
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(signer.publicKey, 'base64').toString('base64url') },
      format: 'jwk',
    });
    expect(verify(null, Buffer.from('event'), publicKey, signature)).toBe(true);
    expect(slotSigningKeys(fileOf(vaultId, [slot]))).toEqual(new Map([[slot.id, slot.publicKeys.sign]]));
    expect(await openSlot(vaultId, slot, 'maple harbor violin tangerinE')).toBeNull();
  });

  it('holds no data key in the clear: the sealed key is bound to its epoch, and the private keys to the slot and both public keys', async () => {
    const { slot } = await createSlot({ vaultId, secret: SECRET, kind: 'passphrase', dataKeys, cost: TEST_KDF });
    const other = await createSlot({ vaultId, secret: SECRET, kind: 'passphrase', dataKeys, cost: TEST_KDF });
    const edits: KeySlot[] = [
      { ...slot, id: randomUUID() },
      { ...slot, kind: 'recovery' as const },
      { ...slot, kdf: { ...slot.kdf, iterations: slot.kdf.iterations + 1 } },
      { ...slot, publicKeys: { ...slot.publicKeys, box: other.slot.publicKeys.box } },
      { ...slot, publicKeys: { ...slot.publicKeys, sign: other.slot.publicKeys.sign } },
      { ...slot, sealed: slot.sealed.map((entry) => ({ ...entry, epoch: entry.epoch + 1 })) },
    ];
    for (const edited of edits) expect(await openSlot(vaultId, edited, SECRET)).toBeNull();
    expect(await openSlot(randomUUID(), slot, SECRET)).toBeNull();
    expect(JSON.stringify(slot)).not.toContain(dataKey.toString('base64'));
  });

  it('takes a data key sealed later with the public key alone (no secret), newest epoch first', async () => {
    const { slot } = await createSlot({ vaultId, secret: SECRET, kind: 'passphrase', dataKeys, cost: TEST_KDF });
    const next = randomBytes(32);
    const sealed = await sealDataKey(vaultId, slot, FIRST_EPOCH + 1, next);
    const opened = await openSlot(vaultId, { ...slot, sealed: [...slot.sealed, sealed] }, SECRET);
    expect(opened?.dataKeys).toEqual([
      { epoch: FIRST_EPOCH + 1, key: next },
      { epoch: FIRST_EPOCH, key: dataKey },
    ]);
  });

  it('records its KDF parameters and a fresh salt and key pairs per slot', async () => {
    const a = await createSlot({ vaultId, secret: 'same secret for both slots', kind: 'passphrase', dataKeys, cost: TEST_KDF });
    const b = await createSlot({ vaultId, secret: 'same secret for both slots', kind: 'passphrase', dataKeys, cost: TEST_KDF });
    expect(a.slot.kdf).toMatchObject({ alg: 'argon2id', ...TEST_KDF });
    expect(a.slot.kdf.salt).not.toBe(b.slot.kdf.salt);
    expect(a.slot.publicKeys.box).not.toBe(b.slot.publicKeys.box);
    expect(a.slot.publicKeys.sign).not.toBe(b.slot.publicKeys.sign);
  });

  it('finds the one slot among several that a secret opens', async () => {
    const made = await Promise.all(
      ['first member phrase', 'second member phrase', 'third member phrase'].map((secret) =>
        createSlot({ vaultId, secret, kind: 'passphrase', dataKeys, cost: TEST_KDF }),
      ),
    );
    const slots = made.map((m) => m.slot);
    const opened = await openAnySlot(fileOf(vaultId, slots), 'passphrase', 'second member phrase');
    expect(opened?.slot.id).toBe(slots[1]?.id);
    expect(opened?.dataKeys[0]?.key).toEqual(dataKey);
    expect(await openAnySlot(fileOf(vaultId, slots), 'recovery', 'second member phrase')).toBeNull();
  });

  it('still reads a version 1 file and opens its slots (as epoch 0, with no signer until upgraded)', async () => {
    const legacy = await legacySlot(vaultId, dataKey, SECRET, 'passphrase', TEST_KDF);
    const file = KeySlotFile.parse({ format: 'peerpath-keyslots', version: 1, vaultId, slots: [legacy] });
    expect(file).toMatchObject({ version: 2, epoch: LEGACY_EPOCH });
    const opened = await openAnySlot(file, 'passphrase', SECRET);
    expect(opened).toMatchObject({ dataKeys: [{ epoch: LEGACY_EPOCH, key: dataKey }], signer: null });
    expect(await openAnySlot(file, 'passphrase', 'copper lantern orbit meadow')).toBeNull();
    expect(slotSigningKeys(file).size).toBe(0);
  });
});

describe('bounded parsing: a slot file is checked before any key is derived', () => {
  const vaultId = randomUUID();
  const dataKey = randomBytes(32);
  const dir = mkdtempSync(join(tmpdir(), 'peerpath-keyslots-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function fileWith(edit: (file: KeySlotFile) => KeySlotFile): Promise<string> {
    const { slot } = await createSlot({
      vaultId,
      secret: SECRET,
      kind: 'passphrase',
      dataKeys: [{ epoch: FIRST_EPOCH, key: dataKey }],
      cost: TEST_KDF,
    });
    const path = join(dir, `${randomUUID()}.json`);
    writeFileSync(path, JSON.stringify(edit(fileOf(vaultId, [slot]))));
    return path;
  }

  const cases: [string, (file: KeySlotFile) => KeySlotFile][] = [
    ['4 GiB of memory', (f) => ({ ...f, slots: f.slots.map((s) => ({ ...s, kdf: { ...s.kdf, memoryKiB: 4 * 1024 * 1024 } })) })],
    ['100 passes', (f) => ({ ...f, slots: f.slots.map((s) => ({ ...s, kdf: { ...s.kdf, iterations: 100 } })) })],
    ['16 lanes', (f) => ({ ...f, slots: f.slots.map((s) => ({ ...s, kdf: { ...s.kdf, parallelism: 16 } })) })],
    [
      '1 GiB × 20 passes',
      (f) => ({ ...f, slots: f.slots.map((s) => ({ ...s, kdf: { ...s.kdf, memoryKiB: 1024 * 1024, iterations: 20 } })) }),
    ],
    [
      '51 slots',
      (f) => ({
        ...f,
        slots: Array.from({ length: 51 }, (_, i) => ({ ...(f.slots[0] as KeySlot), id: `slot-${String(i).padStart(8, '0')}` })),
      }),
    ],
  ];

  for (const [name, edit] of cases) {
    it(`refuses ${name} with its own words, before Argon2 runs`, async () => {
      const path = await fileWith(edit);
      derivations.count = 0;
      expect(() => readKeySlotFile(path)).toThrow(expect.objectContaining({ message: expect.stringContaining('Peerpath allows') }));
      const parsed = KeySlotFile.parse(JSON.parse(readFileSync(path, 'utf8')));
      await expect(openAnySlot(parsed, 'passphrase', 'maple harbor violin tangerine')).rejects.toMatchObject({
        code: 'keyslots_out_of_bounds',
        message: expect.stringContaining('tampered with'),
      });
      expect(derivations.count).toBe(0);
    });
  }

  it('accepts the default cost and 32 slots', async () => {
    const path = await fileWith((f) => ({
      ...f,
      slots: Array.from({ length: 32 }, (_, i) => ({
        ...(f.slots[0] as KeySlot),
        id: `slot-${String(i).padStart(8, '0')}`,
        kdf: { ...(f.slots[0] as KeySlot).kdf, ...DEFAULT_KDF_COST },
      })),
    }));
    expect(readKeySlotFile(path).slots).toHaveLength(32);
  });
});
