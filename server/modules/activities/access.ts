import type { Role } from '../../../common/roles';
import type { Db } from '../../db';
import type { ActivityRow } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { Assignment, Caller } from '../../lib/caller';
import { idsOnPath } from '../org/service';
import type { AreaClause } from './repo';
import * as repo from './repo';

/**
 * Who does what at a community activity. Community staff of the organising community, and the street's
 * and district's admins, run it (create, edit, status, stock). The social workers of the street and the
 * grid workers of the community's grids help on the day: they check people in, give handouts and record
 * needs. Viewers read. Outside the caller's area an activity does not exist for them (404).
 */
export const ACTIVITY_MANAGERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
];
export const ACTIVITY_HELPERS: readonly Role[] = ['socialWorker', 'gridWorker'];
export const ACTIVITY_READERS: readonly Role[] = [
  ...ACTIVITY_MANAGERS,
  ...ACTIVITY_HELPERS,
  'viewer',
];

export type Located = Pick<ActivityRow, 'street_id' | 'community_id' | 'org_path'>;

function reaches(a: Assignment, r: Located): boolean {
  if (!a.area || !ACTIVITY_READERS.includes(a.role)) return false;
  switch (a.area.kind) {
    case 'district':
      return r.org_path.startsWith(a.area.path);
    case 'street':
      return r.street_id === a.area.id;
    case 'community':
      return r.community_id === a.area.id;
    case 'grid':
      // A grid worker helps at the activities of the community their grid lies in.
      return a.area.path.startsWith(r.org_path);
  }
}

export const rolesAt = (caller: Caller, r: Located): Role[] =>
  caller.assignments.filter((a) => reaches(a, r)).map((a) => a.role);

export interface Rights {
  manage: boolean;
  checkIn: boolean;
}

export function rightsAt(caller: Caller, r: Located): Rights {
  const roles = rolesAt(caller, r);
  const manage = roles.some((x) => ACTIVITY_MANAGERS.includes(x));
  return { manage, checkIn: manage || roles.some((x) => ACTIVITY_HELPERS.includes(x)) };
}

/** Read: 404 outside the caller's area. */
export async function readableActivity(db: Db, caller: Caller, id: string): Promise<ActivityRow> {
  const a = await repo.getActivity(db, id);
  if (!a || rolesAt(caller, a).length === 0) throw notFound();
  return a;
}

/** Check in, give, record a need: 403 for a viewer; 409 once the activity is over or cancelled. */
export async function helpableActivity(db: Db, caller: Caller, id: string): Promise<ActivityRow> {
  const a = await readableActivity(db, caller, id);
  if (!rightsAt(caller, a).checkIn) throw forbidden();
  if (a.status === 'finished' || a.status === 'cancelled')
    throw new AppError(409, 'ACTIVITY_NOT_OPEN');
  return a;
}

export async function managedActivity(db: Db, caller: Caller, id: string): Promise<ActivityRow> {
  const a = await readableActivity(db, caller, id);
  if (!rightsAt(caller, a).manage) throw forbidden();
  return a;
}

/** The caller's area as clauses for the register: a grid worker's grid counts as its community. */
export function areaClauses(caller: Caller): AreaClause[] {
  return caller.assignments.flatMap((a): AreaClause[] => {
    if (!a.area || !ACTIVITY_READERS.includes(a.role)) return [];
    if (a.area.kind === 'district') return [{ column: 'org_path', prefix: a.area.path }];
    if (a.area.kind === 'street') return [{ column: 'street_id', id: a.area.id }];
    if (a.area.kind === 'community') return [{ column: 'community_id', id: a.area.id }];
    const ids = idsOnPath(a.area.path);
    return [{ column: 'community_id', id: ids[ids.length - 2] }];
  });
}

/** The street of a path below district level: /district/street/… */
export const streetOfPath = (path: string): string | undefined => idsOnPath(path)[1];

/** Streets whose partners the caller reads (null: none by street), and district paths covering whole streets. */
export function partnerScope(
  caller: Caller,
  roles: readonly Role[],
): { streets: string[]; districts: string[] } {
  const streets = new Set<string>();
  const districts: string[] = [];
  for (const a of caller.assignments) {
    if (!a.area || !roles.includes(a.role)) continue;
    if (a.area.kind === 'district') districts.push(a.area.path);
    else {
      const s = streetOfPath(a.area.path);
      if (s) streets.add(s);
    }
  }
  return { streets: [...streets], districts };
}

export function coversStreet(
  scope: { streets: string[]; districts: string[] },
  partner: { street_id: string; org_path: string },
): boolean {
  return (
    scope.streets.includes(partner.street_id) ||
    scope.districts.some((d) => partner.org_path.startsWith(d))
  );
}
