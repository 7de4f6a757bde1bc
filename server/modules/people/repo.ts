import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { COUNT_CAP, inScope, type AreaClause } from '../../db/area';
import { countCapped, paginate } from '../../db/paging';
import type {
  HouseholdRow,
  HouseholdTable,
  NewRecordHistory,
  NewResident,
  ResidentRow,
  ResidentTable,
} from '../../db/schema';

export async function getHousehold(db: Db, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertHousehold(db: Db, row: HouseholdRow): Promise<void> {
  await db.insertInto('household').values(row).execute();
}

export async function updateHousehold(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<HouseholdTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('household')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function getResident(db: Db, id: string): Promise<ResidentRow | undefined> {
  return db.selectFrom('resident').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMembers(db: Db, householdId: string): Promise<ResidentRow[]> {
  return db
    .selectFrom('resident')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('created_at')
    .execute();
}

export async function insertResident(db: Db, row: NewResident): Promise<void> {
  await db.insertInto('resident').values(row).execute();
}

export async function updateResident(
  db: Db,
  id: string,
  version: number | null,
  patch: Updateable<ResidentTable>,
): Promise<boolean> {
  let q = db
    .updateTable('resident')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves members (and their tags) to another household's address and scope in one statement each. */
export async function relocateResidents(
  db: Db,
  ids: string[],
  to: {
    household_id?: string;
    street_id: string;
    community_id: string;
    grid_id: string;
    org_path: string;
    updated_at: string;
  },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('resident')
    .set({ ...to, version: sql<number>`version + 1` })
    .where('id', 'in', ids)
    .execute();
  await db
    .updateTable('resident_care_tag')
    .set({ street_id: to.street_id, community_id: to.community_id })
    .where('resident_id', 'in', ids)
    .execute();
}

export async function findCareTags(
  db: Db,
  residentIds: string[],
): Promise<{ resident_id: string; tag: string }[]> {
  if (residentIds.length === 0) return [];
  return db
    .selectFrom('resident_care_tag')
    .select(['resident_id', 'tag'])
    .where('resident_id', 'in', residentIds)
    .execute();
}

export async function replaceCareTags(
  db: Db,
  r: { id: string; street_id: string; community_id: string },
  tags: string[],
): Promise<void> {
  await db.deleteFrom('resident_care_tag').where('resident_id', '=', r.id).execute();
  if (tags.length) {
    await db
      .insertInto('resident_care_tag')
      .values(
        [...new Set(tags)].map((tag) => ({
          resident_id: r.id,
          tag,
          street_id: r.street_id,
          community_id: r.community_id,
        })),
      )
      .execute();
  }
}

export async function insertHistory(db: Db, rows: NewRecordHistory[]): Promise<void> {
  if (rows.length) await db.insertInto('record_history').values(rows).execute();
}

export async function findHistory(db: Db, householdId: string, limit: number) {
  return db
    .selectFrom('record_history')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** One clause of a caller's area: a column of the resident or household row equal to a unit id. */
export type { AreaClause };

export interface ResidentFilter {
  area: readonly AreaClause[];
  nameInitials?: string;
  namePinyin?: string;
  namePrefix?: string;
  idNumberIndex?: string;
  phoneIndex?: string;
  phoneLast4?: string;
  addressPart?: string;
  careTag?: string;
  communityId?: string;
  gridId?: string;
  status?: string;
}

function filteredResidents(db: Db, f: ResidentFilter) {
  const area = f.area;
  let q = inScope(db.selectFrom('resident'), 'resident', area);
  if (f.communityId) q = q.where('resident.community_id', '=', f.communityId);
  if (f.gridId) q = q.where('resident.grid_id', '=', f.gridId);
  if (f.status) q = q.where('resident.status', '=', f.status as ResidentRow['status']);
  if (f.careTag) {
    const tag = f.careTag;
    // Uncorrelated, so the tag table's (tag, street, community) index can drive the list: a tag is
    // held by few, and each tagged resident is then one primary-key lookup.
    q = q.where('resident.id', 'in', (eb) => {
      let t = eb
        .selectFrom('resident_care_tag as t')
        .select('t.resident_id')
        .where('t.tag', '=', tag);
      const streets = area.flatMap((a) => (a.column === 'street_id' ? [a.id] : []));
      if (streets.length === area.length && streets.length > 0)
        t = t.where('t.street_id', 'in', streets);
      if (f.communityId) t = t.where('t.community_id', '=', f.communityId);
      return t;
    });
  }
  q = q.where((eb) => {
    const any = [];
    if (f.nameInitials) any.push(eb('resident.name_initials', 'like', `${f.nameInitials}%`));
    if (f.namePinyin) any.push(eb('resident.name_pinyin', 'like', `${f.namePinyin}%`));
    if (f.namePrefix) any.push(eb('resident.name', 'like', `${f.namePrefix}%`));
    if (f.idNumberIndex) any.push(eb('resident.id_number_index', '=', f.idNumberIndex));
    if (f.phoneIndex) any.push(eb('resident.phone_index', '=', f.phoneIndex));
    if (f.phoneLast4 && !f.addressPart) any.push(eb('resident.phone_last4', '=', f.phoneLast4));
    if (f.addressPart) {
      // Who has the phone tail, and who lives at a matching address, each found through an index of
      // its own (the tail's; the address's trigrams on PostgreSQL, the area's households on SQLite).
      // As an OR of the tail and a correlated EXISTS it was a filter on every resident of the area.
      const part = `%${f.addressPart}%`;
      const atAddress = eb
        .selectFrom('resident as a')
        .select('a.id')
        .where('a.household_id', 'in', (e) =>
          // A resident lies in its household's area (relocateResidents moves them together).
          inScope(
            e
              .selectFrom('household as h')
              .select('h.id')
              // building and room are never null and lie within this, so it matches whenever either does.
              .where(
                sql<string>`h.building || '-' || coalesce(h.unit_no, '') || '-' || h.room`,
                'like',
                part,
              ),
            'h',
            area,
          ),
        );
      const tail = f.phoneLast4;
      any.push(
        eb(
          'resident.id',
          'in',
          tail
            ? eb
                .selectFrom('resident as t')
                .select('t.id')
                .where('t.phone_last4', '=', tail)
                .union(atAddress)
            : atAddress,
        ),
      );
    }
    return any.length ? eb.or(any) : eb.and([]);
  });
  return q;
}

/** Where a page of the resident list ends: the sort key of its last row. */
export interface ResidentCursor {
  nameInitials: string;
  name: string;
  id: string;
}

export async function findResidents(
  db: Db,
  f: ResidentFilter,
  page: { limit: number; offset: number; after?: ResidentCursor },
) {
  if (f.area.length === 0) return { rows: [] as ResidentRow[], total: 0, capped: false };
  const after = page.after;
  const { rows, total } = await paginate(
    db,
    filteredResidents(db, f)
      .selectAll('resident')
      .orderBy('resident.name_initials')
      .orderBy('resident.name')
      .orderBy('resident.id'),
    {
      ...page,
      after: after && {
        columns: ['resident.name_initials', 'resident.name', 'resident.id'],
        values: [after.nameInitials, after.name, after.id],
      },
    },
    // Counted without the list's order: the area's or the search's own index finds them soonest.
    () => countCapped(db, filteredResidents(db, f).select('resident.id')),
  );
  return { rows, total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}

export async function findResidentByIdNumberIndex(
  db: Db,
  index: string,
): Promise<ResidentRow | undefined> {
  return db
    .selectFrom('resident')
    .selectAll()
    .where('id_number_index', '=', index)
    .executeTakeFirst();
}

/** Which of these ID-number blind indexes a stored resident already has; looked up in chunks. */
export async function findTakenIdNumberIndexes(db: Db, indexes: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < indexes.length; i += 500) {
    const rows = await db
      .selectFrom('resident')
      .select('id_number_index')
      .where('id_number_index', 'in', indexes.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.id_number_index) taken.add(r.id_number_index);
  }
  return taken;
}

/** The addresses of the active households in these grids. */
export async function findHouseholdAddresses(db: Db, gridIds: string[]) {
  if (gridIds.length === 0) return [];
  return db
    .selectFrom('household')
    .select(['grid_id', 'building', 'unit_no', 'room'])
    .where('grid_id', 'in', gridIds)
    .where('status', '=', 'active')
    .execute();
}

/** Active households of some communities or grids (or by id), with the head's name, for door-to-door work. */
export async function findDoorHouseholds(db: Db, where: { unitIds?: string[]; ids?: string[] }) {
  const unitIds = where.unitIds ?? [];
  const ids = where.ids ?? [];
  if (unitIds.length === 0 && ids.length === 0) return [];
  return db
    .selectFrom('household as h')
    .leftJoin('resident as r', 'r.id', 'h.head_resident_id')
    .select([
      'h.id',
      'h.street_id',
      'h.community_id',
      'h.grid_id',
      'h.org_path',
      'h.building',
      'h.unit_no',
      'h.room',
      'r.name as head_name',
    ])
    .where('h.status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...(unitIds.length
          ? [eb('h.community_id', 'in', unitIds), eb('h.grid_id', 'in', unitIds)]
          : []),
        ...(ids.length ? [eb('h.id', 'in', ids)] : []),
      ]),
    )
    .orderBy('h.grid_id')
    .orderBy('h.building')
    .orderBy('h.unit_no')
    .orderBy('h.room')
    .execute();
}

/** How many active households these communities or grids hold. */
export async function countDoorHouseholds(db: Db, unitIds: string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const r = await db
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('community_id', 'in', unitIds), eb('grid_id', 'in', unitIds)]))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function findHouseholdsByIds(db: Db, ids: string[]): Promise<HouseholdRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('household').selectAll().where('id', 'in', ids).execute();
}

export async function insertConsent(
  db: Db,
  row: import('../../db/schema').ConsentRow,
): Promise<void> {
  await db.insertInto('resident_consent').values(row).execute();
}

export async function findConsents(db: Db, residentId: string) {
  return db
    .selectFrom('resident_consent')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('consent_date', 'desc')
    .execute();
}

export async function insertSensitiveAccess(
  db: Db,
  row: import('../../db/schema').SensitiveAccessTable,
): Promise<void> {
  await db.insertInto('sensitive_access').values(row).execute();
}

export async function findSensitiveAccess(db: Db, streetIds: string[] | null, limit: number) {
  let q = db
    .selectFrom('sensitive_access')
    .innerJoin('resident', 'resident.id', 'sensitive_access.resident_id')
    .select([
      'sensitive_access.id',
      'sensitive_access.resident_id',
      'resident.name as resident_name',
      'sensitive_access.field',
      'sensitive_access.reason',
      'sensitive_access.username',
      'sensitive_access.at',
    ]);
  if (streetIds)
    q = q.where('sensitive_access.street_id', 'in', streetIds.length ? streetIds : ['-']);
  return q.orderBy('sensitive_access.at', 'desc').limit(limit).execute();
}

/** Rows per INSERT of a bulk write: well under either dialect's limit of bound values. */
const BULK = 400;

/** New households with their residents, care tags and history, a few statements per table. */
export async function insertHouseholdsBulk(
  db: Db,
  rows: {
    households: HouseholdRow[];
    residents: NewResident[];
    tags: { resident_id: string; tag: string; street_id: string; community_id: string }[];
    history: NewRecordHistory[];
  },
): Promise<void> {
  for (let i = 0; i < rows.households.length; i += BULK)
    await db
      .insertInto('household')
      .values(rows.households.slice(i, i + BULK))
      .execute();
  for (let i = 0; i < rows.residents.length; i += BULK)
    await db
      .insertInto('resident')
      .values(rows.residents.slice(i, i + BULK))
      .execute();
  for (let i = 0; i < rows.tags.length; i += BULK)
    await db
      .insertInto('resident_care_tag')
      .values(rows.tags.slice(i, i + BULK))
      .execute();
  for (let i = 0; i < rows.history.length; i += BULK)
    await db
      .insertInto('record_history')
      .values(rows.history.slice(i, i + BULK))
      .execute();
}

/** The stored residents with these ID-number blind indexes: where they live and as whom. */
export async function findResidentsByIdIndexes(db: Db, indexes: string[]) {
  const found = new Map<string, { household_id: string; relation_to_head: string }>();
  for (let i = 0; i < indexes.length; i += 500) {
    const rows = await db
      .selectFrom('resident')
      .select(['id_number_index', 'household_id', 'relation_to_head'])
      .where('id_number_index', 'in', indexes.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.id_number_index) found.set(r.id_number_index, r);
  }
  return found;
}

/** The active households of these grids with their head's name, to find the one a later row joins. */
export async function findHouseholdHeads(db: Db, gridIds: string[]) {
  if (gridIds.length === 0) return [];
  return db
    .selectFrom('household as h')
    .leftJoin('resident as r', 'r.id', 'h.head_resident_id')
    .select(['h.id', 'h.grid_id', 'h.building', 'h.unit_no', 'h.room', 'r.name as head_name'])
    .where('h.grid_id', 'in', gridIds)
    .where('h.status', '=', 'active')
    .execute();
}

/** Households registered from a file, by the number (户号) the file gave them. */
export async function findHouseholdsByNumber(db: Db, streetIds: string[], numbers: string[]) {
  const found = new Map<string, string>();
  if (streetIds.length === 0) return found;
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await db
      .selectFrom('import_household as n')
      .innerJoin('household as h', 'h.id', 'n.household_id')
      .select(['n.street_id', 'n.household_no', 'n.household_id'])
      .where('n.street_id', 'in', streetIds)
      .where('n.household_no', 'in', numbers.slice(i, i + 500))
      .where('h.status', '=', 'active')
      .execute();
    for (const r of rows) found.set(`${r.street_id}\u0001${r.household_no}`, r.household_id);
  }
  return found;
}

export async function insertHouseholdNumbers(
  db: Db,
  rows: { street_id: string; household_no: string; household_id: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BULK)
    await db
      .insertInto('import_household')
      .values(rows.slice(i, i + BULK))
      .onConflict((oc) => oc.columns(['street_id', 'household_no']).doNothing())
      .execute();
}

/** Households whose members changed behind a form opened on them: a new version, so that form is stale. */
export async function bumpHouseholdVersions(db: Db, ids: string[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await db
      .updateTable('household')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
}

// ——— facts other modules ask for (people/facts.ts) ———

export async function findResidentBasics(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('resident')
    .select(['id', 'name', 'birth_date', 'household_id'])
    .where('id', 'in', ids)
    .execute();
}

export async function findResidentIdsOfHousehold(db: Db, householdId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('resident')
    .select('id')
    .where('household_id', '=', householdId)
    .execute();
  return rows.map((r) => r.id);
}

/** Residents whose name starts so, as a subquery (their id) for another module's list to filter by. */
export const residentIdsNamed = (db: Db, prefix: string) =>
  db.selectFrom('resident').select('resident.id').where('resident.name', 'like', `${prefix}%`);
