import { interpolate, resources, type Locale } from '../../../common/i18n';
import { placeColumns, type PlaceColumnKey } from '../../../common/place-register';
import type { ImportProblem } from '../../../common/schemas/imports';
import type { OrgTreeNode } from '../../../common/schemas/org';
import type { PlaceCreate } from '../../../common/schemas/places';
import type { Db } from '../../db';
import { newId } from '../../lib/ids';
import type { Caller } from '../../lib/caller';
import { getOrgTree } from '../org/service';
import * as repo from './repo';
import {
  placeKey,
  squeeze,
  type ParsedPlace,
  type PlaceProblem,
  type PlaceProblemCode,
} from './register-parse';
import { canWriteArea } from './scope';

/**
 * The places register's rows (read and checked one by one in the import's worker, register-parse)
 * checked against the caller's area and the stored register: each row finds its community and grid;
 * a place registered already (its licence, or its name and address in the grid) or twice in the file
 * is a problem row, so the same file sent again registers nothing twice. Writes nothing; the import
 * module commits the plan in chunks through registerImportedPlaces.
 */

/** A place the commit registers, its id chosen here so that a chunk written again is the same rows. */
export interface PlannedPlace {
  row: number;
  place: PlaceCreate & { id: string };
}

export interface PlacePlan {
  places: PlannedPlace[];
  validRows: number;
  /** Sorted by row, then by the register's column order. */
  problems: PlaceProblem[];
  problemRows: number;
}

/** Values chosen once for the whole file instead of a column. */
export interface FixedArea {
  communityId: string | null;
  gridId: string | null;
}

interface WritableCommunity {
  id: string;
  name: string;
  grids: Map<string, string>;
}

interface WritableGrids {
  byName: Map<string, WritableCommunity[]>;
  byId: Map<string, WritableCommunity>;
  gridIds: Set<string>;
}

/** Communities by name and id, each with the grids by name where the caller may register places. */
async function writableGrids(db: Db, caller: Caller): Promise<WritableGrids> {
  const tree = await getOrgTree({ db, caller, includeRetired: false });
  const found: WritableGrids = { byName: new Map(), byId: new Map(), gridIds: new Set() };
  const walk = (nodes: OrgTreeNode[], streetId: string | null) => {
    for (const n of nodes) {
      const street = n.kind === 'street' ? n.id : streetId;
      if (n.kind === 'community' && street) {
        const grids = new Map<string, string>();
        for (const g of n.children) {
          const at = { street_id: street, community_id: n.id, grid_id: g.id, org_path: g.path };
          if (g.kind === 'grid' && canWriteArea(caller, at)) {
            grids.set(squeeze(g.name), g.id);
            found.gridIds.add(g.id);
          }
        }
        if (!grids.size) continue;
        const c = { id: n.id, name: n.name, grids };
        found.byName.set(squeeze(n.name), [...(found.byName.get(squeeze(n.name)) ?? []), c]);
        found.byId.set(n.id, c);
      } else walk(n.children, street);
    }
  };
  walk(tree, null);
  return found;
}

/** Whether the values chosen for the whole file are in the caller's area (and the grid in the community). */
export async function placeFixedInScope(
  db: Db,
  caller: Caller,
  fixed: FixedArea,
): Promise<boolean> {
  const grids = await writableGrids(db, caller);
  if (fixed.communityId && !grids.byId.has(fixed.communityId)) return false;
  if (!fixed.gridId) return true;
  if (!grids.gridIds.has(fixed.gridId)) return false;
  return (
    !fixed.communityId ||
    [...grids.byId.get(fixed.communityId)!.grids.values()].includes(fixed.gridId)
  );
}

export async function planPlaceImport(
  db: Db,
  caller: Caller,
  rows: ParsedPlace[],
  fixed: FixedArea,
): Promise<PlacePlan> {
  const fail = (
    p: ParsedPlace,
    column: PlaceColumnKey | null,
    code: PlaceProblemCode,
    params?: PlaceProblem['params'],
  ) => p.problems.push({ row: p.row, column, code, params });

  // Where each row is, in the caller's area.
  const grids = await writableGrids(db, caller);
  const fixedCommunity = fixed.communityId ? grids.byId.get(fixed.communityId) : undefined;
  const parsed = new Map<ParsedPlace, PlannedPlace['place']>();
  for (const p of rows) {
    let gridId = fixed.gridId ?? undefined;
    if (!gridId) {
      let community = fixedCommunity;
      if (!community && p.community && p.grid) {
        const found = grids.byName.get(squeeze(p.community)) ?? [];
        if (found.length === 0) fail(p, 'community', 'UNKNOWN_COMMUNITY', { value: p.community });
        else if (found.length > 1)
          fail(p, 'community', 'AMBIGUOUS_COMMUNITY', { value: p.community });
        else community = found[0];
      }
      if (community && p.grid) {
        gridId = community.grids.get(squeeze(p.grid));
        if (!gridId) fail(p, 'grid', 'UNKNOWN_GRID', { community: community.name, value: p.grid });
      }
    }
    if (gridId && p.fields && p.problems.length === 0)
      parsed.set(p, { id: newId(), gridId, ...p.fields });
  }

  // The register must not hold a place twice: the same licence, or the same name and address in a grid.
  const licences = [...parsed.values()].flatMap((p) => (p.licenceNo ? [p.licenceNo] : []));
  const takenLicences = await repo.findTakenLicences(db, licences);
  const stored = new Set(
    (await repo.findPlaceNames(db, [...new Set([...parsed.values()].map((p) => p.gridId))])).map(
      (s) => placeKey({ gridId: s.grid_id, name: s.name, address: s.address }),
    ),
  );
  const seenLicence = new Map<string, number>();
  const seenPlace = new Map<string, number>();
  for (const [row, p] of parsed) {
    const k = placeKey(p);
    if (p.licenceNo && takenLicences.has(p.licenceNo)) fail(row, 'licenceNo', 'LICENCE_TAKEN');
    else if (stored.has(k)) fail(row, 'name', 'PLACE_EXISTS');
    else if (p.licenceNo && seenLicence.has(p.licenceNo))
      fail(row, 'licenceNo', 'DUPLICATE_IN_FILE', { other: seenLicence.get(p.licenceNo)! });
    else if (seenPlace.has(k)) fail(row, 'name', 'DUPLICATE_IN_FILE', { other: seenPlace.get(k)! });
    if (p.licenceNo && !seenLicence.has(p.licenceNo)) seenLicence.set(p.licenceNo, row.row);
    if (!seenPlace.has(k)) seenPlace.set(k, row.row);
  }
  const places = [...parsed]
    .filter(([p]) => p.problems.length === 0)
    .map(([p, place]) => ({ row: p.row, place }));
  const problems = sortPlaceProblems(rows.flatMap((p) => p.problems));
  return {
    places,
    validRows: places.length,
    problems,
    problemRows: new Set(problems.map((p) => p.row)).size,
  };
}

const columnOrder = new Map<PlaceColumnKey | null, number>([
  [null, -1],
  ...placeColumns.map((c, i): [PlaceColumnKey, number] => [c.key, i]),
]);

const sortPlaceProblems = (problems: PlaceProblem[]): PlaceProblem[] =>
  [...problems].sort(
    (a, b) => a.row - b.row || columnOrder.get(a.column)! - columnOrder.get(b.column)!,
  );

/** The problems in the caller's language, each naming the column as the file heads it. */
export function presentPlaceProblems(
  problems: PlaceProblem[],
  headerOf: Partial<Record<string, string>>,
  locale: Locale,
): ImportProblem[] {
  const messages = resources[locale].places.importProblems;
  return problems.map((p) => ({
    row: p.row,
    column: p.column
      ? (headerOf[p.column] ?? placeColumns.find((c) => c.key === p.column)!.header)
      : null,
    code: p.code,
    reason: interpolate(messages[p.code], p.params),
  }));
}
