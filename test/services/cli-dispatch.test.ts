/**
 * The command line goes through the one dispatch: its commands are refused in meeting mode and on
 * bad input with the very code and message the app's IPC gets; the channels that name a file or
 * folder answer only the command line's dispatch (the app's refuses them, also through the IPC
 * registration); and the CLI's modules reach the services through nothing else.
 * In-process, through the CLI's own entry point (`main`, as bin/peerpath.mjs calls it), given the
 * test's app to connect to where a test needs to set the vault up first (meeting mode lives in a session).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPeerpath, type Peerpath } from '../../src-main/api/app';
import { COMMAND_LINE_ONLY_REFUSAL } from '../../src-main/api/handlers/command-line';
import { main } from '../../src-main/cli';
import type { Connect } from '../../src-main/cli/common';
import { type Channel, COMMAND_LINE_CHANNELS, type InputOf, type OutputOf } from '../../src-main/contract';
import { MEETING_MODE_REFUSAL } from '../../src-main/services/vault-session';
import { registerContractHandlers } from '../../src-main/shell/ipc';
import { APP_ORIGIN } from '../../src-main/shell/origin';
import { planInput, studentInput } from '../fixtures/program-input';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';
import { createFakeElectron, OUR_FRAME } from '../shell/fake-electron';

const CSV = join(import.meta.dirname, '../fixtures/csv');
const UNLOCK = { PEERPATH_PASSPHRASE: PASSPHRASE };

async function peerpath(args: string[], env: NodeJS.ProcessEnv = UNLOCK, connect?: Connect) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => {
    out.push(line);
  });
  vi.spyOn(console, 'error').mockImplementation((line: string) => {
    err.push(line);
  });
  const code = await main(args, env, connect);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A new, unlocked vault with one student; `commandLine` as the CLI's dispatch has it, or not (the app's). */
async function app(commandLine: boolean) {
  const dir = join(tempDir(), 'vault');
  const peerpathApp = createPeerpath({ dir, kdfCost: TEST_KDF, commandLine });
  async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const result = await peerpathApp.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as OutputOf<C>;
  }
  await call('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  const student = await call('students.create', studentInput());
  return { ...peerpathApp, dir, call, student };
}

/** The CLI connected to `app` (its dispatch, and locking at the end), as `startHostThread` will connect it to a host. */
function connectTo(running: Peerpath): Connect {
  return () => ({
    dispatch: running.dispatch,
    close: () => {
      running.session.lock('user');
    },
  });
}

describe('the command line goes through dispatch', () => {
  it('refuses every command in meeting mode with the line the app gets, and writes nothing', { timeout: 120_000 }, async () => {
    const school = await app(true);
    await school.call('plans.create', planInput(school.student.id));
    await school.call('meetings.start', {
      studentId: school.student.id,
      language: 'en',
      attendees: [{ name: 'Marisol Quixote', relation: 'mother' }],
    });
    // What the app's IPC gets for its own export in meeting mode: the CLI must say exactly this.
    const ipc = await school.dispatch('exchange.save', { path: join(tempDir(), 'export.json') });
    expect(ipc).toEqual({ ok: false, error: { code: 'forbidden', message: MEETING_MODE_REFUSAL } });
    const refusal = { code: 1, out: '', err: `peerpath: ${MEETING_MODE_REFUSAL}` };

    const out = tempDir();
    const cli = connectTo(school);
    const vault = ['--vault', school.dir];
    for (const args of [
      ['export', 'json', join(out, 'export.json')],
      ['import', 'roster', '--kind', 'students', join(CSV, 'powerschool-students.csv')],
      ['import', 'json', join(CSV, 'powerschool-students.csv')],
      ['vault', 'backup', join(out, 'team.ppbak')],
      ['vault', 'check'],
      ['vault', 'recovery-key'],
      ['vault', 'add-member', '--name', 'Blair Ondine', '--role', 'counselor'],
      ['audit', 'verify'],
      ['audit', 'list'],
      ['match', 'suggest'],
      ['vault', 'restore', join(out, 'team.ppbak'), join(out, 'restored')],
      ['demo', 'seed', '--vault', join(out, 'demo')],
    ]) {
      const env = { ...UNLOCK, PEERPATH_NEW_PASSPHRASE: 'copper lantern orbit meadow' };
      expect({ args, ...(await peerpath([...args, ...vault], env, cli)) }).toEqual({ args, ...refusal });
    }
    expect(readdirSync(out)).toEqual([]);
    // Still in the meeting, with the same one student.
    expect(school.session.meetingMode()?.studentId).toBe(school.student.id);
  });

  it('refuses bad input with the contract’s invalid_input message, as dispatch gives it', { timeout: 120_000 }, async () => {
    const school = await app(true);
    school.session.lock('user');
    const tooLong = 'x'.repeat(1025);
    const viaDispatch = await school.dispatch('vault.unlock', { passphrase: tooLong });
    expect(viaDispatch).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (viaDispatch.ok) return;
    // The CLI's own connection (not the test's app): the same dispatch is built for it.
    for (const args of [
      ['vault', 'check'],
      ['export', 'json', join(tempDir(), 'export.json')],
    ]) {
      expect(await peerpath([...args, '--vault', school.dir], { PEERPATH_PASSPHRASE: tooLong })).toEqual({
        code: 1,
        out: '',
        err: `peerpath: ${viaDispatch.error.message}`,
      });
    }
    const shortKey = await school.dispatch('vault.unlockWithRecoveryKey', { recoveryKey: 'ABCD-EFGH' });
    expect(shortKey).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await peerpath(['audit', 'verify', '--recovery-key', '--vault', school.dir], { PEERPATH_PASSPHRASE: 'ABCD-EFGH' })).toEqual({
      code: 1,
      out: '',
      err: `peerpath: ${shortKey.ok ? '' : shortKey.error.message}`,
    });
  });

  it('demo seed puts demo data only into a new or empty folder, removing nothing', { timeout: 120_000 }, async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'lesson-plans.txt'), 'mine');
    expect(await peerpath(['demo', 'seed', '--students', '3', '--mentors', '2', '--weeks', '1', '--vault', folder], {})).toEqual({
      code: 1,
      out: '',
      err: 'peerpath: That folder is not empty; demo data goes only into a new one. Choose an empty folder.',
    });
    expect(readFileSync(join(folder, 'lesson-plans.txt'), 'utf8')).toBe('mine');
    expect(await peerpath(['demo', 'seed', '--students', '0', '--vault', join(folder, 'new')], {})).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^peerpath: Demo data options: students: /),
    });
  });
});

describe('the channels that name a file or folder', () => {
  const expected = ['exchange.exportFile', 'exchange.importFile', 'roster.importFile', 'vault.backup', 'vault.restore', 'vault.seedDemo'];

  /** Valid input for each, pointing into `out`: run, each would write (or read) there. */
  function inputs(out: string, exportFile: string): Record<string, unknown> {
    return {
      'exchange.exportFile': { file: join(out, 'export.json') },
      'exchange.importFile': { file: exportFile },
      'roster.importFile': { kind: 'students', file: join(CSV, 'powerschool-students.csv') },
      'vault.backup': { file: join(out, 'team.ppbak') },
      'vault.restore': { file: join(out, 'team.ppbak'), into: join(out, 'restored'), secret: PASSPHRASE, kind: 'passphrase' },
      'vault.seedDemo': { into: join(out, 'demo'), students: 2, mentors: 1, weeks: 1 },
    };
  }

  it('are these, and only the command line’s dispatch answers them', { timeout: 120_000 }, async () => {
    expect([...COMMAND_LINE_CHANNELS].sort()).toEqual(expected);
    const shell = await app(false);
    const out = tempDir();
    const exportFile = join(tempDir(), 'given.json');
    writeFileSync(exportFile, '{}');
    const refused = { ok: false, error: { code: 'forbidden', message: COMMAND_LINE_ONLY_REFUSAL } };

    // The app's dispatch, called directly and through the IPC registration from our own window.
    const { ipcMain } = createFakeElectron();
    registerContractHandlers(ipcMain, { dispatch: shell.dispatch, trustedOrigin: APP_ORIGIN });
    for (const [channel, input] of Object.entries(inputs(out, exportFile))) {
      expect({ channel, result: await shell.dispatch(channel, input) }).toEqual({ channel, result: refused });
      expect({ channel, result: await ipcMain.invoke(channel, OUR_FRAME, input) }).toEqual({ channel, result: refused });
    }
    expect(readdirSync(out)).toEqual([]);
    expect(await shell.call('students.list', {})).toMatchObject({ total: 1 });

    // The command line's: the same requests are carried out.
    const cli = await app(true);
    const results: Record<string, boolean> = {};
    for (const [channel, input] of Object.entries(inputs(out, exportFile))) {
      const result = await cli.dispatch(channel, input);
      results[channel] = result.ok || result.error.code !== 'forbidden';
    }
    expect(results).toEqual(Object.fromEntries(expected.map((channel) => [channel, true])));
    expect(existsSync(join(out, 'export.json'))).toBe(true);
    expect(existsSync(join(out, 'team.ppbak'))).toBe(true);
  });
});

describe('the CLI’s modules', () => {
  it('reach the services only through dispatch (cli/common.ts builds it)', () => {
    const root = join(import.meta.dirname, '../../src-main');
    const files = ['cli.ts', ...readdirSync(join(root, 'cli')).map((name) => `cli/${name}`)].filter(
      // report-commands.ts still calls report services directly; it moves to dispatch in its own change.
      (file) => file !== 'cli/report-commands.ts',
    );
    const allowed: Record<string, string[]> = {
      // The one place the CLI holds Peerpath: to dispatch, and to lock at the end.
      'cli/common.ts': ['../api/app', '../api/dispatch'],
      // A table of role names for printing, no service call.
      'cli/match-commands.ts': ['../services/mentors/eligibility'],
    };
    const crossings: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const [, specifier] of source.matchAll(/from '([^']+)'/g)) {
        const reaches = /(^|\/)(services|vault|api|reports|workers|db)(\/|$)/.test(specifier ?? '');
        if (reaches && !allowed[file]?.includes(specifier ?? '')) crossings.push(`${file}: ${specifier}`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
