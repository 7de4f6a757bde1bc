import { sql, type OperationNodeSource, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { COUNT_CAP } from './area';
import type { Db } from './index';

/** One page of a list: how many rows, after how many; or, for a keyset list, after which row. */
export interface Page {
  limit: number;
  offset: number;
  /** Seek past this row's sort key instead of skipping `offset` rows (the offset is then ignored). */
  after?: Cursor;
}

/**
 * Where a page ended: the last row's values of the list's ORDER BY columns, all ascending. The next
 * page is a seek into the list's index rather than a walk past every earlier row.
 */
export interface Cursor {
  columns: readonly string[];
  values: readonly (string | number)[];
}

/** Page `page` (from 1) of `pageSize` rows, as the list queries in common/schemas ask for it. */
export const pageOf = (q: { page: number; pageSize: number }): Page => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});

/**
 * How a list counts its rows. 'exact' for lists a scope keeps small; 'capped' for lists that may
 * span a district's every row: exact up to COUNT_CAP, COUNT_CAP + 1 meaning more (the page says
 * "10,000+"), counted in the list's order so that the count rides the list's index and stops there.
 * A list whose rows reach the caller in several ways counts them its own way (countCapped over the
 * ways), given as a function.
 */
export type Counting = 'exact' | 'capped' | (() => Promise<number>);

/**
 * A page of a list and how many rows the whole list has. `list` is filtered, selected and in its
 * order; the count is the same query without its columns.
 */
export async function paginate<DB, TB extends keyof DB, O>(
  db: Db,
  list: SelectQueryBuilder<DB, TB, O>,
  page: Page,
  counting: Counting = 'exact',
): Promise<{ rows: O[]; total: number }> {
  const after = page.after;
  const rows = (
    after
      ? list.where(
          sql<SqlBool>`(${sql.join(after.columns.map((c) => sql.ref(c)))}) > (${sql.join(after.values)})`,
        )
      : list.offset(page.offset)
  ).limit(page.limit);
  const bare = list.clearSelect().select(sql<number>`1`.as('one'));
  const [found, total] = await Promise.all([
    rows.execute(),
    typeof counting === 'function'
      ? counting()
      : counting === 'capped'
        ? countCapped(db, bare)
        : countRows(db, bare.clearOrderBy()),
  ]);
  return { rows: found, total };
}

async function countRows(db: Db, query: OperationNodeSource): Promise<number> {
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from (${query}) as m`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * How many rows the queries find together, exact up to COUNT_CAP, COUNT_CAP + 1 meaning more. Each
 * is cut at COUNT_CAP + 1 rows in its own order, so it reads no further along its index than that;
 * several are counted as their UNION (so each must select the same key, e.g. the row's id): a list
 * whose rows reach the caller in several ways counts each way by its own index.
 */
export async function countCapped(
  db: Db,
  ...queries: { limit(limit: number): OperationNodeSource }[]
): Promise<number> {
  const cut = queries.map(
    (q, i) => sql`select * from (${q.limit(COUNT_CAP + 1)}) as ${sql.id(`p${i}`)}`,
  );
  const n = await countRows(db, cut.length === 1 ? cut[0] : sql.join(cut, sql` union `));
  return Math.min(n, COUNT_CAP + 1);
}
