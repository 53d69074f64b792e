/**
 * Who may write, checked on the source: the raw connection stays in src-main/vault/, only the two
 * named write paths make a write transaction, the session's own write path stays with the session
 * (and the demo seeder it hands the database to), and session/ is reached through vault-session.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(): { path: string; text: string }[] {
  return readdirSync(join(ROOT, 'src-main'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => {
      const path = relative(ROOT, join(ROOT, 'src-main', name))
        .split('\\')
        .join('/');
      return { path, text: readFileSync(join(ROOT, path), 'utf8') };
    });
}

function using(pattern: RegExp): string[] {
  return sources()
    .filter(({ text }) => pattern.test(text))
    .map(({ path }) => path)
    .sort();
}

describe('reads and writes typed apart, on the source', () => {
  it('touches the raw connection ($client) only under src-main/vault/', () => {
    expect(using(/\$client/).filter((path) => !path.startsWith('src-main/vault/'))).toEqual([]);
  });

  it('makes a write transaction only in change() and systemWrite()', () => {
    expect(using(/as unknown as VaultTx/)).toEqual(['src-main/services/context.ts']);
  });

  it('leaves systemWrite to the session and the demo seeder', () => {
    const importers = using(/import \{[^}]*\bsystemWrite\b[^}]*\} from/).filter((path) => !path.startsWith('src-main/services/session/'));
    expect(importers).toEqual(['src-main/services/demo/index.ts']);
  });

  it('reaches session/ only through vault-session.ts', () => {
    const importers = using(/from '[./]*session\/[a-z-]+'/).filter((path) => !path.startsWith('src-main/services/session/'));
    expect(importers).toEqual(['src-main/services/vault-session.ts']);
  });
});
