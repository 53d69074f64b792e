/**
 * Wrong secrets counted on disk, beside the vault, so every process on the computer — the app and
 * each `peerpath` command — meets the same growing delay (services/unlock-throttle.ts decides it).
 * Counts and times only, never a secret; user-only and replaced atomically. A speed bump for
 * guessing through Peerpath: someone who can delete this file can also copy `keyslots.json` and
 * guess offline, which only the KDF's cost slows.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ATTEMPTS_FILE = 'unlock-attempts.json';
const FORMAT = 'peerpath-unlock-attempts';

export interface AttemptsState {
  failures: number;
  lastFailureAt: number;
}

const NONE: AttemptsState = { failures: 0, lastFailureAt: 0 };

/** The shared count; none when there is no file (or a file that is not ours). */
export function readUnlockAttempts(dir: string): AttemptsState {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, ATTEMPTS_FILE), 'utf8')) as {
      format?: unknown;
      failures?: unknown;
      lastFailureAt?: unknown;
    };
    const { failures, lastFailureAt } = parsed;
    if (parsed.format !== FORMAT || !Number.isSafeInteger(failures) || !Number.isFinite(lastFailureAt)) return NONE;
    return { failures: Math.max(0, failures as number), lastFailureAt: lastFailureAt as number };
  } catch {
    return NONE;
  }
}

/** Writes the count (temp file and rename, 0600); only into a vault folder that exists, never creating one. */
export function writeUnlockAttempts(dir: string, state: AttemptsState): void {
  if (!existsSync(dir)) return;
  const path = join(dir, ATTEMPTS_FILE);
  if (state.failures === 0) {
    rmSync(path, { force: true });
    return;
  }
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify({ format: FORMAT, ...state }), { mode: 0o600, flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
