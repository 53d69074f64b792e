/**
 * The service host as a worker thread (src-main/host, the same entry Electron forks as a
 * utilityProcess) answers exactly as the dispatch does in this thread: the same calls on two fresh
 * vaults give the same envelopes (ids, times and the recovery key aside). It survives a lock, asks
 * its caller for dialogs, and sends a caller's failing dialog back by name only.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import type { FileDialogs } from '../../src-main/api/handlers/files';
import type { Result } from '../../src-main/contract';
import type { HostClient } from '../../src-main/host/client';
import { startHostThread } from '../../src-main/host/thread';
import { studentInput } from '../fixtures/program-input';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const STARTUP_MS = 180_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/** What differs between two fresh vaults by design: random ids, the clock, the recovery key. */
function comparable(result: Result<unknown>): unknown {
  return JSON.parse(
    JSON.stringify(result, (key, value) => (key === 'recoveryKey' ? '<recovery key>' : value))
      .replace(UUID, '<id>')
      .replace(INSTANT, '<instant>'),
  );
}

const hosts: HostClient[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function thread(dialogs?: FileDialogs): Promise<HostClient> {
  const host = await startHostThread({ dir: join(tempDir(), 'vault'), kdfCost: TEST_KDF, dialogs });
  hosts.push(host);
  return host;
}

function recordingDialogs(folder: string) {
  const asked: string[] = [];
  const dialogs: FileDialogs = {
    async chooseSavePath({ suggestedName }) {
      asked.push(`save ${suggestedName}`);
      return join(folder, suggestedName);
    },
    async chooseFolder({ title }) {
      asked.push(`folder ${title}`);
      return folder;
    },
  };
  return { asked, dialogs };
}

describe('the service host in a worker thread', () => {
  it(
    'answers every call as the in-process dispatch does, and survives a lock',
    async () => {
      const here = createPeerpath({ dir: join(tempDir(), 'vault'), kdfCost: TEST_KDF });
      const host = await thread();
      const both = async (channel: string, input: unknown) => {
        const [local, remote] = [await here.dispatch(channel, input), await host.dispatch(channel, input)];
        expect(comparable(remote)).toEqual(comparable(local));
        return remote;
      };

      expect(await both('vault.status', {})).toMatchObject({ ok: true, value: { state: 'absent' } });
      expect(await both('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE })).toMatchObject({
        ok: true,
      });
      const created = await both('students.create', studentInput());
      expect(created).toMatchObject({ ok: true, value: { firstName: 'Zebulon' } });
      expect(await both('students.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
      expect(await both('students.create', { ...studentInput(), grade: 14 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(await both('students.create', studentInput())).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await both('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      // Without dialogs (as on the command line) the file channels refuse, in both.
      expect(await both('files.chooseFolder', { title: 'Where?' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      // A lock through the client's control message, as the app's screen lock or a test's idle lock.
      here.session.lock('idle');
      await host.lock('idle');
      expect(await both('students.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
      expect(await both('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
      expect(await both('vault.unlock', { passphrase: 'not the passphrase at all' })).toMatchObject({
        ok: false,
        error: { code: 'wrong_secret' },
      });
      // The wrong passphrase set a wait; a fresh pair of sessions would differ only in its length.
      await new Promise((wait) => setTimeout(wait, 1_100));
      expect(await both('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
      expect(await both('students.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
      here.session.lock('system');
    },
    STARTUP_MS,
  );

  it(
    'asks its caller for a dialog over the same port and uses the answer',
    async () => {
      const folder = tempDir();
      const { asked, dialogs } = recordingDialogs(folder);
      const host = await thread(dialogs);
      await host.dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
      expect(await host.dispatch('files.chooseFolder', { title: 'Save the batch where?' })).toEqual({ ok: true, value: { path: folder } });
      expect(await host.dispatch('files.chooseSavePath', { title: 'Save', suggestedName: 'summary.pdf', filter: 'pdf' })).toEqual({
        ok: true,
        value: { path: join(folder, 'summary.pdf') },
      });
      expect(asked).toEqual(['folder Save the batch where?', 'save summary.pdf']);
    },
    STARTUP_MS,
  );

  it(
    'turns a dialog that fails in the caller into `internal`, with nothing of its message',
    async () => {
      const dialogs: FileDialogs = {
        chooseSavePath: async () => {
          throw new TypeError('cannot open /home/jordan-example/notes');
        },
        chooseFolder: async () => null,
      };
      const host = await thread(dialogs);
      const result = await host.dispatch('files.chooseSavePath', { title: 'Save', suggestedName: 'a.pdf', filter: 'pdf' });
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(result)).not.toContain('jordan');
      expect(await host.dispatch('files.chooseFolder', { title: 'Where?' })).toEqual({ ok: true, value: { path: null } });
    },
    STARTUP_MS,
  );

  it(
    'after close, answers every call with plain words instead of hanging',
    async () => {
      const host = await thread();
      await host.close();
      expect(await host.dispatch('vault.status', {})).toMatchObject({
        ok: false,
        error: { code: 'internal', message: expect.stringMatching(/stopped/) },
      });
    },
    STARTUP_MS,
  );
});
