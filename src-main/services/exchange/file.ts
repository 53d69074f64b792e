/**
 * The export file on disk: created new (never over an existing file), user-only (0600), flushed
 * before it is reported as written. Reading an export back refuses what is not JSON.
 */
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { AppError } from '../../contract';

const FILE_MODE = 0o600;
/** Far above any school's data; stops a wrong file (a disk image, a video) from being read whole. */
const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

function fileError(error: unknown, file: 'export' | 'import'): AppError | unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EEXIST') return new AppError('conflict', 'That file already exists; Peerpath never overwrites a file. Choose a new name.');
  if (code === 'ENOENT') {
    return new AppError('not_found', file === 'export' ? 'The folder for the export file does not exist.' : 'That file does not exist.');
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError('forbidden', 'Peerpath may not use that file or folder.');
  if (code === 'EISDIR') return new AppError('invalid_input', 'That is a folder, not a file.');
  return error;
}

export function writeNewPrivateFile(path: string, text: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', FILE_MODE);
  } catch (error) {
    throw fileError(error, 'export');
  }
  try {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw fileError(error, 'export');
  }
}

/** A file the user named, read whole; `tooLarge` is the refusal when it is over `maxBytes`. */
export function readUserFile(path: string, maxBytes: number, tooLarge: string): Buffer {
  try {
    if (statSync(path).size > maxBytes) throw new AppError('invalid_input', tooLarge);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError(error, 'import');
  }
}

/** The parsed JSON of an export file; its shape is checked by the importer. */
export function readJsonFile(path: string): unknown {
  const text = readUserFile(path, MAX_IMPORT_BYTES, 'That file is far too large to be a Peerpath export.').toString('utf8');
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    throw new AppError('invalid_input', 'That file is not a Peerpath export: it is not valid JSON.');
  }
}
