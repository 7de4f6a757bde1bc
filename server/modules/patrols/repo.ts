import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { areaCondition, isWholeArea, type AreaClause } from '../../db/area';
import { paginate, type Page } from '../../db/paging';
import type { PatrolFindingRow, PatrolFindingTable, PatrolRow, PatrolTable } from '../../db/schema';

/** A patrol with the counts its list shows. */
export type PatrolView = PatrolRow & {
  findings: number | string;
  visits: number | string;
  issues: number | string;
};

function patrolViews(db: Db) {
  return db
    .selectFrom('patrol')
    .selectAll('patrol')
    .select((eb) => [
      eb
        .selectFrom('patrol_finding as f')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('f.patrol_id', '=', 'patrol.id')
        .where('f.kind', '=', 'finding')
        .as('findings'),
      eb
        .selectFrom('patrol_finding as f')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('f.patrol_id', '=', 'patrol.id')
        .where('f.kind', '=', 'visited')
        .as('visits'),
      eb
        .selectFrom('patrol_finding as f')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('f.patrol_id', '=', 'patrol.id')
        .where('f.issue_id', 'is not', null)
        .as('issues'),
    ]);
}

export async function getPatrol(db: Db, id: string): Promise<PatrolRow | undefined> {
  return db.selectFrom('patrol').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getPatrolView(db: Db, id: string): Promise<PatrolView | undefined> {
  return patrolViews(db).where('patrol.id', '=', id).executeTakeFirst() as Promise<
    PatrolView | undefined
  >;
}

export async function findOpenPatrol(db: Db, workerId: string): Promise<PatrolRow | undefined> {
  return db
    .selectFrom('patrol')
    .selectAll()
    .where('worker_id', '=', workerId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function insertPatrol(db: Db, row: Insertable<PatrolTable>): Promise<void> {
  await db.insertInto('patrol').values(row).execute();
}

export async function updatePatrol(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<PatrolTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('patrol')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type { AreaClause };

export interface PatrolFilter {
  area: AreaClause[];
  /** The caller's own patrols are always theirs to see. */
  workerSelf: string;
  gridId?: string;
  communityId?: string;
  workerId?: string;
  status?: string;
  fromIso?: string;
  toIso?: string;
}

export async function findPatrols(
  db: Db,
  f: PatrolFilter,
  page: Page,
): Promise<{ rows: PatrolView[]; total: number }> {
  // The caller's area, or their own patrols: the whole district needs no condition at all.
  let q = patrolViews(db);
  if (!isWholeArea(f.area))
    q = q.where((eb) =>
      eb.or([
        ...(f.area.length ? [areaCondition(eb, 'patrol', f.area)!] : []),
        eb('patrol.worker_id', '=', f.workerSelf),
      ]),
    );
  if (f.gridId) q = q.where('patrol.grid_id', '=', f.gridId);
  if (f.communityId) q = q.where('patrol.community_id', '=', f.communityId);
  if (f.workerId) q = q.where('patrol.worker_id', '=', f.workerId);
  if (f.status) q = q.where('patrol.status', '=', f.status as PatrolRow['status']);
  if (f.fromIso) q = q.where('patrol.started_at', '>=', f.fromIso);
  if (f.toIso) q = q.where('patrol.started_at', '<', f.toIso);
  const { rows, total } = await paginate(
    db,
    q.orderBy('patrol.started_at', 'desc').orderBy('patrol.id', 'desc'),
    page,
  );
  return { rows: rows as PatrolView[], total };
}

// ——— findings ———

export async function getFinding(db: Db, id: string): Promise<PatrolFindingRow | undefined> {
  return db.selectFrom('patrol_finding').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFindings(db: Db, patrolId: string): Promise<PatrolFindingRow[]> {
  return db
    .selectFrom('patrol_finding')
    .selectAll()
    .where('patrol_id', '=', patrolId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertFinding(db: Db, row: Insertable<PatrolFindingTable>): Promise<void> {
  await db.insertInto('patrol_finding').values(row).execute();
}

/** Records the issue a finding was reported as, once. */
export async function setFindingIssue(db: Db, id: string, issueId: string): Promise<boolean> {
  const r = await db
    .updateTable('patrol_finding')
    .set({ issue_id: issueId })
    .where('id', '=', id)
    .where('issue_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How often, and when last, each place of a grid was visited (or named by a finding) in a period. */
export async function findPlaceVisits(
  db: Db,
  gridId: string,
  fromIso: string,
  toIso: string,
): Promise<{ place_id: string; visits: number; last_at: string }[]> {
  const rows = await db
    .selectFrom('patrol_finding')
    .select((eb) => [
      'place_id',
      eb.fn.countAll<string | number>().as('visits'),
      eb.fn.max('at').as('last_at'),
    ])
    .where('grid_id', '=', gridId)
    .where('at', '>=', fromIso)
    .where('at', '<', toIso)
    .where('place_id', 'is not', null)
    .groupBy('place_id')
    .execute();
  return rows.map((r) => ({
    place_id: r.place_id!,
    visits: Number(r.visits),
    last_at: r.last_at,
  }));
}

/** Whether any patrol was made in the unit (a grid, community or street). */
export async function unitHasPatrols(db: Db, unitId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('patrol')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('grid_id', '=', unitId),
        eb('community_id', '=', unitId),
        eb('street_id', '=', unitId),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}
