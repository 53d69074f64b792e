/**
 * The start step (scripts/electron.mjs + electron-runtime.mjs): the Electron runtime is fetched
 * through Electron's own installer before anything launches it, a download that cannot happen is
 * one plain message and exit 1, and a runtime already present is used without running the installer.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectron, failureReason, findElectron, platformExecutable } from '../../scripts/electron-runtime.mjs';

const root = join(import.meta.dirname, '../..');
const realElectron = join(root, 'node_modules/electron');
const { version } = JSON.parse(readFileSync(join(realElectron, 'package.json'), 'utf8')) as { version: string };
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'peerpath-electron-runtime-'));
  folders.push(folder);
  return folder;
}

/** A port on loopback that nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** An environment with no Electron settings of the caller's. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^electron_|^ELECTRON_/i.test(name)) delete env[name];
  return { ...env, ...extra };
}

/**
 * A fresh checkout as `npm install` leaves it: the start scripts and the electron package with no
 * dist/ and no path.txt. Its installer's dependencies are the project's own (a symlinked scope).
 */
function freshCheckout(): string {
  const project = tempFolder();
  mkdirSync(join(project, 'scripts'));
  for (const file of ['electron.mjs', 'electron-runtime.mjs']) cpSync(join(root, 'scripts', file), join(project, 'scripts', file));
  const electron = join(project, 'node_modules/electron');
  mkdirSync(electron, { recursive: true });
  for (const file of ['package.json', 'install.js', 'index.js', 'checksums.json']) cpSync(join(realElectron, file), join(electron, file));
  symlinkSync(join(root, 'node_modules/@electron'), join(project, 'node_modules/@electron'));
  return project;
}

/** A package folder whose installer only leaves a mark: if the step runs it, the mark is there. */
function fakePackage(distVersion: string | null): { dir: string; mark: string } {
  const dir = tempFolder();
  const mark = join(dir, 'installer-ran');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version }));
  writeFileSync(join(dir, 'install.js'), `require('node:fs').writeFileSync(${JSON.stringify(mark)}, 'ran'); process.exit(1);\n`);
  if (distVersion !== null) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'version'), distVersion);
    writeFileSync(join(dir, 'dist', platformExecutable()), '#!/bin/sh\n');
    chmodSync(join(dir, 'dist', platformExecutable()), 0o755);
    writeFileSync(join(dir, 'path.txt'), platformExecutable());
  }
  return { dir, mark };
}

function runStep(project: string, command: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(project, 'scripts/electron.mjs'), command], {
      cwd: project,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('npm start / dev / package on a machine where Electron cannot be downloaded', () => {
  for (const command of ['preview', 'dev', 'package']) {
    it(`${command}: says what happened and what to do, and exits 1`, async () => {
      const project = freshCheckout();
      const mirror = `http://127.0.0.1:${await closedPort()}/`;
      const env = cleanEnv({ ELECTRON_MIRROR: mirror, electron_config_cache: join(project, 'cache') });
      const { code, stderr } = await runStep(project, command, env);
      expect(code).toBe(1);
      expect(stderr).toContain(
        `The Electron runtime (Electron ${version}, about 110 MB, downloaded once) could not be downloaded from the mirror ${mirror}:`,
      );
      for (const advice of ['proxy', 'ELECTRON_MIRROR', 'ELECTRON_OVERRIDE_DIST_PATH']) expect(stderr).toContain(advice);
      expect(stderr).not.toMatch(/Electron uninstall|\n\s+at /);
      // Electron's own installer ran and left nothing behind that would pass for an installed runtime.
      expect(existsSync(join(project, 'node_modules/electron/path.txt'))).toBe(false);
    }, 60_000);
  }
});

describe('ensureElectron', () => {
  it('uses a runtime already downloaded (path.txt and the binary present) without running the installer', async () => {
    const { dir, mark } = fakePackage(version);
    const result = await ensureElectron({ packageDir: dir, env: cleanEnv({}) });
    expect(result).toMatchObject({ ok: true, downloaded: false, source: 'package', binary: join(dir, 'dist', platformExecutable()) });
    expect(existsSync(mark)).toBe(false);
  });

  it('fetches again when the download is for another Electron version or is missing', async () => {
    for (const distVersion of ['v1.0.0', null]) {
      const { dir, mark } = fakePackage(distVersion);
      const result = await ensureElectron({ packageDir: dir, env: cleanEnv({}) });
      expect(result.ok).toBe(false);
      expect(existsSync(mark)).toBe(true);
    }
  });

  it('uses an Electron named by ELECTRON_OVERRIDE_DIST_PATH, and says so plainly when that folder has none', async () => {
    const { dir, mark } = fakePackage(null);
    const existing = fakePackage(version);
    const override = join(existing.dir, 'dist');
    const found = await ensureElectron({ packageDir: dir, env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: override }) });
    expect(found).toMatchObject({ ok: true, source: 'override', distDir: override });

    const empty = tempFolder();
    const missing = await ensureElectron({ packageDir: dir, env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: empty }) });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.message).toContain(`ELECTRON_OVERRIDE_DIST_PATH is set to ${empty}, which holds no ${platformExecutable()}`);
    expect(existsSync(mark)).toBe(false);
    expect(findElectron({ packageDir: dir, env: cleanEnv({}) })).toBeNull();
  });
});

describe('failureReason', () => {
  it('keeps the error line of an installer stack trace', () => {
    const output =
      'Downloading Electron binary...\nHTTPError: Response code 404 (Not Found) for https://mirror/v45/electron.zip\n    at Request.x (file.js:1:1)\n';
    expect(failureReason(output)).toBe('Response code 404 (Not Found) for https://mirror/v45/electron.zip');
    expect(failureReason('TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n')).toBe('fetch failed');
  });
});
