import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from '../../src-main/shell/guards';
import { APP_ORIGIN } from '../../src-main/shell/origin';
import { FakeWebContents } from './fake-electron';

function hardened(origin = APP_ORIGIN): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, origin);
  return contents;
}

describe('hardenWebContents', () => {
  it('denies every new window, whatever the URL', () => {
    const contents = hardened();
    expect(contents.openWindow('https://example.com')).toBe('deny');
    expect(contents.openWindow('app://peerpath/index.html')).toBe('deny');
  });

  it.each(['will-navigate', 'will-redirect'] as const)('%s: stays on our origin', (event) => {
    const contents = hardened();
    expect(contents.navigate(event, 'app://peerpath/index.html#/settings')).toBe(false);
    for (const away of [
      'https://example.com/',
      'http://peerpath/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
    ]) {
      expect(contents.navigate(event, away), away).toBe(true);
    }
  });

  it('in development, trusts the dev server origin instead of app://', () => {
    const contents = hardened('http://localhost:5173');
    expect(contents.navigate('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://peerpath/index.html')).toBe(true);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and every permission check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), on: vi.fn() };
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0]);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    const [onRequest] = session.setPermissionRequestHandler.mock.lastCall ?? [];
    const [onCheck] = session.setPermissionCheckHandler.mock.lastCall ?? [];
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'hid',
    ]) {
      const callback = vi.fn();
      onRequest?.({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(onCheck?.({}, permission, APP_ORIGIN, {}), permission).toBe(false);
    }
  });

  it('cancels every browser download: files are saved only through the save dialog, user-only', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), on: vi.fn() };
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0]);
    const [[name, onDownload]] = session.on.mock.calls as [[string, (event: { preventDefault(): void }) => void]];
    expect(name).toBe('will-download');
    const event = { preventDefault: vi.fn() };
    onDownload(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
