/**
 * The one dispatch function behind every shell: Electron's IPC, the e2e test host and the tests.
 * It validates the channel and the input against the contract, runs the handler, validates the
 * result, and answers with the error envelope. Nothing from the input is echoed back in an error.
 */
import type { z } from 'zod';
import {
  type Acting,
  AppError,
  CHANNEL_ACTIONS,
  CHANNELS,
  type Channel,
  can,
  contract,
  isChannel,
  type OutputOf,
  type ParsedInputOf,
  type Result,
  refusalMessage,
} from '../contract';
import { busy, damaged, isBusyError, isDamageError } from '../vault/database';

export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Called before each handler runs, with the channel name (e.g. to push back the auto-lock). */
  beforeEach?: (channel: Channel) => void;
  /** Where an unexpected error is reported: its name and stack only, never its message. */
  reportInternal?: (channel: Channel, error: unknown) => void;
  /**
   * Who is acting: the unlocked vault's member role or the recovery key; 'locked' while locked (the
   * handlers then answer `locked`), null when the unlocking slot names no member (nothing but the
   * channels open to anyone). Without it every channel is open: only tests of the dispatch itself omit it.
   */
  acting?: () => Acting | null | 'locked';
  /**
   * After validation: refuses a request about a student the acting role does not reach (throws
   * `student_not_in_reach`). Given the `acting` answer the permission check used, read once per request.
   */
  checkReach?: (channel: Channel, input: unknown, acting: Acting | null | 'locked' | undefined) => void;
}

function describeInvalid(error: z.ZodError): string {
  const fields = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return `Some of what was sent is not valid. ${fields.slice(0, 5).join('; ')}`;
}

function defaultReport(channel: Channel, error: unknown): void {
  const stack = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 6).join('\n') : '';
  const name = error instanceof Error ? error.name : typeof error;
  console.error(`[peerpath] internal error in ${channel}: ${name}\n${stack}`);
}

function permissionRefusal(channel: Channel, who: Acting | null | 'locked' | undefined) {
  const action = CHANNEL_ACTIONS[channel];
  if (action === 'anyone' || who === undefined || who === 'locked') return null;
  if (who === null) {
    return {
      code: 'not_permitted' as const,
      message:
        'This passphrase belongs to no current team member (removed, or never listed): it opens nothing but the vault itself — ask a case manager.',
    };
  }
  return can(who, action) ? null : { code: 'not_permitted' as const, message: refusalMessage(who, action) };
}

export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const missing = CHANNELS.filter((channel) => typeof handlers[channel] !== 'function');
  const extra = Object.keys(handlers).filter((name) => !isChannel(name));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`createDispatch: handlers do not match the contract (missing: ${missing.join(', ')}; unknown: ${extra.join(', ')})`);
  }
  const report = options.reportInternal ?? defaultReport;

  return async function dispatch(channel, input) {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: 'Peerpath does not know that request.' } };
    }
    // Before the input is read: a forbidden channel says so whatever was sent.
    const acting = options.acting?.();
    const refusal = permissionRefusal(channel, acting);
    if (refusal) return { ok: false, error: refusal };
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: describeInvalid(parsed.error) } };
    }
    try {
      options.beforeEach?.(channel);
      options.checkReach?.(channel, parsed.data, acting);
      const handler = handlers[channel] as (value: unknown) => unknown;
      const output = await handler(parsed.data);
      return { ok: true, value: spec.output.parse(output) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      if (isDamageError(error)) return { ok: false, error: damaged(error).toBody() };
      if (isBusyError(error)) return { ok: false, error: busy(error).toBody() };
      report(channel, error);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Peerpath; the action did not complete.' } };
    }
  };
}
