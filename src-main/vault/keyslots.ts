/**
 * Key slots: the vault's random data key, wrapped (AES-256-GCM) under a key derived from each
 * member's passphrase or from the recovery key. The slot file holds nothing but ids, salts, KDF
 * parameters and wrapped keys; names live inside the encrypted database. The GCM tag also covers
 * the slot's id, kind and KDF parameters, so editing any of them makes the slot fail to open.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../contract';
import { assertKdfBounds, DEFAULT_KDF_COST, deriveWrappingKey, type KdfCost, KdfParams, kdfOutOfBounds } from './kdf';
import { writeFileAtomic } from './secure-file';

const b64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);

const KeySlot = z.object({
  id: z.string().regex(/^[a-z0-9-]{8,64}$/),
  kind: z.enum(['passphrase', 'recovery']),
  kdf: KdfParams,
  wrap: z.object({ alg: z.literal('aes-256-gcm'), iv: b64, ciphertext: b64, tag: b64 }),
});
export type KeySlot = z.infer<typeof KeySlot>;
export type SlotKind = KeySlot['kind'];

export const KeySlotFile = z.object({
  format: z.literal('peerpath-keyslots'),
  version: z.literal(1),
  vaultId: z.string().uuid(),
  slots: z.array(KeySlot).min(1),
});
export type KeySlotFile = z.infer<typeof KeySlotFile>;

/**
 * At most 32 slots: every passphrase slot is tried for each passphrase typed (slots name no one,
 * by design), so 51 slots made one wrong passphrase take 22 s. A team's own computer holds a few.
 */
export const MAX_SLOTS = 32;
/** All the slots one secret is tried against together may ask as much as 32 slots at the default cost. */
const MAX_TOTAL_MEMORY_PASSES = MAX_SLOTS * DEFAULT_KDF_COST.memoryKiB * DEFAULT_KDF_COST.iterations;

/** Refuses a slot file whose size or KDF parameters are outside the bounds, before any derivation. */
export function assertSlotFileBounds(file: Pick<KeySlotFile, 'slots'>): void {
  if (file.slots.length > MAX_SLOTS) {
    throw kdfOutOfBounds(`The key-slot file holds ${file.slots.length} slots; Peerpath allows at most ${MAX_SLOTS}.`);
  }
  let total = 0;
  for (const slot of file.slots) {
    assertKdfBounds(slot.kdf);
    total += slot.kdf.memoryKiB * slot.kdf.iterations;
  }
  if (total > MAX_TOTAL_MEMORY_PASSES) {
    throw kdfOutOfBounds('Together, the key slots ask for more memory and time than Peerpath allows.');
  }
}

function additionalData(vaultId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'kdf'>): Buffer {
  return Buffer.from(JSON.stringify(['peerpath-keyslot-v1', vaultId, slot.id, slot.kind, slot.kdf]), 'utf8');
}

export async function wrapDataKey(
  vaultId: string,
  dataKey: Buffer,
  secret: string,
  kind: SlotKind,
  cost: KdfCost = DEFAULT_KDF_COST,
  id: string = randomUUID(),
): Promise<KeySlot> {
  const kdf: KdfParams = { alg: 'argon2id', ...cost, salt: randomBytes(16).toString('base64') };
  const wrappingKey = await deriveWrappingKey(secret, kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
    cipher.setAAD(additionalData(vaultId, { id, kind, kdf }));
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      id,
      kind,
      kdf,
      wrap: {
        alg: 'aes-256-gcm',
        iv: iv.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      },
    };
  } finally {
    wrappingKey.fill(0);
  }
}

/** The data key if `secret` opens this slot, otherwise null. */
export async function unwrapDataKey(vaultId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const wrappingKey = await deriveWrappingKey(secret, slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.wrap.iv, 'base64'));
    decipher.setAAD(additionalData(vaultId, slot));
    decipher.setAuthTag(Buffer.from(slot.wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    wrappingKey.fill(0);
  }
}

/** Tries every slot of the kind at once (the derivations run in parallel on the thread pool). */
export async function openAnySlot(file: KeySlotFile, kind: SlotKind, secret: string): Promise<{ slot: KeySlot; dataKey: Buffer } | null> {
  assertSlotFileBounds(file);
  const candidates = file.slots.filter((slot) => slot.kind === kind);
  const keys = await Promise.all(candidates.map((slot) => unwrapDataKey(file.vaultId, slot, secret)));
  let opened: { slot: KeySlot; dataKey: Buffer } | null = null;
  keys.forEach((key, index) => {
    const slot = candidates[index];
    if (key && slot && !opened) opened = { slot, dataKey: key };
    else key?.fill(0);
  });
  return opened;
}

export function readKeySlotFile(path: string): KeySlotFile {
  if (!existsSync(path)) {
    throw new AppError(
      'keyslots_missing',
      'The key-slot file (keyslots.json) is missing, so the vault cannot be opened. Restore it from a backup.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('vault_damaged', 'The key-slot file is damaged — restore from backup.');
  }
  const result = KeySlotFile.safeParse(parsed);
  if (!result.success) throw new AppError('vault_damaged', 'The key-slot file is damaged — restore from backup.');
  assertSlotFileBounds(result.data);
  return result.data;
}

export function writeKeySlotFile(path: string, file: KeySlotFile): void {
  const checked = KeySlotFile.parse(file);
  assertSlotFileBounds(checked);
  writeFileAtomic(path, `${JSON.stringify(checked, null, 2)}\n`);
}

export function replaceSlot(file: KeySlotFile, slot: KeySlot): KeySlotFile {
  return { ...file, slots: file.slots.map((existing) => (existing.id === slot.id ? slot : existing)) };
}
