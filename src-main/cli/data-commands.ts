/**
 * `peerpath import|export|audit|demo …`: the vault's records in and out, the audit trail, and demo
 * data. Each command is a request through dispatch, as the app makes them; the ones that name a file
 * or folder (`roster.importFile`, `exchange.*File`, `vault.seedDemo`) only the command line may make.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { AppError, type AuditEvent, DemoSeedOptions, type ExchangeCounts, type OutputOf, RosterKind } from '../contract';
import { CommandFailed, call, describe, type Io, UsageError, unlocked, withPeerpath } from './common';

const File = z.string().min(1);
const WholeNumber = z.number().int();

export const DataInvocation = z.discriminatedUnion('command', [
  z.object({ command: z.literal('import roster'), kind: RosterKind, skipDuplicates: z.boolean(), positionals: z.tuple([File]) }),
  z.object({ command: z.literal('import json'), positionals: z.tuple([File]) }),
  z.object({ command: z.literal('export json'), positionals: z.tuple([File]) }),
  z.object({ command: z.literal('audit verify'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('audit list'), limit: WholeNumber.min(1).max(500).default(50), positionals: z.tuple([]) }),
  z.object({
    command: z.literal('demo seed'),
    students: WholeNumber.optional(),
    mentors: WholeNumber.optional(),
    weeks: WholeNumber.optional(),
    seed: WholeNumber.optional(),
    positionals: z.tuple([]),
  }),
]);
export type DataInvocation = z.infer<typeof DataInvocation>;
export const DATA_COMMANDS: readonly string[] = DataInvocation.options.map((option) => option.shape.command.value);

const NOUNS: Record<RosterKind, [string, string]> = {
  students: ['student', 'students'],
  mentors: ['mentor', 'mentors'],
  staff: ['staff member', 'staff members'],
};

function plural(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

type RosterRefusal = Extract<OutputOf<'roster.importFile'>, { outcome: 'refused' }>;

function rosterFailure(refused: RosterRefusal, skipDuplicates: boolean): CommandFailed {
  const lines: string[] = [];
  if (refused.problems.length > 0) {
    lines.push(`peerpath: nothing was imported; ${refused.problemRows} row(s) have problems:`);
    for (const problem of refused.problems) lines.push(`  ${problem}`);
  }
  if (refused.duplicates.length > 0 && !skipDuplicates) {
    const what = `${refused.duplicates.length} row(s) repeat a ${refused.idLabel} already in Peerpath or earlier in the file (--skip-duplicates leaves them out):`;
    lines.push(lines.length ? what : `peerpath: nothing was imported; ${what}`);
    for (const duplicate of refused.duplicates) lines.push(`  ${duplicate}`);
  }
  return new CommandFailed(lines);
}

function tally(counts: ExchangeCounts): string {
  const n = (table: string) => counts[table] ?? 0;
  const parts = [
    plural(n('students'), ['student', 'students']),
    plural(n('plans'), ['plan', 'plans']),
    plural(n('goals'), ['goal', 'goals']),
    plural(n('mentors'), ['mentor', 'mentors']),
  ];
  return `${parts.join(', ')} and ${plural(n('staff'), ['staff record', 'staff records'])}`;
}

function auditLine(event: AuditEvent): string {
  const subject = event.entity ? `${event.entity}${event.entityId ? `/${event.entityId}` : ''}` : '-';
  return [String(event.id), event.at, event.actorName ?? '-', event.action, subject, event.fields.join(',') || '-'].join('\t');
}

const DemoOptions = z.object(DemoSeedOptions);

async function seedDemo(
  invocation: Extract<DataInvocation, { command: 'demo seed' }>,
  vaultOption: string | undefined,
  dir: string,
  io: Io,
): Promise<void> {
  const options = { students: invocation.students, mentors: invocation.mentors, weeks: invocation.weeks, seed: invocation.seed };
  const checked = DemoOptions.safeParse(options);
  if (!checked.success) throw new UsageError(`Demo data options: ${describe(checked.error)}`);
  // Without --vault, the app's demo folder is replaced as "Try with demo data" does; any other folder must be new.
  const seeded = await withPeerpath(io, dir, (peerpath) => call(peerpath, 'vault.seedDemo', { into: vaultOption, ...options }));
  const { counts } = seeded;
  const totals = [
    `${counts.students} students`,
    `${counts.plans} plans`,
    `${counts.goals} goals`,
    `${counts.mentors} mentors`,
    `${counts.assignments} assignments`,
  ];
  io.out(`Created a demo vault of synthetic data in ${seeded.folder}: ${totals.join(', ')}.`);
  const weeks = [
    `${counts.sessions} sessions`,
    `${counts.checkIns} check-ins`,
    `${counts.progressPoints} progress points`,
    `${counts.observations} observations`,
  ];
  io.out(`Over its ${seeded.weeks} weeks: ${weeks.join(', ')}.`);
  io.out(`Its passphrase is "${seeded.passphrase}".`);
}

export async function runData(
  invocation: DataInvocation,
  vaultOption: string | undefined,
  dir: string,
  recovery: boolean,
  io: Io,
): Promise<void> {
  if (invocation.command === 'demo seed') return seedDemo(invocation, vaultOption, dir, io);
  // A file to read that is not there fails before a secret is asked for (`exchange.importFile` says the same).
  if (invocation.command === 'import json' && !existsSync(invocation.positionals[0])) {
    throw new AppError('not_found', 'That file does not exist.');
  }
  await withPeerpath(io, dir, async (peerpath) => {
    await unlocked(peerpath, io, recovery);
    switch (invocation.command) {
      case 'import roster': {
        const { kind, skipDuplicates } = invocation;
        const result = await call(peerpath, 'roster.importFile', { kind, file: invocation.positionals[0], skipDuplicates });
        if (result.outcome === 'refused') throw rosterFailure(result, skipDuplicates);
        const skipped = result.skipped ? ` Left out ${result.skipped} duplicate row(s).` : '';
        io.out(`Imported ${plural(result.imported, NOUNS[kind])}.${skipped}`);
        if (result.ignoredColumns.length) io.out(`Columns not imported: ${result.ignoredColumns.join(', ')}`);
        return;
      }
      case 'import json': {
        const { counts, linkedStaff } = await call(peerpath, 'exchange.importFile', { file: invocation.positionals[0] });
        io.out(`Imported ${tally(counts)}.`);
        if (linkedStaff) io.out(`${linkedStaff} team member(s) now use the imported staff record with their name and role.`);
        return;
      }
      case 'export json': {
        const file = invocation.positionals[0];
        const counts = await call(peerpath, 'exchange.exportFile', { file });
        io.err(
          `peerpath: warning: ${file} is NOT encrypted — it holds student records in plain text; keep it safe and delete it when done.`,
        );
        io.out(`Exported ${tally(counts)} to ${file}.`);
        return;
      }
      case 'audit verify': {
        const verdict = await call(peerpath, 'audit.verify', {});
        // The verdict's message names each member whose events fail, are missing or out of order, one per line.
        if (!verdict.ok) throw new AppError('vault_damaged', verdict.message);
        const unsigned = verdict.unsigned ? ` (${verdict.unsigned} unsigned, from before Peerpath signed events)` : '';
        io.out(`ok: ${verdict.checked} events, chain intact${unsigned}`);
        return;
      }
      case 'audit list': {
        for (const event of await call(peerpath, 'audit.list', { limit: invocation.limit })) io.out(auditLine(event));
        return;
      }
    }
  });
}
