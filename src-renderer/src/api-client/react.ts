/**
 * React glue over the typed client: the client in context, typed query and mutation hooks, and the
 * one QueryClient. Any `locked` error from any call re-reads the vault status, which is how the lock
 * overlay appears when the vault locks itself behind the UI's back.
 */
import {
  MutationCache,
  QueryCache,
  QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
  useMutation,
  useQuery,
} from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Channel, InputOf, OutputOf } from '../../../src-main/contract';
import { type Api, ApiError } from './client';

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi: no ApiContext provider above this component');
  return api;
}

export function queryKey<C extends Channel>(channel: C, input: InputOf<C>) {
  return [channel, input] as const;
}

export function isLockedError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'locked';
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => rereadStatusIfLocked(error) }),
    mutationCache: new MutationCache({ onError: (error) => rereadStatusIfLocked(error) }),
    defaultOptions: {
      // The bridge is local: a failure is an answer (locked, invalid…), not a flaky network to retry.
      queries: { retry: false, refetchOnWindowFocus: false },
      // Mutation variables hold passphrases; drop them as soon as no form watches the mutation.
      mutations: { retry: false, gcTime: 0 },
    },
  });
  function rereadStatusIfLocked(error: unknown): void {
    if (isLockedError(error)) void client.invalidateQueries({ queryKey: ['vault.status'] });
  }
  return client;
}

type QueryOptions<C extends Channel> = Omit<UseQueryOptions<OutputOf<C>, Error, OutputOf<C>>, 'queryKey' | 'queryFn'>;

export function useApiQuery<C extends Channel>(channel: C, input: InputOf<C>, options?: QueryOptions<C>) {
  const api = useApi();
  return useQuery({ ...options, queryKey: queryKey(channel, input), queryFn: () => api(channel, input) });
}

type MutationOptions<C extends Channel> = Omit<UseMutationOptions<OutputOf<C>, Error, InputOf<C>>, 'mutationFn'>;

export function useApiMutation<C extends Channel>(channel: C, options?: MutationOptions<C>) {
  const api = useApi();
  return useMutation({ ...options, mutationFn: (input: InputOf<C>) => api(channel, input) });
}
