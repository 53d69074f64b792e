/** Files a person names for Peerpath to read (a roster, an export): regular files only, capped before reading. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
    // In a child process: a regression would block its thread in open(2) for good, so it is killed after a while.
    const script = `
      import { readJsonFile, readUserFile } from ${JSON.stringify(resolve('src-main/services/exchange/file.ts'))};
      const codes = [];
      for (const read of [() => readUserFile(process.argv[1], 1024, 'too large'), () => readJsonFile(process.argv[1])]) {
        try { read(); codes.push('read'); } catch (error) { codes.push(error.code); }
      }
      process.stdout.write(JSON.stringify(codes));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, fifo], {
      timeout: 20_000,
      encoding: 'utf8',
    });
    expect(child.signal).toBeNull();
    expect(JSON.parse(child.stdout)).toEqual(['invalid_input', 'invalid_input']);
  }, 30_000);

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
