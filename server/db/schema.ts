import type { Insertable, Selectable, Updateable } from 'kysely';

/** Times are ISO 8601 strings in UTC on both dialects, so one code path reads and compares them. */
type Time = string;

export interface OrgUnitTable {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  code: string | null;
  path: string;
  /** The street this unit belongs to (itself for a street); null above street level. Distribution key. */
  street_id: string | null;
  status: 'active' | 'retired';
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface StaffUserTable {
  id: string;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: Time | null;
  totp_secret: string | null;
  totp_enabled: number;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface RoleAssignmentTable {
  id: string;
  user_id: string;
  role: string;
  org_unit_id: string;
  created_at: Time;
}

export interface SessionTable {
  /** sha256 of the cookie's token: a leaked table gives no usable session. */
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Time;
  last_seen_at: Time;
  expires_at: Time;
}

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

export interface Database {
  org_unit: OrgUnitTable;
  staff_user: StaffUserTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  audit_log: AuditLogTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type OrgUnitPatch = Updateable<OrgUnitTable>;
export type StaffUserRow = Selectable<StaffUserTable>;
export type NewStaffUser = Insertable<StaffUserTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
