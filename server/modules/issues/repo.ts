import { sql, type Insertable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Db } from '../../db';
import type { AreaClause } from '../../db/area';
import { countCapped, paginate, type Page } from '../../db/paging';
import type { Database, IssueRow, IssueStepRow, IssueStepTable, IssueTable } from '../../db/schema';

export async function changed(q: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> }) {
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

// ——— issues ———

export async function getIssue(db: Db, id: string): Promise<IssueRow | undefined> {
  return db.selectFrom('issue').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getIssues(db: Db, ids: string[]): Promise<IssueRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('issue').selectAll().where('id', 'in', ids).execute();
}

export async function insertIssue(db: Db, row: Insertable<IssueTable>): Promise<void> {
  await db.insertInto('issue').values(row).execute();
}

/** Applies the patch only if the stored version is the one read. */
export async function updateIssue(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<IssueTable>,
): Promise<boolean> {
  return changed(
    db
      .updateTable('issue')
      .set({ ...patch, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version),
  );
}

export type { AreaClause };

/** Whose issues a caller sees: an area, what they reported, and what was dispatched to them. */
export interface IssueScope {
  area: readonly AreaClause[];
  userId: string;
  departmentIds: string[];
}

export interface IssueListFilter {
  scope: IssueScope;
  statuses?: readonly string[];
  category?: string;
  communityId?: string;
  gridId?: string;
  departmentId?: string;
  level?: string;
  placeId?: string;
  /** true: past its step deadline at `now`; false: not. */
  overdue?: boolean;
  now: string;
  q?: string;
}

type IssueQuery = SelectQueryBuilder<Database, 'issue', object>;

/** The filters of the board's bar, on the issue row itself. */
function filtered(q: IssueQuery, f: IssueListFilter): IssueQuery {
  if (f.statuses) q = q.where('issue.status', 'in', [...f.statuses]);
  if (f.category) q = q.where('issue.category', '=', f.category);
  if (f.communityId) q = q.where('issue.community_id', '=', f.communityId);
  if (f.gridId) q = q.where('issue.grid_id', '=', f.gridId);
  if (f.departmentId) q = q.where('issue.department_id', '=', f.departmentId);
  if (f.level) q = q.where('issue.escalation_level', '=', f.level);
  if (f.placeId) q = q.where('issue.place_id', '=', f.placeId);
  if (f.overdue === true) q = q.where('issue.step_deadline', '<', f.now);
  if (f.overdue === false)
    q = q.where((eb) =>
      eb.or([eb('issue.step_deadline', 'is', null), eb('issue.step_deadline', '>=', f.now)]),
    );
  if (f.q) {
    const part = `%${f.q}%`;
    q = q.where((eb) =>
      eb.or([
        eb('issue.description', 'like', part),
        eb('issue.location_text', 'like', part),
        eb('issue.place_name', 'like', part),
      ]),
    );
  }
  return q;
}

/**
 * The ways an issue reaches the caller, each a query of its own that one index drives (the area's
 * street, community or grid; the reporter; the assignee; the department; what was ever dispatched to
 * them). One query ORing them all was a scan of every issue; their UNION reads only what each finds.
 */
function scopeParts(db: Db, f: IssueListFilter): IssueQuery[] {
  const { scope } = f;
  const part = (where: (q: IssueQuery) => IssueQuery) => filtered(where(db.selectFrom('issue')), f);
  if (scope.area.some((a) => a.column === 'all')) return [part((q) => q)];
  const parts: IssueQuery[] = [];
  for (const column of ['street_id', 'community_id', 'grid_id'] as const) {
    const ids = scope.area.flatMap((a) => (a.column === column ? [a.id] : []));
    if (ids.length) parts.push(part((q) => q.where(`issue.${column}`, 'in', ids)));
  }
  for (const a of scope.area)
    if (a.column === 'org_path')
      parts.push(part((q) => q.where('issue.org_path', 'like', `${a.prefix}%`)));
  parts.push(part((q) => q.where('issue.reporter_id', '=', scope.userId)));
  parts.push(part((q) => q.where('issue.assignee_id', '=', scope.userId)));
  const steps = (by: 'assignee_id' | 'department_id', ids: string[]) =>
    part((q) =>
      q.where('issue.id', 'in', (eb) =>
        eb
          .selectFrom('issue_step as s')
          .select('s.issue_id')
          .where(`s.${by}`, 'in', ids)
          .where('s.action', '=', 'dispatch'),
      ),
    );
  parts.push(steps('assignee_id', [scope.userId]));
  if (scope.departmentIds.length) {
    parts.push(part((q) => q.where('issue.department_id', 'in', scope.departmentIds)));
    parts.push(steps('department_id', scope.departmentIds));
  }
  return parts;
}

/** The board's order, newest first, which the issue_created indexes hold. */
const inBoardOrder = (q: IssueQuery) =>
  q.orderBy('issue.created_at', 'desc').orderBy('issue.id', 'desc');

/** The UNION (duplicates dropped) of the parts, each cut to `limit` rows in board order. */
function unionOf(db: Db, f: IssueListFilter, limit: number) {
  const queries = scopeParts(db, f).map((q) =>
    db
      .selectFrom(
        inBoardOrder(q)
          .select(['issue.id', 'issue.created_at', 'issue.status'])
          .limit(limit)
          .as('p'),
      )
      .select(['p.id', 'p.created_at', 'p.status']),
  );
  return queries.slice(1).reduce((all, q) => all.union(q), queries[0]);
}

/** How many issues match, exact up to COUNT_CAP; COUNT_CAP + 1 means more. */
const countIssuesCapped = (db: Db, f: IssueListFilter): Promise<number> =>
  countCapped(db, ...scopeParts(db, f).map((q) => inBoardOrder(q).select('issue.id')));

export async function findIssues(
  db: Db,
  f: IssueListFilter,
  page: Page,
): Promise<{ rows: IssueRow[]; total: number }> {
  const { rows: ids, total } = await paginate(
    db,
    db
      .selectFrom(unionOf(db, f, page.offset + page.limit).as('u'))
      .select('u.id')
      .orderBy('u.created_at', 'desc')
      .orderBy('u.id', 'desc'),
    page,
    () => countIssuesCapped(db, f),
  );
  if (ids.length === 0) return { rows: [], total };
  const byId = new Map(
    (
      await getIssues(
        db,
        ids.map((r) => r.id),
      )
    ).map((v) => [v.id, v]),
  );
  return { rows: ids.map((r) => byId.get(r.id)!).filter(Boolean), total };
}

/**
 * Issues per tab's statuses, and how many are overdue, under the same filter (statuses aside); each
 * exact up to COUNT_CAP (COUNT_CAP + 1 means more), so the bar never counts a district's every issue.
 */
export async function countIssues(
  db: Db,
  f: Omit<IssueListFilter, 'statuses'>,
  groups: Record<string, readonly string[]>,
): Promise<{ byGroup: Map<string, number>; overdue: number }> {
  const names = Object.keys(groups);
  const counts = await Promise.all([
    ...names.map((name) => countIssuesCapped(db, { ...f, statuses: groups[name] })),
    countIssuesCapped(db, { ...f, overdue: true }),
  ]);
  return {
    byGroup: new Map(names.map((name, i) => [name, counts[i]])),
    overdue: counts[names.length],
  };
}

export async function issueSummaries(
  db: Db,
  ids: string[],
): Promise<Pick<IssueRow, 'id' | 'status' | 'step_deadline'>[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('issue')
    .select(['id', 'status', 'step_deadline'])
    .where('id', 'in', ids)
    .execute();
}

// ——— steps ———

export async function insertStep(db: Db, row: Insertable<IssueStepTable>): Promise<void> {
  await db.insertInto('issue_step').values(row).execute();
}

export async function findSteps(db: Db, issueId: string): Promise<IssueStepRow[]> {
  return db
    .selectFrom('issue_step')
    .selectAll()
    .where('issue_id', '=', issueId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function getStep(
  db: Db,
  id: string,
): Promise<Pick<IssueStepRow, 'id' | 'issue_id' | 'action'> | undefined> {
  return db
    .selectFrom('issue_step')
    .select(['id', 'issue_id', 'action'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findReportStep(db: Db, issueId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('issue_step')
    .select('id')
    .where('issue_id', '=', issueId)
    .where('action', '=', 'report')
    .executeTakeFirst();
  return row?.id;
}

/** The departments and people an issue has ever been dispatched to. */
export async function findDispatchTies(
  db: Db,
  issueId: string,
): Promise<{ departmentIds: string[]; assigneeIds: string[] }> {
  const rows = await db
    .selectFrom('issue_step')
    .select(['department_id', 'assignee_id'])
    .where('issue_id', '=', issueId)
    .where('action', '=', 'dispatch')
    .execute();
  return {
    departmentIds: rows.flatMap((r) => (r.department_id ? [r.department_id] : [])),
    assigneeIds: rows.flatMap((r) => (r.assignee_id ? [r.assignee_id] : [])),
  };
}

/** Whether any issue lies in, or was ever dispatched to, the unit. */
export async function unitHasIssues(db: Db, unitId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('issue')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('grid_id', '=', unitId),
        eb('community_id', '=', unitId),
        eb('street_id', '=', unitId),
        eb('department_id', '=', unitId),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  if (hit) return true;
  const step = await db
    .selectFrom('issue_step')
    .select('id')
    .where('department_id', '=', unitId)
    .limit(1)
    .executeTakeFirst();
  return step !== undefined;
}

/**
 * Of the issues named (by id, or at a place), those ever dispatched to one of the departments: what
 * a department follows up, and so may read the inspection, notice and place of.
 */
export async function findIssuesDispatchedTo(
  db: Db,
  departmentIds: string[],
  where: { issueIds?: string[]; placeId?: string },
): Promise<string[]> {
  if (departmentIds.length === 0) return [];
  if (where.issueIds?.length === 0) return [];
  let q = db
    .selectFrom('issue_step')
    .innerJoin('issue', 'issue.id', 'issue_step.issue_id')
    .select('issue.id')
    .distinct()
    .where('issue_step.action', '=', 'dispatch')
    .where('issue_step.department_id', 'in', departmentIds);
  if (where.issueIds) q = q.where('issue.id', 'in', where.issueIds);
  if (where.placeId) q = q.where('issue.place_id', '=', where.placeId);
  return (await q.execute()).map((r) => r.id);
}
