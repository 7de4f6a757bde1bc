import type { Coverage, PatrolDetail, PatrolQuery } from '../../../common/schemas/patrols';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import { AppError } from '../../lib/errors';
import { shanghaiDayEnd, shanghaiDayStart, todayInShanghai } from '../../lib/time';
import type { Caller } from '../../lib/caller';
import { findGridPlacement } from '../org/service';
import { listPlacesOfGrid } from '../places/service';
import * as repo from './repo';
import { mayReadArea, presentPatrolDetail, presentPatrols, readablePatrol } from './service';

// The patrol log (per grid and worker) and sweep coverage (which places of a grid were visited).

const AREA_READERS = ['districtAdmin', 'streetAdmin', 'communityStaff', 'gridWorker', 'viewer'];

function areaClauses(caller: Caller): repo.AreaClause[] {
  return caller.assignments
    .filter((a) => AREA_READERS.includes(a.role) && a.area)
    .map((a) => {
      const unit = a.area!;
      if (unit.kind === 'district') return { column: 'org_path', prefix: unit.path } as const;
      return { column: `${unit.kind}_id` as const, id: unit.id };
    });
}

export async function listPatrols(opts: { db: Db; caller: Caller; query: PatrolQuery }) {
  const { caller, query } = opts;
  const { rows, total } = await repo.findPatrols(
    opts.db,
    {
      area: areaClauses(caller),
      workerSelf: caller.userId,
      gridId: query.gridId,
      communityId: query.communityId,
      workerId: query.workerId,
      status: query.status,
      fromIso: query.from ? shanghaiDayStart(query.from) : undefined,
      toIso: query.to ? shanghaiDayEnd(query.to) : undefined,
    },
    pageOf(query),
  );
  return {
    items: await presentPatrols(opts.db, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPatrol(opts: {
  db: Db;
  caller: Caller;
  id: string;
}): Promise<PatrolDetail> {
  await readablePatrol(opts.db, opts.caller, opts.id);
  return presentPatrolDetail(opts.db, opts.caller, opts.id);
}

/**
 * Sweep coverage (摸排覆盖): the open places of a grid and how often each was visited in the period —
 * a visit mark or a finding naming the place counts; a place visited many times counts once.
 */
export async function sweepCoverage(opts: {
  db: Db;
  caller: Caller;
  query: { gridId: string; from?: string; to?: string };
}): Promise<Coverage> {
  const { db, caller, query } = opts;
  const grid = await findGridPlacement(db, query.gridId);
  const located = grid && {
    street_id: grid.streetId,
    community_id: grid.communityId,
    grid_id: grid.gridId,
    org_path: grid.path,
  };
  if (!located || !mayReadArea(caller, located))
    throw new AppError(404, 'NOT_FOUND', {}, { field: 'gridId' });
  const to = query.to ?? todayInShanghai();
  const from = query.from ?? `${to.slice(0, 8)}01`;
  if (from > to)
    throw new AppError(400, 'VALIDATION_FAILED', { field: 'from', detail: '' }, { field: 'from' });
  const [places, visits] = await Promise.all([
    listPlacesOfGrid(db, grid.gridId),
    repo.findPlaceVisits(db, grid.gridId, shanghaiDayStart(from), shanghaiDayEnd(to)),
  ]);
  const byPlace = new Map(visits.map((v) => [v.place_id, v]));
  const rows = places.map((p) => ({
    id: p.id,
    name: p.name,
    category: p.category,
    visits: byPlace.get(p.id)?.visits ?? 0,
    lastVisitedAt: byPlace.get(p.id)?.last_at ?? null,
  }));
  return {
    gridId: grid.gridId,
    gridName: grid.gridName,
    from,
    to,
    total: rows.length,
    visited: rows.filter((r) => r.visits > 0).length,
    places: rows,
  };
}
