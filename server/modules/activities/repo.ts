import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { areaCondition, inScope, underPaths, type AreaClause } from '../../db/area';
import { paginate, type Page } from '../../db/paging';
import type {
  ActivityAttendanceRow,
  ActivityAttendanceTable,
  ActivityHandoutItemRow,
  ActivityHandoutItemTable,
  ActivityHandoutTable,
  ActivityNeedRow,
  ActivityNeedTable,
  ActivityRow,
  ActivityTable,
  PartnerRow,
  PartnerTable,
} from '../../db/schema';

/** A unique index refused the row (two phones sending the same resident or name at once). */
export const isUniqueViolation = (e: unknown): boolean => {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

export type { AreaClause };

export async function getActivity(db: Db, id: string): Promise<ActivityRow | undefined> {
  return db.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertActivity(db: Db, row: Insertable<ActivityTable>): Promise<void> {
  await db.insertInto('activity').values(row).execute();
}

export async function updateActivity(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<ActivityTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('activity')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Takes a place at the activity: false when it is full (a capacity left empty never fills). */
export async function takePlace(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('activity')
    .set({ checked_in: sql<number>`checked_in + 1` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('capacity', 'is', null), eb('checked_in', '<', eb.ref('capacity'))]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ActivityFilter {
  area: AreaClause[];
  q?: string;
  type?: string;
  status?: string;
  communityId?: string;
  fromIso?: string;
  toIso?: string;
}

function filtered(db: Db, f: ActivityFilter) {
  let q = inScope(db.selectFrom('activity').selectAll('activity'), 'activity', f.area);
  if (f.q) {
    const like = `%${f.q.replace(/[%_]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([eb('activity.title', 'like', like), eb('activity.place', 'like', like)]),
    );
  }
  if (f.type) q = q.where('activity.type', '=', f.type);
  if (f.status) q = q.where('activity.status', '=', f.status as ActivityRow['status']);
  if (f.communityId) q = q.where('activity.community_id', '=', f.communityId);
  if (f.fromIso) q = q.where('activity.start_at', '>=', f.fromIso);
  if (f.toIso) q = q.where('activity.start_at', '<', f.toIso);
  return q;
}

export async function findActivities(
  db: Db,
  f: ActivityFilter,
  page: Page,
): Promise<{ rows: ActivityRow[]; total: number }> {
  if (f.area.length === 0) return { rows: [], total: 0 };
  return paginate(
    db,
    filtered(db, f).orderBy('activity.start_at', 'desc').orderBy('activity.id', 'desc'),
    page,
  );
}

// ——— partners ———

export async function getPartner(db: Db, id: string): Promise<PartnerRow | undefined> {
  return db.selectFrom('partner').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getPartners(db: Db, ids: string[]): Promise<PartnerRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('partner').selectAll().where('id', 'in', ids).execute();
}

export async function findPartnerByName(
  db: Db,
  streetId: string,
  name: string,
): Promise<PartnerRow | undefined> {
  return db
    .selectFrom('partner')
    .selectAll()
    .where('street_id', '=', streetId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function findPartners(
  db: Db,
  streetIds: string[] | null,
  districtPrefixes: string[],
): Promise<(PartnerRow & { activities: number | string | null })[]> {
  if (streetIds !== null && streetIds.length === 0 && districtPrefixes.length === 0) return [];
  return db
    .selectFrom('partner')
    .selectAll('partner')
    .select((eb) =>
      eb
        .selectFrom('activity_partner as ap')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ap.partner_id', '=', 'partner.id')
        .as('activities'),
    )
    .where((eb) =>
      eb.or([
        ...(streetIds?.length ? [eb('partner.street_id', 'in', streetIds)] : []),
        ...(districtPrefixes.length
          ? [areaCondition(eb, 'partner', underPaths(districtPrefixes))!]
          : []),
      ]),
    )
    .orderBy('partner.name')
    .execute();
}

export async function insertPartner(db: Db, row: Insertable<PartnerTable>): Promise<void> {
  await db.insertInto('partner').values(row).execute();
}

export async function updatePartner(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<PartnerTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('partner')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findActivityPartners(
  db: Db,
  activityIds: string[],
): Promise<{ activity_id: string; id: string; name: string }[]> {
  if (activityIds.length === 0) return [];
  return db
    .selectFrom('activity_partner as ap')
    .innerJoin('partner as p', 'p.id', 'ap.partner_id')
    .select(['ap.activity_id', 'p.id', 'p.name'])
    .where('ap.activity_id', 'in', activityIds)
    .orderBy('p.name')
    .execute();
}

export async function replaceActivityPartners(
  db: Db,
  activityId: string,
  streetId: string,
  partnerIds: string[],
): Promise<void> {
  await db.deleteFrom('activity_partner').where('activity_id', '=', activityId).execute();
  if (partnerIds.length === 0) return;
  await db
    .insertInto('activity_partner')
    .values(
      [...new Set(partnerIds)].map((p) => ({
        activity_id: activityId,
        partner_id: p,
        street_id: streetId,
      })),
    )
    .execute();
}

// ——— attendance ———

export async function getAttendance(
  db: Db,
  id: string,
): Promise<ActivityAttendanceRow | undefined> {
  return db.selectFrom('activity_attendance').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findResidentAttendance(
  db: Db,
  activityId: string,
  residentId: string,
): Promise<ActivityAttendanceRow | undefined> {
  return db
    .selectFrom('activity_attendance')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
}

export async function findAttendance(
  db: Db,
  activityId: string,
): Promise<(ActivityAttendanceRow & { handouts: number | string | null })[]> {
  return db
    .selectFrom('activity_attendance as a')
    .selectAll('a')
    .select((eb) =>
      eb
        .selectFrom('activity_handout as h')
        .select((e) => e.fn.sum<number>('h.quantity').as('n'))
        .whereRef('h.attendance_id', '=', 'a.id')
        .as('handouts'),
    )
    .where('a.activity_id', '=', activityId)
    .orderBy('a.checked_in_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export async function insertAttendance(
  db: Db,
  row: Insertable<ActivityAttendanceTable>,
): Promise<void> {
  await db.insertInto('activity_attendance').values(row).execute();
}

/** Points a walk-in at the resident they were registered as, once. */
export async function setAttendanceResident(
  db: Db,
  id: string,
  residentId: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('activity_attendance')
    .set({ resident_id: residentId, registered_at: at })
    .where('id', '=', id)
    .where('resident_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ——— handouts ———

export async function findHandoutItems(
  db: Db,
  activityId: string,
): Promise<ActivityHandoutItemRow[]> {
  return db
    .selectFrom('activity_handout_item')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function getHandoutItem(
  db: Db,
  id: string,
): Promise<ActivityHandoutItemRow | undefined> {
  return db.selectFrom('activity_handout_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertHandoutItem(
  db: Db,
  row: Insertable<ActivityHandoutItemTable>,
): Promise<void> {
  await db.insertInto('activity_handout_item').values(row).execute();
}

/** Sets the stock prepared; false when less than what was already given. */
export async function setPrepared(db: Db, id: string, prepared: number): Promise<boolean> {
  const r = await db
    .updateTable('activity_handout_item')
    .set({ prepared })
    .where('id', '=', id)
    .where('given', '<=', prepared)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Takes from the stock in one conditional update, so two phones cannot give the last kit twice. */
export async function takeStock(db: Db, id: string, quantity: number): Promise<boolean> {
  const r = await db
    .updateTable('activity_handout_item')
    .set({ given: sql<number>`given + ${quantity}` })
    .where('id', '=', id)
    .where(sql<boolean>`given + ${quantity} <= prepared`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function getHandout(db: Db, id: string) {
  return db.selectFrom('activity_handout').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertHandout(db: Db, row: Insertable<ActivityHandoutTable>): Promise<void> {
  await db.insertInto('activity_handout').values(row).execute();
}

// ——— needs ———

export async function findNeeds(db: Db, activityId: string): Promise<ActivityNeedRow[]> {
  return db
    .selectFrom('activity_need')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('created_at')
    .execute();
}

export async function getNeed(db: Db, id: string): Promise<ActivityNeedRow | undefined> {
  return db.selectFrom('activity_need').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertNeed(db: Db, row: Insertable<ActivityNeedTable>): Promise<void> {
  await db.insertInto('activity_need').values(row).execute();
}

/** Whether any activity was organised by the unit (a community or street). */
export async function unitHasActivities(db: Db, unitId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('activity')
    .select('id')
    .where((eb) => eb.or([eb('community_id', '=', unitId), eb('street_id', '=', unitId)]))
    .limit(1)
    .executeTakeFirst();
  if (hit) return true;
  const partner = await db
    .selectFrom('partner')
    .select('id')
    .where('street_id', '=', unitId)
    .limit(1)
    .executeTakeFirst();
  return partner !== undefined;
}
