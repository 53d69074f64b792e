/**
 * `peerpath vault backups [--delete <id>]`: the backups this vault wrote that are still on disk, each
 * marked when made before the newest data-key rotation (those still open with the passphrases of
 * their day, removed members' too); `--delete` removes one by the id listed, never by a path. Through
 * the same dispatch as the app (`vault.backups`, `vault.deleteBackup`).
 */
import { z } from 'zod';
import { Id } from '../contract';
import { call, describe, type Io, parseCommandLine, UsageError, unlocked, withPeerpath } from './common';

export const BACKUPS_USAGE = `  vault backups [--delete <id>]            list the backups this vault wrote (id, taken, bytes, path), marking those
                                           made before the newest key rotation; --delete removes one by its id`;

const BackupsInvocation = z.object({ delete: Id.optional(), vault: z.string().min(1).optional(), recovery: z.boolean() }).strict();

/** `argv` is what follows `vault backups`. */
function parse(argv: string[]): z.infer<typeof BackupsInvocation> {
  const parsed = parseCommandLine(argv, { vault: { type: 'string' }, 'recovery-key': { type: 'boolean' }, delete: { type: 'string' } });
  const [extra] = parsed.positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}" for "vault backups"`);
  const { values } = parsed;
  const invocation = BackupsInvocation.safeParse({ delete: values.delete, vault: values.vault, recovery: values['recovery-key'] ?? false });
  if (!invocation.success) throw new UsageError(`wrong arguments for "vault backups": ${describe(invocation.error)}`);
  return invocation.data;
}

export async function runBackups(argv: string[], defaultDir: string, io: Io): Promise<void> {
  const invocation = parse(argv);
  await withPeerpath(io, invocation.vault ?? defaultDir, async (peerpath) => {
    await unlocked(peerpath, io, invocation.recovery);
    if (invocation.delete) {
      await call(peerpath, 'vault.deleteBackup', { id: invocation.delete });
      io.out(`Deleted backup ${invocation.delete}.`);
      return;
    }
    const backups = await call(peerpath, 'vault.backups', {});
    if (backups.length === 0) io.out('No backups written by this vault are on disk.');
    for (const backup of backups) {
      io.out(
        [backup.id, backup.madeAt, `${backup.bytes} bytes`, backup.preRotation ? 'before key rotation' : 'current key', backup.path].join(
          '\t',
        ),
      );
    }
    if (backups.some((backup) => backup.preRotation)) {
      io.out('Backups made before the key rotation still open with the passphrases of their day; delete them with --delete <id>.');
    }
  });
}
