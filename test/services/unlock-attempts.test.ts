/**
 * The wrong-passphrase delay is shared by every process on the computer: it is counted in a file
 * beside the vault (no secrets), so a `peerpath` command run in a loop meets the same growing wait
 * as the app. Two sessions over one vault stand in for two processes: they share nothing in memory.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { ATTEMPTS_FILE } from '../../src-main/vault/unlock-attempts';
import { OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

async function lockedVault(now: () => number): Promise<string> {
  const dir = join(tempDir(), 'vault');
  const { dispatch } = createPeerpath({ dir, kdfCost: TEST_KDF, now });
  await dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  await dispatch('vault.lock', {});
  return dir;
}

describe('the wrong-passphrase delay is shared by every process', () => {
  it('two sessions over one vault meet one growing delay, and a right passphrase clears it for both', async () => {
    let clock = 5_000_000;
    const now = () => clock;
    const dir = await lockedVault(now);
    const app = createPeerpath({ dir, kdfCost: TEST_KDF, now });
    const cli = createPeerpath({ dir, kdfCost: TEST_KDF, now });

    expect(await app.dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'wrong_secret' },
    });
    expect(await cli.dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'wrong_secret' },
    });
    // The second failure was the other session's; this one must still wait.
    expect(await app.dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', retryAfterMs: 1000 },
    });
    expect(await cli.dispatch('vault.status', {})).toMatchObject({ ok: true, value: { retryAfterMs: 1000 } });

    clock += 1000;
    expect(await cli.dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'wrong_secret' },
    });
    expect(await app.dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', retryAfterMs: 2000 },
    });

    const file = join(dir, ATTEMPTS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ format: 'peerpath-unlock-attempts', failures: 3, lastFailureAt: clock });

    clock += 2000;
    expect(await app.dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await cli.dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked', retryAfterMs: 0 } });
    app.session.lock('user');
  });

  it('attempts started at once count from their start: the third of three at once waits', async () => {
    const now = () => 9_000_000;
    const dir = await lockedVault(now);
    const sessions = [0, 1, 2].map(() => createPeerpath({ dir, kdfCost: TEST_KDF, now }));
    const results = await Promise.all(sessions.map((each) => each.dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })));
    expect(results.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual(['wrong_secret', 'wrong_secret', 'rate_limited']);
  });
});
