/**
 * `peerpath import|export|audit|demo …`: the vault's records in and out, the audit trail, and demo
 * data. Each command calls the same service functions the app does; nothing here writes SQL.
 */
import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import * as schema from '../../db/schema';
import { createPeerpath } from '../api/app';
import { AppError, type AuditEvent } from '../contract';
import { MAX_CSV_CHARS, RosterKind } from '../contract/roster';
import { demoVaultFolder } from '../data-folder';
import { verifyAuditChain } from '../services/audit';
import { createDemoSeeder, resolveDemoOptions } from '../services/demo';
import { exportToFile } from '../services/exchange/export';
import { readJsonFile, readUserFile } from '../services/exchange/file';
import type { ExportCounts } from '../services/exchange/format';
import { importExport } from '../services/exchange/import';
import { decodeCsvBytes, parseCsvText } from '../services/roster/csv';
import { LOCAL_ID_LABEL } from '../services/roster/fields';
import { commitRoster, describeDuplicate, describeRowError, RosterRejected } from '../services/roster/import';
import { detectMapping } from '../services/roster/mapping';
import { DEMO_PASSPHRASE } from '../services/vault-session';
import { vaultExists } from '../vault/vault';
import { CommandFailed, type Io, UsageError, unlocked } from './common';

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

function rosterFailure(kind: RosterKind, rejected: RosterRejected, skipDuplicates: boolean): CommandFailed {
  const lines: string[] = [];
  if (rejected.errors.length > 0) {
    const rows = new Set(rejected.errors.map((e) => e.row)).size;
    lines.push(`peerpath: nothing was imported; ${rows} row(s) have problems:`);
    for (const error of rejected.errors) lines.push(`  ${describeRowError(error)}`);
  }
  if (rejected.duplicates.length > 0 && !skipDuplicates) {
    const what = `${rejected.duplicates.length} row(s) repeat a ${LOCAL_ID_LABEL[kind]} already in Peerpath or earlier in the file (--skip-duplicates leaves them out):`;
    lines.push(lines.length ? what : `peerpath: nothing was imported; ${what}`);
    for (const duplicate of rejected.duplicates) lines.push(`  ${describeDuplicate(kind, duplicate)}`);
  }
  return new CommandFailed(lines);
}

function importRoster(app: ReturnType<typeof createPeerpath>, io: Io, kind: RosterKind, file: string, skipDuplicates: boolean): void {
  const bytes = readUserFile(file, MAX_CSV_CHARS, 'The file is larger than 10 MB; split it into smaller files.');
  const csvText = decodeCsvBytes(bytes);
  let result: { imported: number; skipped: number };
  try {
    result = commitRoster(app.session.context(), { kind, csvText, skipDuplicates });
  } catch (error) {
    if (error instanceof RosterRejected) throw rosterFailure(kind, error, skipDuplicates);
    throw error;
  }
  const skipped = result.skipped ? ` Left out ${result.skipped} duplicate row(s).` : '';
  io.out(`Imported ${plural(result.imported, NOUNS[kind])}.${skipped}`);
  const table = parseCsvText(csvText);
  const used = new Set(Object.values(detectMapping(kind, table.headers)));
  const ignored = table.headers.filter((header) => !used.has(header));
  if (ignored.length) io.out(`Columns not imported: ${ignored.join(', ')}`);
}

function tally(counts: ExportCounts): string {
  const parts = [
    plural(counts.students, ['student', 'students']),
    plural(counts.plans, ['plan', 'plans']),
    plural(counts.goals, ['goal', 'goals']),
    plural(counts.mentors, ['mentor', 'mentors']),
  ];
  return `${parts.join(', ')} and ${plural(counts.staff, ['staff record', 'staff records'])}`;
}

function auditLine(event: AuditEvent): string {
  const subject = event.entity ? `${event.entity}${event.entityId ? `/${event.entityId}` : ''}` : '-';
  return [String(event.id), event.at, event.actorName ?? '-', event.action, subject, event.fields.join(',') || '-'].join('\t');
}

async function seedDemo(
  invocation: Extract<DataInvocation, { command: 'demo seed' }>,
  vaultOption: string | undefined,
  io: Io,
): Promise<void> {
  const options = { students: invocation.students, mentors: invocation.mentors, weeks: invocation.weeks, seed: invocation.seed };
  try {
    resolveDemoOptions(options);
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
  // The app's demo folder is replaced as "Try with demo data" does; any other folder must not hold a vault yet.
  const dir = vaultOption ?? demoVaultFolder();
  if (vaultOption !== undefined && vaultExists(dir)) {
    throw new AppError('vault_exists', 'That folder already holds a vault; demo data goes only into a new one. Choose an empty folder.');
  }
  const app = createPeerpath({ dir, demoDir: dir, seedDemo: createDemoSeeder(options) });
  try {
    await app.session.createDemo();
    const db = app.session.db();
    const rows = (table: SQLiteTable) => db.select({ n: count() }).from(table).get()?.n ?? 0;
    const totals = [
      `${rows(schema.students)} students`,
      `${rows(schema.plans)} plans`,
      `${rows(schema.goals)} goals`,
      `${rows(schema.mentors)} mentors`,
      `${rows(schema.assignments)} assignments`,
    ];
    io.out(`Created a demo vault of synthetic data in ${dir}: ${totals.join(', ')}.`);
    const weeks = [
      `${rows(schema.sessions)} sessions`,
      `${rows(schema.checkIns)} check-ins`,
      `${rows(schema.progressPoints)} progress points`,
      `${rows(schema.observations)} observations`,
    ];
    io.out(`Over its ${resolveDemoOptions(options).weeks} weeks: ${weeks.join(', ')}.`);
    io.out(`Its passphrase is "${DEMO_PASSPHRASE}".`);
  } finally {
    app.session.lock('user');
  }
}

export async function runData(
  invocation: DataInvocation,
  vaultOption: string | undefined,
  dir: string,
  recovery: boolean,
  io: Io,
): Promise<void> {
  if (invocation.command === 'demo seed') return seedDemo(invocation, vaultOption, io);
  // Read what the user gave before asking for a secret: a wrong path fails fast.
  const imported = invocation.command === 'import json' ? readJsonFile(invocation.positionals[0]) : undefined;
  const app = createPeerpath({ dir });
  try {
    await unlocked(app, io, recovery);
    switch (invocation.command) {
      case 'import roster':
        importRoster(app, io, invocation.kind, invocation.positionals[0], invocation.skipDuplicates);
        return;
      case 'import json': {
        const { counts, linkedStaff } = importExport(app.session.context(), imported);
        io.out(`Imported ${tally(counts)}.`);
        if (linkedStaff) io.out(`${linkedStaff} team member(s) now use the imported staff record with their name and role.`);
        return;
      }
      case 'export json': {
        const file = invocation.positionals[0];
        const counts = exportToFile(app.session.context(), file);
        io.err(
          `peerpath: warning: ${file} is NOT encrypted — it holds student records in plain text; keep it safe and delete it when done.`,
        );
        io.out(`Exported ${tally(counts)} to ${file}.`);
        return;
      }
      case 'audit verify': {
        const verdict = verifyAuditChain(app.session.db());
        if (!verdict.ok) throw new AppError('vault_damaged', verdict.message);
        io.out(`ok: ${verdict.checked} events, chain intact`);
        return;
      }
      case 'audit list': {
        const result = await app.dispatch('audit.list', { limit: invocation.limit });
        if (!result.ok) throw new AppError(result.error.code, result.error.message);
        for (const event of result.value as AuditEvent[]) io.out(auditLine(event));
        return;
      }
    }
  } finally {
    app.session.lock('user');
  }
}
