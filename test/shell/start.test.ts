/**
 * The composition root with `electron` and the service side mocked: each test boots a fresh module
 * graph (vi.resetModules + vi.doMock) so the shell runs from scratch against its own fake Electron.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../src-main/api/dispatch';
import { CHANNELS } from '../../src-main/contract';
import { userDataFolder } from '../../src-main/data-folder';
import { tempDir } from '../fixtures/vault';
import { createFakeElectron, type FakeOptions, OUR_FRAME } from './fake-electron';

const USER_DATA = '/tmp/peerpath-shell-test/user-data';

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
  const vault = { lock: vi.fn() };
  const dispatch = vi.fn<Dispatch>(async (channel) => ({ ok: true, value: `ran ${channel}` }));
  const createPeerpath = vi.fn(() => ({ session: vault, dispatch }));
  vi.doMock('electron', () => electron);
  vi.doMock('../../src-main/api/app', () => ({ createPeerpath }));
  const { startShell } = await import('../../src-main/shell/start');
  await startShell({ rendererDir: builtRenderer(), preloadPath: '/app/out/preload/preload.cjs', devServerUrl: options.devServerUrl });
  const window = electron.windows[0];
  return { electron, vault, dispatch, createPeerpath, window };
}

afterEach(() => {
  vi.doUnmock('electron');
  vi.doUnmock('../../src-main/api/app');
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
    const { electron, createPeerpath } = await boot({ gotLock: false });
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(createPeerpath).not.toHaveBeenCalled();
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
  it('opens userData/vault, with the demo in userData/demo-vault', async () => {
    const { createPeerpath } = await boot();
    expect(createPeerpath).toHaveBeenCalledExactlyOnceWith({
      dir: join(USER_DATA, 'vault'),
      demoDir: join(USER_DATA, 'demo-vault'),
      seedDemo: expect.any(Function),
      dialogs: { chooseSavePath: expect.any(Function), chooseFolder: expect.any(Function) },
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
  it.each(['lock-screen', 'suspend'])('locks the vault on powerMonitor %s', async (event) => {
    const { electron, vault } = await boot();
    expect(vault.lock).not.toHaveBeenCalled();
    electron.powerMonitor.emit(event);
    expect(vault.lock).toHaveBeenCalledExactlyOnceWith('system');
  });

  it('locks the vault before quitting, and quits when the window closes', async () => {
    const { electron, vault } = await boot();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledOnce();
    electron.app.emit('before-quit');
    expect(vault.lock).toHaveBeenCalledExactlyOnceWith('system');
  });
});

describe('IPC', () => {
  it('registers every contract channel exactly once', async () => {
    const { electron } = await boot();
    const channels = electron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels.toSorted()).toEqual([...CHANNELS].sort());
  });

  it('dispatches for our window and refuses a foreign frame', async () => {
    const { electron, dispatch } = await boot();
    await expect(electron.ipcMain.invoke('vault.status', OUR_FRAME, {})).resolves.toEqual({ ok: true, value: 'ran vault.status' });
    const foreign = await electron.ipcMain.invoke('vault.status', { url: 'https://example.com/', parent: null }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).toHaveBeenCalledOnce();
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
    const { electron, window, dispatch } = await boot({ devServerUrl: 'http://localhost:5173' });
    expect(window?.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    await electron.ipcMain.invoke('vault.status', { url: 'http://localhost:5173/', parent: null }, {});
    await electron.ipcMain.invoke('vault.status', OUR_FRAME, {});
    expect(dispatch).toHaveBeenCalledOnce();
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
  it('hands createPeerpath dialogs that open Electron’s, modal to the main window, from Documents', async () => {
    const { electron, createPeerpath, window } = await boot();
    const [options] = createPeerpath.mock.calls[0] as unknown as [{ dialogs: import('../../src-main/api/handlers/files').FileDialogs }];
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/chosen/folder'] });
    expect(await options.dialogs.chooseFolder({ title: 'Choose a folder' })).toBe('/chosen/folder');
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: '/default/documents' }));
  });
});
