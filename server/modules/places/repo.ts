import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { Db } from '../../db';
import type {
  ChecklistRow,
  ChecklistTable,
  ChecklistVersionRow,
  Database,
  PlaceRow,
  PlaceTable,
} from '../../db/schema';
import { areaCondition, isWholeArea, type AreaClause } from '../../db/area';
import { countCapped, paginate, type Page } from '../../db/paging';

/**
 * Where a caller reaches: the area of their roles (street, community, grid or district subtree),
 * and, for inspections they are on, the places and records of those inspections — as a team member,
 * or as an officer of a department named on it (within that department's district or street).
 */
export interface Reach {
  area: AreaClause[];
  userId: string;
  departments: { id: string; areaPath: string }[];
}

/** Paths are ids and slashes only, so a prefix needs no escaping (nor does LIKE escape alike on both dialects). */
const likePrefix = (p: string) => `${p}%`;

type InspectionEb = ExpressionBuilder<Database, 'inspection'>;

/** Inspections the caller is on, as a member or through a named department. */
function inspectionTie(eb: InspectionEb, reach: Reach) {
  const ors = [
    eb(
      'inspection.id',
      'in',
      eb
        .selectFrom('inspection_member')
        .select('inspection_member.inspection_id')
        .where('inspection_member.user_id', '=', reach.userId),
    ),
  ];
  for (const d of reach.departments)
    ors.push(
      eb.and([
        eb(
          'inspection.id',
          'in',
          eb
            .selectFrom('inspection_department')
            .select('inspection_department.inspection_id')
            .where('inspection_department.department_id', '=', d.id),
        ),
        eb('inspection.org_path', 'like', likePrefix(d.areaPath)),
      ]),
    );
  return eb.or(ors);
}

/** Rows of a table carrying street_id, community_id, grid_id and org_path that lie in the area. */
function areaWhere<T extends 'place' | 'inspection'>(
  eb: ExpressionBuilder<Database, T>,
  table: T,
  area: AreaClause[],
) {
  // The whole district: always true (the lists leave the condition out then, see isWholeArea).
  if (isWholeArea(area)) return [sql<SqlBool>`1 = 1`];
  const condition = areaCondition(eb, table, area);
  return condition ? [condition] : [];
}

export function inspectionReach(eb: InspectionEb, reach: Reach) {
  return eb.or([...areaWhere(eb, 'inspection', reach.area), inspectionTie(eb, reach)]);
}

// ——— places ———

export async function getPlace(db: Db, id: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('place').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getPlaces(db: Db, ids: string[]): Promise<PlaceRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('place')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export async function insertPlace(db: Db, row: PlaceRow): Promise<void> {
  await db.insertInto('place').values(row).execute();
}

/** Many places in few statements (an import's chunk); 19 columns a row stays far below SQLite's variable limit. */
export async function insertPlaces(db: Db, rows: PlaceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('place')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function updatePlace(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<PlaceTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('place')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface PlaceFilter {
  reach: Reach;
  q?: string;
  category?: string;
  communityId?: string;
  gridId?: string;
  status?: string;
}

type PlaceQuery = SelectQueryBuilder<Database, 'place', object>;
type PlaceEb = ExpressionBuilder<Database, 'place'>;

/**
 * The ways a place reaches the caller, each a condition one index drives: its area, and the
 * inspections they are on. None for the whole district, which needs no condition.
 */
function reachParts(reach: Reach): ((eb: PlaceEb) => Expression<SqlBool>)[] {
  if (isWholeArea(reach.area)) return [];
  return [
    (eb) => areaCondition(eb, 'place', reach.area)!,
    (eb) =>
      eb(
        'place.id',
        'in',
        eb
          .selectFrom('inspection')
          .select('inspection.place_id')
          .where((ie) => inspectionTie(ie, reach)),
      ),
  ];
}

/** The filters of the list's bar, on the place row itself. */
function filtered(q: PlaceQuery, f: PlaceFilter): PlaceQuery {
  if (f.category) q = q.where('place.category', '=', f.category);
  if (f.communityId) q = q.where('place.community_id', '=', f.communityId);
  if (f.gridId) q = q.where('place.grid_id', '=', f.gridId);
  if (f.status) q = q.where('place.status', '=', f.status as PlaceRow['status']);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([
        eb('place.name', 'like', like),
        eb('place.address', 'like', like),
        eb('place.licence_no', 'like', like),
      ]),
    );
  }
  return q;
}

/** Places that reach the caller (by any way) and pass the filters. */
function filteredPlaces(db: Db, f: PlaceFilter): PlaceQuery {
  const parts = reachParts(f.reach);
  const q = db.selectFrom('place');
  return filtered(parts.length ? q.where((eb) => eb.or(parts.map((p) => p(eb)))) : q, f);
}

/** The register's order, which place_order and place_street_order hold. */
const inRegisterOrder = (q: PlaceQuery): PlaceQuery =>
  q
    .orderBy('place.community_id')
    .orderBy('place.grid_id')
    .orderBy('place.name')
    .orderBy('place.id');

/**
 * How many places match, exact up to COUNT_CAP (COUNT_CAP + 1 means more), as the resident list
 * counts: a district's 50,000 places are not counted per page. Each way a place reaches the caller is
 * counted on its own, in the register's order so it rides the list's index, and the UNION of them
 * counted: their OR was one condition no index drives, and PostgreSQL read every place for it.
 */
function countPlaces(db: Db, f: PlaceFilter): Promise<number> {
  const parts = reachParts(f.reach);
  return countCapped(
    db,
    ...(parts.length ? parts : [undefined]).map((part) =>
      inRegisterOrder(
        filtered(part ? db.selectFrom('place').where(part) : db.selectFrom('place'), f),
      ).select('place.id'),
    ),
  );
}

export async function findPlaces(
  db: Db,
  f: PlaceFilter,
  page: Page,
): Promise<{ rows: PlaceRow[]; total: number }> {
  return paginate(db, inRegisterOrder(filteredPlaces(db, f)).selectAll('place'), page, () =>
    countPlaces(db, f),
  );
}

export async function findPlacesOfGrid(
  db: Db,
  gridId: string,
): Promise<{ id: string; name: string; category: string }[]> {
  return db
    .selectFrom('place')
    .select(['id', 'name', 'category'])
    .where('grid_id', '=', gridId)
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
}

export async function findTakenLicences(db: Db, licences: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < licences.length; i += 500) {
    const rows = await db
      .selectFrom('place')
      .select('licence_no')
      .where('licence_no', 'in', licences.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.licence_no) taken.add(r.licence_no);
  }
  return taken;
}

export async function findPlaceByLicence(db: Db, licence: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('place').selectAll().where('licence_no', '=', licence).executeTakeFirst();
}

/** Name and address of every place in the given grids, to find a place registered twice. */
export async function findPlaceNames(
  db: Db,
  gridIds: string[],
): Promise<{ grid_id: string; name: string; address: string }[]> {
  if (gridIds.length === 0) return [];
  return db
    .selectFrom('place')
    .select(['grid_id', 'name', 'address'])
    .where('grid_id', 'in', gridIds)
    .execute();
}

export async function unitHasPlaces(db: Db, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('place')
    .select('id')
    .where((eb) => eb.or([eb('grid_id', '=', unitId), eb('community_id', '=', unitId)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// ——— checklists ———

export async function getChecklist(db: Db, id: string): Promise<ChecklistRow | undefined> {
  return db.selectFrom('checklist').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertChecklist(db: Db, row: ChecklistRow): Promise<void> {
  await db.insertInto('checklist').values(row).execute();
}

export async function updateChecklist(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<ChecklistTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('checklist')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Checklists owned at one of the given units' paths exactly, or anywhere under the given roots. */
export async function findChecklists(
  db: Db,
  ownerPaths: string[],
  roots: string[],
  includeRetired: boolean,
): Promise<ChecklistRow[]> {
  if (ownerPaths.length === 0 && roots.length === 0) return [];
  let q = db
    .selectFrom('checklist')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(ownerPaths.length ? [eb('org_path', 'in', ownerPaths)] : []),
        ...roots.map((r) => eb('org_path', 'like', likePrefix(r))),
      ]),
    );
  if (!includeRetired) q = q.where('status', '=', 'active');
  return q.orderBy('name').execute();
}

export async function insertChecklistVersion(db: Db, row: ChecklistVersionRow): Promise<void> {
  await db.insertInto('checklist_version').values(row).execute();
}

export async function getChecklistVersion(
  db: Db,
  id: string,
): Promise<ChecklistVersionRow | undefined> {
  return db.selectFrom('checklist_version').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getChecklistVersions(db: Db, ids: string[]): Promise<ChecklistVersionRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('checklist_version')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export async function findChecklistVersionByNumber(
  db: Db,
  checklistId: string,
  number: number,
): Promise<ChecklistVersionRow | undefined> {
  return db
    .selectFrom('checklist_version')
    .selectAll()
    .where('checklist_id', '=', checklistId)
    .where('number', '=', number)
    .executeTakeFirst();
}
