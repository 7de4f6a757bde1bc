import { sql, type Insertable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { inScope, type AreaClause } from '../../db/area';
import { paginate, type Page } from '../../db/paging';
import type {
  CareRuleRow,
  CareRuleTable,
  CaseEventRow,
  CaseFormRow,
  CaseRow,
  CaseStageFormTable,
  Database,
  ServiceRecordRow,
  SocialCaseTable,
} from '../../db/schema';

const cases = (db: Db) => db.selectFrom('social_case as c');
type CaseQuery = ReturnType<typeof cases>;
const caseRows = (db: Db) => cases(db).selectAll('c');

/** Whether a guarded update touched its row. */
export async function changed(q: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> }) {
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

// ——— cases ———

export async function getCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('social_case').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCase(db: Db, row: Insertable<SocialCaseTable>): Promise<void> {
  await db.insertInto('social_case').values(row).execute();
}

/** Applies the patch only if the stored version is the one read (or any, when version is null). */
export async function updateCase(
  db: Db,
  id: string,
  version: number | null,
  patch: Updateable<SocialCaseTable>,
): Promise<boolean> {
  let q = db
    .updateTable('social_case')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  return changed(q);
}

export interface CaseFilter {
  /** Cases of the caller's stations, streets or district (see caseArea). */
  area: readonly AreaClause[];
  status?: string;
  stage?: string;
  riskLevel?: string;
  workerId?: string;
  residentId?: string;
  /** Cases whose client is one of these residents (the people module's subquery of their ids). */
  clients?: SelectQueryBuilder<Database, 'resident', { id: string }>;
}

/** Cases in the area with the list's filters, on the case row alone (a name through its client). */
function filteredCases(db: Db, f: CaseFilter): CaseQuery {
  let q = inScope(cases(db), 'c', f.area);
  if (f.status) q = q.where('c.status', '=', f.status as CaseRow['status']);
  if (f.stage) q = q.where('c.stage', '=', f.stage as CaseRow['stage']);
  if (f.riskLevel) q = q.where('c.risk_level', '=', f.riskLevel as CaseRow['risk_level']);
  if (f.workerId) q = q.where('c.assigned_worker_id', '=', f.workerId);
  if (f.residentId) q = q.where('c.resident_id', '=', f.residentId);
  if (f.clients) q = q.where('c.resident_id', 'in', f.clients);
  return q;
}

/** The list's order (open first, next contact due, newest opened), which the case_*_order indexes hold. */
const inListOrder = (q: CaseQuery): CaseQuery =>
  q
    .orderBy('c.status', 'desc')
    .orderBy('c.next_contact_date')
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.id');

/** A page of cases, and how many there are: exact up to COUNT_CAP, COUNT_CAP + 1 meaning more. */
export async function findCases(db: Db, f: CaseFilter, page: Page) {
  if (f.area.length === 0) return { rows: [] as CaseRow[], total: 0 };
  return paginate(db, inListOrder(filteredCases(db, f)).selectAll('c'), page, 'capped');
}

/** Open cases assigned to a worker, for 今日待办. */
export async function findOpenCasesOf(db: Db, workerId: string): Promise<CaseRow[]> {
  return caseRows(db)
    .where('c.assigned_worker_id', '=', workerId)
    .where('c.status', '=', 'open')
    .execute();
}

export async function findOpenCase(
  db: Db,
  residentId: string,
  stationId: string,
): Promise<CaseRow | undefined> {
  return db
    .selectFrom('social_case')
    .selectAll()
    .where('resident_id', '=', residentId)
    .where('station_id', '=', stationId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** Open cases of any of these clients. */
export async function findOpenCasesOfResidents(db: Db, residentIds: string[]): Promise<CaseRow[]> {
  if (residentIds.length === 0) return [];
  return db
    .selectFrom('social_case')
    .selectAll()
    .where('resident_id', 'in', residentIds)
    .where('status', '=', 'open')
    .execute();
}

/** Cases of a station open at some time between the two instants. */
export async function findStationCasesBetween(
  db: Db,
  stationId: string,
  fromIso: string,
  toIso: string,
) {
  return db
    .selectFrom('social_case as c')
    .select(['c.resident_id', 'c.opened_at', 'c.closed_at'])
    .where('c.station_id', '=', stationId)
    .where('c.opened_at', '<', toIso)
    .where((eb) => eb.or([eb('c.closed_at', 'is', null), eb('c.closed_at', '>=', fromIso)]))
    .execute();
}

export async function unitHasCases(db: Db, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('social_case')
    .select('id')
    .where((eb) => eb.or([eb('station_id', '=', unitId), eb('street_id', '=', unitId)]))
    .executeTakeFirst();
  const resource = await db
    .selectFrom('resource')
    .select('id')
    .where('street_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined || resource !== undefined;
}

// ——— stage forms ———

export async function findForms(db: Db, caseId: string): Promise<CaseFormRow[]> {
  return db
    .selectFrom('case_stage_form')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('cycle')
    .orderBy('submitted_at')
    .execute();
}

export async function insertForm(db: Db, row: Insertable<CaseStageFormTable>): Promise<void> {
  await db.insertInto('case_stage_form').values(row).execute();
}

export async function updateForm(
  db: Db,
  id: string,
  patch: Updateable<CaseStageFormTable>,
): Promise<void> {
  await db
    .updateTable('case_stage_form')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** Plans and closures waiting for review in the cases' current cycle, for cases in the area or with these ids. */
export async function findPendingReviews(
  db: Db,
  by: { area?: readonly AreaClause[]; caseIds?: string[] },
) {
  const { area, caseIds } = by;
  if ((area && area.length === 0) || (caseIds && caseIds.length === 0)) return [];
  let q = db
    .selectFrom('case_stage_form as f')
    .innerJoin('social_case as c', (j) =>
      j.onRef('c.id', '=', 'f.case_id').onRef('c.cycle', '=', 'f.cycle'),
    )
    .select(['f.case_id', 'f.stage', 'f.submitted_at'])
    .where('f.review_status', '=', 'pending')
    .where('c.status', '=', 'open');
  if (area) q = inScope(q, 'c', area);
  if (caseIds) q = q.where('f.case_id', 'in', caseIds);
  return q.execute();
}

export async function findCasesById(db: Db, ids: string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return caseRows(db).where('c.id', 'in', ids).execute();
}

// ——— service records ———

export async function getRecord(db: Db, id: string): Promise<ServiceRecordRow | undefined> {
  return db.selectFrom('service_record').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRecord(db: Db, row: ServiceRecordRow): Promise<void> {
  await db.insertInto('service_record').values(row).execute();
}

export async function findRecords(db: Db, caseId: string): Promise<ServiceRecordRow[]> {
  return db
    .selectFrom('service_record')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function countRecords(
  db: Db,
  caseId: string,
  cycle: number,
  stage: string,
): Promise<number> {
  const { n } = await db
    .selectFrom('service_record')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .where('cycle', '=', cycle)
    .where('stage', '=', stage)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Visits and calls that count under the care rules, of these residents by this station, up to an instant. */
export async function findCareContacts(
  db: Db,
  residentIds: string[],
  stationId: string,
  types: readonly string[],
  untilIso: string,
): Promise<{ resident_id: string; at: string }[]> {
  if (residentIds.length === 0) return [];
  return db
    .selectFrom('service_record')
    .select(['resident_id', 'at'])
    .where('resident_id', 'in', residentIds)
    .where('station_id', '=', stationId)
    .where('type', 'in', [...types])
    .where('at', '<', untilIso)
    .execute();
}

// ——— timeline ———

export async function insertEvent(db: Db, row: CaseEventRow): Promise<void> {
  await db.insertInto('case_event').values(row).execute();
}

export async function findEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return db
    .selectFrom('case_event')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

// ——— care rules ———

export async function findCareRules(db: Db, streetId: string): Promise<CareRuleRow[]> {
  return db.selectFrom('care_rule').selectAll().where('street_id', '=', streetId).execute();
}

export async function insertCareRule(db: Db, row: Insertable<CareRuleTable>): Promise<void> {
  await db.insertInto('care_rule').values(row).execute();
}

export async function updateCareRule(
  db: Db,
  key: { streetId: string; tier: string },
  version: number,
  patch: Updateable<CareRuleTable>,
): Promise<boolean> {
  return changed(
    db
      .updateTable('care_rule')
      .set({ ...patch, version: sql<number>`version + 1` })
      .where('street_id', '=', key.streetId)
      .where('tier', '=', key.tier as CareRuleRow['tier'])
      .where('version', '=', version),
  );
}
