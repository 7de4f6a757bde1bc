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

export interface SocialCaseTable {
  id: string;
  resident_id: string;
  household_id: string;
  station_id: string;
  street_id: string;
  /** The station's materialised path: scope checks are prefix matches, as for org units. */
  org_path: string;
  source: string;
  presenting_problem: string;
  risk_level: 'low' | 'medium' | 'high';
  stage: 'intake' | 'assessment' | 'plan' | 'intervention' | 'evaluation' | 'closed';
  status: 'open' | 'closed';
  /** 1, and one more after each reopening; forms belong to a cycle. */
  cycle: number;
  assigned_worker_id: string;
  /** Calendar day (Asia/Shanghai) of the next contact due. */
  next_contact_date: string | null;
  opened_at: Time;
  closed_at: Time | null;
  closure_reason: string | null;
  /** The client's name in published stories (化名); null: the default made from the real name. */
  pseudonym: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface CaseStageFormTable {
  id: string;
  case_id: string;
  street_id: string;
  cycle: number;
  stage: 'intake' | 'assessment' | 'plan' | 'evaluation' | 'closure';
  /** JSON of the stage's form, as validated by common/schemas/cases.ts. */
  data: string;
  submitted_by: string;
  submitted_at: Time;
  review_status: 'pending' | 'approved' | 'returned' | null;
  reviewed_by: string | null;
  reviewed_at: Time | null;
  review_note: string | null;
  version: number;
}

export interface ServiceRecordTable {
  id: string;
  case_id: string;
  resident_id: string;
  station_id: string;
  street_id: string;
  cycle: number;
  stage: string;
  type: string;
  at: Time;
  duration_minutes: number;
  content: string;
  next_follow_up_date: string | null;
  /** JSON [{residentId, fields}] of what a home visit corrected; the values live in record_history. */
  corrections: string | null;
  worker_id: string;
  created_at: Time;
}

export interface CaseEventTable {
  id: string;
  case_id: string;
  street_id: string;
  at: Time;
  user_id: string;
  username: string;
  action: string;
  stage: string;
  note: string | null;
}

export interface ResourceTable {
  id: string;
  /** null: district-wide. */
  street_id: string | null;
  /** Path of the owning street or district: visible to staff at or below it. */
  org_path: string;
  category: string;
  name: string;
  provider: string;
  contact: string | null;
  area: string | null;
  conditions: string | null;
  status: 'active' | 'retired';
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface ReferralTable {
  id: string;
  case_id: string;
  resource_id: string;
  street_id: string;
  status: 'requested' | 'accepted' | 'completed' | 'declined';
  note: string | null;
  outcome: string | null;
  requested_by: string;
  requested_at: Time;
  accepted_at: Time | null;
  ended_at: Time | null;
  version: number;
  updated_at: Time;
}

/** A street's own visit interval for a tier; absent rows mean the default. */
export interface CareRuleTable {
  street_id: string;
  tier: 'high' | 'key' | 'other';
  interval_days: number;
  updated_by: string;
  version: number;
  updated_at: Time;
}

export interface StoredFileTable {
  id: string;
  street_id: string | null;
  uploaded_by: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  thumb_key: string | null;
  width: number | null;
  height: number | null;
  /** The record the file belongs to once attached (e.g. issue, inspection, patrolFinding). */
  entity: string | null;
  entity_id: string | null;
  created_at: Time;
}

export interface Database {
  stored_file: StoredFileTable;
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
  social_case: SocialCaseTable;
  case_stage_form: CaseStageFormTable;
  service_record: ServiceRecordTable;
  case_event: CaseEventTable;
  resource: ResourceTable;
  referral: ReferralTable;
  care_rule: CareRuleTable;
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
export type CaseRow = Selectable<SocialCaseTable>;
export type CaseFormRow = Selectable<CaseStageFormTable>;
export type ServiceRecordRow = Selectable<ServiceRecordTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type ResourceRow = Selectable<ResourceTable>;
export type ReferralRow = Selectable<ReferralTable>;
export type CareRuleRow = Selectable<CareRuleTable>;
