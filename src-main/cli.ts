/**
 * `peerpath` — the command line for IT staff and scripts, a second shell over the same services,
 * never a second implementation: every command is requests through the one `dispatch` (cli/common.ts),
 * so the contract's checks and refusals are the app's. Exit codes: 0 success, 1 a refusal or failure
 * (one line, or one line per bad row of a roster), 2 a usage error. Secrets come only from
 * PEERPATH_PASSPHRASE / PEERPATH_NEW_PASSPHRASE or a prompt. Commands live in cli/*-commands.ts.
 */
import { z } from 'zod';
import { BACKUPS_USAGE, runBackups } from './cli/backup-commands';
import { CommandFailed, type Connect, describe, type Io, parseCommandLine, UsageError } from './cli/common';
import { DATA_COMMANDS, DataInvocation, runData } from './cli/data-commands';
import { MATCH_USAGE, runMatch } from './cli/match-commands';
import { isReportCommand, parseReportCommand, REPORT_USAGE, runReportCommand } from './cli/report-commands';
import { runVault, VaultInvocation } from './cli/vault-commands';
import { AppError, MemberName, StaffRole } from './contract';
import { RosterKind } from './contract/roster';
import { defaultVaultFolder } from './data-folder';

const USAGE = `Usage: peerpath vault <command> [--vault <dir>]
       peerpath import|export|audit|demo|report <command> [--vault <dir>]

Commands:
  vault init --name <name> --role <role>   create a vault; prints its recovery key
  vault check                              unlock and run a full integrity check
  vault change-passphrase                  change your passphrase (old: PEERPATH_PASSPHRASE, new: PEERPATH_NEW_PASSPHRASE)
  vault add-member --name <name> --role <role>   give a team member their own passphrase (PEERPATH_NEW_PASSPHRASE)
  vault recovery-key                       make a new recovery key (the old one stops working)
  vault members                            list who has access (slot id, name, role, added, last unlock) and any key slot with no member
  vault remove-member <name or slot id>    take a team member's access away (the vault is re-encrypted under a new key)
  vault rotate-key                         re-encrypt the vault under a new key; older backups still open with the secrets of then
  vault backup <file>                      write an encrypted one-file backup
  vault restore <file> <dir>               restore a backup into a new folder [--recovery-key]
${BACKUPS_USAGE}
  import roster --kind <kind> <file.csv>   import students, mentors or staff from a CSV export of your student
                                           information system; if any row is bad, nothing is imported and every
                                           bad row is listed [--skip-duplicates]
  import json <file>                       import a Peerpath JSON export into an empty vault
  export json <file>                       write every record to a new JSON file (NOT encrypted; never overwrites)
  audit verify                             check that no audit event was edited or deleted
  audit list [--limit <n>]                 the newest audit events, newest first (default 50, at most 500)
  demo seed [--students <n>] [--mentors <n>] [--weeks <n>] [--seed <n>]
                                           create a vault of synthetic demo data (default: the app's demo vault,
                                           replaced; with --vault, a new folder)
${REPORT_USAGE}
${MATCH_USAGE}

Options:
  --vault <dir>       the vault folder (default: ${defaultVaultFolder()})
  --recovery-key      the secret given is the recovery key, not a passphrase
  --kind <kind>       what a roster holds: ${RosterKind.options.join(', ')}
  --skip-duplicates   import a roster without the rows whose id Peerpath already has or the file repeats
  -h, --help          show this help

Roles: ${StaffRole.options.join(', ')}
Secrets are read from PEERPATH_PASSPHRASE and PEERPATH_NEW_PASSPHRASE, or asked for in the terminal.`;

const WholeNumberText = z
  .string()
  .regex(/^\d{1,9}$/, 'Use a whole number.')
  .transform((text) => Number.parseInt(text, 10));

const Options = z.object({
  vault: z.string().min(1).optional(),
  name: MemberName.optional(),
  role: StaffRole.optional(),
  'recovery-key': z.boolean().optional(),
  kind: z.string().optional(),
  'skip-duplicates': z.boolean().optional(),
  limit: WholeNumberText.optional(),
  students: WholeNumberText.optional(),
  mentors: WholeNumberText.optional(),
  weeks: WholeNumberText.optional(),
  seed: WholeNumberText.optional(),
  help: z.boolean().optional(),
});
type Options = z.infer<typeof Options>;

type Invocation = { group: 'vault'; vault: VaultInvocation } | { group: 'data'; data: DataInvocation };

const DATA_GROUPS = new Set(['import', 'export', 'audit', 'demo']);

function parse(argv: string[]): { invocation: Invocation | null; options: Options } {
  const parsed = parseCommandLine(argv, {
    vault: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'recovery-key': { type: 'boolean' },
    kind: { type: 'string' },
    'skip-duplicates': { type: 'boolean' },
    limit: { type: 'string' },
    students: { type: 'string' },
    mentors: { type: 'string' },
    weeks: { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const options = Options.safeParse(parsed.values);
  if (!options.success) throw new UsageError(describe(options.error));
  if (options.data.help) return { invocation: null, options: options.data };
  const [group, command, ...positionals] = parsed.positionals;
  if (group === 'vault') {
    const invocation = VaultInvocation.safeParse({ command, positionals, name: options.data.name, role: options.data.role });
    if (!invocation.success)
      throw new UsageError(command ? `wrong arguments for "vault ${command}": ${describe(invocation.error)}` : 'no vault command given');
    return { invocation: { group: 'vault', vault: invocation.data }, options: options.data };
  }
  if (group && DATA_GROUPS.has(group)) {
    if (!command) throw new UsageError(`no ${group} command given`);
    const name = `${group} ${command}`;
    if (!DATA_COMMANDS.includes(name)) throw new UsageError(`unknown command "${name}"`);
    const { kind, limit, students, mentors, weeks, seed } = options.data;
    const invocation = DataInvocation.safeParse({
      command: name,
      positionals,
      kind,
      skipDuplicates: options.data['skip-duplicates'] ?? false,
      limit,
      students,
      mentors,
      weeks,
      seed,
    });
    if (!invocation.success) throw new UsageError(`wrong arguments for "${name}": ${describe(invocation.error)}`);
    return { invocation: { group: 'data', data: invocation.data }, options: options.data };
  }
  throw new UsageError(group ? `unknown command "${group}"` : 'no command given');
}

/** `connect`: where the services are (default: this process); tests pass their own app's dispatch. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, connect?: Connect): Promise<number> {
  const io: Io = { out: (line) => console.log(line), err: (line) => console.error(line), env, connect };
  try {
    if (isReportCommand(argv) && !argv.includes('--help') && !argv.includes('-h')) {
      const report = parseReportCommand(argv);
      await runReportCommand(report, report.vault ?? defaultVaultFolder(), io);
      return 0;
    }
    if (argv[0] === 'vault' && argv[1] === 'backups' && !argv.includes('--help') && !argv.includes('-h')) {
      await runBackups(argv.slice(2), defaultVaultFolder(), io);
      return 0;
    }
    if (argv[0] === 'match' && !argv.includes('--help') && !argv.includes('-h')) {
      await runMatch(argv.slice(1), defaultVaultFolder(), io);
      return 0;
    }
    const { invocation, options } = parse(argv);
    if (!invocation) {
      io.out(USAGE);
      return 0;
    }
    const dir = options.vault ?? defaultVaultFolder();
    const recovery = options['recovery-key'] ?? false;
    if (invocation.group === 'vault') await runVault(invocation.vault, dir, recovery, io);
    else await runData(invocation.data, options.vault, dir, recovery, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`peerpath: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof CommandFailed) {
      for (const line of error.lines) io.err(line);
      return 1;
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
