/**
 * Where the renderer lives. In a normal run it is `app://peerpath/`, served by our own protocol
 * handler; in `electron-vite dev` it is the dev server on loopback. Every guard (navigation, IPC
 * sender) compares against the one origin chosen here.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'peerpath';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface StartPage {
  /** What the main window loads first. */
  url: string;
  /** The only origin allowed to navigate the window and to call the contract. */
  origin: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server is trusted with the whole contract, so it must be a local http server: a remote
 * or https URL in ELECTRON_RENDERER_URL is a mistake (or an attack) and stops start-up.
 */
export function startPage(devServerUrl: string | undefined): StartPage {
  if (!devServerUrl) return { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN };
  const url = new URL(devServerUrl);
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error('startPage: the dev renderer URL must be http on a loopback address');
  }
  return { url: url.href, origin: url.origin };
}

/**
 * Compares scheme and host (with port). Node's URL reports `origin === 'null'` for schemes it does
 * not know, such as `app:`, so `url.origin` cannot be used here.
 */
export function sameOrigin(url: string, origin: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(origin);
    return a.protocol === b.protocol && a.host === b.host && a.host !== '';
  } catch {
    return false;
  }
}
