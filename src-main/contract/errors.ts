/**
 * The one error envelope every boundary speaks (IPC, the e2e host, the CLI).
 * Messages are written for the person at the keyboard and never echo the input back.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'forbidden',
  'locked',
  'wrong_secret',
  'rate_limited',
  'weak_passphrase',
  'vault_missing',
  'vault_exists',
  'vault_damaged',
  'keyslots_missing',
  'vault_too_new',
  'not_found',
  'conflict',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ContractErrorBody {
  code: ErrorCode;
  message: string;
  /** Milliseconds the caller must wait before trying again (only for `rate_limited`). */
  retryAfterMs?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractErrorBody };

/** An error a service raises on purpose; anything else becomes `internal` with no details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options?: { retryAfterMs?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryAfterMs = options?.retryAfterMs;
  }

  toBody(): ContractErrorBody {
    return this.retryAfterMs === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterMs: this.retryAfterMs };
  }
}

export const DAMAGED_MESSAGE = 'The vault is damaged — restore from backup.';
