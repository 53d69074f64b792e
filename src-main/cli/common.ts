/**
 * What every CLI command module shares: the output channels, the error kinds, unlocking, and the one
 * way to the services — `dispatch`, the same contract-checked function behind the app's IPC, so
 * input and output validation, meeting mode and every refusal apply to the command line too.
 * The CLI holds Peerpath only here (`connectToHost`), to dispatch and to lock at the end.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';
import type { Dispatch } from '../api/dispatch';
import { AppError, type Channel, type InputOf, type OutputOf } from '../contract';
import { demoVaultFolder } from '../data-folder';
import { startHostThread } from '../host/thread';
import { NoTerminalError, promptSecret } from './secret-prompt';

/** All a command holds of Peerpath: its dispatch, and closing (which locks the vault). */
export interface Connection {
  dispatch: Dispatch;
  close: () => void | Promise<void>;
}

/** Opens the services for the vault folder `dir`. */
export type Connect = (dir: string) => Connection | Promise<Connection>;

/**
 * The service host (src-main/host) as a worker thread — the same entry the app forks — with the
 * channels that take a path from the command line (`commandLine`: the app's own dispatch refuses
 * those). The app's demo folder is the default of `peerpath demo seed`, as "Try with demo data" uses it.
 * Closing locks the vault (wiping the key) and ends the thread.
 */
export const connectToHost: Connect = async (dir) => {
  const host = await startHostThread({ dir, demoDir: demoVaultFolder(), commandLine: true });
  return { dispatch: host.dispatch, close: () => host.close() };
};

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Where the services are: a service-host thread (`connectToHost`) unless a test says otherwise. */
  connect?: Connect | undefined;
}

/** Wrong words on the command line: exit 2 with the usage. */
export class UsageError extends Error {}

/** A refusal with several reasons (e.g. every bad row of a roster): exit 1, one line each. */
export class CommandFailed extends Error {
  readonly lines: string[];

  constructor(lines: string[]) {
    super(lines[0] ?? 'failed');
    this.name = 'CommandFailed';
    this.lines = lines;
  }
}

/** `node:util`'s parseArgs, strict and taking positionals; what it refuses is a usage error (exit 2). */
export function parseCommandLine(args: readonly string[], options: ParseArgsConfig['options']): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function describe(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** Runs `run` with the services of the vault in `dir`, and closes them (locking the vault) however it ends. */
export async function withPeerpath<T>(io: Io, dir: string, run: (peerpath: Connection) => Promise<T>): Promise<T> {
  const peerpath = await (io.connect ?? connectToHost)(dir);
  try {
    return await run(peerpath);
  } finally {
    await peerpath.close();
  }
}

/** One request through dispatch; a refusal becomes the AppError it describes (exit 1, its message). */
export async function call<C extends Channel>(peerpath: Pick<Connection, 'dispatch'>, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await peerpath.dispatch(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value as OutputOf<C>;
}

export async function secret(
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

/** Unlocks the vault (through dispatch) and returns the secret that did it. */
export async function unlocked(peerpath: Pick<Connection, 'dispatch'>, io: Io, recovery: boolean): Promise<string> {
  const given = await secret(io, 'PEERPATH_PASSPHRASE', recovery ? 'Recovery key: ' : 'Passphrase: ');
  if (recovery) await call(peerpath, 'vault.unlockWithRecoveryKey', { recoveryKey: given });
  else await call(peerpath, 'vault.unlock', { passphrase: given });
  return given;
}
