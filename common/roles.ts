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

/** Units that enforce the law (执法队, 市场监督管理局, 公安, 消防, 城管…), as their names say. */
const ENFORCEMENT_NAME = /执法|监督管理|市场监管|公安|派出所|消防|城管|城市管理|应急管理|生态环境/;

/**
 * The i18n key naming a role held in a unit: a department officer of a unit that is no enforcement
 * team (a support station such as 市军供站) is 部门工作人员, not 部门执法人员.
 */
export function roleLabelKey(
  role: Role,
  unitName?: string,
): 'roleVariants.departmentStaff' | `roles.${Role}` {
  if (role === 'departmentOfficer' && unitName !== undefined && !ENFORCEMENT_NAME.test(unitName))
    return 'roleVariants.departmentStaff';
  return `roles.${role}`;
}
