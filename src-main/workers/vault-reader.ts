/**
 * A worker thread's own connection to the vault: read-only, kept open between tasks so a dashboard
 * does not pay for the key and the pragmas each time, and WAL lets it read while the main thread's
 * connection writes. One at a time, since a session has one vault open: a task for another file or
 * with another key (the vault was locked and unlocked, or the demo swapped in) closes the old one
 * first. Every key copy this thread receives is wiped once it is no longer needed.
 */
import { timingSafeEqual } from 'node:crypto';
import { type VaultDb, vaultDb } from '../services/vault-db';
import { openEncryptedDatabase, type SqliteDatabase } from '../vault/database';

/** Which vault to read and the key that opens it; the thread takes the key over (the sender wipes its own). */
export interface VaultAccess {
  file: string;
  dataKey: Uint8Array;
}

interface OpenReader {
  file: string;
  key: Buffer;
  connection: SqliteDatabase;
  db: VaultDb;
}

export function createVaultReader() {
  let open: OpenReader | null = null;

  function close(): void {
    if (!open) return;
    const closing = open;
    open = null;
    closing.key.fill(0);
    // No `PRAGMA optimize` (closeDatabase): a read-only connection could not write what it finds.
    closing.connection.close();
  }

  return {
    /** The database of `access`, reusing the open connection only for the same file and the same key. */
    db(access: VaultAccess): VaultDb {
      const key = Buffer.from(access.dataKey.buffer, access.dataKey.byteOffset, access.dataKey.byteLength);
      if (open && (open.file !== access.file || !sameKey(open.key, key))) close();
      if (open) {
        key.fill(0);
        return open.db;
      }
      let connection: SqliteDatabase;
      try {
        connection = openEncryptedDatabase(access.file, key, { readonly: true });
      } catch (error) {
        key.fill(0);
        throw error;
      }
      open = { file: access.file, key, connection, db: vaultDb(connection) };
      return open.db;
    },
    close,
  };
}

export type VaultReader = ReturnType<typeof createVaultReader>;

function sameKey(held: Buffer, offered: Buffer): boolean {
  return held.length === offered.length && timingSafeEqual(held, offered);
}
