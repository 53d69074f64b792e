/**
 * Key slots (file version 2): one per member's passphrase and one for the recovery key. Each slot
 * holds two key pairs — X25519 (`box`) to receive the vault's data key, Ed25519 (`sign`) to sign the
 * member's audit events — whose private halves are encrypted (AES-256-GCM) under a key derived from
 * the slot's secret (Argon2id). The data key itself is *sealed* to the slot's X25519 public key with
 * HPKE (RFC 9180, `@hpke/core`: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM), once per key
 * epoch. Sealing needs only the public key, so rotating the data key can hand the new key to every
 * remaining slot without anyone's passphrase — which version 1 (the data key wrapped directly under
 * each secret) could not, so removing a member never changed the key.
 *
 * The slot file holds nothing but ids, salts, KDF parameters, public keys and ciphertexts; names
 * live inside the encrypted database. The GCM tag over the private keys also covers the slot's id,
 * kind, KDF parameters and both public keys; the HPKE info and AAD bind vault id, slot id and epoch.
 * Editing any of them makes the slot fail to open.
 *
 * Version 1 files and slots are still read: a v1 slot is upgraded to v2 when its secret opens it.
 */

import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { z } from 'zod';
import { AppError } from '../contract';
import { assertKdfBounds, DEFAULT_KDF_COST, deriveWrappingKey, type KdfCost, KdfParams, kdfOutOfBounds } from './kdf';
import { writeFileAtomic } from './secure-file';

const b64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);
const SlotId = z.string().regex(/^[a-z0-9-]{8,64}$/);
const Kind = z.enum(['passphrase', 'recovery']);
const Gcm = z.object({ alg: z.literal('aes-256-gcm'), iv: b64, ciphertext: b64, tag: b64 });
const Epoch = z.number().int().nonnegative();

/** A version 1 slot: the data key wrapped directly under the secret's key. Read, never written. */
const LegacySlot = z.object({ id: SlotId, kind: Kind, kdf: KdfParams, wrap: Gcm });
export type LegacySlot = z.infer<typeof LegacySlot>;

/** The data key of one epoch, sealed to the slot's X25519 public key with HPKE (base mode). */
const SealedKey = z.object({ epoch: Epoch, enc: b64, ciphertext: b64 });
export type SealedKey = z.infer<typeof SealedKey>;

const SlotV2 = z.object({
  id: SlotId,
  kind: Kind,
  kdf: KdfParams,
  /** Raw 32-byte public keys, base64. */
  publicKeys: z.object({ box: b64, sign: b64 }),
  /** The X25519 private key then the Ed25519 seed (64 bytes), under the secret's key. */
  privateKeys: Gcm,
  /** Normally one epoch; two while a rotation swaps the database. */
  sealed: z.array(SealedKey).min(1).max(2),
});
export type SlotV2 = z.infer<typeof SlotV2>;

const KeySlot = z.union([SlotV2, LegacySlot]);
export type KeySlot = z.infer<typeof KeySlot>;
export type SlotKind = KeySlot['kind'];

/** A signing key no slot holds any more (its member removed, its secret replaced): kept so older audit events still verify. */
const RetiredSigner = z.object({ id: SlotId, sign: b64 });

const KeySlotFileV2 = z.object({
  format: z.literal('peerpath-keyslots'),
  version: z.literal(2),
  vaultId: z.string().uuid(),
  /** The epoch of the data key the database is encrypted under (the newest sealed in any slot). */
  epoch: Epoch,
  slots: z.array(KeySlot).min(1),
  retired: z.array(RetiredSigner).max(1000).default([]),
  /**
   * Epoch → the first 16 bytes of the database file under that epoch's key (SQLCipher's random salt,
   * stored in the clear). Only chooses the words of a refusal: a secret that opens this file's key
   * but not a database with another salt holds an older key file ("wrong secret"), not a damaged vault.
   */
  databaseSalts: z.record(z.string().regex(/^\d{1,9}$/), b64).default({}),
});

const KeySlotFileV1 = z.object({
  format: z.literal('peerpath-keyslots'),
  version: z.literal(1),
  vaultId: z.string().uuid(),
  slots: z.array(LegacySlot).min(1),
});

/** Version 1 files are read as version 2 at epoch 0 holding only legacy slots; every write is version 2. */
export const KeySlotFile = z.union([
  KeySlotFileV2,
  KeySlotFileV1.transform((v1) => ({
    ...v1,
    version: 2 as const,
    epoch: 0,
    retired: [] as z.infer<typeof RetiredSigner>[],
    databaseSalts: {} as Record<string, string>,
  })),
]);
export type KeySlotFile = z.infer<typeof KeySlotFile>;

/** The epoch a version 1 vault's data key belongs to; a vault created as version 2 starts at 1. */
export const LEGACY_EPOCH = 0;
export const FIRST_EPOCH = 1;

export function isSlotV2(slot: KeySlot): slot is SlotV2 {
  return 'publicKeys' in slot;
}

/** What the audit trail signs with: the slot's Ed25519 key, unlocked with the slot's secret. */
export interface SlotSigner {
  slotId: string;
  privateKey: KeyObject /* node:crypto Ed25519 */;
  publicKey: string /* raw 32-byte Ed25519 public key, base64 */;
}

/** A data key and the epoch it belongs to. */
export interface EpochKey {
  epoch: number;
  key: Buffer;
}

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

// ── Key pairs ────────────────────────────────────────────────────────────────────────────────

interface RawKeyPair {
  publicKey: Buffer;
  /** X25519: the private scalar; Ed25519: the 32-byte seed. */
  privateKey: Buffer;
}

function rawPair(type: 'x25519' | 'ed25519'): RawKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync(type as 'x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const pub = publicKey.export({ format: 'jwk' });
  return { publicKey: Buffer.from(pub.x ?? '', 'base64url'), privateKey: Buffer.from(jwk.d ?? '', 'base64url') };
}

function signingKeyObject(pair: RawKeyPair): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: pair.privateKey.toString('base64url'), x: pair.publicKey.toString('base64url') },
    format: 'jwk',
  });
}

/** The signing key pair of an unlocked slot, as raw bytes (the caller wipes the seed). */
function rawSigningPair(signer: SlotSigner): RawKeyPair {
  const jwk = signer.privateKey.export({ format: 'jwk' });
  return { publicKey: Buffer.from(signer.publicKey, 'base64'), privateKey: Buffer.from(jwk.d ?? '', 'base64url') };
}

// ── Sealing the data key (HPKE) ──────────────────────────────────────────────────────────────

const hpke = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

function sealBinding(vaultId: string, slotId: string, epoch: number): Buffer {
  return Buffer.from(JSON.stringify(['peerpath-keyslot-v2 data key', vaultId, slotId, epoch]), 'utf8');
}

/** Seals `dataKey` to the slot's X25519 public key: needs no secret, so rotation can reach every slot. */
export async function sealDataKey(
  vaultId: string,
  slot: Pick<SlotV2, 'id' | 'publicKeys'>,
  epoch: number,
  dataKey: Buffer,
): Promise<SealedKey> {
  const recipientPublicKey = await hpke.kem.deserializePublicKey(Buffer.from(slot.publicKeys.box, 'base64'));
  const binding = sealBinding(vaultId, slot.id, epoch);
  const { enc, ct } = await hpke.seal({ recipientPublicKey, info: binding }, dataKey, binding);
  return { epoch, enc: Buffer.from(enc).toString('base64'), ciphertext: Buffer.from(ct).toString('base64') };
}

async function openSealed(vaultId: string, slotId: string, sealed: SealedKey, boxPrivate: Buffer): Promise<Buffer | null> {
  try {
    const recipientKey = await hpke.kem.deserializePrivateKey(boxPrivate);
    const binding = sealBinding(vaultId, slotId, sealed.epoch);
    const plain = await hpke.open(
      { recipientKey, enc: Buffer.from(sealed.enc, 'base64'), info: binding },
      Buffer.from(sealed.ciphertext, 'base64'),
      binding,
    );
    // Buffer.from(Uint8Array) copies; the library's own buffer is then wiped.
    const view = new Uint8Array(plain);
    const key = Buffer.from(view);
    view.fill(0);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

// ── The slot's private keys under the secret ─────────────────────────────────────────────────

function privateKeysAad(vaultId: string, slot: Pick<SlotV2, 'id' | 'kind' | 'kdf' | 'publicKeys'>): Buffer {
  return Buffer.from(
    JSON.stringify(['peerpath-keyslot-v2', vaultId, slot.id, slot.kind, slot.kdf, slot.publicKeys.box, slot.publicKeys.sign]),
    'utf8',
  );
}

function legacyAad(vaultId: string, slot: Pick<LegacySlot, 'id' | 'kind' | 'kdf'>): Buffer {
  return Buffer.from(JSON.stringify(['peerpath-keyslot-v1', vaultId, slot.id, slot.kind, slot.kdf]), 'utf8');
}

function gcmDecrypt(key: Buffer, box: z.infer<typeof Gcm>, aad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export interface NewSlotInput {
  vaultId: string;
  secret: string;
  kind: SlotKind;
  /** Every data key the slot must receive (one epoch; two during a rotation). */
  dataKeys: readonly EpochKey[];
  cost?: KdfCost;
  id?: string;
  /** Keep this signing key (a member changing their own passphrase stays the same signer). */
  signer?: SlotSigner;
}

/** A new v2 slot for `secret`: fresh X25519 key pair, the given or a fresh Ed25519 pair. */
export async function createSlot(input: NewSlotInput): Promise<{ slot: SlotV2; signer: SlotSigner }> {
  const id = input.id ?? randomUUID();
  const kdf: KdfParams = { alg: 'argon2id', ...(input.cost ?? DEFAULT_KDF_COST), salt: randomBytes(16).toString('base64') };
  const box = rawPair('x25519');
  const sign = input.signer ? rawSigningPair(input.signer) : rawPair('ed25519');
  const wrappingKey = await deriveWrappingKey(input.secret, kdf);
  const plain = Buffer.concat([box.privateKey, sign.privateKey]);
  try {
    const publicKeys = { box: box.publicKey.toString('base64'), sign: sign.publicKey.toString('base64') };
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
    cipher.setAAD(privateKeysAad(input.vaultId, { id, kind: input.kind, kdf, publicKeys }));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    const sealed = await Promise.all(
      input.dataKeys.map((dataKey) => sealDataKey(input.vaultId, { id, publicKeys }, dataKey.epoch, dataKey.key)),
    );
    const slot: SlotV2 = {
      id,
      kind: input.kind,
      kdf,
      publicKeys,
      privateKeys: {
        alg: 'aes-256-gcm',
        iv: iv.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      },
      sealed,
    };
    const signer = input.signer ?? { slotId: id, privateKey: signingKeyObject(sign), publicKey: publicKeys.sign };
    return { slot, signer: { ...signer, slotId: id } };
  } finally {
    wrappingKey.fill(0);
    plain.fill(0);
    box.privateKey.fill(0);
    sign.privateKey.fill(0);
  }
}

/** What a secret opened: the slot, its data keys (newest epoch first) and, for a v2 slot, its signer. */
export interface OpenedSlot {
  slot: KeySlot;
  dataKeys: EpochKey[];
  /** Null for a v1 slot, which has no signing key until it is upgraded. */
  signer: SlotSigner | null;
}

export function wipeOpened(opened: OpenedSlot): void {
  for (const dataKey of opened.dataKeys) dataKey.key.fill(0);
}

/** The slot's data keys and signer if `secret` opens it, otherwise null. */
export async function openSlot(vaultId: string, slot: KeySlot, secret: string): Promise<OpenedSlot | null> {
  const wrappingKey = await deriveWrappingKey(secret, slot.kdf);
  try {
    if (!isSlotV2(slot)) {
      const key = gcmDecrypt(wrappingKey, slot.wrap, legacyAad(vaultId, slot));
      return key ? { slot, dataKeys: [{ epoch: LEGACY_EPOCH, key }], signer: null } : null;
    }
    const plain = gcmDecrypt(wrappingKey, slot.privateKeys, privateKeysAad(vaultId, slot));
    if (plain?.length !== 64) return null;
    const boxPrivate = plain.subarray(0, 32);
    const sign = { publicKey: Buffer.from(slot.publicKeys.sign, 'base64'), privateKey: plain.subarray(32) };
    try {
      const sealed = [...slot.sealed].sort((a, b) => b.epoch - a.epoch);
      const dataKeys: EpochKey[] = [];
      for (const entry of sealed) {
        const key = await openSealed(vaultId, slot.id, entry, boxPrivate);
        if (key) dataKeys.push({ epoch: entry.epoch, key });
      }
      if (dataKeys.length === 0) return null;
      return { slot, dataKeys, signer: { slotId: slot.id, privateKey: signingKeyObject(sign), publicKey: slot.publicKeys.sign } };
    } finally {
      plain.fill(0);
    }
  } finally {
    wrappingKey.fill(0);
  }
}

/** Tries every slot of the kind at once (the derivations run in parallel on the thread pool). */
export async function openAnySlot(file: KeySlotFile, kind: SlotKind, secret: string): Promise<OpenedSlot | null> {
  assertSlotFileBounds(file);
  const candidates = file.slots.filter((slot) => slot.kind === kind);
  const results = await Promise.all(candidates.map((slot) => openSlot(file.vaultId, slot, secret)));
  let opened: OpenedSlot | null = null;
  for (const result of results) {
    if (result && !opened) opened = result;
    else if (result) wipeOpened(result);
  }
  return opened;
}

/** Slot id → raw Ed25519 public key (base64) of every v2 slot: whose signature each audit event may carry. */
export function slotSigningKeys(file: KeySlotFile): Map<string, string> {
  const keys = new Map<string, string>();
  for (const slot of file.slots) if (isSlotV2(slot)) keys.set(slot.id, slot.publicKeys.sign);
  return keys;
}

/** Signing keys of slots since removed or replaced, so the events they signed still verify. */
export function retiredSigningKeys(file: KeySlotFile): { slotId: string; publicKey: string }[] {
  return file.retired.map((entry) => ({ slotId: entry.id, publicKey: entry.sign }));
}

/** The file without `slotIds`' current keys, which move to the retired list. */
export function retireSlots(file: KeySlotFile, slotIds: readonly string[], keep: readonly KeySlot[] = []): KeySlotFile {
  const gone = file.slots.filter((slot) => slotIds.includes(slot.id));
  const retired = [...file.retired, ...gone.filter(isSlotV2).map((slot) => ({ id: slot.id, sign: slot.publicKeys.sign }))];
  return { ...file, slots: [...file.slots.filter((slot) => !slotIds.includes(slot.id)), ...keep], retired };
}

/** SQLCipher's salt: the first 16 bytes of the database file, base64 (empty for a file too short to have one). */
export function databaseSaltOf(databaseFile: string): string {
  const salt = Buffer.alloc(16);
  const fd = openSync(databaseFile, 'r');
  try {
    const read = readSync(fd, salt, 0, 16, 0);
    return read === 16 ? salt.toString('base64') : '';
  } finally {
    closeSync(fd);
  }
}

// ── The file ─────────────────────────────────────────────────────────────────────────────────

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
  const checked = KeySlotFileV2.parse(file);
  assertSlotFileBounds(checked);
  writeFileAtomic(path, `${JSON.stringify(checked, null, 2)}\n`);
}

export function replaceSlot(file: KeySlotFile, slot: KeySlot): KeySlotFile {
  return { ...file, slots: file.slots.map((existing) => (existing.id === slot.id ? slot : existing)) };
}

/** Keeps only `epoch`'s sealed key in every v2 slot: a rotation finished (the newer epoch) or undone (the older). */
export function settleEpoch(file: KeySlotFile, epoch: number): KeySlotFile {
  const salt = file.databaseSalts[String(epoch)];
  return {
    ...file,
    epoch,
    databaseSalts: salt ? { [String(epoch)]: salt } : {},
    slots: file.slots.map((slot) => {
      if (!isSlotV2(slot)) return slot;
      const sealed = slot.sealed.filter((entry) => entry.epoch === epoch);
      // A slot holding no key of that epoch cannot open the vault either way; it is left as it is.
      return sealed.length ? { ...slot, sealed } : slot;
    }),
  };
}

/** True when some v2 slot still holds a key of an epoch other than `epoch` (a rotation cut short). */
export function holdsOtherEpochs(file: KeySlotFile, epoch: number): boolean {
  return file.epoch !== epoch || file.slots.some((slot) => isSlotV2(slot) && slot.sealed.some((entry) => entry.epoch !== epoch));
}
