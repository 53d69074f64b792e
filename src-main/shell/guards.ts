/**
 * What a page in our window may not do: open windows, navigate or redirect away from our origin,
 * or obtain any permission (camera, notifications, clipboard read, geolocation, HID, …). Peerpath
 * has no use for any of them, so the answer is always no, with no prompt to click through. Nor may
 * anything be saved as a browser download (the PDF viewer's own save button included): a download
 * lands with the umask's mode (0644) wherever the person last saved, whereas every file Peerpath
 * writes goes through its save dialog and the service host, new and user-only (0600).
 */
import type { Session, WebContents } from 'electron';
import { sameOrigin } from './origin';

type NavigationEvent = { url: string; preventDefault(): void };

/** Attached to every WebContents as it is created (app 'web-contents-created'), not only ours. */
export function hardenWebContents(contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>, trustedOrigin: string): void {
  // window.open, target=_blank and middle-clicks: never a new window, never the OS browser.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayHome = (event: NavigationEvent) => {
    if (!sameOrigin(event.url, trustedOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
}

export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'on'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
