/**
 * The command line is held to the same permission table as the app: a paraprofessional's
 * `peerpath export` is refused with the table's words and a non-zero exit, and writes nothing.
 * In-process, through the CLI's own entry point (`main`), connected to the test's app.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { main } from '../../src-main/cli';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const PARA_PASSPHRASE = 'paraprofessional quartz lantern meadow orbit';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the command line and roles', () => {
  it('refuses a paraprofessional’s export, saying who may, with exit code 1', { timeout: 60_000 }, async () => {
    const dir = join(tempDir(), 'vault');
    const app = createPeerpath({ dir, kdfCost: TEST_KDF, commandLine: true });
    await app.session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
    await app.session.addMember({ name: 'Dana Pell', role: 'paraprofessional', passphrase: PARA_PASSPHRASE });
    app.session.lock('user');

    const err: string[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation((line: string) => {
      err.push(line);
    });
    const file = join(tempDir(), 'export.json');
    const connect = () => ({
      dispatch: app.dispatch,
      close: () => {
        app.session.lock('user');
      },
    });
    const code = await main(['export', 'json', file, '--vault', dir], { PEERPATH_PASSPHRASE: PARA_PASSPHRASE }, connect);

    expect(code).toBe(1);
    expect(err.join('\n')).toBe(
      "peerpath: Your role (paraprofessional) can't export records — ask a case manager, a special-education teacher or an administrator.",
    );
    expect(existsSync(file)).toBe(false);
  });
});
