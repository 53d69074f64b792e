import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { createVaultSession } from '../../src-main/services/vault-session';
import { peerpath, requireBuiltCli } from '../fixtures/cli';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const CSV = join(import.meta.dirname, '../fixtures/csv');
const UNLOCK = { PEERPATH_PASSPHRASE: PASSPHRASE };

/**
 * A vault made in-process with cheap KDF parameters: the CLI unlocks with whatever a slot records,
 * so each command below stays quick (`vault init` itself is covered by cli.test.ts).
 */
async function newVault(name = 'Avery Quill'): Promise<string> {
  const vault = join(tempDir(), 'vault');
  const session = createVaultSession({ dir: vault, kdfCost: TEST_KDF });
  await session.create({ memberName: name, memberRole: 'case_manager', passphrase: PASSPHRASE });
  session.lock('user');
  return vault;
}

/** The audit verdict line and the roster import count, read through the CLI itself. */
function auditActions(vault: string): string[] {
  const listed = peerpath(['audit', 'list', '--limit', '500', '--vault', vault], UNLOCK);
  expect(listed.code).toBe(0);
  return listed.out
    .trim()
    .split('\n')
    .map((line) => line.split('\t')[3] ?? '');
}

describe('peerpath import / export / audit', () => {
  beforeAll(requireBuiltCli);

  it('imports a roster, refuses bad rows and duplicates with every row listed, and changes nothing then', {
    timeout: 180_000,
  }, async () => {
    const vault = await newVault();
    expect(peerpath(['import', 'roster', '--kind', 'students', join(CSV, 'powerschool-students.csv'), '--vault', vault], UNLOCK)).toEqual({
      code: 0,
      out: 'Imported 4 students.\nColumns not imported: SchoolID\n',
      err: '',
    });

    const bad = peerpath(['import', 'roster', '--kind', 'students', join(CSV, 'students-bad.csv'), '--vault', vault], UNLOCK);
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err.split('\n')).toEqual([
      'peerpath: nothing was imported; 8 row(s) have problems:',
      '  row 2 (Birth Date): That date does not exist.',
      '  row 3 (Grade): Not a grade Peerpath knows: use PK, K, 1–12, or 13 for a transition program.',
      '  row 4 (First Name): First name is empty.',
      '  row 5 (Birth Date): Use a four-digit year. Use a date like 2012-03-09 or 3/9/2012.',
      '  row 6: This row has 8 values but the header has 6 columns (a comma inside a value needs quotes around the value).',
      '  row 7: This row has 4 values but the header has 6 columns.',
      '  row 8 (Grade): Grade is pre-K (-1) to 13.',
      '  row 9 (Birth Date): That date does not exist.',
      '',
    ]);

    const again = peerpath(['import', 'roster', '--kind', 'students', join(CSV, 'students-duplicates.csv'), '--vault', vault], UNLOCK);
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.err).toBe(
      'peerpath: nothing was imported; 1 row(s) repeat a student number already in Peerpath or earlier in the file (--skip-duplicates leaves them out):\n' +
        '  row 4: repeats the student number of row 2\n',
    );
    const garbage = join(tempDir(), 'roster.csv');
    writeFileSync(garbage, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x42, 0x10, 0x00, 0x9c]));
    expect(peerpath(['import', 'roster', '--kind', 'students', garbage, '--vault', vault], UNLOCK)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^peerpath: This file is not CSV text \(it holds binary data\)\./),
    });
    expect(peerpath(['import', 'roster', '--kind', 'students', join(CSV, 'header-only.csv'), '--vault', vault], UNLOCK)).toMatchObject({
      code: 1,
      err: 'peerpath: The file has a header row but no data rows.\n',
    });

    // Only the first import wrote anything; every refusal left the chain intact.
    expect(auditActions(vault).filter((action) => action === 'roster.imported')).toHaveLength(1);
    expect(
      peerpath(
        ['import', 'roster', '--kind', 'students', '--skip-duplicates', join(CSV, 'students-duplicates.csv'), '--vault', vault],
        UNLOCK,
      ),
    ).toMatchObject({ code: 0, out: 'Imported 3 students. Left out 1 duplicate row(s).\n' });
    expect(peerpath(['audit', 'verify', '--vault', vault], UNLOCK)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^ok: \d+ events, chain intact\n$/),
    });
  });

  it('exports to a new user-only file with a warning, never overwrites, and imports only into an empty vault', {
    timeout: 180_000,
  }, async () => {
    const vault = await newVault();
    expect(peerpath(['import', 'roster', '--kind', 'staff', join(CSV, 'staff.csv'), '--vault', vault], UNLOCK).code).toBe(0);
    expect(peerpath(['import', 'roster', '--kind', 'students', join(CSV, 'generic-students.csv'), '--vault', vault], UNLOCK).code).toBe(0);
    const file = join(tempDir(), 'peerpath-export.json');
    const exported = peerpath(['export', 'json', file, '--vault', vault], UNLOCK);
    expect(exported).toEqual({
      code: 0,
      out: `Exported 3 students, 0 plans, 0 goals, 0 mentors and 4 staff records to ${file}.\n`,
      err: `peerpath: warning: ${file} is NOT encrypted — it holds student records in plain text; keep it safe and delete it when done.\n`,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const first = readFileSync(file, 'utf8');
    expect(peerpath(['export', 'json', file, '--vault', vault], UNLOCK)).toEqual({
      code: 1,
      out: '',
      err: 'peerpath: That file already exists; Peerpath never overwrites a file. Choose a new name.\n',
    });
    expect(readFileSync(file, 'utf8')).toBe(first);

    expect(peerpath(['import', 'json', file, '--vault', vault], UNLOCK)).toMatchObject({
      code: 1,
      err: 'peerpath: A JSON export can only be imported into an empty vault, and this one already has students. Create a new vault for the import.\n',
    });
    const fresh = await newVault();
    expect(peerpath(['import', 'json', file, '--vault', fresh], UNLOCK)).toEqual({
      code: 0,
      out: 'Imported 3 students, 0 plans, 0 goals, 0 mentors and 4 staff records.\n1 team member(s) now use the imported staff record with their name and role.\n',
      err: '',
    });
    const second = join(tempDir(), 'again.json');
    expect(peerpath(['export', 'json', second, '--vault', fresh], UNLOCK).code).toBe(0);
    const strip = (text: string) => ({ ...JSON.parse(text), exportedAt: null });
    expect(strip(readFileSync(second, 'utf8'))).toEqual(strip(first));
    expect(auditActions(fresh)).toContain('import.json');
  });

  it('audit verify reports an edited event; audit list shows the newest first', { timeout: 120_000 }, async () => {
    const vault = await newVault();
    const ok = peerpath(['audit', 'verify', '--vault', vault], UNLOCK);
    expect(ok).toEqual({ code: 0, out: 'ok: 3 events, chain intact\n', err: '' });
    expect(auditActions(vault).slice(0, 2)).toEqual(['vault.unlocked', 'vault.unlocked']);

    const session = createVaultSession({ dir: vault });
    await session.unlock(PASSPHRASE);
    session.db().update(auditEvents).set({ action: 'vault.nothing_to_see' }).where(eq(auditEvents.id, 2)).run();
    session.lock('user');
    expect(peerpath(['audit', 'verify', '--vault', vault], UNLOCK)).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(
        /^peerpath: The audit trail was changed: event 2 \(or one just before it\) was edited or deleted\.\nAvery Quill: events 2 that name them do not verify/,
      ),
    });
  });

  it('exits 2 on usage errors of the new commands, with the usage', () => {
    for (const args of [
      ['import'],
      ['import', 'roster', 'students.csv'],
      ['import', 'roster', '--kind', 'pets', 'students.csv'],
      ['import', 'roster', '--kind', 'students'],
      ['import', 'spreadsheet', 'x.xlsx'],
      ['export', 'json'],
      ['export', 'csv', 'x.csv'],
      ['audit', 'list', '--limit', '0'],
      ['audit', 'list', '--limit', 'many'],
      ['audit', 'verify', 'extra'],
      ['demo', 'seed', '--students', '0'],
    ]) {
      const result = peerpath(args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.err).toContain('Usage: peerpath vault');
    }
    const help = peerpath(['--help']);
    for (const command of [
      'import roster --kind <kind> <file.csv>',
      'import json <file>',
      'export json <file>',
      'audit verify',
      'audit list',
      'demo seed',
    ]) {
      expect(help.out).toContain(command);
    }
  });

  it('demo seed makes a new vault of synthetic data and never touches an existing one', { timeout: 120_000 }, () => {
    const dir = join(tempDir(), 'demo');
    const seeded = peerpath(['demo', 'seed', '--students', '12', '--mentors', '6', '--weeks', '4', '--seed', '7', '--vault', dir]);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(
      /^Created a demo vault of synthetic data in .*: 12 students, \d+ plans, \d+ goals, 6 mentors, \d+ assignments\.\n/,
    );
    expect(peerpath(['demo', 'seed', '--vault', dir])).toMatchObject({
      code: 1,
      err: 'peerpath: That folder already holds a vault; demo data goes only into a new one. Choose an empty folder.\n',
    });
  });
});
