import type { Role } from '../../../common/roles';
import type {
  Finding,
  FindingCreate,
  FindingReport,
  PatrolDetail,
  PatrolEnd,
  PatrolStart,
} from '../../../common/schemas/patrols';
import type { Db } from '../../db';
import type { PatrolFindingRow, PatrolRow } from '../../db/schema';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { addMinutes, nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Assignment, Caller } from '../../lib/caller';
import { attachFiles, filesOf } from '../files/service';
import { mayReadIssue, reportIssue } from '../issues/service';
import { staffDisplayNames } from '../auth/staff-service';
import { findGridPlacement, unitNames } from '../org/service';
import { findPlaceLocation } from '../places/service';
import * as repo from './repo';

/**
 * Patrols (巡查): a grid worker starts a patrol of their grid, notes findings (a problem seen, with
 * text, photos and a place or a location) and visits (a place swept), and ends it. A finding becomes an
 * issue in one step. Creates carry the phone's own ids, so a phone that resends after a lost signal
 * adds nothing twice.
 *
 * Who sees a patrol: its worker, and the roles whose area covers its grid (the grid's workers, the
 * community's staff, the street's and district's admins, viewers). Only its worker adds to it or ends it.
 */
export const PATROL_FILES = 'patrolFinding';
const READERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'gridWorker',
  'viewer',
];
/** How far ahead of the server's clock a phone's clock may run. */
const CLOCK_SKEW_MINUTES = 5;

type Located = Pick<PatrolRow, 'street_id' | 'community_id' | 'grid_id' | 'org_path'>;

function areaCovers(a: Assignment, r: Located): boolean {
  if (!a.area || !READERS.includes(a.role)) return false;
  switch (a.area.kind) {
    case 'district':
      return r.org_path.startsWith(a.area.path);
    case 'street':
      return r.street_id === a.area.id;
    case 'community':
      return r.community_id === a.area.id;
    case 'grid':
      return r.grid_id === a.area.id;
  }
}

export const mayReadArea = (caller: Caller, r: Located): boolean =>
  caller.assignments.some((a) => areaCovers(a, r));

/** A patrol the caller may see; others do not exist for them. */
export async function readablePatrol(db: Db, caller: Caller, id: string): Promise<PatrolRow> {
  const p = await repo.getPatrol(db, id);
  if (!p || (p.worker_id !== caller.userId && !mayReadArea(caller, p))) throw notFound();
  return p;
}

/** The caller's own patrol, still going: only its worker adds to it. */
async function ownOpenPatrol(db: Db, caller: Caller, id: string): Promise<PatrolRow> {
  const p = await readablePatrol(db, caller, id);
  if (p.worker_id !== caller.userId) throw forbidden();
  if (p.status !== 'open') throw new AppError(409, 'PATROL_ENDED');
  return p;
}

/** A time the phone recorded, or now; never later than now (give or take a phone clock's error). */
function clientTime(at: string | undefined, now: string, field: string): string {
  if (!at) return now;
  const t = new Date(at).toISOString();
  if (t > addMinutes(now, CLOCK_SKEW_MINUTES))
    throw new AppError(400, 'VALIDATION_FAILED', { field, detail: '' }, { field });
  return t;
}

export function presentFinding(
  f: PatrolFindingRow,
  photos: Map<string, { id: string; url: string; thumbUrl: string | null }[]>,
): Finding {
  return {
    id: f.id,
    patrolId: f.patrol_id,
    kind: f.kind,
    placeId: f.place_id,
    placeName: f.place_name,
    location: f.location_text === null ? null : { text: f.location_text, lat: f.lat, lng: f.lng },
    description: f.description,
    at: f.at,
    issueId: f.issue_id,
    photos: (photos.get(f.id) ?? []).map((p) => ({ id: p.id, url: p.url, thumbUrl: p.thumbUrl })),
  };
}

export async function presentPatrolDetail(
  db: Db,
  caller: Caller,
  id: string,
): Promise<PatrolDetail> {
  const v = (await repo.getPatrolView(db, id))!;
  const findings = await repo.findFindings(db, id);
  const photos = await filesOf(
    db,
    PATROL_FILES,
    findings.map((f) => f.id),
  );
  return {
    ...(await presentPatrols(db, [v]))[0],
    items: findings.map((f) => presentFinding(f, photos)),
    mine: v.worker_id === caller.userId,
  };
}

/** Patrols as lists show them, with the names of their grid, community and worker. */
export async function presentPatrols(db: Db, views: repo.PatrolView[]) {
  const [units, workers] = await Promise.all([
    unitNames(
      db,
      views.flatMap((v) => [v.grid_id, v.community_id]),
    ),
    staffDisplayNames(
      db,
      views.map((v) => v.worker_id),
    ),
  ]);
  return views.map((v) => presentPatrol(v, units, workers));
}

function presentPatrol(
  v: repo.PatrolView,
  units: Map<string, string>,
  workers: Map<string, string>,
) {
  return {
    id: v.id,
    status: v.status,
    gridId: v.grid_id,
    gridName: units.get(v.grid_id) ?? '',
    communityName: units.get(v.community_id) ?? '',
    worker: { id: v.worker_id, name: workers.get(v.worker_id) ?? '' },
    startedAt: v.started_at,
    endedAt: v.ended_at,
    note: v.note,
    endNote: v.end_note,
    findings: Number(v.findings),
    visits: Number(v.visits),
    issues: Number(v.issues),
    version: v.version,
  };
}

/** Starts a patrol of the caller's grid (the one named, for a worker of several). */
export async function startPatrol(opts: {
  db: Db;
  caller: Caller;
  input: PatrolStart;
}): Promise<{ patrol: PatrolDetail; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getPatrol(db, input.id);
      if (existing) {
        const same =
          existing.worker_id === caller.userId &&
          (!input.gridId || existing.grid_id === input.gridId);
        if (!same) throw new AppError(409, 'ID_CONFLICT');
        return { patrol: await presentPatrolDetail(db, caller, existing.id), created: false };
      }
    }
    const grids = caller.assignments.flatMap((a) =>
      a.role === 'gridWorker' && a.area?.kind === 'grid' ? [a.area.id] : [],
    );
    if (grids.length === 0) throw forbidden();
    if (input.gridId && !grids.includes(input.gridId))
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'gridId' });
    if (!input.gridId && grids.length > 1)
      throw new AppError(400, 'PATROL_GRID_REQUIRED', {}, { field: 'gridId' });
    const grid = await findGridPlacement(db, input.gridId ?? grids[0]);
    if (!grid) throw new AppError(404, 'NOT_FOUND', {}, { field: 'gridId' });
    if (await repo.findOpenPatrol(db, caller.userId))
      throw new AppError(409, 'PATROL_ALREADY_OPEN');
    const now = nowIso();
    const row = {
      id: input.id ?? newId(),
      street_id: grid.streetId,
      community_id: grid.communityId,
      grid_id: grid.gridId,
      org_path: grid.path,
      worker_id: caller.userId,
      status: 'open' as const,
      started_at: clientTime(input.startedAt, now, 'startedAt'),
      ended_at: null,
      note: input.note || null,
      end_note: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertPatrol(db, row);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'patrol.start',
      entity: 'patrol',
      entityId: row.id,
      orgPath: row.org_path,
    });
    return { patrol: await presentPatrolDetail(db, caller, row.id), created: true };
  });
}

/** Ends the caller's patrol; ending one already ended (a resend) answers it as it is. */
export async function endPatrol(opts: {
  db: Db;
  caller: Caller;
  id: string;
  input: PatrolEnd;
}): Promise<PatrolDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const p = await readablePatrol(db, caller, opts.id);
    if (p.worker_id !== caller.userId) throw forbidden();
    if (p.status === 'ended') return presentPatrolDetail(db, caller, p.id);
    if (p.version !== input.version) throw stale(await presentPatrolDetail(db, caller, p.id));
    const now = nowIso();
    const endedAt = clientTime(input.endedAt, now, 'endedAt');
    const ok = await repo.updatePatrol(db, p.id, input.version, {
      status: 'ended',
      ended_at: endedAt < p.started_at ? p.started_at : endedAt,
      end_note: input.note || null,
      updated_at: now,
    });
    if (!ok) throw stale(await presentPatrolDetail(db, caller, p.id));
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'patrol.end',
      entity: 'patrol',
      entityId: p.id,
      orgPath: p.org_path,
    });
    return presentPatrolDetail(db, caller, p.id);
  });
}

/** Adds a finding (a problem seen) or a visit (a place swept) to the caller's open patrol. */
export async function addFinding(opts: {
  db: Db;
  caller: Caller;
  id: string;
  input: FindingCreate;
}): Promise<{ finding: Finding; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const present = async (fid: string) =>
      presentFinding((await repo.getFinding(db, fid))!, await filesOf(db, PATROL_FILES, [fid]));
    if (input.id) {
      const existing = await repo.getFinding(db, input.id);
      if (existing) {
        // A resend is answered even after the patrol has ended: the phone may only now have signal.
        const same =
          existing.patrol_id === opts.id &&
          existing.kind === input.kind &&
          existing.created_by === caller.userId;
        if (!same) throw new AppError(409, 'ID_CONFLICT');
        return { finding: await present(existing.id), created: false };
      }
    }
    const p = await ownOpenPatrol(db, caller, opts.id);
    if (input.kind === 'visited' && !input.placeId)
      throw new AppError(400, 'FINDING_PLACE_REQUIRED', {}, { field: 'placeId' });
    if (input.kind === 'finding' && !input.description)
      throw new AppError(400, 'FINDING_TEXT_REQUIRED', {}, { field: 'description' });
    let placeName: string | null = null;
    if (input.placeId) {
      const place = await findPlaceLocation(db, input.placeId);
      if (!place) throw new AppError(400, 'NOT_FOUND', {}, { field: 'placeId' });
      if (place.gridId !== p.grid_id)
        throw new AppError(400, 'PLACE_NOT_IN_GRID', {}, { field: 'placeId' });
      placeName = place.name;
    }
    const now = nowIso();
    const id = input.id ?? newId();
    await repo.insertFinding(db, {
      id,
      patrol_id: p.id,
      street_id: p.street_id,
      grid_id: p.grid_id,
      kind: input.kind,
      place_id: input.placeId ?? null,
      place_name: placeName,
      location_text: input.location?.text ?? null,
      lat: input.location?.lat ?? null,
      lng: input.location?.lng ?? null,
      description: input.description || null,
      at: clientTime(input.at, now, 'at'),
      issue_id: null,
      created_by: caller.userId,
      created_at: now,
    });
    await attachFiles(db, caller, input.photoIds, PATROL_FILES, id);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: input.kind === 'visited' ? 'patrol.visit' : 'patrol.finding',
      entity: 'patrol',
      entityId: p.id,
      detail: id,
      orgPath: p.org_path,
    });
    return { finding: await present(id), created: true };
  });
}

/**
 * Reports a finding as an issue in one step (source patrol, the finding as its source, the finding's
 * place or location and text, its photos shown on the issue). A finding is reported once: asking again
 * answers the issue it became.
 */
export async function reportFinding(opts: {
  db: Db;
  caller: Caller;
  id: string;
  findingId: string;
  input: FindingReport;
}): Promise<{ issueId: string; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const p = await readablePatrol(db, caller, opts.id);
    const f = await repo.getFinding(db, opts.findingId);
    if (!f || f.patrol_id !== p.id) throw notFound();
    if (f.kind !== 'finding') throw new AppError(409, 'INVALID_TRANSITION');
    if (f.issue_id) return { issueId: f.issue_id, created: false };
    const description = input.description ?? f.description;
    if (!description)
      throw new AppError(400, 'FINDING_TEXT_REQUIRED', {}, { field: 'description' });
    const issue = await reportIssue(db, caller, {
      id: input.issueId,
      source: 'patrol',
      sourceId: f.id,
      category: input.category,
      gridId: f.grid_id,
      placeId: f.place_id ?? undefined,
      location: f.location_text
        ? { text: f.location_text, lat: f.lat ?? undefined, lng: f.lng ?? undefined }
        : undefined,
      description,
    });
    await repo.setFindingIssue(db, f.id, issue.id);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'patrol.report',
      entity: 'patrol',
      entityId: p.id,
      detail: `${f.id} → ${issue.id}`,
      orgPath: p.org_path,
    });
    return { issueId: issue.id, created: issue.created };
  });
}

/** Photos of a finding: seen by those who see the patrol, and by those who see the issue it became. */
export async function findingFileAccess(db: Db, caller: Caller, findingId: string) {
  const f = await repo.getFinding(db, findingId);
  if (!f) return false;
  const p = await repo.getPatrol(db, f.patrol_id);
  if (p && (p.worker_id === caller.userId || mayReadArea(caller, p))) return true;
  return f.issue_id ? mayReadIssue(db, caller, f.issue_id) : false;
}

export const unitHasPatrols = (db: Db, unitId: string): Promise<boolean> =>
  repo.unitHasPatrols(db, unitId);

export { getPatrol, listPatrols, sweepCoverage } from './log';
