/**
 * `peerpath` — the command line for IT staff and scripts, a second shell over the same services
 * (createPeerpath), never a second implementation. Exit codes: 0 success, 1 a one-line error,
 * 2 a usage error. Secrets come only from PEERPATH_PASSPHRASE / PEERPATH_NEW_PASSPHRASE or a prompt.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createPeerpath, type Peerpath } from './api/app';
import { NoTerminalError, promptSecret } from './cli/secret-prompt';
import { AppError, MemberName, StaffRole } from './contract';
import { defaultVaultFolder } from './data-folder';
import { restoreBackup } from './vault/backup';
import { closeVault } from './vault/vault';

const USAGE = `Usage: peerpath vault <command> [--vault <dir>]

Commands:
  vault init --name <name> --role <role>   create a vault; prints its recovery key
  vault check                              unlock and run a full integrity check
  vault change-passphrase                  change your passphrase (old: PEERPATH_PASSPHRASE, new: PEERPATH_NEW_PASSPHRASE)
  vault add-member --name <name> --role <role>   give a team member their own passphrase (PEERPATH_NEW_PASSPHRASE)
  vault recovery-key                       make a new recovery key (the old one stops working)
  vault backup <file>                      write an encrypted one-file backup
  vault restore <file> <dir>               restore a backup into a new folder [--recovery-key]

Options:
  --vault <dir>     the vault folder (default: ${defaultVaultFolder()})
  --recovery-key    the secret given is the recovery key, not a passphrase
  -h, --help        show this help

Roles: ${StaffRole.options.join(', ')}
Secrets are read from PEERPATH_PASSPHRASE and PEERPATH_NEW_PASSPHRASE, or asked for in the terminal.`;

class UsageError extends Error {}

const Options = z.object({
  vault: z.string().min(1).optional(),
  name: MemberName.optional(),
  role: StaffRole.optional(),
  'recovery-key': z.boolean().optional(),
  help: z.boolean().optional(),
});

const Invocation = z.discriminatedUnion('command', [
  z.object({ command: z.literal('init'), name: MemberName, role: StaffRole, positionals: z.tuple([]) }),
  z.object({ command: z.literal('check'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('change-passphrase'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('add-member'), name: MemberName, role: StaffRole, positionals: z.tuple([]) }),
  z.object({ command: z.literal('recovery-key'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('backup'), positionals: z.tuple([z.string().min(1)]) }),
  z.object({ command: z.literal('restore'), positionals: z.tuple([z.string().min(1), z.string().min(1)]) }),
]);
type Invocation = z.infer<typeof Invocation>;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

function parse(argv: string[]): { invocation: Invocation | null; options: z.infer<typeof Options> } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        vault: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        'recovery-key': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options = Options.safeParse(parsed.values);
  if (!options.success) throw new UsageError(describe(options.error));
  if (options.data.help) return { invocation: null, options: options.data };
  const [group, command, ...positionals] = parsed.positionals;
  if (group !== 'vault') throw new UsageError(group ? `unknown command "${group}"` : 'no command given');
  const invocation = Invocation.safeParse({ command, positionals, name: options.data.name, role: options.data.role });
  if (!invocation.success)
    throw new UsageError(command ? `wrong arguments for "vault ${command}": ${describe(invocation.error)}` : 'no vault command given');
  return { invocation: invocation.data, options: options.data };
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

async function secret(
  io: Io,
  variable: 'PEERPATH_PASSPHRASE' | 'PEERPATH_NEW_PASSPHRASE',
  question: string,
  confirm = false,
): Promise<string> {
  const fromEnv = io.env[variable];
  if (fromEnv) return fromEnv;
  try {
    const first = await promptSecret(question);
    if (confirm && (await promptSecret('Type it again: ')) !== first) throw new AppError('invalid_input', 'The two entries do not match.');
    return first;
  } catch (error) {
    if (error instanceof NoTerminalError) throw new UsageError(`set ${variable} or run this in a terminal to be asked`);
    throw error;
  }
}

/** Unlocks the session and returns the secret that did it. */
async function unlocked(app: Peerpath, io: Io, recovery: boolean): Promise<string> {
  const given = await secret(io, 'PEERPATH_PASSPHRASE', recovery ? 'Recovery key: ' : 'Passphrase: ');
  if (recovery) await app.session.unlockWithRecoveryKey(given);
  else await app.session.unlock(given);
  return given;
}

async function run(invocation: Invocation, dir: string, recovery: boolean, io: Io): Promise<void> {
  const app = createPeerpath({ dir });
  try {
    switch (invocation.command) {
      case 'init': {
        const passphrase = await secret(io, 'PEERPATH_PASSPHRASE', 'New passphrase: ', true);
        const { recoveryKey } = await app.session.create({ memberName: invocation.name, memberRole: invocation.role, passphrase });
        io.out(`Created the vault in ${dir}.`);
        io.out(`Recovery key (print it and keep it somewhere safe; it is shown only now):\n\n    ${recoveryKey}\n`);
        return;
      }
      case 'check': {
        await unlocked(app, io, recovery);
        const result = app.session.check();
        if (!result.integrityOk) throw new AppError('vault_damaged', 'The vault failed its integrity check — restore from backup.');
        io.out(`ok: schema ${result.schemaVersion}, integrity ok, ${result.members} team member(s) with access`);
        return;
      }
      case 'change-passphrase': {
        const currentPassphrase = await unlocked(app, io, false);
        const newPassphrase = await secret(io, 'PEERPATH_NEW_PASSPHRASE', 'New passphrase: ', true);
        await app.session.changePassphrase({ currentPassphrase, newPassphrase });
        io.out('Passphrase changed.');
        return;
      }
      case 'add-member': {
        await unlocked(app, io, recovery);
        const passphrase = await secret(io, 'PEERPATH_NEW_PASSPHRASE', `Passphrase for ${invocation.name}: `, true);
        await app.session.addMember({ name: invocation.name, role: invocation.role, passphrase });
        io.out(`Added ${invocation.name} (${invocation.role}).`);
        return;
      }
      case 'recovery-key': {
        await unlocked(app, io, recovery);
        const { recoveryKey } = await app.session.newRecoveryKey();
        io.out(`New recovery key (the old one no longer works):\n\n    ${recoveryKey}\n`);
        return;
      }
      case 'backup': {
        await unlocked(app, io, recovery);
        const { bytes } = app.session.backup(invocation.positionals[0]);
        io.out(`Backup written: ${invocation.positionals[0]} (${bytes} bytes, encrypted).`);
        return;
      }
      case 'restore': {
        const [file, target] = invocation.positionals;
        const given = await secret(io, 'PEERPATH_PASSPHRASE', recovery ? 'Recovery key: ' : 'Passphrase: ');
        const restored = await restoreBackup({
          file,
          dir: target,
          secret: given,
          kind: recovery ? 'recovery' : 'passphrase',
          liveDir: dir,
        });
        closeVault(restored);
        io.out(`Restored into ${target}; integrity ok.`);
        return;
      }
    }
  } finally {
    app.session.lock('user');
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const io: Io = { out: (line) => console.log(line), err: (line) => console.error(line), env };
  try {
    const { invocation, options } = parse(argv);
    if (!invocation) {
      io.out(USAGE);
      return 0;
    }
    await run(invocation, options.vault ?? defaultVaultFolder(), options['recovery-key'] ?? false, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`peerpath: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError) {
      io.err(`peerpath: ${error.message}`);
      return 1;
    }
    io.err(
      `peerpath: something went wrong (${error instanceof Error ? error.name : 'unknown error'}); nothing more is shown to keep records private.`,
    );
    return 1;
  }
}
