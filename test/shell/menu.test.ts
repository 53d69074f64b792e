import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../src-main/shell/menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('menuTemplate', () => {
  it('offers no developer tools and no reload in a packaged build', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const found = roles(menuTemplate({ platform, devTools: false }));
      expect(found, platform).not.toContain('toggleDevTools');
      expect(found, platform).not.toContain('reload');
      // viewMenu and the default menu would bring devtools back.
      expect(found, platform).not.toContain('viewMenu');
      expect(found, platform).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'windowMenu']));
    }
  });

  it('offers developer tools in an unpackaged run', () => {
    expect(roles(menuTemplate({ platform: 'linux', devTools: true }))).toContain('toggleDevTools');
  });

  it('has the macOS application menu on macOS only', () => {
    expect(menuTemplate({ platform: 'darwin', devTools: false })[0]?.role).toBe('appMenu');
    expect(roles(menuTemplate({ platform: 'win32', devTools: false }))).not.toContain('appMenu');
  });
});
