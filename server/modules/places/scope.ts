import { roles, type Role } from '../../../common/roles';
import type { Db } from '../../db';
import type { InspectionRow, PlaceRow } from '../../db/schema';
import { forbidden, notFound } from '../../lib/errors';
import type { Caller } from '../../lib/caller';
import { issuesFollowedUpBy } from '../issues/service';
import { areaClauses, rolesAt } from '../people/access';
import * as inspections from './inspection-repo';
import type { Reach } from './repo';

/**
 * Who reaches places and their inspections. Staff read the places of their area (a grid worker their
 * grid, community staff their community, a street's staff the street, the district all of it); the
 * grid's worker, community staff and the street and district admins register and change them.
 * A department officer has no area: they read the inspections they are on (as a team member or
 * through their department) and those inspections' places, within their department's district or street;
 * and a department dispatched an issue (the enforcement team following a joint inspection up) reads
 * that issue's inspection, notice and place — not the rest of the street.
 */
export const PLACE_READERS: readonly Role[] = roles.filter((r) => r !== 'departmentOfficer');
export const PLACE_WRITERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'gridWorker',
];

type Located = Pick<PlaceRow, 'street_id' | 'community_id' | 'grid_id' | 'org_path'>;

export const canReadArea = (caller: Caller, row: Located): boolean =>
  rolesAt(caller, row).some((r) => PLACE_READERS.includes(r));
export const canWriteArea = (caller: Caller, row: Located): boolean =>
  rolesAt(caller, row).some((r) => PLACE_WRITERS.includes(r));

/** The departments a caller is an officer of, each with the district or street it serves. */
export function officerDepartments(caller: Caller): { id: string; areaPath: string }[] {
  return caller.assignments
    .filter((a) => a.role === 'departmentOfficer')
    .map((a) => ({ id: a.orgUnitId, areaPath: a.path.replace(/[^/]+\/$/, '') }));
}

export function reachOf(caller: Caller, roles: readonly Role[] = PLACE_READERS): Reach {
  return {
    area: areaClauses(caller, roles),
    userId: caller.userId,
    departments: officerDepartments(caller),
  };
}

/** A place the caller may read (404 otherwise) — and, with write, change (403). */
export async function placeInScope(
  db: Db,
  caller: Caller,
  place: PlaceRow | undefined,
  write: boolean,
): Promise<PlaceRow> {
  if (!place) throw notFound();
  if (canReadArea(caller, place)) {
    if (write && !canWriteArea(caller, place)) throw forbidden();
    return place;
  }
  if (
    (await inspections.reachesPlaceByInspection(db, reachOf(caller), place.id)) ||
    (await issuesFollowedUpBy(db, caller, { placeId: place.id })).length > 0
  ) {
    if (write) throw forbidden();
    return place;
  }
  throw notFound();
}

export interface InspectionAccess {
  /** Staff of the place's area with a writer's role. */
  areaWriter: boolean;
  member: boolean;
  /** The named departments the caller is an officer of. */
  departments: string[];
  /** A department of the caller was dispatched the inspection's issue: it reads and re-inspects. */
  followsUp: boolean;
}

/** How the caller stands to an inspection; 404 when they may not read it at all. */
export async function inspectionAccess(
  db: Db,
  caller: Caller,
  row: InspectionRow,
): Promise<InspectionAccess> {
  const named = new Set(
    (await inspections.findDepartments(db, row.id)).map((d) => d.department_id),
  );
  const departments = officerDepartments(caller)
    .filter((d) => named.has(d.id) && row.org_path.startsWith(d.areaPath))
    .map((d) => d.id);
  const access = {
    areaWriter: canWriteArea(caller, row),
    member: await inspections.isMember(db, row.id, caller.userId),
    departments,
    followsUp:
      row.issue_id !== null &&
      (await issuesFollowedUpBy(db, caller, { issueIds: [row.issue_id] })).length > 0,
  };
  if (!canReadArea(caller, row) && !access.member && departments.length === 0 && !access.followsUp)
    throw notFound();
  return access;
}

/** Those who may record results, submit and re-inspect: area writers and the team. */
export const canWorkOn = (a: InspectionAccess): boolean =>
  a.areaWriter || a.member || a.departments.length > 0;

/** Who may re-inspect its notice: those who work on it, and the department following the issue up. */
export const canReinspect = (a: InspectionAccess): boolean => canWorkOn(a) || a.followsUp;
