/**
 * `vault.restore`: a backup file into a new folder, checked by opening it with the secret given, then
 * closed again (the restored vault is unlocked later, like any other). Never into the vault in use.
 */
import type { ParsedInputOf } from '../contract';
import { restoreBackup } from '../vault/backup';
import { closeVault } from '../vault/vault';

export async function restoreInto(
  { file, into, secret, kind }: ParsedInputOf<'vault.restore'>,
  liveDir: string | undefined,
): Promise<void> {
  closeVault(await restoreBackup({ file, dir: into, secret, kind, liveDir }));
}
