/**
 * The printable recovery key: 160 random bits in Crockford base32, grouped by four so it can be
 * read aloud and typed back. Reading it forgives case, spaces, dashes and the look-alikes O/0, I/L/1.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 20;
const KEY_CHARS = (KEY_BYTES * 8) / 5;

export function generateRecoveryKey(): string {
  const bytes = randomBytes(KEY_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  bytes.fill(0);
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/** The canonical form used as the KDF secret, or null when the text cannot be a recovery key. */
export function normalizeRecoveryKey(text: string): string | null {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== KEY_CHARS) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return cleaned;
}
