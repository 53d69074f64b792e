/**
 * electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing.
 * Fuses are compiled-in switches that turn off whole features an attacker could otherwise use to
 * run their own code inside our signed app. `strictlyRequireAllFuses` makes packaging fail when a
 * new Electron adds a fuse nobody has decided on yet.
 */
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

export const FUSES = {
  // `ELECTRON_RUN_AS_NODE=1 Peerpath` would be a plain, signed Node.js.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store is encrypted with the OS keychain (we use no cookies; free hardening).
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS=--require… would inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would attach a debugger to the process holding the vault key.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging (macOS and Windows; no-op on Linux).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // …and only app.asar is loaded, so a loose app/ folder beside it cannot replace the checked code.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // We ship no custom V8 snapshot.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://, never file://: no extra powers for file pages.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default; WebAssembly bounds checks without the trap handler are only slower.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** The Electron binary electron-builder just laid out in appOutDir, per platform. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(electronBinaryPath(context), {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Flipping a fuse breaks macOS's ad-hoc signature; re-sign ad hoc (real signing follows).
    resetAdHocDarwinSignature: isMac,
    ...FUSES,
  });
}
