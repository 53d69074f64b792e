/** build/: the electron-builder config and its afterPack fuses hook (with @electron/fuses mocked). */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';

vi.mock('@electron/fuses', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@electron/fuses')>()),
  flipFuses: vi.fn(async () => 1),
}));

const root = join(import.meta.dirname, '../..');
const config = parse(readFileSync(join(root, 'build/electron-builder.yml'), 'utf8'));

interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
type FusesHook = { default: (context: PackContext) => Promise<void> };

async function runHook(electronPlatformName: string) {
  const { flipFuses } = await import('@electron/fuses');
  vi.mocked(flipFuses).mockClear();
  // A variable specifier: the hook is plain JavaScript that electron-builder loads, with no types.
  const hookPath = join(root, 'build/fuses.mjs');
  const hook = (await import(/* @vite-ignore */ hookPath)) as FusesHook;
  await hook.default({
    appOutDir: '/pack/out',
    electronPlatformName,
    packager: { executableName: 'peerpath', appInfo: { productFilename: 'Peerpath' } },
  });
  expect(flipFuses).toHaveBeenCalledOnce();
  const [binary, fuses] = vi.mocked(flipFuses).mock.lastCall ?? [];
  return { binary, fuses };
}

describe('electron-builder.yml', () => {
  it('packs the built app into an asar, with an app id and the Linux targets', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('unpacks every native binary of the SQLite and Argon2 modules from the asar', () => {
    const binaries = globSync('node_modules/{better-sqlite3,@node-rs}/**/*.node', { cwd: root });
    expect(binaries).toContain('node_modules/better-sqlite3/prebuilds/linux-x64.node');
    expect(binaries.some((file) => file.startsWith('node_modules/@node-rs/argon2-'))).toBe(true);
    for (const file of binaries) {
      expect(
        (config.asarUnpack as string[]).some((pattern) => matchesGlob(file, pattern)),
        file,
      ).toBe(true);
    }
  });

  it('does not rebuild the N-API prebuilds and runs the fuses hook after packing', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.afterPack).toBe('./build/fuses.mjs');
    expect(existsSync(join(root, config.afterPack))).toBe(true);
  });
});

describe('build/fuses.mjs', () => {
  it('flips the hardening fuses on the Linux binary', async () => {
    const { binary, fuses } = await runHook('linux');
    expect(binary).toBe('/pack/out/peerpath');
    expect(fuses).toMatchObject({
      version: '1',
      strictlyRequireAllFuses: true,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('decides every fuse @electron/fuses knows, so a new one fails the build rather than passing silently', async () => {
    const { fuses } = await runHook('linux');
    const known = Object.values(FuseV1Options).filter((value): value is FuseV1Options => typeof value === 'number');
    expect(known.length).toBeGreaterThanOrEqual(9);
    for (const fuse of known) expect(typeof fuses?.[fuse], FuseV1Options[fuse]).toBe('boolean');
  });

  it('finds the binary on macOS and Windows, re-signing ad hoc on macOS', async () => {
    const mac = await runHook('darwin');
    expect(mac.binary).toBe('/pack/out/Peerpath.app');
    expect(mac.fuses?.resetAdHocDarwinSignature).toBe(true);
    expect((await runHook('win32')).binary).toBe('/pack/out/Peerpath.exe');
  });
});
