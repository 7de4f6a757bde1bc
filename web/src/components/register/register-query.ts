import { createContext, useCallback, useContext } from 'react';
import { useSearchParams } from 'react-router';

/** A register's filters as the address carries them: each one a string, absent when not set. */
export type RegisterFilters = Record<string, string | undefined>;

type Change<F> = Partial<Record<(keyof F & string) | 'page' | 'pageSize', string | number>>;

export interface RegisterQuery<F extends RegisterFilters = RegisterFilters> {
  filters: Partial<F>;
  page: number;
  pageSize: number;
  /**
   * Sets filters (undefined or '' removes one). Any change but the page's starts again from the first
   * page; `replace` puts it in place of the current address rather than adding a step back.
   */
  update: (
    changes: Partial<Record<keyof Change<F>, string | number | undefined>>,
    opts?: { replace?: boolean },
  ) => void;
  /** the address names a filter: an empty list then means nothing matched, not nothing there */
  filtered: boolean;
  /** back to the register unfiltered (defaults apply again) */
  clear: () => void;
}

interface Options<F> {
  /** what a filter is when the address does not name it */
  defaults?: Partial<F>;
  /** keys that choose a view of the register (a tab, mine or all) rather than narrow it */
  views?: readonly (keyof F & string)[];
}

/**
 * The filters, page and page size of a register, kept in the address so that a link or the back
 * button brings the same list.
 */
export function useRegisterQuery<F extends RegisterFilters>(
  keys: readonly (keyof F & string)[],
  { defaults = {}, views = [] }: Options<F> = {},
): RegisterQuery<F> {
  const [params, setParams] = useSearchParams();
  const filters: Partial<F> = {};
  for (const key of keys) {
    const value = params.get(key) || defaults[key];
    if (value) filters[key] = value as F[typeof key];
  }
  const narrowing = keys.filter((key) => !views.includes(key));
  const update: RegisterQuery<F>['update'] = useCallback(
    (changes, opts) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: opts?.replace },
      ),
    [setParams],
  );
  return {
    filters,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
    update,
    filtered: narrowing.some((key) => params.get(key)),
    clear: () =>
      update(
        Object.fromEntries(narrowing.map((key) => [key, undefined])) as Parameters<
          typeof update
        >[0],
      ),
  };
}

export const RegisterQueryContext = createContext<RegisterQuery | null>(null);

/** The register's query, for the filters placed in its filter bar. */
export function useRegisterFilter(): RegisterQuery {
  const query = useContext(RegisterQueryContext);
  if (!query) throw new Error('a register filter stands inside a RegisterPage');
  return query;
}
