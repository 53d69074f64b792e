/**
 * Makes sure the Electron runtime is on this computer before anything launches or packages it.
 *
 * Since Electron 42 the `electron` package downloads its binary lazily, on the first
 * `require('electron')` or run of its `install-electron` bin; electron-vite never does either (it
 * reads `node_modules/electron/path.txt` and throws "Electron uninstall" when it is missing). So
 * `npm start`, `npm run dev`, `npm run package` and the Electron smoke test all call
 * `ensureElectron()` first: it runs Electron's own installer (`install.js`, the `install-electron`
 * bin) when the runtime is absent and, when that cannot download, returns the reason so the caller
 * can say it plainly. Imported by scripts/electron.mjs and test/electron/; imports only Node.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The executable's path inside an Electron dist folder, as Electron's own install.js names it. */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The folder of the `electron` npm package this project depends on. */
export function electronPackageDir() {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

function packageVersion(packageDir) {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
}

/**
 * The runtime already on this computer, or null. ELECTRON_OVERRIDE_DIST_PATH (an Electron the user
 * already has) wins, as it does in `require('electron')`; otherwise the package's own download,
 * which counts only when path.txt names a binary that exists and dist/version matches the package
 * (the same test as Electron's install.js, so a half-finished or stale download is fetched again).
 */
export function findElectron({ packageDir = electronPackageDir(), env = process.env } = {}) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, platformExecutable());
    return existsSync(binary) ? { binary, distDir: override, source: 'override' } : null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const versionFile = join(packageDir, 'dist', 'version');
  if (!existsSync(pathFile) || !existsSync(versionFile)) return null;
  if (readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') !== packageVersion(packageDir)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { binary, distDir: join(packageDir, 'dist'), source: 'package' } : null;
}

/** The one line of the installer's output that says why it failed (it prints a stack trace). */
export function failureReason(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at ') && !line.startsWith('Downloading'));
  const last = lines.find((line) => /error|failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/i.test(line)) ?? lines.at(-1);
  return (last ?? 'the installer stopped without saying why').replace(/^(Type|HTTP|Request)?Error:\s*/, '');
}

/**
 * The plain message for a runtime that could not be fetched: what happened, then what to do.
 * Kept to what a user can act on: the network or proxy, a mirror, or an Electron they already have.
 */
export function downloadAdvice({ version, reason, env = process.env }) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return [
      `The Electron runtime was not found: ELECTRON_OVERRIDE_DIST_PATH is set to ${env.ELECTRON_OVERRIDE_DIST_PATH}, which holds no ${platformExecutable()}.`,
      `Point it at the folder of an unpacked Electron ${version} (the one holding ${platformExecutable()}), or unset it to download Electron.`,
    ].join('\n');
  }
  const from = env.ELECTRON_MIRROR ? `the mirror ${env.ELECTRON_MIRROR}` : 'GitHub';
  return [
    `The Electron runtime (Electron ${version}, about 110 MB, downloaded once) could not be downloaded from ${from}: ${reason}.`,
    'Peerpath needs it to open its window. To fix this, either:',
    '  - check the network connection or proxy (HTTPS_PROXY), then run the command again;',
    '  - set ELECTRON_MIRROR to an Electron mirror you can reach;',
    `  - or set ELECTRON_OVERRIDE_DIST_PATH to the folder of an Electron ${version} already on this computer.`,
  ].join('\n');
}

/**
 * The runtime, downloading it through Electron's own installer when absent.
 * Resolves `{ ok: true, binary, distDir, downloaded }` or `{ ok: false, reason, message }` (the reason
 * alone, and the whole advice); never throws for
 * a failed download. `timeoutMs` bounds a download that hangs (a proxy that never answers).
 */
export async function ensureElectron({ packageDir = electronPackageDir(), env = process.env, timeoutMs = 15 * 60_000 } = {}) {
  const present = findElectron({ packageDir, env });
  if (present) return { ok: true, ...present, downloaded: false };
  const version = packageVersion(packageDir);
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const reason = `ELECTRON_OVERRIDE_DIST_PATH holds no ${platformExecutable()}`;
    return { ok: false, reason, message: downloadAdvice({ version, reason, env }) };
  }

  const installer = join(packageDir, 'install.js');
  const output = await new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const keep = (chunk) => {
      text = (text + chunk).slice(-16_384);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      keep('\nError: the download did not finish in time');
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => keep(`\nError: ${error.message}`));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, text });
    });
  });
  const installed = findElectron({ packageDir, env });
  if (output.code === 0 && installed) return { ok: true, ...installed, downloaded: true };
  const reason = failureReason(output.text);
  return { ok: false, reason, message: downloadAdvice({ version, reason, env }) };
}
