import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src-main/vault/migrations';
import { peerpath, requireBuiltCli } from '../fixtures/cli';
import { PASSPHRASE, tempDir } from '../fixtures/vault';

const NEW_PASSPHRASE = 'granite pelican saffron tundra';

describe('peerpath CLI', () => {
  beforeAll(requireBuiltCli);

  it('runs the vault lifecycle: init, check, add-member, change-passphrase, recovery-key, backup, restore', { timeout: 180_000 }, () => {
    const root = tempDir();
    const vault = join(root, 'vault');
    const init = peerpath(['vault', 'init', '--name', 'Avery Quill', '--role', 'case_manager', '--vault', vault], {
      PEERPATH_PASSPHRASE: PASSPHRASE,
    });
    expect(init).toMatchObject({ code: 0, err: '' });
    expect(init.out).toMatch(/Recovery key.*\n\n\s+([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);

    expect(peerpath(['vault', 'check', '--vault', vault], { PEERPATH_PASSPHRASE: PASSPHRASE })).toEqual({
      code: 0,
      out: `ok: schema ${SCHEMA_VERSION}, integrity ok, 1 team member(s) with access\n`,
      err: '',
    });
    expect(
      peerpath(['vault', 'add-member', '--name', 'Blair Ondine', '--role', 'counselor', '--vault', vault], {
        PEERPATH_PASSPHRASE: PASSPHRASE,
        PEERPATH_NEW_PASSPHRASE: 'copper lantern orbit meadow',
      }),
    ).toMatchObject({ code: 0, out: 'Added Blair Ondine (counselor).\n' });
    expect(
      peerpath(['vault', 'change-passphrase', '--vault', vault], {
        PEERPATH_PASSPHRASE: PASSPHRASE,
        PEERPATH_NEW_PASSPHRASE: NEW_PASSPHRASE,
      }),
    ).toMatchObject({ code: 0 });
    expect(peerpath(['vault', 'check', '--vault', vault], { PEERPATH_PASSPHRASE: PASSPHRASE })).toEqual({
      code: 1,
      out: '',
      err: 'peerpath: That passphrase does not open this vault.\n',
    });

    const renewed = peerpath(['vault', 'recovery-key', '--vault', vault], { PEERPATH_PASSPHRASE: NEW_PASSPHRASE });
    const recoveryKey = renewed.out.match(/([0-9A-Z]{4}-){7}[0-9A-Z]{4}/)?.[0] ?? '';
    expect(recoveryKey).not.toBe('');

    const backup = join(root, 'team.ppbak');
    expect(peerpath(['vault', 'backup', backup, '--vault', vault], { PEERPATH_PASSPHRASE: NEW_PASSPHRASE })).toMatchObject({ code: 0 });
    const restored = join(root, 'restored');
    expect(
      peerpath(['vault', 'restore', backup, restored, '--recovery-key', '--vault', vault], { PEERPATH_PASSPHRASE: recoveryKey }),
    ).toMatchObject({
      code: 0,
      out: `Restored into ${restored}; integrity ok.\n`,
    });
    expect(peerpath(['vault', 'check', '--vault', restored], { PEERPATH_PASSPHRASE: NEW_PASSPHRASE }).out).toContain('2 team member(s)');
  });

  it('exits 2 on usage errors, with the usage', () => {
    for (const args of [
      [],
      ['vault'],
      ['vault', 'frobnicate'],
      ['vault', 'backup'],
      ['vault', 'init', '--role', 'wizard', '--name', 'X'],
      ['students'],
    ]) {
      const result = peerpath(args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.err).toContain('Usage: peerpath vault');
    }
  });

  it('never takes a secret from argv', () => {
    const result = peerpath(['vault', 'check', '--passphrase', PASSPHRASE]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Unknown option '--passphrase'/);
  });

  it('asks for the environment variable when there is no terminal to prompt in', () => {
    const result = peerpath(['vault', 'check', '--vault', join(tempDir(), 'v')]);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe('peerpath: set PEERPATH_PASSPHRASE or run this in a terminal to be asked');
  });

  it('prints help and exits 0', () => {
    expect(peerpath(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('vault restore <file> <dir>') });
  });
});
