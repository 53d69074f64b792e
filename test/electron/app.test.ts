/**
 * Electron end-to-end smoke test (ARCHITECTURE "Testing" 4): launches the built main process
 * (out/main/main.js) in the real Electron binary through Playwright, with a fresh userData folder,
 * and checks the first-run screen, the IPC bridge and the window's hardening as Electron applies
 * them. First it fetches the runtime as `npm start` does (scripts/electron-runtime.mjs); skipped, with
 * the reason, where that download cannot happen (our CI machines have no internet).
 * On a headless Linux machine run it under `xvfb-run`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureElectron } from '../../scripts/electron-runtime.mjs';

const root = join(import.meta.dirname, '../..');
const mainJs = join(root, 'out/main/main.js');

// The same step as `npm start`: Electron's own installer fetches the runtime when it is absent.
const runtime = await ensureElectron({ timeoutMs: 10 * 60_000 });
const SKIP_REASON = runtime.ok ? '' : `the Electron runtime could not be downloaded: ${runtime.reason}`;
const FIRST_RUN_TITLE: string = JSON.parse(readFileSync(join(root, 'src-renderer/src/i18n/locales/en/app.json'), 'utf8')).firstRun.title;

type Bridge = { peerpath: { invoke(channel: string, input: unknown): Promise<unknown> } };

describe.skipIf(!runtime.ok)(runtime.ok ? 'electron app' : `electron app — skipped: ${SKIP_REASON}`, () => {
  let userData: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    expect(existsSync(mainJs), 'out/main/main.js is missing: run `npm run build` first').toBe(true);
    userData = mkdtempSync(join(tmpdir(), 'peerpath-electron-'));
    // The app must load its own app:// renderer, not a dev server from the caller's shell.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL',
      ),
    );
    // No executablePath: Playwright then finds `electron` itself and preloads its loader, which it
    // needs to attach before our 'ready' handler runs. (On Linux it also adds --no-sandbox for
    // Chromium's OS sandbox; the renderer's own sandbox option still applies.)
    app = await _electron.launch({ args: [mainJs, `--user-data-dir=${userData}`], env });
    page = await app.firstWindow();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('shows the first-run screen, served from app://', async () => {
    await page.getByRole('heading', { level: 1, name: FIRST_RUN_TITLE }).waitFor();
    expect(page.url()).toMatch(/^app:\/\/peerpath\/index\.html/);
    expect(await page.title()).toBe('Peerpath');
  });

  it('reaches the real services over IPC, with no vault yet', async () => {
    const status = await page.evaluate(() => (globalThis as unknown as Bridge).peerpath.invoke('vault.status', {}));
    expect(status).toMatchObject({ ok: true, value: { state: 'absent' } });
  });

  it('runs the page isolated: no Node, no new windows, no navigation away', async () => {
    const seen = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      opened: (globalThis as unknown as { open(url: string): unknown }).open('https://example.com') === null,
    }));
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', opened: true });
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url().startsWith('app://peerpath/')).toBe(true);
  });
});
