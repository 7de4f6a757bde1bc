import {
  useMutation,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { ApiError } from './api';

interface WriteOptions<V, R> {
  /** sends the write */
  send: (vars: V) => Promise<R>;
  /**
   * The queries the write changes, fetched again before the write counts as done; after a 409 too
   * (`result` undefined), since someone else changed them and the user should see how they stand.
   */
  changes: (vars: V, result: R | undefined) => readonly QueryKey[];
  /** puts the answer straight into the cache (a record's write answers the record as it now is) */
  onAnswer?: (result: R, vars: V, client: QueryClient) => void;
}

/**
 * A write to the API as a TanStack mutation that refreshes what it changed: `mutateAsync` settles
 * once the lists and records it touched are fetched again, and `isPending` drives the button.
 */
export function useWrite<V = void, R = unknown>({ send, changes, onAnswer }: WriteOptions<V, R>) {
  const client = useQueryClient();
  const refresh = (keys: readonly QueryKey[]) =>
    Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
  return useMutation<R, Error, V>({
    mutationFn: send,
    onSuccess: async (result, vars) => {
      onAnswer?.(result, vars, client);
      await refresh(changes(vars, result));
    },
    onError: async (error, vars) => {
      if (error instanceof ApiError && error.status === 409)
        await refresh(changes(vars, undefined));
    },
  });
}
