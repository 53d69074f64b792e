/**
 * Import and export through the real UI: a students CSV with a byte order mark and accents is read
 * in the page, mapped from its PowerSchool headers, a bad grade is reported by row and blocks the
 * import; after the file is fixed every row comes in at once; duplicates are left out only when
 * asked; and the JSON export warns that the file is not encrypted, then is saved through the save
 * dialog as a user-only file (never a browser download).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PASSPHRASE } from '../fixtures/vault';
import { type AppBrowser, expectAccessible, openApp, screenshot, textOf, waitForText } from './browser';
import { createVaultDirectly } from './flows';
import { type Host, startHost } from './host';

const HEADER = 'Student_Number,First_Name,Last_Name,Grade_Level,School_Name,Called';
const BAD_ROWS = [
  'S-5001,José,Núñez,7,Lincoln Middle School,Pepe',
  'S-5002,Zoë,Ångström,seventh,Lincoln Middle School,',
  'S-5003,"Wei, Li",Chen,8,Lincoln Middle School,',
];

/** A CSV as Excel's "CSV UTF-8" writes it: byte order mark and CRLF line ends. */
function csvFile(rows: readonly string[]) {
  const text = `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;
  return { name: 'powerschool-students.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

/** 200% zoom on the 1280×800 laptop is a 640×400 window: one column; only the preview table scrolls sideways. */
async function expectReadableAtDoubleZoom(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 640, height: 400 });
  try {
    await screenshot(page, name);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(640);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}

describe('roster import and JSON export', () => {
  let host: Host;
  let app: AppBrowser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
    app = await openApp(host);
    page = app.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Import and export' }).click();
    await page.getByRole('heading', { name: 'Import and export', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  const importPanel = () => page.getByRole('region', { name: 'Import a roster from a CSV file' });

  test('a file with a BOM and accents previews with its columns matched, and a bad grade blocks the import', async () => {
    await importPanel().getByLabel('CSV file').setInputFiles(csvFile(BAD_ROWS));
    const panel = importPanel();
    await waitForText(panel.getByRole('status').filter({ hasText: 'The file has' }), /The file has 3 rows\. 1 problem to fix\./);
    expect(await panel.getByLabel('Student number (required)').inputValue()).toBe('Student_Number');
    expect(await panel.getByLabel('Grade (required)').inputValue()).toBe('Grade_Level');
    const table = panel.getByRole('table', { name: /The first 3 of 3 rows/ });
    await waitForText(table.getByRole('row', { name: /^2 / }), /S-5001.*José.*Núñez/);
    expect(await textOf(table.getByRole('row', { name: /^4 / }))).toContain('Wei, Li');
    expect(await textOf(panel.getByRole('listitem').filter({ hasText: 'Row 3' }))).toMatch(/^Row 3, Grade_Level: /);
    expect(await panel.getByRole('button', { name: 'Import 3 rows' }).isDisabled()).toBe(true);
    await screenshot(page, 'import-01-bad-grade');
    await expectAccessible(page);
    await expectReadableAtDoubleZoom(page, 'import-01-bad-grade-200');
  });

  test('a column Peerpath did not recognise can be chosen by hand', async () => {
    const panel = importPanel();
    expect(await panel.getByLabel('Preferred name', { exact: true }).inputValue()).toBe('');
    await panel.getByLabel('Preferred name', { exact: true }).selectOption('Called');
    const table = panel.getByRole('table', { name: /The first 3 of 3 rows/ });
    await waitForText(table.getByRole('row').first(), /Preferred name/);
    expect(await textOf(table.getByRole('row', { name: /^2 / }))).toContain('Pepe');
  });

  test('after the file is fixed, every row is imported at once', async () => {
    const fixed = BAD_ROWS.map((row) => row.replace(',seventh,', ',7,'));
    await importPanel().getByLabel('CSV file').setInputFiles(csvFile(fixed));
    const panel = importPanel();
    await waitForText(panel.getByRole('status').filter({ hasText: 'The file has' }), /3 rows\. No problems found\./);
    // A new file starts from the matches Peerpath finds itself.
    expect(await panel.getByLabel('Preferred name', { exact: true }).inputValue()).toBe('');
    await panel.getByRole('button', { name: 'Import 3 rows' }).click();
    await waitForText(panel.getByRole('status').filter({ hasText: 'imported' }), /^3 students imported\./);
    await screenshot(page, 'import-02-imported');
    await expectAccessible(page);
    const listed = await host.peerpath.dispatch('students.list', { query: 'Núñez' });
    expect(listed).toMatchObject({ ok: true, value: { total: 1, rows: [{ displayName: expect.stringContaining('José') }] } });
  });

  test('rows already in Peerpath are reported, and left out only when asked', async () => {
    await importPanel().getByRole('button', { name: 'Import another file' }).click();
    await importPanel()
      .getByLabel('CSV file')
      .setInputFiles(csvFile([...BAD_ROWS.slice(0, 1), 'S-5004,Ana,Lima,6,Lincoln Middle School,']));
    const panel = importPanel();
    await waitForText(panel.getByRole('status').filter({ hasText: 'The file has' }), /2 rows\. No problems found\. 1 duplicate\./);
    expect(await textOf(panel.getByRole('listitem').filter({ hasText: 'S-5001' }))).toBe('Row 2: S-5001 is already in Peerpath.');
    expect(await panel.getByRole('button', { name: 'Import 2 rows' }).isDisabled()).toBe(true);
    await panel.getByLabel('Leave out the 1 duplicate row and import the rest').check();
    await panel.getByRole('button', { name: 'Import 1 row' }).click();
    await waitForText(panel.getByRole('status').filter({ hasText: 'imported' }), /1 student imported\. 1 duplicate row was left out\./);
  });

  test('the JSON export warns that the file is not encrypted, then saves it where the save dialog said, user-only', async () => {
    const panel = page.getByRole('region', { name: 'Export everything as JSON' });
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));

    // Cancelling the save dialog writes nothing.
    await panel.getByRole('button', { name: 'Export as JSON…' }).click();
    host.dialogs.cancelNext();
    await page
      .getByRole('alertdialog', { name: 'Export unencrypted student records?' })
      .getByRole('button', { name: 'Choose where to save…' })
      .click();
    await waitForText(panel.getByRole('status'), /Nothing was exported/);
    expect(readdirSync(host.dialogs.folder).filter((name) => name.endsWith('.json'))).toEqual([]);

    await panel.getByRole('button', { name: 'Export as JSON…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Export unencrypted student records?' });
    expect(await textOf(dialog)).toContain('The file will NOT be encrypted.');
    await screenshot(page, 'import-03-export-warning', 'viewport');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Choose where to save…' }).click();
    await waitForText(panel.getByRole('status'), /Saved to .*\.json/);
    const [name] = readdirSync(host.dialogs.folder).filter((entry) => entry.endsWith('.json'));
    expect(name).toMatch(/^peerpath-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(host.dialogs.folder, name ?? '');
    expect(await textOf(panel.getByRole('status'))).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { students: { firstName: string }[] };
    expect(exported.students.map((student) => student.firstName).sort()).toEqual(['Ana', 'José', 'Wei, Li', 'Zoë']);
    expect(host.calls).toContain('exchange.save');
    expect(downloads).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  test('the page cannot write the export anywhere the save dialog did not say', async () => {
    const elsewhere = join(host.dialogs.folder, 'not-chosen.json');
    const refused = await page.evaluate(`window.peerpath.invoke('exchange.save', { path: ${JSON.stringify(elsewhere)} })`);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(elsewhere)).toBe(false);
  });
});
