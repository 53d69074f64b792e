/**
 * The test host itself: it must guard the vault the way the real bridge does (a per-run token,
 * only its own host name, the app's CSP on every response) or the e2e tests prove less than they claim.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Host, startHost, TOKEN_HEADER } from './host';

describe('the e2e host', () => {
  let host: Host;

  beforeAll(async () => {
    host = await startHost();
  });

  afterAll(async () => {
    await host?.close();
  });

  function rpc(channel: string, headers: Record<string, string>, body = '{}') {
    return fetch(new URL(`rpc/${channel}`, host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  }

  test('serves the built renderer with the CSP of its own index.html, as the Electron shell does', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    const metaPolicy = /Content-Security-Policy" content="([^"]+)"/.exec(await response.text())?.[1];
    expect(metaPolicy).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toBe(`${metaPolicy}; frame-ancestors 'none'`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('answers a call that carries the token with the contract envelope', async () => {
    const response = await rpc('vault.status', { [TOKEN_HEADER]: host.token });
    expect(await response.json()).toMatchObject({ ok: true, value: { state: 'absent' } });
  });

  test('refuses calls without the token, or with a wrong one', async () => {
    const missing = await rpc('vault.status', {});
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await rpc('vault.status', { [TOKEN_HEADER]: '0'.repeat(host.token.length) });
    expect(wrong.status).toBe(403);
  });

  test('passes unknown channels and bad input to dispatch, which refuses them in the envelope', async () => {
    const unknown = await rpc('vault.format', { [TOKEN_HEADER]: host.token });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const notJson = await rpc('vault.status', { [TOKEN_HEADER]: host.token }, '{not json');
    expect(notJson.status).toBe(400);
  });

  test('serves nothing outside the renderer folder', async () => {
    expect(await rawGet('/assets/../../package.json')).toBe(404);
    expect(await rawGet('/..%2f..%2fpackage.json')).toBe(404);
    expect(await rawGet('/assets')).toBe(404);
  });

  test('refuses requests addressed to another host name', async () => {
    expect(await rawGet('/', 'evil.example')).toBe(403);
  });

  /** A GET exactly as written (fetch would normalise the path and set the Host header itself). */
  function rawGet(path: string, hostName = '127.0.0.1'): Promise<number | undefined> {
    const url = new URL(host.url);
    return new Promise((done, fail) => {
      request({ host: url.hostname, port: url.port, path, headers: { host: `${hostName}:${url.port}` } }, (response) => {
        response.resume();
        done(response.statusCode);
      })
        .on('error', fail)
        .end();
    });
  }
});
