import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_KDF_COST } from '../../src-main/vault/kdf';
import { type KeySlot, KeySlotFile, openAnySlot, readKeySlotFile, unwrapDataKey, wrapDataKey } from '../../src-main/vault/keyslots';
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

describe('bounded parsing: a slot file is checked before any key is derived', () => {
  const vaultId = randomUUID();
  const dataKey = randomBytes(32);
  const dir = mkdtempSync(join(tmpdir(), 'peerpath-keyslots-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function fileWith(edit: (file: KeySlotFile) => KeySlotFile): Promise<string> {
    const slot = await wrapDataKey(vaultId, dataKey, 'maple harbor violin tangerine', 'passphrase', TEST_KDF);
    const path = join(dir, `${randomUUID()}.json`);
    writeFileSync(path, JSON.stringify(edit({ format: 'peerpath-keyslots', version: 1, vaultId, slots: [slot] })));
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
