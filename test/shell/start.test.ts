/**
 * The composition root with `electron` mocked, its utilityProcess playing the service host: each
 * test boots a fresh module graph (vi.resetModules + vi.doMock) so the shell runs from scratch
 * against its own fake Electron.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src-main/contract';
import { userDataFolder } from '../../src-main/data-folder';
import { tempDir } from '../fixtures/vault';
import { createFakeElectron, type FakeOptions, FakeUtilityProcess, OUR_FRAME } from './fake-electron';

const USER_DATA = '/tmp/peerpath-shell-test/user-data';
const HOST_PATH = '/app/out/main/service-host.js';

interface BootOptions extends FakeOptions {
  devServerUrl?: string;
}

/** A built renderer as serveRenderer expects it: an index.html carrying its CSP. */
function builtRenderer(): string {
  const dir = join(tempDir('peerpath-shell-'), 'renderer');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="default-src 'self'" />`);
  return dir;
}

async function boot(options: BootOptions = {}) {
  vi.resetModules();
  const electron = createFakeElectron({ switches: { 'user-data-dir': USER_DATA }, ...options });
  vi.doMock('electron', () => electron);
  const { startShell } = await import('../../src-main/shell/start');
  await startShell({
    rendererDir: builtRenderer(),
    preloadPath: '/app/out/preload/preload.cjs',
    hostPath: HOST_PATH,
    devServerUrl: options.devServerUrl,
  });
  const window = electron.windows[0];
  const host = electron.children[0];
  /** The calls and control messages the host received, without its start message. */
  const sent = () => host?.received.filter((message) => message.kind !== 'start') ?? [];
  return { electron, window, host, sent };
}

/** Lets the fake host's queued answers arrive. */
const settle = () => new Promise((done) => setImmediate(done));

afterEach(() => {
  vi.doUnmock('electron');
  vi.restoreAllMocks();
});

describe('single instance', () => {
  it('takes the lock and, when a second copy starts, brings the window forward', async () => {
    const { electron, window } = await boot();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    window?.isMinimized.mockReturnValue(true);
    electron.app.emit('second-instance');
    expect(window?.restore).toHaveBeenCalledOnce();
    expect(window?.focus).toHaveBeenCalledOnce();
  });

  it('as the second copy, quits without opening a vault, a window or a channel', async () => {
    const { electron } = await boot({ gotLock: false });
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
    expect(electron.windows).toEqual([]);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('sets the userData folder before taking the lock, which is kept per folder', async () => {
    const { electron } = await boot();
    const [setPath] = electron.app.setPath.mock.invocationCallOrder;
    const [lock] = electron.app.requestSingleInstanceLock.mock.invocationCallOrder;
    expect(setPath).toBeLessThan(lock ?? 0);
  });
});

describe('vault location', () => {
  it('forks the service host and starts it on userData/vault, with the demo in userData/demo-vault', async () => {
    const { electron, host } = await boot();
    expect(electron.utilityProcess.fork).toHaveBeenCalledExactlyOnceWith(HOST_PATH, [], { serviceName: 'Peerpath vault' });
    expect(host?.received[0]).toEqual({
      kind: 'start',
      options: { dir: join(USER_DATA, 'vault'), demoDir: join(USER_DATA, 'demo-vault'), demo: { endsToday: true }, dialogs: true },
    });
  });

  it('uses the CLI’s folder when no --user-data-dir is given', async () => {
    const { electron } = await boot({ switches: {} });
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', userDataFolder());
  });

  it('resolves a relative --user-data-dir', async () => {
    const { electron } = await boot({ switches: { 'user-data-dir': 'relative/data' } });
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', resolve('relative/data'));
  });
});

describe('auto-lock', () => {
  it.each(['lock-screen', 'suspend'])('asks the host to lock the vault on powerMonitor %s', async (event) => {
    const { electron, sent } = await boot();
    expect(sent()).toEqual([]);
    electron.powerMonitor.emit(event);
    expect(sent()).toEqual([{ kind: 'lock', id: expect.any(Number), reason: 'system' }]);
  });

  it('quits when the window closes, only after the host has locked the vault and ended', async () => {
    const { electron, host, sent } = await boot();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledOnce();
    // The first quit waits: the host is asked to close (lock, end its threads) first.
    expect(electron.app.quitted).toBe(false);
    expect(sent()).toEqual([{ kind: 'close', id: expect.any(Number) }]);
    await settle();
    expect(host?.kill).toHaveBeenCalledOnce();
    expect(electron.app.quit).toHaveBeenCalledTimes(2);
    expect(electron.app.quitted).toBe(true);
    // Ending the host on purpose is not a crash.
    await settle();
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });
});

describe('the service host stopping', () => {
  it('answers the call waiting with plain words, says so in a dialog and exits, rather than hang', async () => {
    const { electron, host } = await boot();
    host?.postMessage.mockImplementationOnce((message) => host.received.push(message));
    const waiting = electron.ipcMain.invoke('students.list', OUR_FRAME, {});
    host?.crash();
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/stopped/) } });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledOnce();
    expect(electron.dialog.showErrorBox.mock.lastCall?.[1]).toMatch(/Everything you saved is safe/);
    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it('exits when the host stops before it is ready', async () => {
    vi.resetModules();
    const electron = createFakeElectron({ switches: { 'user-data-dir': USER_DATA } });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    electron.utilityProcess.fork.mockImplementationOnce((modulePath, _args, forkOptions) => {
      const child = new FakeUtilityProcess(modulePath, forkOptions);
      child.postMessage.mockImplementation(() => queueMicrotask(() => child.crash()));
      return child;
    });
    vi.doMock('electron', () => electron);
    const { startShell } = await import('../../src-main/shell/start');
    await startShell({ rendererDir: builtRenderer(), preloadPath: '/p.cjs', hostPath: HOST_PATH });
    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(electron.windows).toEqual([]);
  });
});

describe('IPC', () => {
  it('registers every contract channel exactly once', async () => {
    const { electron } = await boot();
    const channels = electron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels.toSorted()).toEqual([...CHANNELS].sort());
  });

  it('forwards calls from our window to the host and refuses a foreign frame', async () => {
    const { electron, sent } = await boot();
    await expect(electron.ipcMain.invoke('vault.status', OUR_FRAME, { a: 1 })).resolves.toEqual({ ok: true, value: 'ran vault.status' });
    const foreign = await electron.ipcMain.invoke('vault.status', { url: 'https://example.com/', parent: null }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(sent()).toEqual([{ kind: 'dispatch', id: expect.any(Number), channel: 'vault.status', input: { a: 1 } }]);
  });
});

describe('the window and its renderer', () => {
  it('serves the renderer from app:// and loads its index page', async () => {
    const { electron, window } = await boot();
    expect(electron.protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
    expect(window?.loadURL).toHaveBeenCalledExactlyOnceWith('app://peerpath/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      sandbox: true,
      contextIsolation: true,
    });
  });

  it('registers the scheme and enables the sandbox before the app is ready', async () => {
    const { electron } = await boot();
    const [ready] = electron.app.whenReady.mock.invocationCallOrder;
    expect(electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(ready ?? 0);
    expect(electron.app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(ready ?? 0);
  });

  it('hardens the window’s contents and the session', async () => {
    const { electron, window } = await boot();
    expect(window?.webContents.openWindow('https://example.com')).toBe('deny');
    expect(window?.webContents.navigate('will-navigate', 'https://example.com')).toBe(true);
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });

  it('in an unpackaged run, loads the dev server and trusts only its origin', async () => {
    const { electron, window, sent } = await boot({ devServerUrl: 'http://localhost:5173' });
    expect(window?.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    await electron.ipcMain.invoke('vault.status', { url: 'http://localhost:5173/', parent: null }, {});
    await electron.ipcMain.invoke('vault.status', OUR_FRAME, {});
    expect(sent()).toHaveLength(1);
    expect(window?.options.webPreferences?.devTools).toBe(true);
  });

  it('in a packaged build, ignores the dev server URL and offers no developer tools', async () => {
    const { electron, window } = await boot({ isPackaged: true, devServerUrl: 'http://localhost:5173' });
    expect(window?.loadURL).toHaveBeenCalledWith('app://peerpath/index.html');
    expect(window?.options.webPreferences?.devTools).toBe(false);
    expect(electron.Menu.buildFromTemplate).toHaveBeenCalledOnce();
    expect(JSON.stringify(electron.Menu.buildFromTemplate.mock.lastCall)).not.toContain('toggleDevTools');
  });
});

describe('start-up failure', () => {
  it('logs the error’s name but not its message, and exits', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { electron } = await boot({ loadError: new TypeError('could not read notes for Jordan Example') });
    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
    const logged = errors.mock.calls.flat().join('\n');
    expect(logged).toContain('TypeError');
    expect(logged).not.toContain('Jordan');
  });
});

describe('file dialogs', () => {
  it('answers the host’s dialog requests with Electron’s dialogs, modal to the main window, from Documents', async () => {
    const { electron, host, window } = await boot();
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/chosen/folder'] });
    const answer = await host?.ask('chooseFolder', { title: 'Choose a folder' });
    expect(answer).toEqual({ kind: 'dialogAnswer', id: 1, ok: true, path: '/chosen/folder' });
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: '/default/documents' }));
  });

  it('sends a failing dialog back by its name only', async () => {
    const { electron, host } = await boot();
    electron.dialog.showSaveDialog.mockRejectedValueOnce(new TypeError('cannot show /home/jordan-example/reports'));
    const answer = await host?.ask('chooseSavePath', { title: 'Save', suggestedName: 'a.pdf', filter: 'pdf' });
    expect(answer).toEqual({ kind: 'dialogAnswer', id: 1, ok: false, failure: { kind: 'fault', name: 'TypeError' } });
  });
});
