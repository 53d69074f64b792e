/** Files a person names for Peerpath to read (a roster, an export): regular files only, capped before reading. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile, readUserFile } from '../../src-main/services/exchange/file';
import { importRosterFile } from '../../src-main/services/roster/import-file';
import { unlockedApp } from '../fixtures/unlocked-app';
import { tempDir } from '../fixtures/vault';

const TOO_LARGE = 'too large';

describe('reading a file the user named', () => {
  it('refuses a device such as /dev/zero at once instead of reading without end', async () => {
    const { session } = await unlockedApp();
    expect(() => readUserFile('/dev/zero', 1024, TOO_LARGE)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => importRosterFile(session.context(), { kind: 'students', file: '/dev/zero', skipDuplicates: false })).toThrow(
      expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/not a file Peerpath can read/) }),
    );
    expect(() => readJsonFile('/dev/zero')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(tempDir(), 'roster.csv');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(() => readUserFile(fifo, 1024, TOO_LARGE)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => readJsonFile(fifo)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(Date.now() - started).toBeLessThan(2000);
  }, 10_000);

  it('refuses a folder', () => {
    const folder = join(tempDir(), 'export.json');
    mkdirSync(folder);
    expect(() => readJsonFile(folder)).toThrow(
      expect.objectContaining({ code: 'invalid_input', message: 'That is a folder, not a file.' }),
    );
  });

  it('refuses a file over the cap before reading it, and reads one within it whole', () => {
    const file = join(tempDir(), 'roster.csv');
    writeFileSync(file, 'x'.repeat(2048));
    expect(() => readUserFile(file, 2047, TOO_LARGE)).toThrow(expect.objectContaining({ code: 'invalid_input', message: TOO_LARGE }));
    expect(readUserFile(file, 2048, TOO_LARGE).toString()).toBe('x'.repeat(2048));
    const empty = join(tempDir(), 'empty.csv');
    writeFileSync(empty, '');
    expect(readUserFile(empty, 10, TOO_LARGE).length).toBe(0);
  });

  it('says a missing file is missing', () => {
    expect(() => readUserFile(join(tempDir(), 'nope.csv'), 10, TOO_LARGE)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
