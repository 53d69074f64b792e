/**
 * The composition root of the Electron shell: one running copy, one hardened window on app://, the
 * service host (src-main/host: the vault session, SQL and the key) forked as a utilityProcess behind
 * the contract, and the vault locked whenever the machine locks, sleeps or the app quits. This
 * process loads no SQLite and never holds the key. Everything with a decision in it lives in the
 * sibling modules; this file wires.
 */
import { resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session, utilityProcess } from 'electron';
import { defaultVaultFolder, demoVaultFolder, userDataFolder } from '../data-folder';
import { connectHost, fromUtilityProcess, type HostClient } from '../host/client';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { shellDialogs } from './dialogs';
import { hardenSession, hardenWebContents } from './guards';
import { registerContractHandlers } from './ipc';
import { menuTemplate } from './menu';
import { APP_ORIGIN, APP_SCHEME, startPage } from './origin';
import { createMainWindow, focusWindow } from './window';

export interface ShellOptions {
  /** The built renderer (out/renderer), served as app://peerpath/. */
  rendererDir: string;
  /** The built, sandbox-compatible preload (out/preload/preload.cjs). */
  preloadPath: string;
  /** The built service host (out/main/service-host.js), forked as a utilityProcess. */
  hostPath: string;
  /** electron-vite dev's server URL; ignored in packaged builds. */
  devServerUrl?: string | undefined;
}

/**
 * The same folder the CLI uses (data-folder.ts), so both find one vault; Electron's own default
 * would follow package.json's lowercase `name`. `--user-data-dir` (tests, IT staff) still wins.
 */
function chooseUserData(): string {
  const fromSwitch = app.commandLine.getSwitchValue('user-data-dir');
  return fromSwitch ? resolve(fromSwitch) : userDataFolder();
}

/** Resolves once the window has loaded (or start-up has failed and the app is exiting). */
export function startShell(options: ShellOptions): Promise<void> {
  // First: the single-instance lock is taken per userData folder.
  app.setPath('userData', chooseUserData());
  // A second copy would open the same vault files: it hands over to the first and leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  app.enableSandbox();
  registerAppScheme(protocol);

  const unpackaged = !app.isPackaged;
  // A packaged build never honours the dev URL: it would let anyone who can set the environment
  // point the trusted window, and with it the whole contract, at a page of their choosing.
  const start = startPage(unpackaged ? options.devServerUrl : undefined);
  let mainWindow: BrowserWindow | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, start.origin));
  app.on('second-instance', () => {
    if (mainWindow) focusWindow(mainWindow);
  });
  // Quitting (and so locking) when the window closes, on macOS too: an unlocked vault should not
  // linger in the dock with no window to show that it is open.
  app.on('window-all-closed', () => app.quit());

  return app
    .whenReady()
    .then(async () => {
      const userData = app.getPath('userData');
      const host = await connectHost(fromUtilityProcess(utilityProcess.fork(options.hostPath, [], { serviceName: 'Peerpath vault' })), {
        start: {
          dir: defaultVaultFolder(userData),
          demoDir: demoVaultFolder(userData),
          // The demo's weeks end today, so it looks current whenever someone tries it.
          demo: { endsToday: true },
        },
        // The host asks for a dialog over its port; the dialog opens here, modal to the window.
        dialogs: shellDialogs({
          dialog,
          window: () => BrowserWindow.getFocusedWindow() ?? mainWindow,
          startFolder: () => app.getPath('documents'),
        }),
        onUnexpectedExit: hostStopped,
      });
      const lock = () => void host.lock('system');
      powerMonitor.on('lock-screen', lock);
      powerMonitor.on('suspend', lock);
      quitAfterClosing(host);

      hardenSession(session.defaultSession);
      // Under `electron-vite dev` the dev server serves the renderer; app:// is for the built one.
      if (start.origin === APP_ORIGIN) protocol.handle(APP_SCHEME, serveRenderer(options.rendererDir));
      registerContractHandlers(ipcMain, { dispatch: host.dispatch, trustedOrigin: start.origin });
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, devTools: unpackaged })));

      const window = createMainWindow({ preloadPath: options.preloadPath, devTools: unpackaged });
      mainWindow = window;
      window.on('closed', () => {
        mainWindow = null;
      });
      await window.loadURL(start.url);
    })
    .catch(failStartup);
}

/**
 * Quitting waits for the host to lock the vault (closing its database and wiping the key) and end;
 * the quit then goes on. A host that does not answer is ended after a grace period (host/client.ts).
 */
function quitAfterClosing(host: HostClient): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void host.close().then(() => {
      state = 'closed';
      app.quit();
    });
  });
}

/**
 * The host crashed or was killed: every call would fail, so the window cannot go on. Saved work is
 * in the vault (each change is committed as it is made); the person is told so in plain words.
 */
function hostStopped(): void {
  dialog.showErrorBox(
    'Peerpath has to close',
    'The part of Peerpath that keeps your vault stopped unexpectedly. Everything you saved is safe in the vault. Open Peerpath again to continue.',
  );
  app.exit(1);
}

/** The error's name and stack frames only: a message could carry a path or a value. */
function failStartup(error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 6).join('\n') : '';
  console.error(`[peerpath] start-up failed: ${name}\n${frames}`);
  app.exit(1);
}
