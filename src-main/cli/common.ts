/** What every CLI command module shares: the output channels, the error kinds, and unlocking. */
import type { z } from 'zod';
import type { Peerpath } from '../api/app';
import { AppError } from '../contract';
import { NoTerminalError, promptSecret } from './secret-prompt';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
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

export function describe(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
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

/** Unlocks the session and returns the secret that did it. */
export async function unlocked(app: Peerpath, io: Io, recovery: boolean): Promise<string> {
  const given = await secret(io, 'PEERPATH_PASSPHRASE', recovery ? 'Recovery key: ' : 'Passphrase: ');
  if (recovery) await app.session.unlockWithRecoveryKey(given);
  else await app.session.unlock(given);
  return given;
}
