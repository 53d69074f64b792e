/**
 * Turns a secret (passphrase or recovery key) into a 256-bit wrapping key with Argon2id.
 * @node-rs/argon2 runs on libuv's thread pool, so deriving never blocks the Electron main thread,
 * and unlike `crypto.argon2` it also works under Electron's BoringSSL.
 */
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { AppError } from '../contract';

/** The shape of a slot's KDF parameters; whether they are within bounds is `assertKdfBounds`. */
export const KdfParams = z.object({
  alg: z.literal('argon2id'),
  memoryKiB: z.number().int().positive(),
  iterations: z.number().int().positive(),
  parallelism: z.number().int().positive(),
  /** base64, 16 bytes or more */
  salt: z.string().min(22).max(200),
});
export type KdfParams = z.infer<typeof KdfParams>;
export type KdfCost = Omit<KdfParams, 'salt' | 'alg'>;

/**
 * 128 MiB, 20 passes, 4 lanes: measured 0.55–0.6 s on the 2-core reference machine (t=16 took
 * 0.46 s), above Bitwarden's and KeePassXC's floor (64 MiB, t=3, p=4). Stored per slot, so raising
 * it later only needs a re-wrap.
 */
export const DEFAULT_KDF_COST: KdfCost = { memoryKiB: 128 * 1024, iterations: 20, parallelism: 4 };

/**
 * What one slot may ask of the computer that opens it. The slot file sits beside the vault,
 * unencrypted, so anyone who can write the folder can write these numbers; unchecked, 4 GiB × 100
 * passes was accepted. Memory up to 1 GiB, lanes up to 8 and passes up to 64, and memory × passes
 * at most 10 GiB-passes: 4× today's default (128 MiB × 20), about 2.4 s on the reference machine,
 * room to raise the default later. (A bound of 10 passes alone would refuse today's own default.)
 */
export const KDF_BOUNDS = {
  minMemoryKiB: 8 * 1024,
  maxMemoryKiB: 1024 * 1024,
  maxIterations: 64,
  maxParallelism: 8,
  maxMemoryPasses: 10 * 1024 * 1024,
} as const;

/**
 * `vault_damaged` with its own words: a code of its own (`keyslots_out_of_bounds`) needs a line in
 * the renderer's error catalog too, which is outside this change; switching is this one line.
 */
export function kdfOutOfBounds(message: string): AppError {
  return new AppError(
    'keyslots_out_of_bounds',
    `${message} The key-slot file (keyslots.json) may have been tampered with — restore it from a backup.`,
  );
}

/** Refuses parameters outside `KDF_BOUNDS`, before any derivation runs. */
export function assertKdfBounds(params: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>): void {
  const b = KDF_BOUNDS;
  if (
    params.memoryKiB < b.minMemoryKiB ||
    params.memoryKiB > b.maxMemoryKiB ||
    params.iterations > b.maxIterations ||
    params.parallelism > b.maxParallelism ||
    params.memoryKiB * params.iterations > b.maxMemoryPasses
  ) {
    throw kdfOutOfBounds('A key slot asks for more memory or time than Peerpath allows (at most 1 GiB, 64 passes, 8 lanes).');
  }
}

/** Argon2 algorithm id 2 is Argon2id in @node-rs/argon2's const enum. */
const ARGON2ID = 2;

export async function deriveWrappingKey(secret: string, params: KdfParams): Promise<Buffer> {
  assertKdfBounds(params);
  const out = await hashRaw(secret.normalize('NFC'), {
    salt: Buffer.from(params.salt, 'base64'),
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: 32,
    algorithm: ARGON2ID,
  });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
