import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, sameOrigin, startPage } from '../../src-main/shell/origin';

describe('startPage', () => {
  it('loads the app:// page when there is no dev server', () => {
    expect(startPage(undefined)).toEqual({ url: 'app://peerpath/index.html', origin: APP_ORIGIN });
  });

  it('trusts a loopback http dev server, and only its exact origin', () => {
    expect(startPage('http://localhost:5173/')).toEqual({ url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    expect(startPage('http://127.0.0.1:5173').origin).toBe('http://127.0.0.1:5173');
  });

  it.each(['https://localhost:5173', 'http://example.com:5173', 'http://localhost.example.com', 'file:///tmp/index.html'])(
    'refuses %s as a dev server',
    (url) => {
      expect(() => startPage(url)).toThrow(/loopback/);
    },
  );
});

describe('sameOrigin', () => {
  it('matches app:// URLs on our host (Node calls their origin "null")', () => {
    expect(sameOrigin('app://peerpath/index.html#/x', APP_ORIGIN)).toBe(true);
    expect(sameOrigin('app://evil/index.html', APP_ORIGIN)).toBe(false);
    expect(sameOrigin('https://peerpath/index.html', APP_ORIGIN)).toBe(false);
  });

  it('compares ports and rejects what does not parse or has no host', () => {
    expect(sameOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(sameOrigin('not a url', APP_ORIGIN)).toBe(false);
    expect(sameOrigin('about:blank', 'about:blank')).toBe(false);
    expect(sameOrigin('javascript:alert(1)', APP_ORIGIN)).toBe(false);
  });
});
