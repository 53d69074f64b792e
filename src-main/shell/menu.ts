/**
 * A minimal application menu: the standard edit roles (so copy/paste shortcuts work on macOS),
 * zoom for readability, window controls. Reload and developer tools only in an unpackaged run.
 * Electron's default menu is not used because it always offers "Toggle Developer Tools".
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuSettings {
  platform: NodeJS.Platform;
  devTools: boolean;
}

export function menuTemplate({ platform, devTools }: MenuSettings): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
