import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { paginate, type Page } from '../../db/paging';
import type {
  InspectionDepartmentRow,
  InspectionResultRow,
  InspectionRow,
  InspectionTable,
  NoticeReinspectionRow,
  NoticeRow,
  RectificationNoticeTable,
} from '../../db/schema';
import { inspectionReach, type Reach } from './repo';

// ——— inspections ———

export async function getInspection(db: Db, id: string): Promise<InspectionRow | undefined> {
  return db.selectFrom('inspection').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertInspection(db: Db, row: InspectionRow): Promise<void> {
  await db.insertInto('inspection').values(row).execute();
}

/** Applies the patch only if the stored version is the one read; true when it was. */
export async function updateInspection(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<InspectionTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('inspection')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertMembers(
  db: Db,
  inspectionId: string,
  streetId: string,
  userIds: string[],
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto('inspection_member')
    .values(userIds.map((u) => ({ inspection_id: inspectionId, user_id: u, street_id: streetId })))
    .execute();
}

/** The team of an inspection: its members' ids. */
export async function findMembers(db: Db, inspectionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('inspection_member')
    .select('user_id')
    .where('inspection_id', '=', inspectionId)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function isMember(db: Db, inspectionId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('inspection_member')
    .select('user_id')
    .where('inspection_id', '=', inspectionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertDepartments(
  db: Db,
  inspectionId: string,
  streetId: string,
  departmentIds: string[],
): Promise<void> {
  if (departmentIds.length === 0) return;
  await db
    .insertInto('inspection_department')
    .values(
      departmentIds.map((d) => ({
        inspection_id: inspectionId,
        department_id: d,
        street_id: streetId,
        signed_by: null,
        signed_at: null,
        note: null,
      })),
    )
    .execute();
}

export async function findDepartments(
  db: Db,
  inspectionId: string,
): Promise<InspectionDepartmentRow[]> {
  return db
    .selectFrom('inspection_department')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .execute();
}

/** Records a department's signature unless it has one already; true when this call signed. */
export async function signDepartment(
  db: Db,
  inspectionId: string,
  departmentId: string,
  by: { userId: string; at: string; note: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('inspection_department')
    .set({ signed_by: by.userId, signed_at: by.at, note: by.note })
    .where('inspection_id', '=', inspectionId)
    .where('department_id', '=', departmentId)
    .where('signed_by', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function upsertResults(db: Db, rows: InspectionResultRow[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('inspection_result')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['inspection_id', 'item_id']).doUpdateSet({
          result: row.result,
          note: row.note,
          photo_ids: row.photo_ids,
          recorded_by: row.recorded_by,
          recorded_at: row.recorded_at,
        }),
      )
      .execute();
  }
}

export async function findResults(db: Db, inspectionId: string): Promise<InspectionResultRow[]> {
  return db
    .selectFrom('inspection_result')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .execute();
}

export interface InspectionFilter {
  reach: Reach;
  placeId?: string;
  gridId?: string;
  communityId?: string;
  status?: string;
  mode?: string;
  result?: string;
  fromIso?: string;
  toIso?: string;
}

function filteredInspections(db: Db, f: InspectionFilter) {
  let q = db.selectFrom('inspection').where((eb) => inspectionReach(eb, f.reach));
  if (f.placeId) q = q.where('inspection.place_id', '=', f.placeId);
  if (f.gridId) q = q.where('inspection.grid_id', '=', f.gridId);
  if (f.communityId) q = q.where('inspection.community_id', '=', f.communityId);
  if (f.status) q = q.where('inspection.status', '=', f.status as InspectionRow['status']);
  if (f.mode) q = q.where('inspection.mode', '=', f.mode);
  if (f.result) q = q.where('inspection.result', '=', f.result as 'pass' | 'fail');
  if (f.fromIso) q = q.where('inspection.at', '>=', f.fromIso);
  if (f.toIso) q = q.where('inspection.at', '<', f.toIso);
  return q;
}

export async function findInspections(
  db: Db,
  f: InspectionFilter,
  page: Page,
): Promise<{ rows: InspectionRow[]; total: number }> {
  return paginate(
    db,
    filteredInspections(db, f)
      .selectAll('inspection')
      .orderBy('inspection.at', 'desc')
      .orderBy('inspection.id', 'desc'),
    page,
  );
}

/** Whether the reach covers any inspection of the place other than by area (a team or department tie). */
export async function reachesPlaceByInspection(
  db: Db,
  reach: Reach,
  placeId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('inspection')
    .select('id')
    .where('place_id', '=', placeId)
    .where((eb) => inspectionReach(eb, { ...reach, area: [] }))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// ——— rectification notices ———

export async function getNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
  return db.selectFrom('rectification_notice').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getNoticeOfInspection(
  db: Db,
  inspectionId: string,
): Promise<NoticeRow | undefined> {
  return db
    .selectFrom('rectification_notice')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
}

export async function getNoticesOfInspections(db: Db, inspectionIds: string[]) {
  if (inspectionIds.length === 0) return [];
  return db
    .selectFrom('rectification_notice')
    .select(['id', 'inspection_id', 'number'])
    .where('inspection_id', 'in', inspectionIds)
    .execute();
}

/**
 * The next number of a street's year, taken inside the issuing transaction. The counter row is made
 * once (a concurrent maker waits, then does nothing); the increment is one statement that locks the
 * row until the transaction ends, so two issuers never read the same value on either database.
 */
export async function nextNoticeSeq(db: Db, streetId: string, year: number): Promise<number> {
  await db
    .insertInto('notice_counter')
    .values({ street_id: streetId, year, n: 0 })
    .onConflict((oc) => oc.columns(['street_id', 'year']).doNothing())
    .execute();
  const row = await db
    .updateTable('notice_counter')
    .set({ n: sql<number>`n + 1` })
    .where('street_id', '=', streetId)
    .where('year', '=', year)
    .returning('n')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertNotice(db: Db, row: NoticeRow): Promise<void> {
  await db.insertInto('rectification_notice').values(row).execute();
}

export async function updateNotice(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<RectificationNoticeTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('rectification_notice')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface NoticeFilter {
  reach: Reach;
  placeId?: string;
  status?: string;
  year?: number;
}

function filteredNotices(db: Db, f: NoticeFilter) {
  let q = db
    .selectFrom('rectification_notice')
    .innerJoin('inspection', 'inspection.id', 'rectification_notice.inspection_id')
    .where((eb) => inspectionReach(eb, f.reach));
  if (f.placeId) q = q.where('rectification_notice.place_id', '=', f.placeId);
  if (f.status) q = q.where('rectification_notice.status', '=', f.status as NoticeRow['status']);
  if (f.year) q = q.where('rectification_notice.year', '=', f.year);
  return q;
}

export async function findNotices(
  db: Db,
  f: NoticeFilter,
  page: Page,
): Promise<{ rows: NoticeRow[]; total: number }> {
  return paginate(
    db,
    filteredNotices(db, f)
      .selectAll('rectification_notice')
      .orderBy('rectification_notice.issued_at', 'desc')
      .orderBy('rectification_notice.seq', 'desc'),
    page,
  );
}

export async function insertReinspection(db: Db, row: NoticeReinspectionRow): Promise<void> {
  await db.insertInto('notice_reinspection').values(row).execute();
}

export async function getReinspection(
  db: Db,
  id: string,
): Promise<NoticeReinspectionRow | undefined> {
  return db.selectFrom('notice_reinspection').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReinspections(
  db: Db,
  noticeId: string,
): Promise<NoticeReinspectionRow[]> {
  return db
    .selectFrom('notice_reinspection')
    .selectAll()
    .where('notice_id', '=', noticeId)
    .orderBy('at')
    .execute();
}

/**
 * Holds the inspection's row until the transaction ends (PostgreSQL locks it; SQLite runs one writer
 * at a time anyway), so two requests issuing its notice at once take turns.
 */
export async function lockInspection(db: Db, id: string): Promise<void> {
  await db
    .updateTable('inspection')
    .set({ updated_at: sql<string>`updated_at` })
    .where('id', '=', id)
    .execute();
}

/** The inspections that raised these issues, and their notices (for a department following them up). */
export async function findInspectionsOfIssues(
  db: Db,
  issueIds: string[],
): Promise<{ inspections: InspectionRow[]; notices: NoticeRow[] }> {
  if (issueIds.length === 0) return { inspections: [], notices: [] };
  const [found, notices] = await Promise.all([
    db.selectFrom('inspection').selectAll().where('issue_id', 'in', issueIds).execute(),
    db.selectFrom('rectification_notice').selectAll().where('issue_id', 'in', issueIds).execute(),
  ]);
  return { inspections: found, notices };
}

/** Whether the issue's rectification notice is issued and not yet re-inspected as fixed. */
export async function hasOpenNoticeOfIssue(db: Db, issueId: string): Promise<boolean> {
  const row = await db
    .selectFrom('rectification_notice')
    .select('id')
    .where('issue_id', '=', issueId)
    .where('status', '!=', 'rectified')
    .executeTakeFirst();
  return row !== undefined;
}
