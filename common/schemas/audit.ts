import { z } from 'zod';
import { zStaffActor } from './auth';
import { zPage, zPageQuery, zTimestamp } from './common';

export const zAuditEntry = z.object({
  id: z.string(),
  at: zTimestamp,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  actor: zStaffActor.nullable().describe('the person behind userId; null: none (a failed log-in)'),
  ip: z.string().nullable(),
  action: z.string().describe('e.g. login, login.failed, orgUnit.create, resident.readSensitive'),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  result: z.enum(['ok', 'denied', 'failed']),
  changedFields: z.array(z.string()),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof zAuditEntry>;

export const zAuditQuery = zPageQuery.extend({
  username: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(40).optional(),
  action: z.string().trim().max(60).optional(),
  from: z.iso.date().optional().describe('first day, Asia/Shanghai'),
  to: z.iso.date().optional().describe('last day, Asia/Shanghai'),
});
export type AuditQuery = z.infer<typeof zAuditQuery>;

export const zAuditPage = zPage(zAuditEntry);

export const zHealth = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});
export const zLiveness = z.object({ status: z.literal('ok'), version: z.string() });
