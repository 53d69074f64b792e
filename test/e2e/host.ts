/**
 * The e2e test host (ARCHITECTURE "Testing" 2): serves the built renderer from out/renderer on
 * 127.0.0.1 and answers `POST /rpc/:channel` with the same dispatch Electron's IPC uses, in the same
 * service host the app forks (src-main/host, here as a worker thread), over a real encrypted vault in
 * a temp folder. Calls need the per-run token; every response carries the security
 * headers the Electron shell sends for app:// (src-main/shell/csp.ts), built from the same index.html.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FileDialogs } from '../../src-main/api/handlers/files';
import type { ContractErrorBody } from '../../src-main/contract';
import type { HostClient } from '../../src-main/host/client';
import { startHostThread } from '../../src-main/host/thread';
import { policyFromIndexHtml, securityHeaders } from '../../src-main/shell/csp';
import type { KdfCost } from '../../src-main/vault/kdf';
import { TEST_KDF } from '../fixtures/vault';

export const TOKEN_HEADER = 'x-peerpath-token';
const MAX_BODY_BYTES = 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface Host {
  url: string;
  token: string;
  /** The service host's client, for tests that act behind the UI's back (`dispatch`, `lock('idle')`). */
  peerpath: HostClient;
  /** The vault's folder, for a test that fills it in its own process while the host has it locked. */
  vaultDir: string;
  /** Channel names in the order the UI called them (never their inputs, which hold passphrases). */
  calls: string[];
  /** Defines `window.peerpath.invoke` over this host; give it to `addInitScript`. */
  bridgeScript: string;
  /** The stand-in for the app's save and folder dialogs (see StubDialogs). */
  dialogs: StubDialogs;
  close(): Promise<void>;
}

export interface HostOptions {
  rendererDir?: string;
  kdfCost?: KdfCost;
}

export async function startHost(options: HostOptions = {}): Promise<Host> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  const headers = securityHeadersFor(rendererDir);
  const root = mkdtempSync(join(tmpdir(), 'peerpath-e2e-'));
  const dialogs = stubDialogs(join(root, 'chosen'));
  const vaultDir = join(root, 'vault');
  const peerpath = await startHostThread({
    dir: vaultDir,
    demoDir: join(root, 'demo'),
    kdfCost: options.kdfCost ?? TEST_KDF,
    // The generator's defaults (fixed weeks, seed 1), so screenshots stay the same from day to day.
    demo: {},
    dialogs,
  });
  const token = randomBytes(32).toString('hex');
  const calls: string[] = [];
  let origin = '';

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('Cache-Control', 'no-store');
    // Refuse other host names pointing at this port (DNS rebinding), as a real local server should.
    if (`http://${request.headers.host}` !== origin) return sendJson(response, 403, refusal('forbidden', 'Unknown host.'));
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path.startsWith('/rpc/')) {
      void answerRpc(request, response, decodeURIComponent(path.slice('/rpc/'.length)));
    } else if (request.method === 'GET' || request.method === 'HEAD') {
      serveFile(rendererDir, path, response);
    } else {
      sendJson(response, 405, refusal('invalid_input', 'Method not allowed.'));
    }
  });

  async function answerRpc(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    if (request.method !== 'POST') return sendJson(response, 405, refusal('invalid_input', 'Use POST.'));
    if (!hasToken(request.headers[TOKEN_HEADER], token)) return sendJson(response, 403, refusal('forbidden', 'Missing or wrong token.'));
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return sendJson(response, 415, refusal('invalid_input', 'Send JSON.'));
    }
    const body = await readBody(request);
    if (body === null) return sendJson(response, 413, refusal('invalid_input', 'Request too large.'));
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(response, 400, refusal('invalid_input', 'The request is not valid JSON.'));
    }
    calls.push(channel);
    sendJson(response, 200, await peerpath.dispatch(channel, input));
  }

  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    token,
    peerpath,
    vaultDir,
    calls,
    bridgeScript: bridgeScript(token),
    dialogs,
    async close() {
      await peerpath.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function securityHeadersFor(rendererDir: string): Record<string, string> {
  const index = join(rendererDir, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`e2e host: ${index} is missing. Build the renderer first: npx electron-vite build (npm test does this).`);
  }
  return securityHeaders(policyFromIndexHtml(readFileSync(index, 'utf8')));
}

/** The renderer's side of the bridge, as preload would expose it: one generic `invoke`. */
function bridgeScript(token: string): string {
  return `(() => {
    const token = ${JSON.stringify(token)};
    const invoke = async (channel, input) => {
      const response = await fetch('/rpc/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: token },
        body: JSON.stringify(input === undefined ? {} : input),
      });
      return response.json();
    };
    Object.defineProperty(window, 'peerpath', { value: Object.freeze({ invoke }), enumerable: true });
  })();`;
}

function hasToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function serveFile(rendererDir: string, path: string, response: ServerResponse): void {
  const relative = normalize(decodeURIComponent(path === '/' ? '/index.html' : path));
  const file = join(rendererDir, relative);
  if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => done(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

function refusal(code: ContractErrorBody['code'], message: string) {
  return { ok: false as const, error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/**
 * The save and folder dialogs as a person would answer them, inside the host's temp folder: a save
 * dialog accepts the suggested name in `folder`, a folder dialog picks a new empty folder there.
 * `cancelNext()` makes the next dialog come back cancelled. `chosen` lists every answer, in order.
 */
export interface StubDialogs extends FileDialogs {
  folder: string;
  chosen: string[];
  cancelNext(): void;
}

function stubDialogs(folder: string): StubDialogs {
  mkdirSync(folder, { recursive: true });
  let cancel = false;
  let folders = 0;
  const answer = (path: string): string | null => {
    if (cancel) {
      cancel = false;
      return null;
    }
    stub.chosen.push(path);
    return path;
  };
  const stub: StubDialogs = {
    folder,
    chosen: [],
    cancelNext() {
      cancel = true;
    },
    async chooseSavePath({ suggestedName }) {
      return answer(join(folder, suggestedName));
    },
    async chooseFolder() {
      folders += 1;
      const path = join(folder, `batch-${folders}`);
      mkdirSync(path, { recursive: true });
      return answer(path);
    },
  };
  return stub;
}
