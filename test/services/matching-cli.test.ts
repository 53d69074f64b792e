/**
 * `peerpath match …` run through the CLI's own entry point (`main`, as bin/peerpath.mjs calls it)
 * in this process, on a real encrypted vault: what it prints, its exit codes, and what it writes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { main } from '../../src-main/cli';
import { MatchRun } from '../../src-main/contract/matching';
import { PASSPHRASE } from '../fixtures/vault';
import { school } from './matching-fixture';

const UNLOCK = { PEERPATH_PASSPHRASE: PASSPHRASE };

async function peerpath(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => {
    out.push(line);
  });
  vi.spyOn(console, 'error').mockImplementation((line: string) => {
    err.push(line);
  });
  const code = await main(args, UNLOCK);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The school of matching-fixture.ts, locked, for the CLI to unlock. */
async function lockedSchool() {
  const app = await school();
  app.session.lock('user');
  return app;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('peerpath match', () => {
  it('suggest prints each suggestion with its reasons and each open seat with why', async () => {
    const app = await lockedSchool();
    const { code, out, err } = await peerpath(['match', 'suggest', '--date', '2026-10-15', '--vault', app.dir]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^Matching for 2026-10-15 \(fill open seats\): 2 of 3 seats filled, total score \d+\.$/);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Math 7 \(peer tutor\) for Jordan Example: Sam Rivera, score \d+$/),
        '  - Sam is free during Math 7 on Mon P3, Wed P3.',
        '  - Sam trained as a peer tutor, complete on 2026-09-06.',
        '  - A new pair, as rotating pairs advises. (+200)',
        expect.stringMatching(/^Science 7 \(peer buddy\) for Alex Sample: Ana Lopez, score \d+$/),
        'Left open: Math 7 (peer tutor) for Jordan Example, 1 seat',
        "  - Lee Park: Lee's training 'instructional techniques' expired on 2026-09-30.",
      ]),
    );
  });

  it('suggest --json prints the documented MatchRun', async () => {
    const app = await lockedSchool();
    const { code, out } = await peerpath(['match', 'suggest', '--json', '--date', '2026-10-15', '--vault', app.dir]);
    expect(code).toBe(0);
    const run = MatchRun.parse(JSON.parse(out));
    expect(Object.keys(JSON.parse(out))).toEqual([
      'startDate',
      'mode',
      'weights',
      'suggestions',
      'openSeats',
      'keptPairs',
      'ending',
      'totals',
    ]);
    expect(Object.keys(run.suggestions[0] ?? {})).toEqual([
      'accommodationId',
      'settingClass',
      'role',
      'studentId',
      'studentName',
      'mentorId',
      'mentorName',
      'replacesAssignmentId',
      'continues',
      'score',
      'reasons',
    ]);
    expect(run.totals).toMatchObject({ seats: 3, seatsFilled: 2, seatsOpen: 1 });
  });

  it('accept --all applies every suggestion, audit-logged, and a second run finds nothing more to do', async () => {
    const app = await lockedSchool();
    const accepted = await peerpath(['match', 'accept', '--all', '--date', '2026-10-15', '--vault', app.dir]);
    expect(accepted).toEqual({
      code: 0,
      out: 'Accepted 2 suggestions for 2026-10-15: 2 new assignments.\n1 seat left open: see `peerpath match suggest` for why.',
      err: '',
    });
    const again = await peerpath(['match', 'accept', '--all', '--date', '2026-10-15', '--vault', app.dir]);
    expect(again.out).toBe('Nothing to accept: no open seat has an eligible mentor on 2026-10-15 (1 seat open).');

    const reopened = createPeerpath({ dir: app.dir });
    await reopened.session.unlock(PASSPHRASE);
    const audit = await reopened.dispatch('audit.list', { limit: 20 });
    const actions = audit.ok ? (audit.value as { action: string }[]).map((event) => event.action) : [];
    expect(actions.filter((action) => action === 'assignment.created')).toHaveLength(2);
    expect(actions).toContain('matching.accepted');
    reopened.session.lock('user');
  });

  it('refuses wrong words with the usage (exit 2)', async () => {
    const app = await lockedSchool();
    const noAll = await peerpath(['match', 'accept', '--vault', app.dir]);
    expect(noAll.code).toBe(2);
    expect(noAll.err).toContain('wrong arguments for "match accept": all: give --all');
    const badDate = await peerpath(['match', 'suggest', '--date', '2026-13-01', '--vault', app.dir]);
    expect(badDate).toMatchObject({ code: 2, err: expect.stringContaining('date: That date does not exist.') });
    expect((await peerpath(['match', 'frobnicate', '--vault', app.dir])).code).toBe(2);
    expect((await peerpath(['match', 'suggest', '--all', '--vault', app.dir])).code).toBe(2);
  });
});
