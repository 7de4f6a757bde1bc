import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { areaCondition, COUNT_CAP, type AreaClause } from '../../db/area';
import type {
  CareRuleRow,
  CareRuleTable,
  CaseEventRow,
  CaseFormRow,
  CaseRow,
  CaseStageFormTable,
  ServiceRecordRow,
  SocialCaseTable,
} from '../../db/schema';

/** A case with what lists show beside it: the client's name, age and household, the worker, the station. */
export type CaseView = CaseRow & {
  client_name: string;
  client_birth_date: string | null;
  client_household_id: string;
  worker_name: string | null;
  station_name: string;
};

const cases = (db: Db) => db.selectFrom('social_case as c');
type CaseQuery = ReturnType<typeof cases>;

// Lists join the resident, staff and org tables for names only; those rows are read here, never written.
function withNames(q: CaseQuery) {
  return q
    .innerJoin('resident as r', 'r.id', 'c.resident_id')
    .innerJoin('org_unit as s', 's.id', 'c.station_id')
    .leftJoin('staff_user as w', 'w.id', 'c.assigned_worker_id')
    .selectAll('c')
    .select([
      'r.name as client_name',
      'r.birth_date as client_birth_date',
      'r.household_id as client_household_id',
      'w.display_name as worker_name',
      's.name as station_name',
    ]);
}

const caseViews = (db: Db) => withNames(cases(db));

/** Whether a guarded update touched its row. */
export async function changed(q: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> }) {
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

// ——— cases ———

export async function getCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('social_case').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getCaseView(db: Db, id: string): Promise<CaseView | undefined> {
  return caseViews(db).where('c.id', '=', id).executeTakeFirst();
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
  namePrefix?: string;
}

/** Cases in the area with the list's filters, on the case row alone (a name through its resident). */
function filteredCases(db: Db, f: CaseFilter): CaseQuery {
  let q = cases(db);
  const area = f.area;
  if (!area.some((a) => a.column === 'all')) q = q.where((eb) => areaCondition(eb, 'c', area)!);
  if (f.status) q = q.where('c.status', '=', f.status as CaseRow['status']);
  if (f.stage) q = q.where('c.stage', '=', f.stage as CaseRow['stage']);
  if (f.riskLevel) q = q.where('c.risk_level', '=', f.riskLevel as CaseRow['risk_level']);
  if (f.workerId) q = q.where('c.assigned_worker_id', '=', f.workerId);
  if (f.residentId) q = q.where('c.resident_id', '=', f.residentId);
  const prefix = f.namePrefix;
  if (prefix)
    q = q.where('c.resident_id', 'in', (eb) =>
      eb.selectFrom('resident').select('resident.id').where('resident.name', 'like', `${prefix}%`),
    );
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
export async function findCases(db: Db, f: CaseFilter, page: { limit: number; offset: number }) {
  if (f.area.length === 0) return { rows: [] as CaseView[], total: 0 };
  const rows = await withNames(inListOrder(filteredCases(db, f)))
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  // Read in the list's order, the count rides the list's index and reads nothing else.
  const { n } = await db
    .selectFrom(
      inListOrder(filteredCases(db, f))
        .select('c.id')
        .limit(COUNT_CAP + 1)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

/** Open cases assigned to a worker, for 今日待办. */
export async function findOpenCasesOf(db: Db, workerId: string): Promise<CaseView[]> {
  return caseViews(db)
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

export async function findOpenCasesOfResidents(db: Db, residentIds: string[]) {
  if (residentIds.length === 0) return [];
  return db
    .selectFrom('social_case')
    .select(['resident_id', 'assigned_worker_id', 'org_path'])
    .where('resident_id', 'in', residentIds)
    .where('status', '=', 'open')
    .execute();
}

/** Cases of a station open at some time between the two instants, with the client's birth date. */
export async function findStationCasesBetween(
  db: Db,
  stationId: string,
  fromIso: string,
  toIso: string,
) {
  return db
    .selectFrom('social_case as c')
    .innerJoin('resident as r', 'r.id', 'c.resident_id')
    .select(['c.resident_id', 'c.opened_at', 'c.closed_at', 'r.birth_date'])
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
  if (area && !area.some((a) => a.column === 'all'))
    q = q.where((eb) => areaCondition(eb, 'c', area)!);
  if (caseIds) q = q.where('f.case_id', 'in', caseIds);
  return q.execute();
}

export async function findCaseViews(db: Db, ids: string[]): Promise<CaseView[]> {
  if (ids.length === 0) return [];
  return caseViews(db).where('c.id', 'in', ids).execute();
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

// ——— staff and residents, read for names, tags and the station's workers ———

/** Active staff holding the social-worker role on the station. */
export async function findStationWorkers(
  db: Db,
  stationId: string,
): Promise<{ id: string; display_name: string }[]> {
  return db
    .selectFrom('role_assignment as a')
    .innerJoin('staff_user as u', 'u.id', 'a.user_id')
    .select(['u.id', 'u.display_name'])
    .where('a.org_unit_id', '=', stationId)
    .where('a.role', '=', 'socialWorker')
    .where('u.status', '=', 'active')
    .orderBy('u.display_name')
    .execute();
}

export async function findStaffNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff_user')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function findCareTags(db: Db, residentIds: string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  if (residentIds.length === 0) return tags;
  const rows = await db
    .selectFrom('resident_care_tag')
    .select(['resident_id', 'tag'])
    .where('resident_id', 'in', [...new Set(residentIds)])
    .execute();
  for (const r of rows) tags.set(r.resident_id, [...(tags.get(r.resident_id) ?? []), r.tag]);
  return tags;
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

/** Open cases whose client lives in the household, with the client's birth date for the care tier. */
export async function findOpenCasesInHousehold(db: Db, householdId: string): Promise<CaseView[]> {
  return caseViews(db)
    .where('r.household_id', '=', householdId)
    .where('c.status', '=', 'open')
    .execute();
}
