/**
 * `roster.importFile`: a roster read from a file the command line names, committed as `roster.commit`
 * does (all rows or none). A refusal comes back as data with every bad row and duplicate, for the
 * terminal to list one line each (the error envelope carries one message).
 */
import { MAX_CSV_CHARS, type ParsedInputOf, type RosterFileImport } from '../../contract';
import type { ServiceContext } from '../context';
import { readUserFile } from '../exchange/file';
import { decodeCsvBytes, parseCsvText } from './csv';
import { LOCAL_ID_LABEL } from './fields';
import { commitRoster, describeDuplicate, describeRowError, RosterRejected } from './import';
import { detectMapping } from './mapping';

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
