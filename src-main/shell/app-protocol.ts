/**
 * The `app://peerpath/` scheme the renderer is served from, instead of file://: a real origin for
 * CSP 'self' and the IPC sender check, and a handler that can only ever read the built renderer.
 */
import { readFileSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { policyFromIndexHtml, securityHeaders } from './csp';
import { APP_HOST, APP_SCHEME } from './origin';

/** Must run before `app` is ready: Chromium reads the list of privileged schemes once. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origins and relative URLs; secure: counts as a secure context (like https).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The file a request names, or null when it names anything outside `root`: another host, an
 * encoded `..` or separator, a NUL byte, or a symlink that leads out of the folder.
 */
async function resolveRendererFile(root: string, requestUrl: string): Promise<string | null> {
  let pathname: string;
  try {
    const url = new URL(requestUrl);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
    // WHATWG parsing already folds plain `..` segments; decoding can bring back `..%2F` ones.
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const wanted = resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  if (!isInside(root, wanted)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(wanted)]);
    return isInside(realRoot, realFile) ? realFile : null;
  } catch {
    return null;
  }
}

/**
 * The `protocol.handle('app', …)` handler: read-only, GET/HEAD, files under `rendererDir` only, each
 * with the CSP headers. Throws at once when the built renderer is missing or its CSP is too loose.
 */
export function serveRenderer(rendererDir: string): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  const root = resolve(rendererDir);
  const headers = securityHeaders(policyFromIndexHtml(readFileSync(join(root, 'index.html'), 'utf8')));
  const plain = (status: number) => new Response(null, { status, headers });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405);
    const file = await resolveRendererFile(root, request.url);
    if (!file) return plain(404);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      // A folder, or a file removed since it was resolved.
      return plain(404);
    }
    const contentType = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'Content-Type': contentType },
    });
  };
}
