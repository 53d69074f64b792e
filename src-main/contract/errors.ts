/**
 * The one error envelope every boundary speaks (IPC, the e2e host, the CLI).
 * Messages are written for the person at the keyboard and never echo the input back.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'forbidden',
  'not_permitted',
  'student_not_in_reach',
  'last_manager',
  'locked',
  'wrong_secret',
  'rate_limited',
  'weak_passphrase',
  'vault_missing',
  'vault_exists',
  'vault_damaged',
  'keyslots_out_of_bounds',
  'keyslots_missing',
  'keyslots_not_upgraded',
  'rotation_failed',
  'rotation_incomplete',
  'vault_too_new',
  'vault_busy',
  'changes_lost',
  'vault_rolled_back',
  'not_found',
  'conflict',
  'calendar_year_invalid',
  'calendar_dates_invalid',
  'calendar_last_before_first',
  'calendar_break_outside_year',
  'calendar_period_outside_year',
  'calendar_periods_overlap',
  'calendar_ics_unreadable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One refused row of a multi-row write: its number in the list sent (from 1), the field to fix first, and why. */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

export interface ContractErrorBody {
  code: ErrorCode;
  message: string;
  /** Milliseconds the caller must wait before trying again (only for `rate_limited`). */
  retryAfterMs?: number;
  /** The rows a multi-row write refused (only for `invalid_input`), so a grid can mark each one. */
  rows?: RowProblem[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractErrorBody };

/** An error a service raises on purpose; anything else becomes `internal` with no details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly rows: RowProblem[] | undefined;

  constructor(code: ErrorCode, message: string, options?: { retryAfterMs?: number; rows?: RowProblem[]; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryAfterMs = options?.retryAfterMs;
    this.rows = options?.rows;
  }

  toBody(): ContractErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      ...(this.rows === undefined ? {} : { rows: this.rows }),
    };
  }
}

export const DAMAGED_MESSAGE = 'The vault is damaged — restore from backup.';

export const BUSY_MESSAGE = 'The vault is in use by another Peerpath window or command — try again.';

export const CHANGES_LOST_MESSAGE = 'The last changes could not be read — restore from backup.';

/** Not a lost WAL: the database file itself is an older copy than the one Peerpath last closed (vault/commit-head.ts). */
export const ROLLED_BACK_MESSAGE =
  "The vault's database file is older than the one Peerpath last closed — someone may have put an older copy back, undoing changes and their audit record. Restore from your latest backup, and tell whoever looks after the team's computers.";
