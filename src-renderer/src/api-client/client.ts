/**
 * The renderer's typed client, derived from the contract by type only: `api.call('vault.unlock', {...})`.
 * Errors come back as `ApiError` carrying the contract's error code, so screens can react to them.
 */
import type { Channel, ContractErrorBody, InputOf, OutputOf, Result } from '../../../src-main/contract';

export interface PeerpathBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    peerpath: PeerpathBridge;
  }
}

export class ApiError extends Error {
  readonly body: ContractErrorBody;
  constructor(body: ContractErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.body = body;
  }
  get code() {
    return this.body.code;
  }
}

export type Api = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

export function createApi(bridge: PeerpathBridge): Api {
  return async (channel, input) => {
    const result = (await bridge.invoke(channel, input)) as Result<never>;
    if (!result.ok) throw new ApiError(result.error);
    return result.value;
  };
}
