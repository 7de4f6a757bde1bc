import { sql } from 'kysely';
import type { OrgUnitKind } from '../../../common/roles';
import type { OrgUnit } from '../../../common/schemas/org';
import type { Db } from '../../db';
import type { Assignment } from '../../lib/caller';
import type { OrgUnitRow } from '../../db/schema';
import * as repo from './repo';

/*
 * What other modules ask of the tree: names, kinds and paths of units, and where a role held at a
 * unit reaches. They ask here rather than read org_unit (eslint/table-owners.json).
 */

export function presentOrgUnit(r: OrgUnitRow): OrgUnit {
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind as OrgUnitKind,
    name: r.name,
    code: r.code,
    path: r.path,
    status: r.status,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Ids on a materialised path, top first. */
export const idsOnPath = (path: string): string[] => path.split('/').filter(Boolean);

/** The ids given, once each, without the empty ones. */
const distinctIds = (ids: readonly (string | null | undefined)[]): string[] => [
  ...new Set(ids.filter((id): id is string => !!id)),
];

/** Names of org units by id, for lists that show where a record sits (empty ids are skipped). */
export async function unitNames(
  db: Db,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, string>> {
  return new Map((await repo.getOrgUnits(db, distinctIds(ids))).map((u) => [u.id, u.name]));
}

/** Units by id, live or retired, with no scope check: the caller's module decides. */
export async function findOrgUnits(
  db: Db,
  ids: readonly (string | null | undefined)[],
): Promise<OrgUnit[]> {
  return (await repo.getOrgUnits(db, distinctIds(ids))).map(presentOrgUnit);
}

/**
 * Where a role held at each unit reaches: the unit's path (its data scope is every path that starts
 * with it), and the area of residents, households and cases it serves: the unit's own subtree, except
 * that a station serves the whole street it stands in, and a department serves no area.
 */
export async function unitReach(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Pick<Assignment, 'path' | 'area'>>> {
  const units = await repo.getOrgUnits(db, distinctIds(ids));
  return new Map(units.map((u) => [u.id, reachOfUnit(u)]));
}

/** Where a role held at the unit reaches (see unitReach), from the unit's kind and path. */
export function reachOfUnit(u: {
  id: string;
  kind: string;
  path: string;
}): Pick<Assignment, 'path' | 'area'> {
  const kind = u.kind as OrgUnitKind;
  const ids = idsOnPath(u.path);
  let area: Assignment['area'] = null;
  if (kind === 'station' && ids.length > 1)
    area = { kind: 'street', id: ids[ids.length - 2], path: `/${ids.slice(0, -1).join('/')}/` };
  else if (kind === 'district' || kind === 'street' || kind === 'community' || kind === 'grid')
    area = { kind, id: u.id, path: u.path };
  return { path: u.path, area };
}

/**
 * The kind and path of the unit whose id is in `unitId` (a column of another module's query), as
 * two columns of that query: each request resolves its caller in one statement (auth's session
 * read), so the tree lends it these rather than a second query. reachOfUnit reads them.
 */
export function unitColumns(unitId: string) {
  const id = sql.ref(unitId);
  return [
    sql<string | null>`(select u.kind from org_unit u where u.id = ${id})`.as('unit_kind'),
    sql<string | null>`(select u.path from org_unit u where u.id = ${id})`.as('unit_path'),
  ] as const;
}

/** Ids of every unit under the given paths (their own units included), retired ones too. */
export const unitIdsUnder = (db: Db, paths: readonly string[]): Promise<string[]> =>
  repo.findUnitIdsUnder(db, [...paths]);
