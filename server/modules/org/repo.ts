import { sql } from 'kysely';
import type { Db } from '../../db';
import type { NewOrgUnit, OrgUnitPatch, OrgUnitRow } from '../../db/schema';

export async function getOrgUnit(db: Db, id: string): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getOrgUnits(db: Db, ids: string[]): Promise<OrgUnitRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('org_unit').selectAll().where('id', 'in', ids).execute();
}

export async function findOrgUnitByCode(db: Db, code: string): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Units under any of the given paths (each path included), optionally with retired ones. */
export async function findOrgUnitsUnder(
  db: Db,
  paths: string[],
  includeRetired: boolean,
): Promise<OrgUnitRow[]> {
  if (paths.length === 0) return [];
  let q = db
    .selectFrom('org_unit')
    .selectAll()
    .where((eb) => eb.or(paths.map((p) => eb('path', 'like', `${p}%`))));
  if (!includeRetired) q = q.where('status', '=', 'active');
  return q.orderBy('code').orderBy('name').execute();
}

export async function findChildren(db: Db, parentId: string): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().where('parent_id', '=', parentId).execute();
}

export async function findChildCodes(db: Db, parentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select('code')
    .where('parent_id', '=', parentId)
    .execute();
  return rows.map((r) => r.code).filter((c): c is string => c !== null);
}

export async function findActiveStation(db: Db, streetId: string): Promise<OrgUnitRow | undefined> {
  return db
    .selectFrom('org_unit')
    .selectAll()
    .where('parent_id', '=', streetId)
    .where('kind', '=', 'station')
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Live departments standing directly under any of these units (a district's or a street's). */
export async function findDepartmentsUnder(db: Db, parentIds: string[]): Promise<OrgUnitRow[]> {
  if (parentIds.length === 0) return [];
  return db
    .selectFrom('org_unit')
    .selectAll()
    .where('parent_id', 'in', parentIds)
    .where('kind', '=', 'department')
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
}

export async function insertOrgUnit(db: Db, row: NewOrgUnit): Promise<void> {
  await db.insertInto('org_unit').values(row).execute();
}

/** Applies the patch only if the stored version is the one read; true when it was. */
export async function updateOrgUnit(
  db: Db,
  id: string,
  version: number,
  patch: OrgUnitPatch,
): Promise<boolean> {
  const r = await db
    .updateTable('org_unit')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Re-roots a moved subtree: every path under oldPath (the unit's own included) gets newPath instead. */
export async function rewriteSubtreePaths(
  db: Db,
  oldPath: string,
  newPath: string,
  streetId: string | null,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('org_unit')
    .set({
      path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
      street_id: streetId,
      updated_at: updatedAt,
    })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}

/** Gives every coded unit below oldPath the new code prefix (a community's grids follow it to a new street). */
export async function rewriteSubtreeCodes(
  db: Db,
  path: string,
  oldCode: string,
  newCode: string,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('org_unit')
    .set({
      code: sql<string>`${newCode} || substr(code, ${oldCode.length + 1})`,
      version: sql<number>`version + 1`,
      updated_at: updatedAt,
    })
    .where('path', 'like', `${path}%`)
    .where('path', '!=', path)
    .where('code', 'like', `${oldCode}%`)
    .execute();
}

export async function deleteOrgUnit(db: Db, id: string): Promise<void> {
  await db.deleteFrom('org_unit').where('id', '=', id).execute();
}

/** Live streets whose id or exact name is this, for commands that name a street in words. */
export async function findLiveStreets(db: Db, nameOrId: string): Promise<OrgUnitRow[]> {
  return db
    .selectFrom('org_unit')
    .selectAll()
    .where('kind', '=', 'street')
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('id', '=', nameOrId), eb('name', '=', nameOrId)]))
    .execute();
}

/** Live streets and communities of every district, in code order (the public tip form's pickers). */
export async function findLiveStreetsAndCommunities(db: Db): Promise<OrgUnitRow[]> {
  return db
    .selectFrom('org_unit')
    .selectAll()
    .where('kind', 'in', ['street', 'community'])
    .where('status', '=', 'active')
    .orderBy('code')
    .orderBy('name')
    .execute();
}

export async function findRoots(db: Db): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().where('parent_id', 'is', null).execute();
}

export async function findByKindAndName(
  db: Db,
  kind: string,
  name: string,
  parentId?: string,
): Promise<OrgUnitRow | undefined> {
  let q = db
    .selectFrom('org_unit')
    .selectAll()
    .where('kind', '=', kind)
    .where('name', '=', name)
    .where('status', '=', 'active');
  if (parentId) q = q.where('parent_id', '=', parentId);
  return q.executeTakeFirst();
}

/** The roots of the tree and the children of these units, with their kind: a few dozen rows. */
export async function findRootsAndChildren(db: Db, parentIds: string[]) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'parent_id', 'kind'])
    .where((eb) =>
      eb.or([
        eb('parent_id', 'is', null),
        eb('parent_id', 'in', parentIds.length ? parentIds : ['-']),
      ]),
    )
    .execute();
}

/** Ids of the units under any of the given paths (each path's own unit included), retired too. */
export async function findUnitIdsUnder(db: Db, paths: string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const rows = await db
    .selectFrom('org_unit')
    .select('id')
    .where((eb) => eb.or(paths.map((p) => eb('path', 'like', `${p}%`))))
    .execute();
  return rows.map((r) => r.id);
}
