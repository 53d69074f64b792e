/**
 * The export file on disk: created new (never over an existing file), user-only (0600), flushed
 * before it is reported as written. A file Peerpath reads (an export, a roster) must be a regular
 * file no larger than its cap, checked on the open file before a byte is read: a FIFO, a device
 * (/dev/zero) or a folder is refused, never waited on or read without end. Reading an export back
 * refuses what is not JSON.
 */
import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
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

const NOT_A_FILE = 'That is not a file Peerpath can read: choose a regular file (not a folder, device or pipe).';

/**
 * A file the user named, read whole; `tooLarge` is the refusal when it is over `maxBytes`. Opened
 * without blocking (a FIFO with no writer would hold the open forever), then checked with `fstat`
 * on what was opened, so what is checked is what is read.
 */
export function readUserFile(path: string, maxBytes: number, tooLarge: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fileError(error, 'import');
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new AppError('invalid_input', 'That is a folder, not a file.');
    if (!stat.isFile()) throw new AppError('invalid_input', NOT_A_FILE);
    if (stat.size > maxBytes) throw new AppError('invalid_input', tooLarge);
    // One byte more than fstat promised tells a file that grew while it was read: refused, never cut short.
    const buffer = Buffer.alloc(stat.size + 1);
    let read = 0;
    for (;;) {
      const count = readSync(fd, buffer, read, buffer.length - read, null);
      if (count === 0) break;
      read += count;
      if (read === buffer.length) throw new AppError('conflict', 'The file changed while Peerpath read it; try again.');
    }
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError(error, 'import');
  } finally {
    closeSync(fd);
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
