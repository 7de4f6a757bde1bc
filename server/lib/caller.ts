import type { Role } from '../../common/roles';

export interface Assignment {
  role: Role;
  orgUnitId: string;
  /** Materialised path of the unit: the assignment's data scope is every path that starts with it. */
  path: string;
  /**
   * Where the assignment's residents, households and cases lie: the unit's own subtree, except that a
   * station's workers serve the whole street of their station, and a department holds no residents.
   */
  area: { kind: 'district' | 'street' | 'community' | 'grid'; id: string; path: string } | null;
}

/** Who is asking: the logged-in staff member and where the request came from. */
export interface Caller {
  userId: string;
  username: string;
  displayName: string;
  ip: string;
  assignments: Assignment[];
  sessionId: string;
  csrfToken: string;
  totpEnabled: boolean;
}

/** The roots of the caller's data scope, for the given roles (all roles when none are named). */
export function scopePaths(caller: Caller, roles?: readonly Role[]): string[] {
  const paths = caller.assignments
    .filter((a) => !roles || roles.includes(a.role))
    .map((a) => a.path);
  // A root inside another root adds nothing; dropping it keeps the SQL short.
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

export function covers(caller: Caller, path: string, roles?: readonly Role[]): boolean {
  return scopePaths(caller, roles).some((root) => path.startsWith(root));
}

export function hasRole(caller: Caller, roles: readonly Role[]): boolean {
  return caller.assignments.some((a) => roles.includes(a.role));
}
