/**
 * The channels only the command line answers (marked `commandLineOnly` in the contract): they read
 * or write a file or folder the command line names. In the app, Peerpath writes only where its own
 * dialogs were answered (files.ts), and a page — or a script injected into it — must never name a
 * place on disk; so every dispatch built without `commandLine` refuses these channels with
 * `forbidden`, decided here, once, for the whole contract. Also here: the work behind two of them
 * that is more than one service call (a roster file, a demo vault in a folder).
 */
import { readdirSync } from 'node:fs';
import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';
import {
  AppError,
  COMMAND_LINE_CHANNELS,
  type DemoSeeded,
  type InputOf,
  MAX_CSV_CHARS,
  type ParsedInputOf,
  type RosterFileImport,
} from '../../contract';
import type { ServiceContext } from '../../services/context';
import { createDemoSeeder, resolveDemoOptions } from '../../services/demo';
import { readUserFile } from '../../services/exchange/file';
import { decodeCsvBytes, parseCsvText } from '../../services/roster/csv';
import { LOCAL_ID_LABEL } from '../../services/roster/fields';
import { commitRoster, describeDuplicate, describeRowError, RosterRejected } from '../../services/roster/import';
import { detectMapping } from '../../services/roster/mapping';
import { createVaultSession } from '../../services/vault-session';
import { vaultExists } from '../../vault/vault';
import type { Handlers } from '../dispatch';

export const COMMAND_LINE_ONLY_REFUSAL = 'Only the peerpath command line may name a file or folder on disk.';

/** Every command-line-only channel refuses unless this dispatch serves the command line. */
export function refusedOffTheCommandLine(handlers: Handlers, commandLine: boolean): Handlers {
  if (commandLine) return handlers;
  const guarded: Record<string, unknown> = { ...handlers };
  for (const channel of COMMAND_LINE_CHANNELS) {
    guarded[channel] = () => {
      throw new AppError('forbidden', COMMAND_LINE_ONLY_REFUSAL);
    };
  }
  return guarded as Handlers;
}

/** `roster.commit` of a file; a refusal comes back with every bad row, for the terminal to list. */
export function importRosterFile(
  ctx: ServiceContext,
  { kind, file, skipDuplicates }: ParsedInputOf<'roster.importFile'>,
): RosterFileImport {
  const csvText = decodeCsvBytes(readUserFile(file, MAX_CSV_CHARS, 'The file is larger than 10 MB; split it into smaller files.'));
  let result: { imported: number; skipped: number };
  try {
    result = commitRoster(ctx, { kind, csvText, skipDuplicates });
  } catch (error) {
    if (!(error instanceof RosterRejected)) throw error;
    return {
      outcome: 'refused',
      problemRows: new Set(error.errors.map((e) => e.row)).size,
      problems: error.errors.map(describeRowError),
      duplicates: error.duplicates.map((duplicate) => describeDuplicate(kind, duplicate)),
      idLabel: LOCAL_ID_LABEL[kind],
    };
  }
  const headers = parseCsvText(csvText).headers;
  const used = new Set(Object.values(detectMapping(kind, headers)));
  return { outcome: 'imported', ...result, ignoredColumns: headers.filter((header) => !used.has(header)) };
}

const NOT_NEW = 'demo data goes only into a new one. Choose an empty folder.';

/** A folder for new demo data: not there yet, or empty (so nothing of anyone's is removed to make room). */
function refuseUnlessNew(folder: string): void {
  if (vaultExists(folder)) throw new AppError('vault_exists', `That folder already holds a vault; ${NOT_NEW}`);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new AppError('conflict', `That is not an empty folder; ${NOT_NEW}`);
  }
  if (entries.length > 0) throw new AppError('conflict', `That folder is not empty; ${NOT_NEW}`);
}

/**
 * A new vault of synthetic data, in its own session: `into`, or the app's demo folder (replaced, as
 * "Try with demo data" does). Returns what it holds and its (printable) passphrase, locked again.
 */
export async function seedDemoVault(input: InputOf<'vault.seedDemo'>, appDemoDir: string | undefined): Promise<DemoSeeded> {
  const { into, ...options } = input;
  const { weeks } = resolveDemoOptions(options);
  const folder = into ?? appDemoDir;
  if (folder === undefined) throw new AppError('forbidden', 'Demo data is not available here.');
  if (into !== undefined) refuseUnlessNew(into);
  const demo = createVaultSession({ dir: folder, demoDir: folder, seedDemo: createDemoSeeder(options) });
  try {
    const { passphrase } = await demo.createDemo();
    const db = demo.db();
    const rows = (table: SQLiteTable) => db.select({ n: count() }).from(table).get()?.n ?? 0;
    const counts = {
      students: rows(schema.students),
      plans: rows(schema.plans),
      goals: rows(schema.goals),
      mentors: rows(schema.mentors),
      assignments: rows(schema.assignments),
      sessions: rows(schema.sessions),
      checkIns: rows(schema.checkIns),
      progressPoints: rows(schema.progressPoints),
      observations: rows(schema.observations),
    };
    return { folder, passphrase, weeks, counts };
  } finally {
    demo.lock('user');
  }
}
