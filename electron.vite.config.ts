import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundled rather than loaded from node_modules: drizzle-orm's hundreds of ESM files take over a second to resolve at start-up.
      externalizeDeps: { exclude: ['drizzle-orm', 'zod'] },
      rollupOptions: {
        // The service host (src-main/host, forked by main as a utilityProcess, run as a thread by the
        // CLI) and the worker threads' entry (src-main/workers) are built with the app, sharing chunks.
        input: {
          main: resolve('src-main/main.ts'),
          cli: resolve('src-main/cli.ts'),
          'service-host': resolve('src-main/host/entry.ts'),
          'task-worker': resolve('src-main/workers/entry.ts'),
        },
        // Flat, so every chunk finds service-host.js and task-worker.js beside itself (src-main/workers/script.ts).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('src-main/preload.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
