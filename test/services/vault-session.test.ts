import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

function app(dir = tempDir(), now?: () => number) {
  return createPeerpath({ dir: `${dir}/vault`, demoDir: `${dir}/demo`, kdfCost: TEST_KDF, now });
}

describe('vault session', () => {
  it('creates, locks and unlocks with the passphrase', async () => {
    const { dispatch } = app();
    expect((await dispatch('vault.status', {})).ok && (await dispatch('vault.status', {}))).toMatchObject({ value: { state: 'absent' } });
    const created = await dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
    expect(created.ok).toBe(true);
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'unlocked', member: { name: 'Avery Quill' } } });
    expect(await dispatch('vault.lock', {})).toMatchObject({ ok: true, value: { state: 'locked', member: null } });
    expect(await dispatch('vault.members', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it('refuses a weak passphrase at creation with the reason', async () => {
    const { dispatch } = app();
    expect(await dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'weak_passphrase', message: expect.stringContaining('at least 12 characters') },
    });
    expect(
      await dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: 'password1234' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'weak_passphrase', message: expect.stringContaining('passwords people use most') },
    });
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'absent' } });
  });

  it('slows repeated wrong passphrases with a growing delay', async () => {
    let clock = 1_000_000;
    const { dispatch } = app(tempDir(), () => clock);
    await dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    expect(await dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    const limited = await dispatch('vault.unlock', { passphrase: PASSPHRASE });
    expect(limited).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: 1000 } });
    clock += 1000;
    expect(await dispatch('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    expect(await dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', retryAfterMs: 2000 },
    });
    clock += 2000;
    expect(await dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { retryAfterMs: 0 } });
  });
});
