import type {
  Activity,
  ActivityCreate,
  ActivityDetail,
  ActivityQuery,
  ActivityStatus,
  ActivityStatusChange,
  ActivityUpdate,
  Need,
} from '../../../common/schemas/activities';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { ActivityNeedRow, ActivityRow } from '../../db/schema';
import { AppError, forbidden, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso, shanghaiDayEnd, shanghaiDayStart } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import { attachFiles, filesOf } from '../files/service';
import { staffDisplayNames } from '../auth/staff-service';
import { describeUnits, unitNames } from '../org/service';
import {
  ACTIVITY_READERS,
  areaClauses,
  managedActivity,
  readableActivity,
  rightsAt,
  rolesAt,
  streetOfPath,
} from './access';
import { checkFeedbackSurvey } from './feedback';
import { presentHandoutItem } from './handouts';
import * as repo from './repo';

export interface Ctx {
  db: Db;
  caller: Caller;
}

/** Photos of an activity are files of this entity (the activity's id). */
export const ACTIVITY_FILES = 'activity';

/** Where an activity may go from each status; a finished or cancelled one stays so. */
const NEXT: Record<ActivityStatus, readonly ActivityStatus[]> = {
  planned: ['ongoing', 'cancelled'],
  ongoing: ['finished', 'cancelled'],
  finished: [],
  cancelled: [],
};

/** An activity as lists show it; `names` holds its community's name (unitNames). */
export function presentActivity(
  v: ActivityRow,
  partners: { activity_id: string; id: string; name: string }[],
  names: Map<string, string>,
): Activity {
  return {
    id: v.id,
    title: v.title,
    type: v.type as Activity['type'],
    status: v.status,
    communityId: v.community_id,
    communityName: (v.community_id && names.get(v.community_id)) || '',
    startAt: v.start_at,
    endAt: v.end_at,
    place: v.place,
    capacity: v.capacity === null ? null : Number(v.capacity),
    checkedIn: Number(v.checked_in),
    partners: partners
      .filter((p) => p.activity_id === v.id)
      .map((p) => ({ id: p.id, name: p.name })),
    version: Number(v.version),
  };
}

/** An activity's needs as it shows them, each with who noted it. */
export async function presentNeeds(db: Db, rows: ActivityNeedRow[]): Promise<Need[]> {
  const names = await staffDisplayNames(
    db,
    rows.map((n) => n.created_by),
  );
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    description: n.description,
    attendanceId: n.attendance_id,
    name: n.name,
    targetId: n.target_id,
    createdAt: n.created_at,
    createdBy: names.get(n.created_by) ?? '',
  }));
}

export async function presentActivityDetail(
  db: Db,
  caller: Caller,
  id: string,
): Promise<ActivityDetail> {
  const v = (await repo.getActivity(db, id))!;
  const [partners, photos, items, needs, names] = await Promise.all([
    repo.findActivityPartners(db, [id]),
    filesOf(db, ACTIVITY_FILES, [id]),
    repo.findHandoutItems(db, id),
    repo.findNeeds(db, id).then((rows) => presentNeeds(db, rows)),
    unitNames(db, [v.community_id]),
  ]);
  return {
    ...presentActivity(v, partners, names),
    description: v.description,
    summary: v.summary,
    surveyId: v.survey_id,
    photos: (photos.get(id) ?? []).map((p) => ({ id: p.id, url: p.url, thumbUrl: p.thumbUrl })),
    handouts: items.map(presentHandoutItem),
    needs,
    createdBy: v.created_by,
    rights: rightsAt(caller, v),
  };
}

export async function listActivities(opts: Ctx & { query: ActivityQuery }) {
  const { db, caller, query } = opts;
  if (!hasRole(caller, ACTIVITY_READERS)) throw forbidden();
  const { rows, total } = await repo.findActivities(
    db,
    activityFilter(caller, query),
    pageOf(query),
  );
  const [partners, names] = await Promise.all([
    repo.findActivityPartners(
      db,
      rows.map((r) => r.id),
    ),
    unitNames(
      db,
      rows.map((r) => r.community_id),
    ),
  ]);
  return {
    items: rows.map((r) => presentActivity(r, partners, names)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export function activityFilter(caller: Caller, query: Omit<ActivityQuery, 'page' | 'pageSize'>) {
  return {
    area: areaClauses(caller),
    q: query.q,
    type: query.type,
    status: query.status,
    communityId: query.communityId,
    fromIso: query.from ? shanghaiDayStart(query.from) : undefined,
    toIso: query.to ? shanghaiDayEnd(query.to) : undefined,
  };
}

export async function getActivity(opts: Ctx & { id: string }): Promise<ActivityDetail> {
  await readableActivity(opts.db, opts.caller, opts.id);
  return presentActivityDetail(opts.db, opts.caller, opts.id);
}

function checkTimes(startAt: string, endAt: string): void {
  if (endAt < startAt) throw new AppError(400, 'ACTIVITY_TIME_ORDER', {}, { field: 'endAt' });
}

/** The partners named must be of the activity's street. */
async function checkPartners(db: Db, streetId: string, ids: string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const rows = await repo.getPartners(db, [...new Set(ids)]);
  if (rows.length !== new Set(ids).size || rows.some((p) => p.street_id !== streetId))
    throw new AppError(400, 'NOT_FOUND', {}, { field: 'partnerIds' });
}

export async function createActivity(
  opts: Ctx & { input: ActivityCreate },
): Promise<{ activity: ActivityDetail; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getActivity(db, input.id);
      if (existing) {
        const same =
          existing.created_by === caller.userId &&
          existing.community_id === input.communityId &&
          existing.title === input.title;
        if (!same) throw new AppError(409, 'ID_CONFLICT');
        return { activity: await presentActivityDetail(db, caller, existing.id), created: false };
      }
    }
    const unit = (await describeUnits(db, [input.communityId])).get(input.communityId);
    const streetId = unit && streetOfPath(unit.path);
    if (!unit || unit.kind !== 'community' || !streetId)
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'communityId' });
    const where = { street_id: streetId, community_id: input.communityId, org_path: unit.path };
    if (rolesAt(caller, where).length === 0)
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'communityId' });
    if (!rightsAt(caller, where).manage) throw forbidden();
    const startAt = new Date(input.startAt).toISOString();
    const endAt = new Date(input.endAt).toISOString();
    checkTimes(startAt, endAt);
    await checkPartners(db, streetId, input.partnerIds);
    await checkFeedbackSurvey(db, input.surveyId);
    const now = nowIso();
    const row = {
      id: input.id ?? newId(),
      ...where,
      title: input.title,
      type: input.type,
      status: 'planned' as const,
      start_at: startAt,
      end_at: endAt,
      place: input.place,
      capacity: input.capacity ?? null,
      checked_in: 0,
      description: input.description || null,
      summary: null,
      survey_id: input.surveyId || null,
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertActivity(db, row);
    await repo.replaceActivityPartners(db, row.id, streetId, input.partnerIds ?? []);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'activity.create',
      entity: 'activity',
      entityId: row.id,
      orgPath: row.org_path,
    });
    return { activity: await presentActivityDetail(db, caller, row.id), created: true };
  });
}

/** Edits an activity (its summary and photos too); a stale version answers 409 with the current one. */
export async function updateActivity(
  opts: Ctx & { id: string; input: ActivityUpdate },
): Promise<ActivityDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const a = await managedActivity(db, caller, opts.id);
    if (a.version !== input.version) throw stale(await presentActivityDetail(db, caller, a.id));
    const startAt = input.startAt ? new Date(input.startAt).toISOString() : a.start_at;
    const endAt = input.endAt ? new Date(input.endAt).toISOString() : a.end_at;
    checkTimes(startAt, endAt);
    if (input.capacity != null && input.capacity < Number(a.checked_in))
      throw new AppError(409, 'ACTIVITY_CAPACITY_BELOW_CHECKED_IN', {
        checkedIn: Number(a.checked_in),
      });
    await checkPartners(db, a.street_id, input.partnerIds);
    if (input.surveyId !== a.survey_id) await checkFeedbackSurvey(db, input.surveyId);
    const patch: Partial<ActivityRow> = { updated_at: nowIso(), start_at: startAt, end_at: endAt };
    if (input.title !== undefined) patch.title = input.title;
    if (input.type !== undefined) patch.type = input.type;
    if (input.place !== undefined) patch.place = input.place;
    if (input.capacity !== undefined) patch.capacity = input.capacity;
    if (input.description !== undefined) patch.description = input.description || null;
    if (input.summary !== undefined) patch.summary = input.summary || null;
    if (input.surveyId !== undefined) patch.survey_id = input.surveyId || null;
    const ok = await repo.updateActivity(db, a.id, input.version, patch);
    if (!ok) throw stale(await presentActivityDetail(db, caller, a.id));
    if (input.partnerIds)
      await repo.replaceActivityPartners(db, a.id, a.street_id, input.partnerIds);
    await attachFiles(db, caller, input.photoIds, ACTIVITY_FILES, a.id);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'activity.update',
      entity: 'activity',
      entityId: a.id,
      detail: Object.keys(input)
        .filter((k) => k !== 'version')
        .join(','),
      orgPath: a.org_path,
    });
    return presentActivityDetail(db, caller, a.id);
  });
}

export async function changeActivityStatus(
  opts: Ctx & { id: string; input: ActivityStatusChange },
): Promise<ActivityDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const a = await managedActivity(db, caller, opts.id);
    if (a.version !== input.version) throw stale(await presentActivityDetail(db, caller, a.id));
    if (!NEXT[a.status].includes(input.status)) throw new AppError(409, 'INVALID_TRANSITION');
    const ok = await repo.updateActivity(db, a.id, input.version, {
      status: input.status,
      updated_at: nowIso(),
    });
    if (!ok) throw stale(await presentActivityDetail(db, caller, a.id));
    await recordAudit(db, {
      actor: actorOf(caller),
      action: `activity.${input.status}`,
      entity: 'activity',
      entityId: a.id,
      detail: `${a.status} → ${input.status}`,
      orgPath: a.org_path,
    });
    return presentActivityDetail(db, caller, a.id);
  });
}

/** Photos of an activity are seen by whoever sees the activity. */
export async function activityFileAccess(db: Db, caller: Caller, id: string): Promise<boolean> {
  const a = await repo.getActivity(db, id);
  return !!a && rolesAt(caller, a).length > 0;
}

export const unitHasActivities = (db: Db, unitId: string): Promise<boolean> =>
  repo.unitHasActivities(db, unitId);

export { listPartners, createPartner, updatePartner } from './partners';
export { checkIn, listAttendance, registerWalkIn } from './attendance';
export { addHandoutItem, giveHandout, setHandoutPrepared } from './handouts';
export { recordNeed } from './needs';
export { recordFeedback } from './feedback';
export { exportActivities, exportAttendance } from './export';
