import { z } from 'zod';
import { wordedAs } from '../validation';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';
import { zRole, zRoleAssignmentView } from './auth';

export const zRoleAssignment = z.object({ role: zRole, orgUnitId: zId });
export type RoleAssignment = z.infer<typeof zRoleAssignment>;

export const zStaff = z.object({
  id: zId,
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: zTimestamp.nullable(),
  totpEnabled: z.boolean(),
  roles: z.array(zRoleAssignmentView),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type Staff = z.infer<typeof zStaff>;

const zUsername = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, wordedAs('username'));
const zDisplayName = z.string().trim().min(1).max(40);
const zPhone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, wordedAs('mobile'))
  .nullable()
  .optional();

export const zStaffCreate = z.object({
  id: zId.optional(),
  username: zUsername,
  displayName: zDisplayName,
  phone: zPhone,
  password: z.string().min(1).max(200),
  roles: z.array(zRoleAssignment).min(1),
});
export type StaffCreate = z.infer<typeof zStaffCreate>;

export const zStaffUpdate = z.object({
  version: zVersion,
  displayName: zDisplayName.optional(),
  phone: zPhone,
});
export type StaffUpdate = z.infer<typeof zStaffUpdate>;

export const zStaffRoles = z.object({ version: zVersion, roles: z.array(zRoleAssignment).min(1) });
export type StaffRoles = z.infer<typeof zStaffRoles>;

export const zPasswordReset = z.object({ newPassword: z.string().min(1).max(200) });

export const zStaffQuery = zPageQuery.extend({
  q: z.string().trim().max(40).optional().describe('part of the user name or display name'),
  orgUnitId: zId.optional().describe('staff with a role on this unit or below'),
  role: zRole.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type StaffQuery = z.infer<typeof zStaffQuery>;

export const zStaffPage = zPage(zStaff);
