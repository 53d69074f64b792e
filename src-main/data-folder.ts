/**
 * Where Peerpath keeps its vault when no --vault is given: the same folder Electron's
 * `app.getPath('userData')` gives for productName "Peerpath", so the CLI and the app agree.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Peerpath';

export function userDataFolder(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

export function defaultVaultFolder(userData: string = userDataFolder()): string {
  return join(userData, 'vault');
}

export function demoVaultFolder(userData: string = userDataFolder()): string {
  return join(userData, 'demo-vault');
}
