// The tables of auth: staff accounts, their roles per unit and their sessions.
import type { Insertable, Selectable } from 'kysely';
import type { Time } from './time';

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

export type StaffUserRow = Selectable<StaffUserTable>;
export type NewStaffUser = Insertable<StaffUserTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentTable>;
export type SessionRow = Selectable<SessionTable>;
