import { maskPhone } from '../../../common/people';
import type { Place, PlaceCreate, PlaceQuery, PlaceUpdate } from '../../../common/schemas/places';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { PlaceRow } from '../../db/schema';
import { AppError, forbidden, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import {
  describeGrids,
  findGridPlacement,
  resolveDistrictAreas,
  type GridPlacement,
} from '../org/service';
import { providePlaceFacts } from '../issues/service';
import * as inspections from './inspection-repo';
import * as repo from './repo';
import type { PlannedPlace } from './register-import';
import { placeKey } from './register-parse';
import { canReadArea, canWriteArea, placeInScope, PLACE_WRITERS, reachOf } from './scope';

// The register import's steps, for the imports module (it runs them as a job).
export {
  placeFixedInScope,
  planPlaceImport,
  presentPlaceProblems,
  type FixedArea,
  type PlacePlan,
  type PlannedPlace,
} from './register-import';
export type { ParsedPlace, PlaceProblem } from './register-parse';
export { PLACE_WRITERS } from './scope';

// The issues module asks where a place lies (an issue reported at it), and whether an issue's notice
// is open: such an issue is closed through the notice's re-inspection, not a plain verify.
providePlaceFacts({
  locate: (db, placeId) => findPlaceLocation(db, placeId),
  hasOpenNotice: inspections.hasOpenNoticeOfIssue,
});

export interface Ctx {
  db: Db;
  caller: Caller;
}

// ——— for the other modules (issues, patrols): plain reads, their callers check scope ———

/** The grid and name of a place, for an issue or a patrol finding that names it. */
export async function findPlaceLocation(
  db: Db,
  placeId: string,
): Promise<{ gridId: string; name: string } | undefined> {
  const p = await repo.getPlace(db, placeId);
  return p ? { gridId: p.grid_id, name: p.name } : undefined;
}

/** The open places of a grid, for a patrol's sweep of it. */
export async function listPlacesOfGrid(
  db: Db,
  gridId: string,
): Promise<{ id: string; name: string; category: string }[]> {
  return repo.findPlacesOfGrid(db, gridId);
}

/** A grid or community with places cannot be deleted (the org module asks). */
export const unitHasPlaces = (db: Db, unitId: string): Promise<boolean> =>
  repo.unitHasPlaces(db, unitId);

// ——— presenting ———

type Names = Map<string, { gridName: string; communityName: string }>;

/** A place as the caller sees it: the phone masked in lists, whole on the place's own page. */
export function presentPlace(p: PlaceRow, names: Names, opts: { maskPhone: boolean }): Place {
  const n = names.get(p.grid_id);
  return {
    id: p.id,
    name: p.name,
    category: p.category as Place['category'],
    status: p.status,
    streetId: p.street_id,
    communityId: p.community_id,
    communityName: n?.communityName ?? '',
    gridId: p.grid_id,
    gridName: n?.gridName ?? '',
    address: p.address,
    licenceNo: p.licence_no,
    personInCharge: p.person_in_charge,
    phone: p.phone && opts.maskPhone ? maskPhone(p.phone) : p.phone,
    phoneMasked: p.phone !== null && opts.maskPhone,
    lat: p.lat,
    lng: p.lng,
    version: p.version,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export async function presentPlaces(db: Db, rows: PlaceRow[], mask: boolean): Promise<Place[]> {
  const names = await describeGrids(
    db,
    rows.map((r) => r.grid_id),
  );
  return rows.map((r) => presentPlace(r, names, { maskPhone: mask }));
}

// ——— reading ———

/** The caller's reach with a district's area as its streets (or everything), which an index drives. */
async function indexedReach(db: Db, caller: Caller) {
  const reach = reachOf(caller);
  return { ...reach, area: await resolveDistrictAreas(db, reach.area) };
}

export async function searchPlaces(opts: Ctx & { query: PlaceQuery }) {
  const { db, caller, query } = opts;
  const { page, pageSize } = query;
  const { rows, total } = await repo.findPlaces(
    db,
    {
      reach: await indexedReach(db, caller),
      q: query.q,
      category: query.category,
      communityId: query.communityId,
      gridId: query.gridId,
      status: query.status,
    },
    pageOf(query),
  );
  return { items: await presentPlaces(db, rows, true), total, page, pageSize };
}

/** A place the caller may read, as a row, for the other files of this module. */
export async function readablePlace(db: Db, caller: Caller, id: string): Promise<PlaceRow> {
  return placeInScope(db, caller, await repo.getPlace(db, id), false);
}

export async function getPlace(opts: Ctx & { id: string }): Promise<Place> {
  const p = await readablePlace(opts.db, opts.caller, opts.id);
  return (await presentPlaces(opts.db, [p], false))[0];
}

// ——— writing ———

async function placementFor(db: Db, caller: Caller, gridId: string): Promise<GridPlacement> {
  const g = await findGridPlacement(db, gridId);
  if (!g) throw new AppError(400, 'NOT_FOUND', {}, { field: 'gridId' });
  const at = {
    street_id: g.streetId,
    community_id: g.communityId,
    grid_id: g.gridId,
    org_path: g.path,
  };
  // A grid the caller cannot even read is as good as missing; one they only read is not theirs to fill.
  if (!canReadArea(caller, at)) throw new AppError(400, 'NOT_FOUND', {}, { field: 'gridId' });
  if (!canWriteArea(caller, at)) throw forbidden();
  return g;
}

async function checkLicence(db: Db, licence: string | null | undefined, selfId?: string) {
  if (!licence) return;
  const holder = await repo.findPlaceByLicence(db, licence);
  if (holder && holder.id !== selfId)
    throw new AppError(409, 'LICENCE_TAKEN', {}, { field: 'licenceNo' });
}

/** A new place's row, in a grid already checked for the caller. */
function newPlaceRow(caller: Caller, g: GridPlacement, input: PlaceCreate, now: string): PlaceRow {
  return {
    id: input.id ?? newId(),
    street_id: g.streetId,
    community_id: g.communityId,
    grid_id: g.gridId,
    org_path: g.path,
    name: input.name,
    category: input.category,
    address: input.address,
    licence_no: input.licenceNo || null,
    person_in_charge: input.personInCharge || null,
    phone: input.phone || null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    status: 'active',
    created_by: caller.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Registers a place inside the caller's transaction, checked against the caller's area and the
 * register (the form).
 */
export async function insertPlaceWith(
  db: Db,
  caller: Caller,
  input: PlaceCreate,
  source: { type: 'manual' | 'import'; id?: string },
): Promise<PlaceRow> {
  if (!hasRole(caller, PLACE_WRITERS)) throw forbidden();
  const g = await placementFor(db, caller, input.gridId);
  await checkLicence(db, input.licenceNo);
  const row = newPlaceRow(caller, g, input, nowIso());
  await repo.insertPlace(db, row);
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'place.create',
    entity: 'place',
    entityId: row.id,
    orgPath: row.org_path,
    detail: source.id ? `${source.type}:${source.id}` : source.type,
  });
  return row;
}

/**
 * Registers one chunk of a register import (the imports module's commit) inside its transaction:
 * each grid checked once against the caller's area, the rows written together. A place registered
 * since the file was checked (by the form, or another import) is left out rather than doubled.
 * The import is audited once as a whole by its caller. Answers how many places were registered.
 */
export async function registerImportedPlaces(
  db: Db,
  caller: Caller,
  planned: readonly PlannedPlace[],
): Promise<number> {
  if (!hasRole(caller, PLACE_WRITERS)) throw forbidden();
  const placements = new Map<string, GridPlacement>();
  for (const gridId of new Set(planned.map((p) => p.place.gridId)))
    placements.set(gridId, await placementFor(db, caller, gridId));
  const taken = await repo.findTakenLicences(
    db,
    planned.flatMap((p) => (p.place.licenceNo ? [p.place.licenceNo] : [])),
  );
  const stored = new Set(
    (await repo.findPlaceNames(db, [...placements.keys()])).map((s) =>
      placeKey({ gridId: s.grid_id, name: s.name, address: s.address }),
    ),
  );
  const now = nowIso();
  const rows = planned
    .filter(
      ({ place }) =>
        !(place.licenceNo && taken.has(place.licenceNo)) && !stored.has(placeKey(place)),
    )
    .map(({ place }) => newPlaceRow(caller, placements.get(place.gridId)!, place, now));
  await repo.insertPlaces(db, rows);
  return rows.length;
}

export async function createPlace(
  opts: Ctx & { input: PlaceCreate },
): Promise<{ place: Place; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const existing = input.id ? await repo.getPlace(db, input.id) : undefined;
    if (existing) {
      // An offline client resending its create gets the stored place, not a duplicate.
      await placeInScope(db, caller, existing, false);
      if (existing.grid_id !== input.gridId || existing.name !== input.name)
        throw new AppError(409, 'ID_CONFLICT');
      return { place: (await presentPlaces(db, [existing], false))[0], created: false };
    }
    const row = await insertPlaceWith(db, caller, input, { type: 'manual' });
    return { place: (await presentPlaces(db, [row], false))[0], created: true };
  });
}

const FIELD_COLUMNS = {
  name: 'name',
  category: 'category',
  address: 'address',
  licenceNo: 'licence_no',
  personInCharge: 'person_in_charge',
  phone: 'phone',
  lat: 'lat',
  lng: 'lng',
  status: 'status',
} as const;

export async function updatePlace(opts: Ctx & { id: string; input: PlaceUpdate }): Promise<Place> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const p = await placeInScope(db, caller, await repo.getPlace(db, opts.id), true);
    const current = async () =>
      (await presentPlaces(db, [(await repo.getPlace(db, p.id))!], false))[0];
    if (p.version !== input.version) throw stale(await current());
    const patch: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
      const v = input[field as keyof typeof FIELD_COLUMNS];
      if (v === undefined) continue;
      const next = v === '' ? null : v;
      if (next !== p[column]) {
        patch[column] = next;
        changed.push(field);
      }
    }
    if (input.gridId !== undefined && input.gridId !== p.grid_id) {
      const g = await placementFor(db, caller, input.gridId);
      Object.assign(patch, {
        street_id: g.streetId,
        community_id: g.communityId,
        grid_id: g.gridId,
        org_path: g.path,
      });
      changed.push('gridId');
    }
    if (changed.includes('licenceNo')) await checkLicence(db, input.licenceNo, p.id);
    if (!(await repo.updatePlace(db, p.id, input.version, { ...patch, updated_at: nowIso() })))
      throw stale(await current());
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'place.update',
      entity: 'place',
      entityId: p.id,
      changedFields: changed,
      orgPath: (patch.org_path as string | undefined) ?? p.org_path,
    });
    return current();
  });
}

/** The places a search finds, for the register export (the caller's reach, no paging). */
export async function placesForExport(opts: Ctx & { query: PlaceQuery; cap: number }) {
  const { db, caller, query } = opts;
  const { rows, total } = await repo.findPlaces(
    db,
    {
      reach: reachOf(caller),
      q: query.q,
      category: query.category,
      communityId: query.communityId,
      gridId: query.gridId,
      status: query.status,
    },
    { limit: opts.cap, offset: 0 },
  );
  return { rows, total };
}
