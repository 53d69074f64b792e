/**
 * Electron's entry point (out/main/main.js). Kept to paths and one call: the shell's decisions live
 * in src-main/shell, where they are tested with `electron` mocked.
 */
import { join } from 'node:path';
import { startShell } from './shell/start';

void startShell({
  rendererDir: join(import.meta.dirname, '../renderer'),
  preloadPath: join(import.meta.dirname, '../preload/preload.cjs'),
  hostPath: join(import.meta.dirname, 'service-host.js'),
  // Set by `electron-vite dev` only; startShell ignores it in packaged builds.
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
});
