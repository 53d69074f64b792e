/**
 * `peerpath report …` and `peerpath audit list --disclosures`: arguments checked (zod) before the
 * vault is unlocked, with exit 2 and a line saying what is wrong; reports written only to --out and
 * never over a file; the disclosure record listed. Run in-process, plus once through the built CLI
 * to show the bundled fonts travel with it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli';
import { type Connect, connectToHost } from '../../src-main/cli/common';
import { ReportInvocation } from '../../src-main/cli/report-commands';
import { REPORT_LANGUAGE_CODES } from '../../src-main/contract';
import { studentInput } from '../fixtures/program-input';
import { PASSPHRASE, tempDir } from '../fixtures/vault';
import { PREPARED_ON, pdfText, reportStudent } from './reports-fixture';

const UNLOCK = { PEERPATH_PASSPHRASE: PASSPHRASE };

/** The channels the command line called, in order: the CLI's way to the services is the host's dispatch. */
const called: string[] = [];
const watched: Connect = async (dir) => {
  const connection = await connectToHost(dir);
  return {
    ...connection,
    dispatch: (channel, input) => {
      called.push(channel);
      return connection.dispatch(channel, input);
    },
  };
};

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => out.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => err.push(line));
  try {
    const code = await main(argv, UNLOCK, watched);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('peerpath report: arguments', () => {
  it.each(REPORT_LANGUAGE_CODES)('--lang %s names a report language', (lang) => {
    const invocation = { command: 'report parent', student: 'S-1', lang, recipient: 'A', purpose: 'B', out: 'x.pdf' };
    expect(ReportInvocation.safeParse(invocation).success).toBe(true);
  });

  it.each([
    [['report', 'team', '--student', 'S-1'], 'wrong arguments for "report team": out:'],
    [['report', 'team', '--student', 'S-1', '--out', 'x.txt'], 'out: Give a file name ending in .pdf.'],
    [['report', 'team', '--student', 'S-1', '--out', 'x.pdf', '--from', '2026-02-30'], 'from: That date does not exist.'],
    [['report', 'team', '--student', 'S-1', '--out', 'x.pdf', '--to', '15/10/2026'], 'to: Use a date like 2026-09-14.'],
    [
      ['report', 'parent', '--student', 'S-1', '--lang', 'de', '--recipient', 'A', '--purpose', 'B', '--out', 'x.pdf'],
      'lang: Choose one of: ar, en, es, fr, hi, so, uk, vi, zh.',
    ],
    [['report', 'parent', '--student', 'S-1', '--lang', 'es', '--purpose', 'B', '--out', 'x.pdf'], 'recipient:'],
    [['report', 'parent', '--student', 'S-1', '--lang', 'es', '--recipient', 'A', '--out', 'x.pdf'], 'purpose:'],
    [['report', 'mentor', '--out', 'x.pdf'], 'mentor:'],
    [['report', 'batch', '--case-manager', 'E1'], 'out:'],
    [['report', 'summary', '--out', 'x.pdf'], 'unknown command "report summary"'],
    [['report', 'team', '--student', 'S-1', '--out', 'x.pdf', '--colour', 'red'], "Unknown option '--colour'"],
    [['audit', 'list', '--disclosures', '--limit', 'many'], 'limit: Use a whole number.'],
  ])('%j is a usage error: %s', async (argv, message) => {
    const result = await run([...argv, '--vault', join(tempDir(), 'none')]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(message);
    expect(result.err).toContain('Usage: peerpath');
  });
});

describe('peerpath report: writing and recording', () => {
  it('writes each report only to --out, never over a file, and lists the disclosures', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const out = tempDir();
    // Saved in the app after the case manager's review of the names: the listing says so, by counts.
    await app.call('reports.save', {
      path: join(tempDir(), 'reviewed.pdf'),
      request: {
        kind: 'parent_report',
        studentId: app.student.id,
        language: 'en',
        recipient: 'Marisol Quixote (mother)',
        purpose: 'reviewed',
        preparedOn: PREPARED_ON,
        redaction: { keep: ['SR'], remove: [] },
      },
    });
    app.session.lock('user');
    const vault = app.dir;

    const team = await run([
      'report',
      'team',
      '--student',
      'S-100234',
      '--prepared-on',
      PREPARED_ON,
      '--out',
      join(out, 'team.pdf'),
      '--vault',
      vault,
    ]);
    expect(team).toMatchObject({ code: 0, err: '' });
    expect(team.out).toMatch(/^Wrote .*team\.pdf \(\d pages\); recorded as internal use\.$/);

    const parent = await run([
      'report',
      'parent',
      '--student',
      'S-100234',
      '--lang',
      'es',
      '--recipient',
      'Marisol Quixote (madre)',
      '--purpose',
      'informe trimestral',
      '--from',
      '2026-09-01',
      '--to',
      '2026-10-09',
      '--prepared-on',
      PREPARED_ON,
      '--out',
      join(out, 'familia.pdf'),
      '--vault',
      vault,
    ]);
    expect(parent.code).toBe(0);
    expect(parent.out).toContain('recorded as a disclosure to Marisol Quixote (madre).');

    const again = await run(['report', 'team', '--student', 'S-100234', '--out', join(out, 'team.pdf'), '--vault', vault]);
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.err).toBe('peerpath: A file with that name is already there; nothing was overwritten. Choose another name.');
    const nobody = await run(['report', 'team', '--student', 'S-999999', '--out', join(out, 'nobody.pdf'), '--vault', vault]);
    expect(nobody).toMatchObject({ code: 1, err: 'peerpath: That student does not exist (it may have been purged).' });
    expect(readdirSync(out).sort()).toEqual(['familia.pdf', 'team.pdf']);

    const listed = await run(['audit', 'list', '--disclosures', '--vault', vault]);
    expect(listed.code).toBe(0);
    const lines = listed.out.split('\n').map((line) => line.split('\t'));
    expect(lines.map((line) => line.slice(2))).toEqual([
      [
        'Avery Quill',
        'disclosure',
        'parent report',
        'student S-100234',
        '2026-09-01..2026-10-09',
        'prepared 2026-10-15',
        'to: Marisol Quixote (madre)',
        'for: informe trimestral',
      ],
      ['Avery Quill', 'internal use', 'team summary', 'student S-100234', '2026-09-01..2026-10-15', 'prepared 2026-10-15', '-', '-'],
      [
        'Avery Quill',
        'disclosure',
        'parent report',
        'student S-100234',
        '2026-09-01..2026-10-15',
        'prepared 2026-10-15',
        'to: Marisol Quixote (mother)',
        'for: reviewed',
        'names reviewed: 3 replaced, 1 kept, 0 added',
      ],
    ]);
    const mine = await run(['audit', 'list', '--disclosures', '--student', 'S-100234', '--limit', '1', '--vault', vault]);
    expect(mine.out.split('\n')).toHaveLength(1);
  });
});

describe('peerpath report batch', () => {
  it('writes a team summary per student of the caseload through the app’s batch job and lists the one that failed', {
    timeout: 180_000,
  }, async () => {
    const app = await reportStudent();
    const caseManagerId = app.ctx.actor.staffId ?? '';
    await app.call('students.update', { id: app.student.id, changes: { caseManagerId } });
    // No plan yet: this one's report fails.
    await app.call('students.create', studentInput({ localId: 'S-100300', firstName: 'Aurelio', lastName: 'Baptiste', caseManagerId }));
    app.session.lock('user');
    const out = tempDir();

    const result = await run([
      'report',
      'batch',
      '--case-manager',
      caseManagerId,
      '--prepared-on',
      PREPARED_ON,
      '--out',
      out,
      '--vault',
      app.dir,
    ]);
    expect(result.code).toBe(1);
    expect(result.out).toBe(`Wrote 1 of 2 team summaries into ${out}.`);
    expect(result.err.split('\n')).toEqual([
      'peerpath: 1 could not be made:',
      '  S-100300: This student has no active or ended plan to report on.',
    ]);
    expect(readdirSync(out)).toEqual(['S-100234 Quixote-Marchetti – team summary – 2026-10-15.pdf']);
    // Through the service host's dispatch (reports.batchStart, then batchStatus until done), as the app runs a batch.
    expect(called.filter((channel) => channel.startsWith('reports.batch'))).toContain('reports.batchStart');
    expect(called.at(-1)).toBe('reports.batchStatus');
    const listed = await run(['audit', 'list', '--disclosures', '--vault', app.dir]);
    expect(listed.out.split('\n').map((line) => line.split('\t').slice(3, 5))).toEqual([['internal use', 'team summary']]);
  });
});

describe('the built CLI', () => {
  const bin = join(import.meta.dirname, '../../bin/peerpath.mjs');
  const built = existsSync(join(import.meta.dirname, '../../out/main/cli.js'));

  it('renders a report with the fonts bundled into the build', { timeout: 120_000 }, async (context) => {
    if (!built) context.skip('the app is not built (npm test builds it first)');
    const app = await reportStudent();
    app.session.lock('user');
    const file = join(tempDir(), 'built.pdf');
    const result = spawnSync(
      process.execPath,
      [bin, 'report', 'mentor', '--mentor', app.mentor.localId, '--out', file, '--vault', app.dir],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...UNLOCK },
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(pdfText(readFileSync(file))).toContain('Sam Rivera gave 3 hours of service');
  });
});
