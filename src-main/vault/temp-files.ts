/**
 * Temp files of the vault's own writers (key slots, backups, restores). Each is written under a
 * name that says which computer and which process wrote it, then renamed into place; a writer that
 * is killed (SIGKILL, power cut) cannot clean up, so the next writer into the same folder removes
 * the leftovers of its own kind whose process is gone. A temp file of a process still running, or
 * of another computer (a shared backup drive), is never touched: it may be in the middle of its work.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** A short tag of this computer's name, so a shared folder can tell its own leftovers from others'. */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** `<prefix>.<host>.<pid>.<random>.tmp`; a hidden name when `prefix` starts with a dot. */
export function tempName(prefix: string): string {
  return `${prefix}.${HOST}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes `dir`'s temp files named by `tempName(prefix)` (and SQLite's `-wal` / `-shm` beside them)
 * that this computer's processes left behind when they died. Returns the names removed.
 */
export function removeStaleTemps(dir: string, prefix: string): string[] {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}\\.([0-9a-f]{8})\\.(\\d+)\\.[0-9a-f]{12}\\.tmp(-wal|-shm|-journal)?$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match || match[1] !== HOST || !processIsGone(Number(match[2]))) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
