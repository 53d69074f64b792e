import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyFromIndexHtml, policyProblems, securityHeaders } from '../../src-main/shell/csp';

const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='; img-src 'self' data:; object-src 'none'";

describe('the renderer’s Content-Security-Policy', () => {
  it('as shipped in src-renderer/index.html, keeps the shell’s rules', () => {
    const html = readFileSync(join(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');
    expect(policyProblems(policyFromIndexHtml(html))).toEqual([]);
  });

  it("accepts 'self', 'none', hashes, and data: for images and fonts", () => {
    expect(policyProblems(STRICT)).toEqual([]);
  });

  it('accepts blob: for <object> and its frame only (the PDF preview)', () => {
    expect(policyProblems("default-src 'self'; object-src blob:; frame-src blob:")).toEqual([]);
  });

  it.each([
    ["default-src 'self'; script-src 'self' 'unsafe-eval'", "script-src allows 'unsafe-eval'"],
    ["default-src 'self'; script-src 'self' 'unsafe-inline'", "script-src allows 'unsafe-inline'"],
    ["default-src 'self'; style-src 'self' 'unsafe-inline'", "style-src allows 'unsafe-inline'"],
    ["default-src 'self'; script-src 'self' 'wasm-unsafe-eval'", "script-src allows 'wasm-unsafe-eval'"],
    ["default-src 'self'; connect-src 'self' https://api.example.com", 'connect-src allows https://api.example.com'],
    ["default-src 'self'; img-src *", 'img-src allows *'],
    ["default-src 'self'; connect-src ws:", 'connect-src allows ws:'],
    ["default-src 'self'; script-src 'self' data:", 'script-src allows data:'],
    ["default-src 'self'; worker-src blob:", 'worker-src allows blob:'],
    ["default-src 'self'; child-src blob:", 'child-src allows blob:'],
    ["default-src 'self'; script-src 'self' blob:", 'script-src allows blob:'],
    ["default-src 'self'; object-src data:", 'object-src allows data:'],
    ["default-src 'self'; script-src 'nonce-abc'", "script-src allows 'nonce-abc'"],
    ["default-src 'self' https:", "default-src must be exactly 'self'"],
    ["script-src 'self'", "default-src must be exactly 'self'"],
  ])('refuses %s', (policy, problem) => {
    expect(policyProblems(policy)).toContain(problem);
  });

  it('reads the policy from the meta tag, and refuses a page without one', () => {
    expect(policyFromIndexHtml(`<head><meta http-equiv="Content-Security-Policy" content="${STRICT}" /></head>`)).toBe(STRICT);
    expect(() => policyFromIndexHtml('<head><title>Peerpath</title></head>')).toThrow(/no Content-Security-Policy/);
  });
});

describe('securityHeaders', () => {
  it('sends the renderer’s policy, forbids framing (which a meta tag cannot) and sniffing', () => {
    const headers = securityHeaders(STRICT);
    expect(headers['Content-Security-Policy']).toBe(`${STRICT}; frame-ancestors 'none'`);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('refuses to serve under a loosened policy', () => {
    expect(() => securityHeaders(`${STRICT}; connect-src https://example.com`)).toThrow(
      /too loose: connect-src allows https:\/\/example\.com/,
    );
  });
});
