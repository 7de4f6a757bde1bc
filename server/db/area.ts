import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';

/** A caller's area as a filter on rows that carry street_id, community_id, grid_id and org_path. */
export type AreaClause =
  | { column: 'street_id' | 'community_id' | 'grid_id'; id: string }
  /** A station's own rows (cases belong to a station, which is no area of its own). */
  | { column: 'station_id'; id: string }
  | { column: 'org_path'; prefix: string }
  /** Every row: the caller's district is the only one in the database. */
  | { column: 'all' };

/**
 * The area as one condition on `table`'s row: an IN list per unit column (an index drives each), a
 * path prefix only for what is left; undefined when the area is everything. An empty area matches
 * nothing.
 */
export function areaCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  table: string,
  area: readonly AreaClause[],
): Expression<SqlBool> | undefined {
  if (area.some((a) => a.column === 'all')) return undefined;
  const parts: Expression<SqlBool>[] = [];
  for (const column of ['street_id', 'community_id', 'grid_id', 'station_id'] as const) {
    const ids = [...new Set(area.flatMap((a) => (a.column === column ? [a.id] : [])))];
    if (ids.length === 1) parts.push(eb(sql.ref(`${table}.${column}`), '=', ids[0]));
    else if (ids.length > 1) parts.push(eb(sql.ref(`${table}.${column}`), 'in', ids));
  }
  for (const a of area)
    if (a.column === 'org_path')
      parts.push(eb(sql.ref(`${table}.org_path`), 'like', `${a.prefix}%`));
  return parts.length === 1 ? parts[0] : eb.or(parts);
}

/** Whether the area is every row: a list then needs no condition, and an index may give its order. */
export const isWholeArea = (area: readonly AreaClause[]): boolean =>
  area.some((a) => a.column === 'all');

/** The areas under these org paths (a caller's scope roots), as clauses. */
export const underPaths = (paths: readonly string[]): AreaClause[] =>
  paths.map((prefix) => ({ column: 'org_path', prefix }));

/**
 * The query's rows of `table` that lie in the area: the one scope predicate every list applies
 * (areaCondition), left out for the whole district. An empty area finds nothing.
 */
export function inScope<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  table: string,
  area: readonly AreaClause[],
): SelectQueryBuilder<DB, TB, O> {
  return isWholeArea(area) ? q : q.where((eb) => areaCondition(eb, table, area)!);
}

/**
 * Lists count their rows up to here: past it they say "10,000+" rather than count a district's
 * million rows for every page.
 */
export const COUNT_CAP = 10_000;
