/**
 * Debian's Chromium driven by playwright-core (Playwright never downloads a browser here), one fresh
 * profile per launch, plus what every e2e file does with a page: screenshots, axe, waiting on text.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Host } from './host';

const CHROMIUM = process.env.PEERPATH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const SCREENSHOTS = 'test-results/screenshots';

export interface AppBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions (CSP violations land here too); a clean run has none. */
  problems: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Runs before the app loads, e.g. to install Playwright's fake clock. */
  beforeLoad?: (context: BrowserContext) => Promise<void>;
}

export async function openApp(host: Host, options: OpenOptions = {}): Promise<AppBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`e2e: no Chromium at ${CHROMIUM}. Install Debian's: apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'peerpath-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // A small laptop: the app must be comfortable at this size.
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript(host.bridgeScript);
  await options.beforeLoad?.(context);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(host.url);
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Full page by default; `viewport` for dialogs, which cover only the window as a person sees it. */
export async function screenshot(page: Page, name: string, area: 'full' | 'viewport' = 'full'): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // caret: 'initial' because hiding the caret injects a <style>, which the app's CSP rightly refuses.
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: area === 'full', caret: 'initial' });
}

// AxeBuilder evaluates axe's 500 KB source on every analyze, two or three times over (about 1.5 s each
// on a 2-core machine); this compiles it once per page. Legacy mode runs axe in the page itself and
// skips the extra blank page that only cross-origin iframes need (the app has none).
const AXE_ONCE_PER_PAGE = `if (!window.axe) (0, eval)(${JSON.stringify(axe.source)});`;

/** Runs axe on the page as it is now; serious and critical findings fail the test. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page, axeSource: AXE_ONCE_PER_PAGE }).setLegacyMode(true).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
}

export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return ((await locator.textContent()) ?? '').trim();
}

/** The text a screen reader reads as the field's description: everything its aria-describedby points at. */
export async function descriptionOf(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Polls until `read` gives text matching `pattern` (Playwright's web-first `expect` is not available under vitest). */
/** Generous: the whole suite runs on a 2-core CI machine where a save can take seconds. */
const WAIT_MS = 20_000;

export async function waitForMatch(read: () => Promise<string>, pattern: RegExp, timeout = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await read().catch(() => '')).trim();
    if (pattern.test(last)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`waitForMatch: expected ${pattern} but got "${last}"`);
}

/** Waits until nothing matches `locator` (it was removed, or never re-rendered after a change). */
export async function expectGone(locator: Locator, timeout = WAIT_MS): Promise<void> {
  await locator.first().waitFor({ state: 'detached', timeout });
}

export function waitForText(locator: Locator, pattern: RegExp, timeout?: number): Promise<void> {
  return waitForMatch(async () => (await locator.textContent()) ?? '', pattern, timeout);
}
