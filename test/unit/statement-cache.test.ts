/** Kept prepared statements answer exactly as fresh ones would, whatever mode the last user left them in. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keepPreparedStatements } from '../../src-main/vault/statement-cache';

function database(limit?: number) {
  const db = new Database(':memory:');
  keepPreparedStatements(db, limit);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  db.prepare('INSERT INTO t (name) VALUES (?)').run('a');
  db.prepare('INSERT INTO t (name) VALUES (?)').run('b');
  return db;
}

describe('kept prepared statements', () => {
  it('hands out the same statement for the same SQL, and runs it with new parameters', () => {
    const db = database();
    const sql = 'SELECT name FROM t WHERE id = ?';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql).get(1)).toEqual({ name: 'a' });
    expect(db.prepare(sql).get(2)).toEqual({ name: 'b' });
  });

  it('sets a statement back to rows as objects after someone used it raw, plucked or expanded', () => {
    const db = database();
    const sql = 'SELECT id, name FROM t ORDER BY id';
    expect(db.prepare(sql).raw().all()).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(db.prepare(sql).all()).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
    expect(db.prepare(sql).pluck().all()).toEqual([1, 2]);
    expect(db.prepare(sql).get()).toEqual({ id: 1, name: 'a' });
    db.prepare(sql).expand();
    expect(db.prepare(sql).get()).toEqual({ id: 1, name: 'a' });
  });

  it('never shares a statement that is still being iterated', () => {
    const db = database();
    const sql = 'SELECT name FROM t ORDER BY id';
    const names: string[] = [];
    for (const row of db.prepare(sql).iterate() as Iterable<{ name: string }>) {
      names.push(row.name, ...(db.prepare(sql).all() as { name: string }[]).map((inner) => `${row.name}:${inner.name}`));
    }
    expect(names).toEqual(['a', 'a:a', 'a:b', 'b', 'b:a', 'b:b']);
  });

  it('keeps at most as many statements as asked, dropping the least recently used', () => {
    const db = database(2);
    const first = db.prepare('SELECT 1');
    const second = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(first);
    db.prepare('SELECT 3');
    expect(db.prepare('SELECT 1')).toBe(first);
    expect(db.prepare('SELECT 2')).not.toBe(second);
  });

  it('is kept once per connection, however often it is asked for', () => {
    const db = database();
    const prepare = db.prepare;
    keepPreparedStatements(db);
    expect(db.prepare).toBe(prepare);
  });
});
