/**
 * Files of the vault are user-only (0600, folders 0700) and replaced atomically, so a crash leaves
 * either the old file or the new one, never half of each.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tempName } from './temp-files';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

/** Creates an empty user-only file; fails if it exists, so nothing is overwritten by accident. */
export function createEmptyPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', FILE_MODE));
}

/**
 * Writes a temp file beside `path` (named by `tempName`, so a later writer can remove it if this
 * process is killed) and renames it into place; a thrown error removes the temp file.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), tempName(basename(path)));
  try {
    const fd = openSync(temp, 'wx', FILE_MODE);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dirname(path));
}

export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
