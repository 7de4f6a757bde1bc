import { resources as messages } from '../../../common/i18n';
import type { Role } from '../../../common/roles';
import {
  resourceCategories,
  type Referral,
  type ReferralCreate,
  type ReferralStatus,
  type ReferralTransition,
  type Resource,
  type ResourceCategory,
  type ResourceCreate,
  type ResourceQuery,
  type ResourceUpdate,
} from '../../../common/schemas/cases';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { ResourceRow } from '../../db/schema';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import { staffDisplayNames } from '../auth/staff-service';
import { idsOnPath, getOrgUnit } from '../org/service';
import * as repo from './resource-repo';
import { caseInScope, CASE_READERS, logStep, type Ctx } from './scope';
import { allowed } from './service';
import { canMoveReferral } from './stages';

const STATION_ROLES: readonly Role[] = ['socialWorker', 'stationSupervisor'];

/** The areas (street or district paths) of the caller's case roles. */
const areaPaths = (caller: Caller, roles: readonly Role[]): string[] =>
  caller.assignments.filter((a) => roles.includes(a.role) && a.area).map((a) => a.area!.path);

/** A street's resources and the district-wide ones above it are its staff's; admins see all below them. */
function canRead(caller: Caller, r: Pick<ResourceRow, 'org_path'>): boolean {
  return areaPaths(caller, CASE_READERS).some(
    (p) => p.startsWith(r.org_path) || r.org_path.startsWith(p),
  );
}

/** The station's staff keep their street's directory; a district admin any in the district, district-wide ones included. */
function canWrite(caller: Caller, r: Pick<ResourceRow, 'org_path'>): boolean {
  return caller.assignments.some(
    (a) =>
      a.area &&
      ((STATION_ROLES.includes(a.role) && a.area.kind === 'street' && a.area.path === r.org_path) ||
        (a.role === 'districtAdmin' && r.org_path.startsWith(a.area.path))),
  );
}

export function presentResource(r: ResourceRow): Resource {
  return {
    id: r.id,
    streetId: r.street_id,
    category: r.category as ResourceCategory,
    name: r.name,
    provider: r.provider,
    contact: r.contact,
    area: r.area,
    conditions: r.conditions,
    status: r.status,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function readableResource(db: Db, caller: Caller, id: string): Promise<ResourceRow> {
  const r = await repo.getResource(db, id);
  if (!r || !canRead(caller, r)) throw notFound();
  return r;
}

/** The categories whose label, in either language, contains the search text ("就业" finds 就业岗位). */
function categoriesMatching(q: string | undefined): string[] {
  const text = q?.trim().toLowerCase();
  if (!text) return [];
  return resourceCategories.filter((c) =>
    Object.values(messages).some((m) => m.cases.resourceCategories[c].toLowerCase().includes(text)),
  );
}

export async function listResources(opts: Ctx & { query: ResourceQuery }) {
  const { db, caller, query } = opts;
  if (!hasRole(caller, CASE_READERS)) throw forbidden();
  const areas = areaPaths(caller, CASE_READERS);
  // Every unit on the way down to the caller's area may own resources they see.
  const ownerPaths = [
    ...new Set(
      areas.flatMap((p) => idsOnPath(p).map((_, i, ids) => `/${ids.slice(0, i + 1).join('/')}/`)),
    ),
  ];
  const { rows, total } = await repo.findResources(
    db,
    {
      ownerPaths,
      underPaths: areaPaths(caller, ['districtAdmin', 'streetAdmin']),
      category: query.category,
      status: query.status,
      q: query.q,
      qCategories: categoriesMatching(query.q),
    },
    pageOf(query),
  );
  return { items: rows.map(presentResource), total, page: query.page, pageSize: query.pageSize };
}

export async function getResource(opts: Ctx & { id: string }): Promise<Resource> {
  return presentResource(await readableResource(opts.db, opts.caller, opts.id));
}

/** Where a new resource belongs: the caller's street, a named street, or (null) the whole district. */
async function ownerOf(
  db: Db,
  caller: Caller,
  streetId: string | null | undefined,
): Promise<{ streetId: string | null; path: string }> {
  if (streetId === null) {
    const district = caller.assignments.find((a) => a.role === 'districtAdmin' && a.area);
    if (!district) throw forbidden();
    return { streetId: null, path: district.area!.path };
  }
  if (streetId) {
    const unit = await getOrgUnit({ db, caller, id: streetId });
    if (unit.kind !== 'street') throw new AppError(404, 'NOT_FOUND', {}, { field: 'streetId' });
    return { streetId: unit.id, path: unit.path };
  }
  const streets = new Map(
    caller.assignments
      .filter((a) => STATION_ROLES.includes(a.role) && a.area?.kind === 'street')
      .map((a) => [a.area!.id, a.area!.path]),
  );
  if (streets.size !== 1) {
    if (!hasRole(caller, [...STATION_ROLES, 'districtAdmin'])) throw forbidden();
    throw new AppError(400, 'STREET_REQUIRED', {}, { field: 'streetId' });
  }
  const [[id, path]] = [...streets];
  return { streetId: id, path };
}

export async function createResource(
  opts: Ctx & { input: ResourceCreate },
): Promise<{ resource: Resource; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const id = input.id ?? newId();
    const existing = await repo.getResource(db, id);
    if (existing) {
      if (!canRead(caller, existing) || existing.name !== input.name)
        throw new AppError(409, 'ID_CONFLICT');
      return { resource: presentResource(existing), created: false };
    }
    const owner = await ownerOf(db, caller, input.streetId);
    if (!canWrite(caller, { org_path: owner.path })) throw forbidden();
    const now = nowIso();
    const row: ResourceRow = {
      id,
      street_id: owner.streetId,
      org_path: owner.path,
      category: input.category,
      name: input.name,
      provider: input.provider,
      contact: input.contact ?? null,
      area: input.area ?? null,
      conditions: input.conditions ?? null,
      status: 'active',
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertResource(db, row);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'resource.create',
      entity: 'resource',
      entityId: id,
      detail: input.name,
      orgPath: owner.path,
    });
    return { resource: presentResource(row), created: true };
  });
}

/** Edits a resource or retires it (kept, as referrals name it; a retired one takes no new referrals). */
export async function updateResource(
  opts: Ctx & { id: string; input: ResourceUpdate },
): Promise<Resource> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const r = await readableResource(db, caller, opts.id);
    if (!canWrite(caller, r)) throw forbidden();
    if (r.version !== input.version) throw stale(presentResource(r));
    // The form's fields are the columns' names; only those sent change.
    const { version, ...fields } = input;
    const patch: Partial<Pick<ResourceRow, keyof typeof fields>> = {};
    for (const k of Object.keys(fields) as (keyof typeof fields)[])
      if (fields[k] !== undefined) Object.assign(patch, { [k]: fields[k] });
    const changedFields = (Object.keys(patch) as (keyof typeof patch)[]).filter(
      (k) => patch[k] !== r[k],
    );
    const ok = await repo.updateResource(db, r.id, version, { ...patch, updated_at: nowIso() });
    if (!ok) throw stale(presentResource((await repo.getResource(db, r.id))!));
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'resource.update',
      entity: 'resource',
      entityId: r.id,
      changedFields,
      orgPath: r.org_path,
    });
    return presentResource((await repo.getResource(db, r.id))!);
  });
}

/** Referrals as the case shows them, each with who asked for it. */
async function presentReferrals(db: Db, views: repo.ReferralView[]): Promise<Referral[]> {
  const names = await staffDisplayNames(
    db,
    views.map((v) => v.requested_by),
  );
  return views.map((v) => presentReferral(v, names));
}

function presentReferral(v: repo.ReferralView, names: Map<string, string>): Referral {
  return {
    id: v.id,
    caseId: v.case_id,
    resource: {
      id: v.resource_id,
      name: v.resource_name,
      category: v.resource_category as ResourceCategory,
      provider: v.resource_provider,
    },
    status: v.status,
    note: v.note,
    outcome: v.outcome,
    requestedBy: { id: v.requested_by, displayName: names.get(v.requested_by) ?? '' },
    requestedAt: v.requested_at,
    acceptedAt: v.accepted_at,
    endedAt: v.ended_at,
    version: v.version,
    updatedAt: v.updated_at,
  };
}

const referralView = async (db: Db, id: string) =>
  (await presentReferrals(db, await repo.findReferrals(db, { id })))[0];

export async function listReferrals(opts: Ctx & { caseId: string }): Promise<Referral[]> {
  await caseInScope(opts.db, opts.caller, opts.caseId, 'read');
  return presentReferrals(opts.db, await repo.findReferrals(opts.db, { caseId: opts.caseId }));
}

/** Links the client to a resource of the case's street or district (链接资源). */
export async function createReferral(
  opts: Ctx & { caseId: string; input: ReferralCreate },
): Promise<{ referral: Referral; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const c = await caseInScope(db, caller, opts.caseId, 'write');
    const id = input.id ?? newId();
    const existing = await repo.getReferral(db, id);
    if (existing) {
      if (existing.case_id !== c.id || existing.resource_id !== input.resourceId)
        throw new AppError(409, 'ID_CONFLICT');
      return { referral: await referralView(db, id), created: false };
    }
    await allowed(db, c, { type: 'work' });
    const resource = await repo.getResource(db, input.resourceId);
    if (!resource || !canRead(caller, resource) || !c.org_path.startsWith(resource.org_path))
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'resourceId' });
    if (resource.status !== 'active')
      throw new AppError(409, 'RESOURCE_RETIRED', {}, { field: 'resourceId' });
    const now = nowIso();
    await repo.insertReferral(db, {
      id,
      case_id: c.id,
      resource_id: resource.id,
      street_id: c.street_id,
      status: 'requested',
      note: input.note ?? null,
      outcome: null,
      requested_by: caller.userId,
      requested_at: now,
      accepted_at: null,
      ended_at: null,
      version: 1,
      updated_at: now,
    });
    await logStep(db, caller, c, {
      action: 'referral.requested',
      note: resource.name,
      detail: resource.id,
    });
    return { referral: await referralView(db, id), created: true };
  });
}

/**
 * Moves a referral on: accepted by the resource, then completed with an outcome, or declined. The
 * outcome may come after the case closed, so this needs the case's worker, not an open case.
 */
export async function moveReferral(
  opts: Ctx & { id: string; input: ReferralTransition },
): Promise<Referral> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const ref = await repo.getReferral(db, opts.id);
    if (!ref) throw notFound();
    const c = await caseInScope(db, caller, ref.case_id, 'write');
    if (ref.version !== input.version) throw stale(await referralView(db, ref.id));
    const to: ReferralStatus = input.status;
    if (!canMoveReferral(ref.status, to))
      throw new AppError(409, 'INVALID_TRANSITION', {}, { field: 'status' });
    const now = nowIso();
    const ok = await repo.updateReferral(db, ref.id, input.version, {
      status: to,
      outcome: to === 'accepted' ? ref.outcome : (input.outcome ?? null),
      accepted_at: to === 'accepted' ? now : ref.accepted_at,
      ended_at: to === 'accepted' ? null : now,
      updated_at: now,
    });
    if (!ok) throw stale(await referralView(db, ref.id));
    const view = await referralView(db, ref.id);
    await logStep(db, caller, c, {
      action: `referral.${to}`,
      note: input.outcome ? `${view.resource.name}：${input.outcome}` : view.resource.name,
      detail: ref.id,
      changedFields: ['status'],
    });
    return view;
  });
}
