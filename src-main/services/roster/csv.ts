/**
 * Reading a roster file: bytes to text (UTF-8 with or without BOM, UTF-16 "Unicode text", or the
 * Windows-1252 that older Excel writes), then text to a header and records with csv-parse (quoted
 * fields, CRLF, commas inside quotes, tab- or semicolon-separated exports). Anything that is not a
 * CSV text file is refused with a plain reason; messages never quote the file's content.
 */
import { parse } from 'csv-parse/sync';
import { AppError } from '../../contract';

export interface CsvRecord {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
}

const SAVE_AS_CSV = 'Export the roster from your student information system as CSV (in Excel: File → Save As → CSV UTF-8).';

function refuse(message: string): AppError {
  return new AppError('invalid_input', message);
}

/** Bytes of a file → its text. Binary content is left for parseCsvText to refuse. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: "CSV (Comma delimited)" from Excel on Windows is Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function sniff(text: string): void {
  if (text.trim().length === 0) throw refuse('The file is empty.');
  if (text.startsWith('PK\u0003\u0004')) throw refuse(`This is an Excel workbook or another zip file, not CSV. ${SAVE_AS_CSV}`);
  if (text.startsWith('%PDF')) throw refuse(`This is a PDF, not CSV. ${SAVE_AS_CSV}`);
  const head = text.slice(0, 65_536);
  let odd = 0;
  for (let i = 0; i < head.length; i += 1) {
    const code = head.charCodeAt(i);
    if (code === 0) throw refuse(`This file is not CSV text (it holds binary data). ${SAVE_AS_CSV}`);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) odd += 1;
  }
  if (odd > 0 && odd / head.length > 0.01) throw refuse(`This file is not CSV text (it holds binary data). ${SAVE_AS_CSV}`);
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) throw refuse(`This looks like a JSON file, not CSV. ${SAVE_AS_CSV}`);
  if (start.startsWith('<')) throw refuse(`This looks like a web page or XML, not CSV. ${SAVE_AS_CSV}`);
}

/** The separator of the header line, outside quotes: comma, tab or semicolon (most frequent wins, comma on a tie). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

interface CsvFailure {
  code: string;
  lines?: unknown;
}

/** csv-parse's CsvError, recognised by its code (the class is not shared between its entry points). */
function isCsvFailure(error: unknown): error is CsvFailure {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^(CSV_|INVALID_)/.test(code);
}

function csvErrorMessage(error: CsvFailure): string {
  const line = typeof error.lines === 'number' ? ` near line ${error.lines}` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `The file could not be read as CSV${line}: a quoted value is never closed.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return `The file could not be read as CSV${line}: a quote mark is out of place (a quote inside a value must be doubled: "").`;
    case 'CSV_MAX_RECORD_SIZE':
      return `The file could not be read as CSV${line}: one row is far too long.`;
    default:
      return `The file could not be read as CSV${line}.`;
  }
}

function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim() || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

export function parseCsvText(input: string): CsvTable {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  sniff(text);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 1_000_000,
    });
  } catch (error) {
    if (isCsvFailure(error)) throw refuse(csvErrorMessage(error));
    throw error;
  }
  const [headerCells, ...data] = rows;
  if (!headerCells || headerCells.every((cell) => cell.trim() === '')) throw refuse('The first row is empty; it must name the columns.');
  if (headerCells.length < 2) {
    throw refuse('This does not look like a roster CSV: the first row has only one column. Check the file is comma-separated values.');
  }
  const records: CsvRecord[] = [];
  data.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    records.push({ row: index + 2, cells });
  });
  if (records.length === 0) throw refuse('The file has a header row but no data rows.');
  return { headers: uniqueHeaders(headerCells), records };
}
