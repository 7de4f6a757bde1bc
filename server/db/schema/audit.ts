// The tables of audit: who did what, when, where.
import type { Insertable, Selectable } from 'kysely';
import type { Time } from './time';

export interface AuditLogTable {
  id: string;
  at: Time;
  user_id: string | null;
  username: string | null;
  ip: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  result: 'ok' | 'denied' | 'failed';
  changed_fields: string | null;
  detail: string | null;
  /** Materialised path of the unit the entry concerns, so street admins see their own street's entries. */
  org_path: string | null;
}

export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
