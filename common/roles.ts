/** Roles of the glossary. Order matters: a role may only be granted by a caller whose own rank is at least as high. */
export const roles = [
  'districtAdmin',
  'streetAdmin',
  'stationSupervisor',
  'socialWorker',
  'gridWorker',
  'communityStaff',
  'departmentOfficer',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

/** Roles that administer org units and staff accounts within their scope. */
export const adminRoles: readonly Role[] = ['districtAdmin', 'streetAdmin'];

export const orgUnitKinds = [
  'district',
  'street',
  'community',
  'grid',
  'station',
  'department',
] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

/** Which kinds of unit may stand directly under which. */
export const allowedParentKinds: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  district: [],
  street: ['district'],
  community: ['street'],
  grid: ['community'],
  station: ['street'],
  department: ['district', 'street'],
};

/** The kinds whose code is the parent's code plus three digits (grid code: 6 + 3 + 3 + 3). */
export const codeDigits: Partial<Record<OrgUnitKind, number>> = {
  district: 6,
  street: 9,
  community: 12,
  grid: 15,
};
