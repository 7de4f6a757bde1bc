import type { Role } from '../../../common/roles';
import type { IssueCommandName } from '../../../common/schemas/issues';
import type { Db } from '../../db';
import type { IssueRow } from '../../db/schema';
import { resolveDistrictAreas } from '../org/service';
import type { Assignment, Caller } from '../../lib/caller';
import type { AreaClause, IssueScope } from './repo';

/**
 * Who may do what with an issue (the server decides; the UI only hides buttons):
 *
 * - report: a role with an area covering the grid — its grid worker, the community's staff, the
 *   street's and district's admins, and the station's social workers (who find problems on home
 *   visits); and an officer of a department at the place it inspects: a district bureau anywhere in
 *   its district, a street's own team in its street.
 * - accept, reject, dispatch, urge, merge: the community's staff, the street's admin, a district admin.
 * - start handling, mark handled, send back: an officer of the department it is dispatched to, or
 *   the person it is dispatched to.
 * - verify: the reporter, or a grid worker of the issue's grid; a re-inspection of a rectification
 *   order (verifyIssueByReinspection) also the dispatchers and the departments that may read it.
 * - rate: the reporter.
 * - read: the roles with an area covering it (viewers included), the reporter, and the departments
 *   and people it is or ever was dispatched to — a department officer sees nothing else.
 */
export const REPORTERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'gridWorker',
  'socialWorker',
  'stationSupervisor',
];
export const DISPATCHERS: readonly Role[] = ['districtAdmin', 'streetAdmin', 'communityStaff'];
const AREA_READERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'gridWorker',
  'viewer',
];
/** Who sets the time limits: a street admin for the street, a district admin for any. */
export const DEADLINE_SETTERS: readonly Role[] = ['districtAdmin', 'streetAdmin'];

export type Located = Pick<IssueRow, 'street_id' | 'community_id' | 'grid_id' | 'org_path'>;

function areaCovers(a: Assignment, r: Located): boolean {
  if (!a.area) return false;
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

/** The caller's roles whose area covers the place. */
export const rolesAt = (caller: Caller, r: Located): Role[] =>
  caller.assignments.filter((a) => areaCovers(a, r)).map((a) => a.role);

/** The departments the caller is an officer of. */
export const departmentsOf = (caller: Caller): string[] =>
  caller.assignments.filter((a) => a.role === 'departmentOfficer').map((a) => a.orgUnitId);

const parentPath = (path: string): string => path.replace(/[^/]+\/$/, '');

export function mayReportAt(caller: Caller, r: Located): boolean {
  if (rolesAt(caller, r).some((role) => REPORTERS.includes(role))) return true;
  return caller.assignments.some(
    (a) => a.role === 'departmentOfficer' && r.org_path.startsWith(parentPath(a.path)),
  );
}

export interface Ties {
  departmentIds: string[];
  assigneeIds: string[];
}

export interface Rights {
  read: boolean;
  dispatch: boolean;
  handle: boolean;
  verify: boolean;
  rate: boolean;
  /**
   * Verify by a re-inspection (the places module's): a verifier, the community, street or district
   * staff who may dispatch it (the street office inspects too), or an officer of a department that may
   * read it (one it was dispatched to, or who reported it from a joint inspection).
   */
  reinspect: boolean;
}

export function rightsOn(
  caller: Caller,
  issue: Located & Pick<IssueRow, 'reporter_id' | 'department_id' | 'assignee_id'>,
  ties: Ties,
): Rights {
  const roles = rolesAt(caller, issue);
  const departments = departmentsOf(caller);
  const reporter = issue.reporter_id === caller.userId;
  const handle =
    (issue.department_id !== null && departments.includes(issue.department_id)) ||
    issue.assignee_id === caller.userId;
  const dispatchedToMe =
    ties.assigneeIds.includes(caller.userId) ||
    ties.departmentIds.some((d) => departments.includes(d));
  const gridWorker = caller.assignments.some(
    (a) => a.role === 'gridWorker' && a.area?.kind === 'grid' && a.area.id === issue.grid_id,
  );
  const read = roles.some((r) => AREA_READERS.includes(r)) || reporter || handle || dispatchedToMe;
  const verify = reporter || gridWorker;
  const dispatch = roles.some((r) => DISPATCHERS.includes(r));
  return {
    read,
    dispatch,
    handle,
    verify,
    rate: reporter,
    reinspect: verify || dispatch || (read && departments.length > 0),
  };
}

/** The right each command needs. */
export const rightFor: Record<IssueCommandName, keyof Rights> = {
  accept: 'dispatch',
  reject: 'dispatch',
  dispatch: 'dispatch',
  urge: 'dispatch',
  merge: 'dispatch',
  sendBack: 'handle',
  startHandling: 'handle',
  handle: 'handle',
  verify: 'verify',
  rate: 'rate',
};

/** The same read rule as SQL clauses, for the board. */
export async function issueScope(db: Db, caller: Caller): Promise<IssueScope> {
  const area: AreaClause[] = caller.assignments
    .filter((a) => AREA_READERS.includes(a.role) && a.area)
    .map((a) => {
      const unit = a.area!;
      if (unit.kind === 'district') return { column: 'org_path', prefix: unit.path } as const;
      return { column: `${unit.kind}_id` as const, id: unit.id };
    });
  return {
    area: await resolveDistrictAreas(db, area),
    userId: caller.userId,
    departmentIds: departmentsOf(caller),
  };
}
