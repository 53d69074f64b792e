import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, focusWindow } from '../../src-main/shell/window';
import type { FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const open = (devTools: boolean) =>
  createMainWindow({ preloadPath: '/app/out/preload/preload.cjs', devTools }) as unknown as FakeBrowserWindow;

describe('createMainWindow', () => {
  it('isolates and sandboxes the renderer, with our preload and no Node', () => {
    const { webPreferences } = open(false).options;
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    // `remote` is gone from Electron; make sure nobody brings back an option for it.
    expect(Object.keys(webPreferences ?? {}).filter((key) => /remote/i.test(key))).toEqual([]);
  });

  it('has a minimum size that fits a small laptop screen, and developer tools only when asked', () => {
    const window = open(true);
    expect(window.options.minWidth).toBeGreaterThanOrEqual(640);
    expect(window.options.minWidth).toBeLessThanOrEqual(1024);
    expect(window.options.minHeight).toBeLessThanOrEqual(600);
    expect(window.options.webPreferences?.devTools).toBe(true);
  });

  it('stays hidden until the first paint', () => {
    const window = open(false);
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});

describe('focusWindow', () => {
  it('restores a minimised window and brings it to the front', () => {
    const window = open(false);
    window.isMinimized.mockReturnValue(true);
    focusWindow(window);
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });
});
