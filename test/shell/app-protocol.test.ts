import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAppScheme, serveRenderer } from '../../src-main/shell/app-protocol';
import { tempDir } from '../fixtures/vault';

const SECRET = 'outside the renderer folder';
const POLICY = "default-src 'self'; script-src 'self'; object-src 'none'";
const INDEX = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${POLICY}" /><title>Peerpath</title>`;
let renderer: string;
let serve: ReturnType<typeof serveRenderer>;

beforeEach(() => {
  const dir = tempDir('peerpath-protocol-');
  renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), INDEX);
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
  serve = serveRenderer(renderer);
});

const get = (url: string, method = 'GET') => serve({ url, method });

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme without bypassing CSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('the app:// handler', () => {
  it('serves an existing file with its type and the CSP header', async () => {
    const response = await get('app://peerpath/assets/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(`${POLICY}; frame-ancestors 'none'`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the folder itself', async () => {
    const response = await get('app://peerpath/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Peerpath</title>');
  });

  it.each([
    'app://peerpath/../secret.txt',
    'app://peerpath/%2e%2e/secret.txt',
    'app://peerpath/..%2Fsecret.txt',
    'app://peerpath/assets/..%2F..%2Fsecret.txt',
    'app://peerpath/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://peerpath/assets/link.txt',
    'app://peerpath/index.html%00.js',
    'app://peerpath/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await get('app://peerpath/missing.js')).status).toBe(404);
    expect((await get('app://peerpath/assets')).status).toBe(404);
  });

  it('will not start on a renderer whose CSP is too loose, or without a built renderer', () => {
    writeFileSync(join(renderer, 'index.html'), INDEX.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"));
    expect(() => serveRenderer(renderer)).toThrow(/too loose/);
    expect(() => serveRenderer(join(renderer, 'missing'))).toThrow(/ENOENT/);
  });

  it('is read-only: HEAD has no body, other methods are refused', async () => {
    const head = await get('app://peerpath/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://peerpath/index.html', 'POST')).status).toBe(405);
  });
});
