// The tables of 个案 (cases): the station's casework, care rules, resources and referrals.
import type { Selectable } from 'kysely';
import type { Time } from './time';

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

/** A need handed to a street's social work station (转介社工站) by a tip or an activity. */
export interface IntakeReferralTable {
  id: string;
  street_id: string;
  station_id: string;
  org_path: string;
  resident_id: string | null;
  name: string;
  /** Sealed. */
  phone: string | null;
  need: string;
  source: 'tip' | 'activity';
  source_id: string;
  status: 'pending' | 'accepted' | 'declined';
  case_id: string | null;
  decline_reason: string | null;
  decided_by: string | null;
  decided_at: Time | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export type CaseRow = Selectable<SocialCaseTable>;
export type CaseFormRow = Selectable<CaseStageFormTable>;
export type ServiceRecordRow = Selectable<ServiceRecordTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type ResourceRow = Selectable<ResourceTable>;
export type ReferralRow = Selectable<ReferralTable>;
export type CareRuleRow = Selectable<CareRuleTable>;
