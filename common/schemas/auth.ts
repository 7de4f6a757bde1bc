import { z } from 'zod';
import { wordedAs } from '../validation';
import { roles } from '../roles';
import { zId } from './common';
import { zOrgUnitKind } from './org';

export const zRole = z.enum(roles);

export const zLogin = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/, wordedAs('sixDigits'))
    .optional()
    .describe('six-digit code when the second factor is on'),
});
export type Login = z.infer<typeof zLogin>;

/** Who did something, as a person reads it: 赵晓雯 · 社工 (not the account social.zhenhua). */
export const zStaffActor = z.object({
  id: z.string(),
  name: z.string(),
  role: zRole.nullable().describe('the highest role the person holds; null: none left'),
});
export type StaffActor = z.infer<typeof zStaffActor>;

export const zRoleAssignmentView = z.object({
  role: zRole,
  orgUnitId: zId,
  orgUnitName: z.string(),
  orgUnitKind: zOrgUnitKind,
  /** Names from the top of the tree down to the unit, e.g. 平城区 / 振华街道 / 振华街道社工站 */
  orgUnitTrail: z.array(z.string()),
});
export type RoleAssignmentView = z.infer<typeof zRoleAssignmentView>;

export const zMe = z.object({
  id: zId,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(zRoleAssignmentView),
  csrfToken: z.string().describe('send back as the X-CSRF-Token header on every write'),
  totpEnabled: z.boolean(),
  totpEnrolmentRequired: z
    .boolean()
    .describe('true: only the second-factor set-up is open until it is done'),
});
export type Me = z.infer<typeof zMe>;

export const zPasswordChange = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(1).max(200),
});
export type PasswordChange = z.infer<typeof zPasswordChange>;

export const zTotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const zTotpEnable = z.object({
  code: z.string().regex(/^\d{6}$/, wordedAs('sixDigits')),
});
export const zTotpDisable = z.object({ password: z.string().min(1) });

/** Shared by the server's check and the web form's hint: at least 10 characters, three kinds of character. */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('tooShort');
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (kinds < 3) problems.push('tooSimple');
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('containsUsername');
  return problems;
}
