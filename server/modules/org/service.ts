import { allowedParentKinds, codeDigits, type OrgUnitKind } from '../../../common/roles';
import type {
  OrgTreeNode,
  OrgUnit,
  OrgUnitCreate,
  OrgUnitMove,
  OrgUnitUpdate,
} from '../../../common/schemas/org';
import type { Db } from '../../db';
import type { AreaClause } from '../../db/area';
import type { OrgUnitRow } from '../../db/schema';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { covers, scopePaths, type Caller } from '../../lib/caller';
import * as repo from './repo';
import { idsOnPath, presentOrgUnit } from './units';

export {
  findOrgUnits,
  idsOnPath,
  presentOrgUnit,
  reachOfUnit,
  unitColumns,
  unitIdsUnder,
  unitNames,
  unitReach,
} from './units';

/** Roles that may change the org tree, within their scope. */
const ORG_WRITERS = ['districtAdmin', 'streetAdmin'] as const;

/** Under a street its station comes first, then communities, then departments. */
const KIND_ORDER = ['district', 'street', 'station', 'community', 'grid', 'department'];

/** Another module's check whether a unit still has records; a unit with any cannot be deleted. */
export type UnitUsageCheck = (db: Db, unitId: string) => Promise<boolean>;
const usageChecks: UnitUsageCheck[] = [];
export function registerUnitUsageCheck(check: UnitUsageCheck): void {
  usageChecks.push(check);
}

/** The units a caller may look at: their own subtrees, and the area they serve (a station's street). */
function readRoots(caller: Caller): string[] {
  const roots = [
    ...scopePaths(caller),
    ...caller.assignments.flatMap((a) => (a.area ? [a.area.path] : [])),
  ];
  return roots.filter(
    (p, i) => !roots.some((q, j) => (q !== p && p.startsWith(q)) || (q === p && j < i)),
  );
}

async function readUnit(db: Db, caller: Caller, id: string): Promise<OrgUnitRow> {
  const unit = await repo.getOrgUnit(db, id);
  // Out of scope looks the same as missing: nobody learns what lies outside their subtree.
  if (!unit || !readRoots(caller).some((root) => unit.path.startsWith(root))) throw notFound();
  return unit;
}

async function writableUnit(db: Db, caller: Caller, id: string): Promise<OrgUnitRow> {
  const unit = await readUnit(db, caller, id);
  if (!covers(caller, unit.path, ORG_WRITERS)) throw forbidden();
  return unit;
}

function checkParentKind(kind: OrgUnitKind, parent: OrgUnitRow): void {
  if (!allowedParentKinds[kind].includes(parent.kind as OrgUnitKind)) {
    throw new AppError(
      400,
      'PARENT_KIND_NOT_ALLOWED',
      { kind, parentKind: parent.kind },
      { field: 'parentId' },
    );
  }
}

/** A coded kind's code is its parent's code and three more digits; when none is given, the next free one. */
async function codeFor(
  db: Db,
  kind: OrgUnitKind,
  parent: OrgUnitRow,
  wanted: string | undefined,
  selfId?: string,
): Promise<string | null> {
  const digits = codeDigits[kind];
  if (!digits) return wanted ?? null;
  if (!parent.code) return wanted ?? null;
  if (wanted !== undefined) {
    if (wanted.length !== digits || !wanted.startsWith(parent.code) || !/^\d+$/.test(wanted)) {
      throw new AppError(400, 'CODE_INVALID', { digits }, { field: 'code' });
    }
    const holder = await repo.findOrgUnitByCode(db, wanted);
    if (holder && holder.id !== selfId)
      throw new AppError(409, 'CODE_TAKEN', {}, { field: 'code' });
    return wanted;
  }
  const taken = new Set(await repo.findChildCodes(db, parent.id));
  for (let n = 1; n < 1000; n++) {
    const code = parent.code + String(n).padStart(3, '0');
    if (!taken.has(code) && !(await repo.findOrgUnitByCode(db, code))) return code;
  }
  throw new AppError(409, 'CODE_TAKEN', {}, { field: 'code' });
}

async function checkOneStation(db: Db, kind: OrgUnitKind, parent: OrgUnitRow, selfId?: string) {
  if (kind !== 'station') return;
  const existing = await repo.findActiveStation(db, parent.id);
  if (existing && existing.id !== selfId) throw new AppError(409, 'STATION_EXISTS');
}

const streetOf = (kind: OrgUnitKind, id: string, parent: OrgUnitRow): string | null =>
  kind === 'street' ? id : parent.street_id;

export async function getOrgTree(opts: {
  db: Db;
  caller: Caller;
  includeRetired: boolean;
}): Promise<OrgTreeNode[]> {
  const roots = readRoots(opts.caller);
  const units = await repo.findOrgUnitsUnder(opts.db, roots, opts.includeRetired);
  // The units above a scope root are shown as the way down to it (a grid worker sees 平城区 › 新旺街道 › …).
  const have = new Set(units.map((u) => u.id));
  const above = [...new Set(roots.flatMap(idsOnPath))].filter((id) => !have.has(id));
  const all = [...(await repo.getOrgUnits(opts.db, above)), ...units];
  const nodes = new Map(
    all.map((u) => [u.id, { ...presentOrgUnit(u), children: [] as OrgTreeNode[] }]),
  );
  const tree: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else tree.push(node);
  }
  const order = (a: OrgTreeNode, b: OrgTreeNode) =>
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (a.code ?? '').localeCompare(b.code ?? '') ||
    a.name.localeCompare(b.name, 'zh-CN');
  const sortDeep = (list: OrgTreeNode[]) => {
    list.sort(order);
    list.forEach((n) => sortDeep(n.children));
  };
  sortDeep(tree);
  return tree;
}

export async function getOrgUnit(opts: { db: Db; caller: Caller; id: string }): Promise<OrgUnit> {
  return presentOrgUnit(await readUnit(opts.db, opts.caller, opts.id));
}

export async function createOrgUnit(opts: {
  db: Db;
  caller: Caller;
  input: OrgUnitCreate;
}): Promise<{ unit: OrgUnit; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const id = input.id ?? newId();
    const parent = await writableUnit(db, caller, input.parentId);
    const existing = await repo.getOrgUnit(db, id);
    if (existing) {
      // An offline client resending its create gets the stored record, not a duplicate.
      const same =
        existing.parent_id === input.parentId &&
        existing.kind === input.kind &&
        existing.name === input.name &&
        (input.code === undefined || existing.code === input.code);
      if (!same || !covers(caller, existing.path)) throw new AppError(409, 'ID_CONFLICT');
      return { unit: presentOrgUnit(existing), created: false };
    }
    if (parent.status !== 'active')
      throw new AppError(409, 'PARENT_RETIRED', {}, { field: 'parentId' });
    checkParentKind(input.kind, parent);
    await checkOneStation(db, input.kind, parent);
    const now = nowIso();
    const row = {
      id,
      parent_id: parent.id,
      kind: input.kind,
      name: input.name,
      code: await codeFor(db, input.kind, parent, input.code),
      path: `${parent.path}${id}/`,
      street_id: streetOf(input.kind, id, parent),
      status: 'active' as const,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertOrgUnit(db, row);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'orgUnit.create',
      entity: 'orgUnit',
      entityId: id,
      changedFields: ['kind', 'name', 'code', 'parentId'],
      orgPath: row.path,
    });
    return { unit: presentOrgUnit(row), created: true };
  });
}

async function saveVersioned(
  db: Db,
  unit: OrgUnitRow,
  version: number,
  patch: Parameters<typeof repo.updateOrgUnit>[3],
) {
  if (unit.version !== version || !(await repo.updateOrgUnit(db, unit.id, version, patch))) {
    throw stale(presentOrgUnit((await repo.getOrgUnit(db, unit.id)) ?? unit));
  }
}

export async function updateOrgUnit(opts: {
  db: Db;
  caller: Caller;
  id: string;
  input: OrgUnitUpdate;
}): Promise<OrgUnit> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const unit = await writableUnit(db, caller, opts.id);
    if (unit.version !== input.version) throw stale(presentOrgUnit(unit));
    const changed: string[] = [];
    const now = nowIso();
    let code = unit.code;
    if (input.code !== undefined && input.code !== unit.code) {
      const parent = unit.parent_id ? await repo.getOrgUnit(db, unit.parent_id) : undefined;
      code = parent
        ? await codeFor(db, unit.kind as OrgUnitKind, parent, input.code, unit.id)
        : input.code;
      changed.push('code');
    }
    if (input.name !== undefined && input.name !== unit.name) changed.push('name');
    await saveVersioned(db, unit, input.version, {
      name: input.name ?? unit.name,
      code,
      updated_at: now,
    });
    if (code !== unit.code && unit.code && code)
      await repo.rewriteSubtreeCodes(db, unit.path, unit.code, code, now);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'orgUnit.update',
      entity: 'orgUnit',
      entityId: unit.id,
      changedFields: changed,
      orgPath: unit.path,
    });
    return presentOrgUnit((await repo.getOrgUnit(db, unit.id))!);
  });
}

export async function moveOrgUnit(opts: {
  db: Db;
  caller: Caller;
  id: string;
  input: OrgUnitMove;
}): Promise<OrgUnit> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const unit = await writableUnit(db, caller, opts.id);
    if (unit.version !== input.version) throw stale(presentOrgUnit(unit));
    const parent = await writableUnit(db, caller, input.parentId);
    if (parent.path.startsWith(unit.path))
      throw new AppError(400, 'MOVE_INTO_OWN_SUBTREE', {}, { field: 'parentId' });
    if (parent.status !== 'active')
      throw new AppError(409, 'PARENT_RETIRED', {}, { field: 'parentId' });
    const kind = unit.kind as OrgUnitKind;
    checkParentKind(kind, parent);
    await checkOneStation(db, kind, parent, unit.id);
    const now = nowIso();
    // A moved grid keeps its own three digits under the new community when they are free.
    const keep =
      unit.code && codeDigits[kind] && parent.code ? parent.code + unit.code.slice(-3) : undefined;
    const keepFree = keep ? !(await repo.findOrgUnitByCode(db, keep)) || keep === unit.code : false;
    const code = codeDigits[kind]
      ? await codeFor(db, kind, parent, keepFree ? keep : undefined, unit.id)
      : unit.code;
    const newPath = `${parent.path}${unit.id}/`;
    await saveVersioned(db, unit, input.version, { parent_id: parent.id, code, updated_at: now });
    await repo.rewriteSubtreePaths(db, unit.path, newPath, streetOf(kind, unit.id, parent), now);
    if (unit.code && code && code !== unit.code)
      await repo.rewriteSubtreeCodes(db, newPath, unit.code, code, now);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'orgUnit.move',
      entity: 'orgUnit',
      entityId: unit.id,
      changedFields: code !== unit.code ? ['parentId', 'code'] : ['parentId'],
      detail: `${unit.parent_id ?? ''} → ${parent.id}`,
      orgPath: newPath,
    });
    return presentOrgUnit((await repo.getOrgUnit(db, unit.id))!);
  });
}

export async function setOrgUnitStatus(opts: {
  db: Db;
  caller: Caller;
  id: string;
  version: number;
  status: 'active' | 'retired';
}): Promise<OrgUnit> {
  const { caller } = opts;
  return opts.db.transaction().execute(async (db) => {
    const unit = await writableUnit(db, caller, opts.id);
    if (unit.version !== opts.version) throw stale(presentOrgUnit(unit));
    if (opts.status === 'retired') {
      if (!unit.parent_id) throw forbidden();
      const live = (await repo.findChildren(db, unit.id)).some((c) => c.status === 'active');
      if (live) throw new AppError(409, 'UNIT_HAS_LIVE_CHILDREN');
    } else {
      const parent = unit.parent_id ? await repo.getOrgUnit(db, unit.parent_id) : undefined;
      if (parent && parent.status !== 'active') throw new AppError(409, 'PARENT_RETIRED');
      if (parent) await checkOneStation(db, unit.kind as OrgUnitKind, parent, unit.id);
    }
    await saveVersioned(db, unit, opts.version, { status: opts.status, updated_at: nowIso() });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: opts.status === 'retired' ? 'orgUnit.retire' : 'orgUnit.restore',
      entity: 'orgUnit',
      entityId: unit.id,
      changedFields: ['status'],
      orgPath: unit.path,
    });
    return presentOrgUnit((await repo.getOrgUnit(db, unit.id))!);
  });
}

export async function deleteOrgUnit(opts: {
  db: Db;
  caller: Caller;
  id: string;
  version: number;
}): Promise<void> {
  const { caller } = opts;
  await opts.db.transaction().execute(async (db) => {
    const unit = await writableUnit(db, caller, opts.id);
    if (unit.version !== opts.version) throw stale(presentOrgUnit(unit));
    if (!unit.parent_id) throw forbidden();
    const hasChildren = (await repo.findChildren(db, unit.id)).length > 0;
    let inUse = hasChildren;
    for (const check of usageChecks) if (!inUse) inUse = await check(db, unit.id);
    if (inUse) throw new AppError(409, 'UNIT_IN_USE');
    await repo.deleteOrgUnit(db, unit.id);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'orgUnit.delete',
      entity: 'orgUnit',
      entityId: unit.id,
      detail: unit.name,
      orgPath: unit.path,
    });
  });
}

/** Name, kind, path and the names from the top down, for showing where a role assignment sits. */
export async function describeUnits(
  db: Db,
  ids: string[],
): Promise<Map<string, { name: string; kind: OrgUnitKind; path: string; trail: string[] }>> {
  const units = await repo.getOrgUnits(db, [...new Set(ids)]);
  const aboveIds = [...new Set(units.flatMap((u) => idsOnPath(u.path)))];
  const names = new Map((await repo.getOrgUnits(db, aboveIds)).map((u) => [u.id, u.name]));
  return new Map(
    units.map((u) => [
      u.id,
      {
        name: u.name,
        kind: u.kind as OrgUnitKind,
        path: u.path,
        trail: idsOnPath(u.path).map((i) => names.get(i) ?? ''),
      },
    ]),
  );
}

/**
 * The departments that may work at a place on this path: those of its district and of its street
 * (市场监督管理局 is the district's, 综合行政执法队 the street's).
 */
export async function departmentsAbove(db: Db, path: string): Promise<OrgUnit[]> {
  return (await repo.findDepartmentsUnder(db, idsOnPath(path))).map(presentOrgUnit);
}

/** The live social work station of a street, if it has one. */
export async function activeStationOf(
  db: Db,
  streetId: string,
): Promise<{ id: string; name: string; path: string } | undefined> {
  const station = await repo.findActiveStation(db, streetId);
  return station && { id: station.id, name: station.name, path: station.path };
}

/** Live streets by id or exact name (a name may be shared across districts). */
export async function findStreets(
  db: Db,
  nameOrId: string,
): Promise<{ id: string; name: string; path: string }[]> {
  return (await repo.findLiveStreets(db, nameOrId)).map((s) => ({
    id: s.id,
    name: s.name,
    path: s.path,
  }));
}

/** A unit by id with no scope check, for a module that places its own record under it. */
export async function findOrgUnit(db: Db, id: string): Promise<OrgUnit | undefined> {
  const row = await repo.getOrgUnit(db, id);
  return row && presentOrgUnit(row);
}

export async function liveStreetsAndCommunities(db: Db): Promise<OrgUnit[]> {
  return (await repo.findLiveStreetsAndCommunities(db)).map(presentOrgUnit);
}

/** Creates the top of a new tree; only the command line does this (create-admin, seed-demo). */
export async function createDistrict(
  db: Db,
  input: { id?: string; name: string; code: string },
): Promise<OrgUnit> {
  const id = input.id ?? newId();
  const now = nowIso();
  const row = {
    id,
    parent_id: null,
    kind: 'district',
    name: input.name,
    code: input.code,
    path: `/${id}/`,
    street_id: null,
    status: 'active' as const,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await repo.insertOrgUnit(db, row);
  return presentOrgUnit(row);
}

export async function findDistricts(db: Db): Promise<OrgUnit[]> {
  return (await repo.findRoots(db)).map(presentOrgUnit);
}

export interface GridPlacement {
  gridId: string;
  gridName: string;
  communityId: string;
  communityName: string;
  streetId: string;
  path: string;
}

/** Where a household at this grid sits; undefined when the id is not a live grid. */
export async function findGridPlacement(
  db: Db,
  gridId: string,
): Promise<GridPlacement | undefined> {
  const grid = await repo.getOrgUnit(db, gridId);
  if (
    !grid ||
    grid.kind !== 'grid' ||
    grid.status !== 'active' ||
    !grid.parent_id ||
    !grid.street_id
  )
    return undefined;
  const community = await repo.getOrgUnit(db, grid.parent_id);
  if (!community) return undefined;
  return {
    gridId: grid.id,
    gridName: grid.name,
    communityId: community.id,
    communityName: community.name,
    streetId: grid.street_id,
    path: grid.path,
  };
}

/** Grid placements of many grids at once, for presenting lists. */
export async function describeGrids(
  db: Db,
  gridIds: string[],
): Promise<Map<string, { gridName: string; communityName: string }>> {
  const grids = await repo.getOrgUnits(db, [...new Set(gridIds)]);
  const communities = new Map(
    (await repo.getOrgUnits(db, [...new Set(grids.map((g) => g.parent_id!).filter(Boolean))])).map(
      (c) => [c.id, c.name],
    ),
  );
  return new Map(
    grids.map((g) => [
      g.id,
      { gridName: g.name, communityName: communities.get(g.parent_id ?? '') ?? '' },
    ]),
  );
}

/** A live grid or community by name within a street, for imports that name places in words. */
export async function findUnitByName(
  db: Db,
  kind: 'community' | 'grid',
  name: string,
  parentId?: string,
): Promise<OrgUnit | undefined> {
  const row = await repo.findByKindAndName(db, kind, name, parentId);
  return row ? presentOrgUnit(row) : undefined;
}

/**
 * Turns the district-wide clauses of an area into what an index can drive: nothing at all when the
 * district is the only one (its rows are every row), else its streets' ids, instead of a prefix
 * match on org_path that walks the district's whole path range with a row lookup each. Read on each
 * call (a few dozen rows by index) so a unit added or moved counts at once.
 */
export async function resolveDistrictAreas(db: Db, area: AreaClause[]): Promise<AreaClause[]> {
  const districts = area.flatMap((a) =>
    a.column === 'org_path' && idsOnPath(a.prefix).length === 1 ? [idsOnPath(a.prefix)[0]] : [],
  );
  if (districts.length === 0) return area;
  const units = await repo.findRootsAndChildren(db, districts);
  if (units.filter((u) => u.parent_id === null).every((u) => districts.includes(u.id)))
    return [{ column: 'all' }];
  const streets = units.filter(
    (u) => u.kind === 'street' && u.parent_id !== null && districts.includes(u.parent_id),
  );
  return [
    ...area.filter((a) => !(a.column === 'org_path' && idsOnPath(a.prefix).length === 1)),
    ...streets.map((s) => ({ column: 'street_id' as const, id: s.id })),
  ];
}
