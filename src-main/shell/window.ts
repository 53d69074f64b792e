/**
 * The main window. The options are written inline in the constructor call, not built by a helper,
 * so that electronegativity (which reads the literal) and a reviewer both see them where they take
 * effect. Several restate Electron's current defaults on purpose: the window's safety should not
 * depend on a default that a future Electron, or a copied snippet, could change.
 */
import { BrowserWindow } from 'electron';

export interface MainWindowSettings {
  preloadPath: string;
  /** Off in packaged builds: devtools would show every decrypted record in the renderer. */
  devTools: boolean;
}

export function createMainWindow({ preloadPath, devTools }: MainWindowSettings): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Peerpath',
    width: 1280,
    height: 820,
    // Small school laptops (1366×768 and smaller, with a taskbar) must still fit the window.
    minWidth: 800,
    minHeight: 560,
    // Shown on 'ready-to-show', so nobody watches a blank frame while the renderer loads.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway by guards.ts).
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/** A second launch brings the running window back instead of opening the vault twice. */
export function focusWindow(window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
