import { keepPreviousData, useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query';
import { apiGet } from '../../api';

type Query = Record<string, string | number | undefined>;

/** One page of a register as the API answers it. */
export interface RowsPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** the count stopped at its value: there are more than that */
  totalCapped?: boolean;
  /** by cursor: passed as `cursor`, gives the next page; null on the last */
  nextCursor?: string | null;
}

/** The rows a register shows and how they stand, whichever way the API pages them. */
export interface RegisterList<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  isPending: boolean;
  isFetching: boolean;
  error: Error | null;
  refetch: () => unknown;
  /** by cursor: the next page's rows come below the ones shown */
  more?: { has: boolean; loading: boolean; load: () => unknown };
}

/** A register paged by number: `page` and `pageSize` in the query, one page shown at a time. */
export function usePagedRegister<T>(key: QueryKey, path: string, query: Query): RegisterList<T> {
  const list = useQuery({
    queryKey: [...key, query],
    queryFn: () => apiGet<RowsPage<T>>(path, query),
    // Keeps the rows on screen while the next page loads instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
  return {
    items: list.data?.items ?? [],
    total: list.data?.total ?? 0,
    totalCapped: list.data?.totalCapped ?? false,
    isPending: list.isPending,
    isFetching: list.isFetching,
    error: list.error,
    refetch: list.refetch,
  };
}

/**
 * A register paged by cursor: each "more" seeks past the last row shown, so the thousandth page
 * costs what the first does. `query` holds the filters and `pageSize`, never a page number.
 */
export function useCursorRegister<T>(key: QueryKey, path: string, query: Query): RegisterList<T> {
  const list = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam }) => apiGet<RowsPage<T>>(path, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const first = list.data?.pages[0];
  return {
    items: list.data?.pages.flatMap((p) => p.items) ?? [],
    total: first?.total ?? 0,
    totalCapped: first?.totalCapped ?? false,
    isPending: list.isPending,
    isFetching: list.isFetching && !list.isFetchingNextPage,
    error: list.error,
    refetch: list.refetch,
    more: {
      has: list.hasNextPage,
      loading: list.isFetchingNextPage,
      load: list.fetchNextPage,
    },
  };
}
