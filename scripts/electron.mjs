#!/usr/bin/env node
/**
 * `npm start` / `npm run dev` / `npm run package`: make sure the Electron runtime is here
 * (scripts/electron-runtime.mjs), then run electron-vite or electron-builder with it.
 *
 *   node scripts/electron.mjs preview|dev [electron-vite options]
 *   node scripts/electron.mjs package [electron-builder options]
 *
 * Where the runtime cannot be fetched, one plain message and exit 1 (never "Electron uninstall").
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronPackageDir, ensureElectron, failureReason, findElectron } from './electron-runtime.mjs';

const [command, ...rest] = process.argv.slice(2);
if (!['preview', 'dev', 'package'].includes(command)) {
  console.error('usage: node scripts/electron.mjs preview|dev|package [options]');
  process.exit(2);
}

const require = createRequire(import.meta.url);
/** A package's own bin script, run with this Node (no shell, no PATH lookup). */
function binScript(name, bin = name) {
  const manifestPath = require.resolve(`${name}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin];
  return join(dirname(manifestPath), entry);
}

/** Runs a bin, its output passed through and (for packaging) kept to explain a failure. */
function run(script, args, env, { keepOutput = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: keepOutput ? ['inherit', 'pipe', 'pipe'] : 'inherit' });
    let text = '';
    if (keepOutput) {
      for (const [stream, sink] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        stream.on('data', (chunk) => {
          sink.write(chunk);
          text = (text + chunk).slice(-65_536);
        });
      }
    }
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), text }));
  });
}

/** electron-builder fetches more than Electron (AppImage, NSIS, fpm tools): recognise a failed download. */
const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|getaddrinfo|socket hang up|unable to download|cannot download/i;

const packageDir = electronPackageDir();
if (!findElectron({ packageDir }) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  const { version } = require('electron/package.json');
  console.error(`Downloading the Electron runtime (Electron ${version}, about 110 MB; only the first time)…`);
}
const runtime = await ensureElectron({ packageDir });
if (!runtime.ok) {
  console.error(runtime.message);
  process.exit(1);
}
// electron-vite reads ELECTRON_EXEC_PATH before path.txt, so an Electron named by
// ELECTRON_OVERRIDE_DIST_PATH is the one it launches too.
const env = { ...process.env, ELECTRON_EXEC_PATH: runtime.binary };

if (command === 'package') {
  const built = await run(binScript('electron-vite'), ['build'], env);
  if (built.code !== 0) process.exit(built.code);
  // The runtime just ensured is the one packaged, so electron-builder does not download it again;
  // an installer for another platform (--win, --mac, --linux) needs that platform's Electron.
  const otherPlatform = rest.some((arg) => /^-(-win|-mac|-linux|w|m|l)$/.test(arg));
  const args = ['--config', 'build/electron-builder.yml', ...(otherPlatform ? [] : [`-c.electronDist=${runtime.distDir}`]), ...rest];
  const packaged = await run(binScript('electron-builder'), args, env, { keepOutput: true });
  if (packaged.code !== 0 && NETWORK_FAILURE.test(packaged.text)) {
    console.error(
      `Packaging stopped: electron-builder could not download its build tools (${failureReason(packaged.text)}); run \`npm run package\` on a computer with internet, or set ELECTRON_BUILDER_BINARIES_MIRROR to a mirror you can reach.`,
    );
  }
  process.exit(packaged.code);
}
const { code } = await run(binScript('electron-vite'), [command, ...rest], env);
process.exit(code);
