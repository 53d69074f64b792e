import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase, type SqliteDatabase } from '../../src-main/vault/database';
import { MIGRATIONS, migrate, SCHEMA_VERSION, schemaVersionOf } from '../../src-main/vault/migrations';
import { copyBeforeMigrating } from '../../src-main/vault/pre-migration-copy';
import { createEmptyPrivateFile } from '../../src-main/vault/secure-file';
import { tempDir } from '../fixtures/vault';

function emptyEncryptedDatabase(): SqliteDatabase {
  const file = join(tempDir(), 'fixture.db');
  createEmptyPrivateFile(file);
  return openEncryptedDatabase(file, randomBytes(32));
}

function tables(db: SqliteDatabase): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((row) => row.name);
}

/**
 * One check per migration: migrate a vault to the version before it, write rows the way that
 * schema did, apply the migration, and compare. A new migration without an entry here fails.
 */
const CHECKS: Record<string, (db: SqliteDatabase) => void> = {
  '0000_foundation': (db) => {
    expect(tables(db)).toEqual([]);
    migrate(db, 1);
    expect(tables(db)).toEqual(['audit_events', 'settings', 'vault_members']);
    db.prepare(
      "INSERT INTO vault_members (slot_id, name, role, added_at) VALUES ('slot-0001', 'Avery Quill', 'case_manager', '2026-09-01T12:00:00.000Z')",
    ).run();
    expect(db.prepare('SELECT name, removed_at FROM vault_members').all()).toEqual([{ name: 'Avery Quill', removed_at: null }]);
  },
  '0001_program': (db) => {
    const insertMember = db.prepare('INSERT INTO vault_members (slot_id, name, role, added_at, removed_at) VALUES (?, ?, ?, ?, ?)');
    insertMember.run('slot-0001', 'Avery Quill', 'case_manager', '2026-09-01T12:00:00.000Z', null);
    insertMember.run('slot-0002', 'Former Member', 'counselor', '2026-09-02T12:00:00.000Z', '2026-10-01T12:00:00.000Z');
    db.prepare(
      "INSERT INTO audit_events (at, actor_slot_id, action) VALUES ('2026-09-01T12:00:00.000Z', 'slot-0001', 'vault.created')",
    ).run();
    migrate(db, 2);
    // Members who hold a slot become staff who author changes; removed members do not.
    expect(db.prepare('SELECT name, role, slot_id FROM staff').all()).toEqual([
      { name: 'Avery Quill', role: 'case_manager', slot_id: 'slot-0001' },
    ]);
    expect(db.prepare('SELECT action, hash, entity FROM audit_events').all()).toEqual([
      { action: 'vault.created', hash: null, entity: null },
    ]);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'students',
        'guardians',
        'plans',
        'plan_team',
        'goals',
        'accommodations',
        'accommodation_goals',
        'mentors',
        'assignments',
      ]),
    );
  },
};

describe('migrations', () => {
  it('every migration has its own test', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(MIGRATIONS.map((migration) => migration.tag).sort());
    expect(readdirSync(join(import.meta.dirname, '../../db/migrations')).filter((name) => name.endsWith('.sql')).length).toBe(
      SCHEMA_VERSION,
    );
  });

  for (const migration of MIGRATIONS) {
    it(`${migration.tag} applies on data written by the schema before it`, () => {
      const db = emptyEncryptedDatabase();
      migrate(db, migration.version - 1);
      CHECKS[migration.tag]?.(db);
      expect(schemaVersionOf(db)).toBe(migration.version);
      db.close();
    });
  }

  it('applies all pending migrations in one transaction: a failing one leaves the vault as it was', () => {
    const db = emptyEncryptedDatabase();
    const broken = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, tag: '9999_broken', statements: ['CREATE TABLE later (x)', 'THIS IS NOT SQL'] },
    ];
    expect(() => migrate(db, SCHEMA_VERSION + 1, broken)).toThrow();
    expect(schemaVersionOf(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a vault from a newer schema', () => {
    const db = emptyEncryptedDatabase();
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'vault_too_new' }));
    db.close();
  });

  it('keeps an encrypted copy of a vault before migrating it', () => {
    const key = randomBytes(32);
    const dir = tempDir();
    const file = join(dir, 'live.db');
    createEmptyPrivateFile(file);
    const live = openEncryptedDatabase(file, key);
    migrate(live);
    live.prepare("INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '15')").run();
    const copy = copyBeforeMigrating(live, dir, SCHEMA_VERSION);
    live.close();
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(readFileSync(copy).includes(Buffer.from('SQLite format 3'))).toBe(false);
    const reopened = openEncryptedDatabase(copy, key, { verify: true });
    expect(reopened.prepare('SELECT value FROM settings').all()).toEqual([{ value: '15' }]);
    expect(schemaVersionOf(reopened)).toBe(SCHEMA_VERSION);
    reopened.close();
  });
});
