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

export interface HouseholdTable {
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  building: string;
  unit_no: string | null;
  room: string;
  head_resident_id: string | null;
  housing: string | null;
  /** JSON array of income source codes. */
  income_sources: string;
  economic_status: string;
  notes: string | null;
  status: 'active' | 'dissolved';
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** *_sealed columns hold AES-GCM ciphertext; *_index an HMAC for exact lookups; *_masked what lists show. */
export interface ResidentTable {
  id: string;
  household_id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  relation_to_head: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  id_number_sealed: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
  phone_sealed: string | null;
  phone_index: string | null;
  phone_last4: string | null;
  phone_masked: string | null;
  registration_status: string;
  health_notes_sealed: string | null;
  disability_sealed: string | null;
  self_care: string | null;
  status: 'living' | 'movedAway' | 'deceased';
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface ResidentCareTagTable {
  resident_id: string;
  tag: string;
  street_id: string;
  community_id: string;
}

export interface ResidentConsentTable {
  id: string;
  resident_id: string;
  given_by: 'self' | 'guardian';
  guardian_name: string | null;
  consent_date: string;
  scope: string;
  recorded_by: string;
  withdrawn_at: Time | null;
  created_at: Time;
}

export interface RecordHistoryTable {
  id: string;
  household_id: string;
  entity: 'household' | 'resident';
  entity_id: string;
  operation: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  source_type: 'manual' | 'visit' | 'import';
  source_id: string | null;
  user_id: string | null;
  username: string | null;
  at: Time;
}

export interface SensitiveAccessTable {
  id: string;
  resident_id: string;
  street_id: string;
  field: string;
  reason: string;
  user_id: string;
  username: string;
  at: Time;
}

export interface Database {
  org_unit: OrgUnitTable;
  staff_user: StaffUserTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  household: HouseholdTable;
  resident: ResidentTable;
  resident_care_tag: ResidentCareTagTable;
  resident_consent: ResidentConsentTable;
  record_history: RecordHistoryTable;
  sensitive_access: SensitiveAccessTable;
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
export type HouseholdRow = Selectable<HouseholdTable>;
export type ResidentRow = Selectable<ResidentTable>;
export type NewResident = Insertable<ResidentTable>;
export type NewRecordHistory = Insertable<RecordHistoryTable>;
export type ConsentRow = Selectable<ResidentConsentTable>;
