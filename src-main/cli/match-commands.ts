/**
 * `peerpath match suggest|accept`: matching from the command line, through the same dispatch (so
 * the same contract validation and services) as the app. `suggest --json` prints the run as the
 * `MatchRun` documented in docs/matching.md; `accept --all` accepts every suggestion of a fresh
 * run in one transaction, audit-logged like accepting them in the app.
 */
import { z } from 'zod';
import { IsoDate } from '../contract';
import type { MatchRun } from '../contract/matching';
import { ROLE_LABELS } from '../services/mentors/eligibility';
import { call, describe, type Io, parseCommandLine, UsageError, unlocked, withPeerpath } from './common';

export const MATCH_USAGE = `  match suggest [--json] [--rotation] [--date <day>]
                                           suggest mentors for every open seat, with the reasons, and the seats
                                           left open with why (--json: docs/matching.md); nothing is written
  match accept --all [--rotation] [--date <day>]
                                           accept every suggestion of a fresh run, in one audit-logged transaction`;

const Shared = { rotation: z.boolean(), date: IsoDate.optional(), vault: z.string().min(1).optional(), recovery: z.boolean() };

const MatchInvocation = z.discriminatedUnion('command', [
  z.object({ command: z.literal('suggest'), json: z.boolean(), ...Shared }).strict(),
  z
    .object({
      command: z.literal('accept'),
      all: z.literal(true, { message: 'give --all: the command line accepts a whole run (the app accepts one by one)' }),
      ...Shared,
    })
    .strict(),
]);
type MatchInvocation = z.infer<typeof MatchInvocation>;

function parse(argv: string[]): MatchInvocation {
  const parsed = parseCommandLine(argv, {
    vault: { type: 'string' },
    'recovery-key': { type: 'boolean' },
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    rotation: { type: 'boolean' },
    date: { type: 'string' },
  });
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (!command) throw new UsageError('no match command given');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}" for "match ${command}"`);
  const common = { rotation: values.rotation ?? false, date: values.date, vault: values.vault, recovery: values['recovery-key'] ?? false };
  // Flags of the other command stay in, so the strict schema refuses them (`suggest --all`).
  const flags = Object.fromEntries(Object.entries({ json: values.json, all: values.all }).filter(([, value]) => value !== undefined));
  const defaults = command === 'suggest' ? { json: false } : { all: false };
  const invocation = MatchInvocation.safeParse({ command, ...defaults, ...flags, ...common });
  if (!invocation.success) throw new UsageError(`wrong arguments for "match ${command}": ${describe(invocation.error)}`);
  return invocation.data;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The run for a person at a terminal: each suggestion with its reasons, then each open seat with why. */
function printRun(run: MatchRun, io: Io): void {
  const mode = run.mode === 'rotation' ? 'rotation: new pairs except those marked as working' : 'fill open seats';
  io.out(
    `Matching for ${run.startDate} (${mode}): ${run.totals.seatsFilled} of ${plural(run.totals.seats, 'seat')} filled, total score ${run.totals.totalScore}.`,
  );
  for (const kept of run.keptPairs)
    io.out(`Kept: ${kept.settingClass} for ${kept.studentName}: ${kept.mentorName} (working, marked ${kept.markedOn})`);
  for (const s of run.suggestions) {
    const over = s.continues ? ' (the pair continues)' : s.replacesAssignmentId ? ' (takes over from the current mentor)' : '';
    io.out('');
    io.out(`${s.settingClass} (${ROLE_LABELS[s.role]}) for ${s.studentName}: ${s.mentorName}, score ${s.score}${over}`);
    for (const reason of s.reasons) io.out(`  - ${reason.text}${reason.points > 0 ? ` (+${reason.points})` : ''}`);
  }
  for (const open of run.openSeats) {
    io.out('');
    io.out(`Left open: ${open.settingClass} (${ROLE_LABELS[open.role]}) for ${open.studentName}, ${plural(open.seatsOpen, 'seat')}`);
    io.out(`  ${open.summary}`);
    for (const miss of open.nearMisses) io.out(`  - ${miss.mentorName}: ${miss.exclusions.map((e) => e.message).join(' ')}`);
  }
}

export async function runMatch(argv: string[], defaultVault: string, io: Io): Promise<void> {
  const invocation = parse(argv);
  await withPeerpath(io, invocation.vault ?? defaultVault, async (app) => {
    await unlocked(app, io, invocation.recovery);
    const run = await call(app, 'matching.suggest', { startDate: invocation.date, mode: invocation.rotation ? 'rotation' : 'fill' });
    if (invocation.command === 'suggest') {
      if (invocation.json) io.out(JSON.stringify(run, null, 2));
      else printRun(run, io);
      return;
    }
    if (run.suggestions.length === 0 && run.ending.length === 0) {
      io.out(`Nothing to accept: no open seat has an eligible mentor on ${run.startDate} (${plural(run.totals.seatsOpen, 'seat')} open).`);
      return;
    }
    const suggestions = run.suggestions.map(({ mentorId, accommodationId, replacesAssignmentId }) => ({
      mentorId,
      accommodationId,
      replacesAssignmentId,
    }));
    const ending = run.ending.map((pair) => pair.assignmentId);
    const result = await call(app, 'matching.accept', { startDate: run.startDate, suggestions, ending });
    const parts = [plural(result.created.length, 'new assignment')];
    if (result.ended > 0) parts.push(`${plural(result.ended, 'assignment')} ended ${run.startDate} (rotated)`);
    if (result.continued > 0) parts.push(`${plural(result.continued, 'pair')} continuing`);
    io.out(`Accepted ${plural(run.suggestions.length, 'suggestion')} for ${run.startDate}: ${parts.join(', ')}.`);
    if (run.totals.seatsOpen > 0) io.out(`${plural(run.totals.seatsOpen, 'seat')} left open: see \`peerpath match suggest\` for why.`);
  });
}
