import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrityCheck, openEncryptedDatabase } from '../../src-main/vault/database';
import { closeVault, createVault } from '../../src-main/vault/vault';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const ROUNDS = 30;
const WRITER = join(import.meta.dirname, '../fixtures/crash-writer.ts');

/** Starts the writer and resolves with every row number it reported committed before SIGKILL. */
function writeUntilKilled(file: string, keyHex: string, start: number, killAfterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(start)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const committed: number[] = [];
    let buffered = '';
    let errors = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) committed.push(Number(line));
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${errors}`));
      else resolve(committed);
    });
    child.stdin?.end(`${keyHex}\n`);
  });
}

describe('crash safety', () => {
  it(`survives ${ROUNDS} SIGKILLs mid-write: integrity ok and every committed row present`, { timeout: 240_000 }, async () => {
    const dir = join(tempDir(), 'vault');
    const { vault } = await createVault({ dir, passphrase: PASSPHRASE, kdfCost: TEST_KDF });
    const key = Buffer.from(vault.dataKey);
    closeVault(vault);
    const file = join(dir, 'peerpath.db');
    let next = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const committed = await writeUntilKilled(file, key.toString('hex'), next, 20 + Math.floor(Math.random() * 300));
      expect(committed.length).toBeGreaterThan(0);
      next = (committed.at(-1) ?? next) + 1;

      const db = openEncryptedDatabase(file, key, { verify: true });
      expect(integrityCheck(db)).toBe(true);
      const present = new Set(
        (db.prepare("SELECT subject FROM audit_events WHERE action = 'crash.test'").all() as { subject: string }[]).map(
          (row) => row.subject,
        ),
      );
      const missing = committed.filter((n) => !present.has(String(n)) || !present.has(`${n}-b`));
      expect(missing).toEqual([]);
      db.close();
    }
    key.fill(0);
  });
});
