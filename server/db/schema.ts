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

/** A place (场所 / 实有单位) in a grid: shops, markets, pharmacies, enterprises, property companies … */
export interface PlaceTable {
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  name: string;
  category: string;
  address: string;
  licence_no: string | null;
  person_in_charge: string | null;
  /** A business contact, not a private person's: stored plain, masked in lists. */
  phone: string | null;
  lat: number | null;
  lng: number | null;
  status: 'active' | 'closed';
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface ChecklistTable {
  id: string;
  /** The district or street whose checklist it is; visible to staff at or below it. */
  owner_unit_id: string;
  street_id: string | null;
  org_path: string;
  name: string;
  topic: string;
  description: string | null;
  status: 'active' | 'retired';
  current_version: number;
  current_version_id: string;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** One version of a checklist's items; never changed once written. */
export interface ChecklistVersionTable {
  id: string;
  checklist_id: string;
  number: number;
  name: string;
  topic: string;
  /** JSON [{ id, text, category, photoRequired }]. */
  items: string;
  created_by: string;
  created_at: Time;
}

export interface InspectionTable {
  id: string;
  place_id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  checklist_id: string;
  /** The version it is done with: its items are the inspection's items for good. */
  checklist_version_id: string;
  mode: string;
  status: 'draft' | 'awaitingSignOff' | 'completed';
  result: 'pass' | 'fail' | null;
  failed_items: number;
  at: Time;
  summary: string | null;
  rectification_deadline: string | null;
  rectification_requirement: string | null;
  issue_id: string | null;
  created_by: string;
  submitted_by: string | null;
  submitted_at: Time | null;
  completed_at: Time | null;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface InspectionMemberTable {
  inspection_id: string;
  user_id: string;
  street_id: string;
}

export interface InspectionDepartmentTable {
  inspection_id: string;
  department_id: string;
  street_id: string;
  signed_by: string | null;
  signed_at: Time | null;
  note: string | null;
}

export interface InspectionResultTable {
  inspection_id: string;
  item_id: string;
  street_id: string;
  result: 'pass' | 'fail' | 'notApplicable';
  note: string | null;
  /** JSON array of stored_file ids, attached to the inspection. */
  photo_ids: string;
  recorded_by: string;
  recorded_at: Time;
}

export interface RectificationNoticeTable {
  id: string;
  inspection_id: string;
  issue_id: string | null;
  place_id: string;
  street_id: string;
  org_path: string;
  year: number;
  seq: number;
  /** As printed: 振华〔2026〕第0012号. */
  number: string;
  deadline: string;
  /** JSON [{ checklistItemId, text, note }]: the failed items as they were when issued. */
  items: string;
  requirement: string | null;
  legal_basis: string;
  issuing_unit: string;
  status: 'issued' | 'rectified' | 'notRectified';
  issued_by: string;
  issued_at: Time;
  version: number;
  updated_at: Time;
}

export interface NoticeCounterTable {
  street_id: string;
  year: number;
  n: number;
}

export interface NoticeReinspectionTable {
  id: string;
  notice_id: string;
  street_id: string;
  at: Time;
  user_id: string;
  /** JSON [{ checklistItemId, result, note, photoIds }]. */
  results: string;
  fixed: number;
  note: string | null;
}

/** An issue (事件): something found or reported that must be handled, on its way through the flow. */
export interface IssueTable {
  id: string;
  source: string;
  source_id: string | null;
  category: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  /** The grid's materialised path. */
  org_path: string;
  place_id: string | null;
  /** The place's name when it was reported, for lists and exports. */
  place_name: string | null;
  location_text: string | null;
  lat: number | null;
  lng: number | null;
  description: string;
  reporter_id: string;
  status: string;
  /** The department or person it is dispatched to now. */
  department_id: string | null;
  assignee_id: string | null;
  escalation_level: string;
  /** When the current step is due (overdue past it); null when no step is running. */
  step_deadline: Time | null;
  /** When it next goes one level up if nothing happens: the deadline, then one more step limit each time. */
  escalate_at: Time | null;
  /** JSON of the rectification order (common/schemas/issues.ts zRectificationOrder). */
  rectification: string | null;
  rating: number | null;
  merged_into: string | null;
  closed_at: Time | null;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** One step of an issue's timeline; photos are files with entity 'issueStep'. */
export interface IssueStepTable {
  id: string;
  issue_id: string;
  street_id: string;
  at: Time;
  /** null: the system (escalation). */
  actor_id: string | null;
  actor_name: string;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  department_id: string | null;
  assignee_id: string | null;
  level: string | null;
  related_issue_id: string | null;
  rating: number | null;
}

/** A street's (or, with street_id null, the district's) time limit for a step of an issue category. */
export interface IssueDeadlineRuleTable {
  id: string;
  street_id: string | null;
  step: string;
  category: string;
  amount: number;
  unit: string;
  /** The version of the street's whole set of rules, as the settings page saves them together. */
  version: number;
  updated_by: string;
  updated_at: Time;
}

/** A correction to the national working-day calendar (chinese-days) for one day. */
export interface WorkdayOverrideTable {
  day: string;
  kind: 'workday' | 'holiday';
  note: string | null;
  updated_by: string;
  updated_at: Time;
}

/** A notice to a unit: an issue escalated to its level, or urged while dispatched to it. */
export interface IssueNoticeTable {
  id: string;
  issue_id: string;
  street_id: string;
  kind: 'escalation' | 'urge';
  level: string | null;
  unit_id: string;
  note: string | null;
  created_at: Time;
  read_at: Time | null;
  read_by: string | null;
}

/** A group-chat robot (企业微信 / 钉钉) that hears what is sent to its org unit. */
export interface NotifyWebhookTable {
  id: string;
  org_unit_id: string;
  street_id: string | null;
  org_path: string;
  kind: 'wecom' | 'dingtalk';
  name: string;
  url_sealed: string;
  url_hint: string;
  secret_sealed: string | null;
  status: 'active' | 'paused';
  last_sent_at: Time | null;
  last_error: string | null;
  version: number;
  created_by: string;
  created_at: Time;
  updated_at: Time;
}

/** A message for an org unit's robots, queued with what caused it and sent after. */
export interface NotifyOutboxTable {
  id: string;
  org_unit_id: string;
  street_id: string | null;
  title: string;
  text: string;
  created_at: Time;
}

/** One robot's copy of an outbox message: sent, retried and given up on its own. */
export interface NotifyDeliveryTable {
  id: string;
  outbox_id: string;
  webhook_id: string;
  street_id: string | null;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Time;
  /** A process posting it holds it until then; past that, another may take it over. */
  claimed_until: Time | null;
  sent_at: Time | null;
  last_error: string | null;
  created_at: Time;
}

/** A grid worker's patrol of their grid. */
export interface PatrolTable {
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  worker_id: string;
  status: 'open' | 'ended';
  started_at: Time;
  ended_at: Time | null;
  note: string | null;
  end_note: string | null;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** A problem found, or a place visited, on a patrol; photos are files with entity 'patrolFinding'. */
export interface PatrolFindingTable {
  id: string;
  patrol_id: string;
  street_id: string;
  grid_id: string;
  kind: 'finding' | 'visited';
  place_id: string | null;
  place_name: string | null;
  location_text: string | null;
  lat: number | null;
  lng: number | null;
  description: string | null;
  at: Time;
  /** The issue it was reported as. */
  issue_id: string | null;
  created_by: string;
  created_at: Time;
}

/** A resident's tip (爆料 / 居民诉求); the contact phone is sealed. */
export interface TipTable {
  id: string;
  street_id: string;
  community_id: string | null;
  org_path: string;
  tracking_code: string;
  channel: 'hotline' | 'email' | 'webForm' | 'inPerson';
  topic: 'home' | 'neighbour' | 'community';
  category: string;
  address: string | null;
  description: string;
  contact_name: string | null;
  contact_phone: string | null;
  status: string;
  issue_id: string | null;
  intake_referral_id: string | null;
  message_id: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Time | null;
  closed_at: Time | null;
  created_by: string | null;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** A step of a tip: the reply the resident reads, and the note only staff read. */
export interface TipStepTable {
  id: string;
  tip_id: string;
  street_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  public_reply: string | null;
  internal_note: string | null;
  actor_id: string | null;
  at: Time;
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

/** A survey (问卷): its draft (JSON sections, edited freely) and the latest published version. */
export interface SurveyTable {
  id: string;
  street_id: string;
  /** The street or community the survey belongs to. */
  org_unit_id: string;
  org_path: string;
  title: string;
  description: string | null;
  status: 'draft' | 'published' | 'closed';
  allow_multiple_per_household: number;
  /** JSON [{ id, title, questions: [{ id, type, text, required, options? }] }]. */
  draft: string;
  current_version: number;
  current_version_id: string | null;
  published_at: Time | null;
  closed_at: Time | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** A published survey version: frozen, never updated. */
export interface SurveyVersionTable {
  id: string;
  survey_id: string;
  street_id: string;
  number: number;
  title: string;
  description: string | null;
  /** JSON sections, as the draft was when published. */
  sections: string;
  published_by: string;
  published_at: Time;
}

export interface SurveyAnswerTable {
  id: string;
  survey_id: string;
  version_id: string;
  street_id: string;
  org_path: string;
  household_id: string | null;
  /** household_id where the survey takes one answer per household (unique), else null. */
  household_key: string | null;
  /** The household's address when answered. */
  household_label: string | null;
  resident_id: string | null;
  /** The resident's name, masked, when answered. */
  resident_label: string | null;
  /** JSON { questionId: value }. */
  answers: string;
  context_kind: 'campaign' | 'activity' | null;
  context_id: string | null;
  recorded_by: string;
  created_at: Time;
}

/** A support operation (保障任务) of an org unit, e.g. 市军供站's 2026年春季新兵铁路运输保障. */
export interface OperationTable {
  id: string;
  owner_unit_id: string;
  /** The owning unit's street; null for a district's department. */
  street_id: string | null;
  org_path: string;
  title: string;
  description: string | null;
  /** First and last day (Asia/Shanghai), yyyy-mm-dd. */
  start_date: string;
  end_date: string;
  status: 'planned' | 'active' | 'completed';
  /** Why it was completed with batches not departed. */
  completion_note: string | null;
  completed_at: Time | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** One group moved (批次): planned → arrived → served → departed, with the time of each step. */
export interface OperationBatchTable {
  id: string;
  operation_id: string;
  street_id: string | null;
  planned_at: Time;
  head_count: number;
  train_no: string;
  from_place: string;
  to_place: string;
  status: 'planned' | 'arrived' | 'served' | 'departed';
  arrived_at: Time | null;
  served_at: Time | null;
  departed_at: Time | null;
  note: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** An item prepared for the operation; `issued` is the sum of its issues. */
export interface OperationSupplyTable {
  id: string;
  operation_id: string;
  street_id: string | null;
  item: string;
  unit: string;
  prepared: number;
  issued: number;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** One issue of a supply (a movement out), optionally to a batch; never changed. */
export interface OperationSupplyIssueTable {
  id: string;
  supply_id: string;
  operation_id: string;
  street_id: string | null;
  batch_id: string | null;
  quantity: number;
  at: Time;
  note: string | null;
  created_by: string;
  created_at: Time;
}

/** A duty shift (值班表); people is JSON [{ userId: string | null, name: string }]. */
export interface OperationShiftTable {
  id: string;
  operation_id: string;
  street_id: string | null;
  starts_at: Time;
  ends_at: Time;
  people: string;
  note: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** The operation's log of events; append-only. */
export interface OperationLogTable {
  id: string;
  operation_id: string;
  street_id: string | null;
  at: Time;
  text: string;
  author_id: string;
  author_name: string;
  created_at: Time;
}

/** A door-to-door campaign (宣传走访活动); materials is a JSON array of strings. */
export interface CampaignTable {
  id: string;
  street_id: string;
  /** The street or community that runs it; its path is the campaign's scope. */
  owner_unit_id: string;
  org_path: string;
  title: string;
  materials: string;
  survey_id: string | null;
  start_date: string;
  end_date: string;
  status: 'planned' | 'active' | 'ended';
  note: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** A community or grid a campaign goes to: its active households are the campaign's households. */
export interface CampaignTargetTable {
  campaign_id: string;
  unit_id: string;
  unit_kind: 'community' | 'grid';
  street_id: string;
  org_path: string;
}

/** One knock on a household's door; append-only, the latest one is the household's outcome. */
export interface CampaignVisitTable {
  id: string;
  campaign_id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  household_id: string;
  outcome: 'delivered' | 'notHome' | 'refused';
  note: string | null;
  at: Time;
  worker_id: string;
  survey_answer_id: string | null;
  issue_id: string | null;
  created_at: Time;
}

/** A partner organisation of a street's activities (合作机构): a hospital, a village, a company. */
export interface PartnerTable {
  id: string;
  street_id: string;
  org_path: string;
  name: string;
  kind: string;
  contact: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** A community activity (社区活动): 义诊, 安全宣传 … */
export interface ActivityTable {
  id: string;
  street_id: string;
  community_id: string;
  org_path: string;
  title: string;
  type: string;
  status: 'planned' | 'ongoing' | 'finished' | 'cancelled';
  start_at: Time;
  end_at: Time;
  place: string;
  capacity: number | null;
  /** Participants checked in, kept with the row so the capacity check is one conditional update. */
  checked_in: number;
  description: string | null;
  summary: string | null;
  survey_id: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface ActivityPartnerTable {
  activity_id: string;
  partner_id: string;
  street_id: string;
}

/** A participant checked in (签到): a resident of the register or a walk-in (phone sealed). */
export interface ActivityAttendanceTable {
  id: string;
  activity_id: string;
  street_id: string;
  kind: 'resident' | 'walkIn';
  resident_id: string | null;
  name: string;
  phone_sealed: string | null;
  phone_masked: string | null;
  checked_in_at: Time;
  registered_at: Time | null;
  created_by: string;
}

export interface ActivityHandoutItemTable {
  id: string;
  activity_id: string;
  street_id: string;
  item: string;
  unit: string;
  prepared: number;
  given: number;
  created_at: Time;
}

export interface ActivityHandoutTable {
  id: string;
  activity_id: string;
  item_id: string;
  street_id: string;
  attendance_id: string | null;
  quantity: number;
  given_at: Time;
  created_by: string;
}

/** A need noticed at an activity, and the issue or case referral it became. */
export interface ActivityNeedTable {
  id: string;
  activity_id: string;
  street_id: string;
  kind: 'issue' | 'referral';
  description: string;
  attendance_id: string | null;
  name: string | null;
  target_id: string;
  created_by: string;
  created_at: Time;
}

export interface SystemSettingTable {
  key: string;
  value: string;
  updated_at: string;
}

/** A rate-limit counter (rate-limiter-flexible's layout); `expire` in epoch ms, a bigint on PostgreSQL. */
export interface RateLimitTable {
  key: string;
  points: number;
  expire: number | string | null;
}

/** A solved proof-of-work challenge of the public tip form, kept until it would have expired. */
export interface SpentChallengeTable {
  signature: string;
  expires_at: Time;
}

/** A register import as a job (see migrations/2026-12-27-imports). JSON in columns, problems, fixed. */
export interface ImportJobTable {
  id: string;
  kind: string;
  status: string;
  user_id: string;
  scope_id: string;
  org_path: string | null;
  file_name: string;
  file_type: string;
  header_row: number | null;
  columns: string;
  fixed: string;
  layout_hash: string;
  mapping_remembered: number;
  total_rows: number | null;
  rows_checked: number;
  valid_rows: number;
  problem_rows: number;
  households: number;
  households_registered: number;
  members_added: number;
  chunk_size: number;
  chunks_total: number;
  chunks_done: number;
  problems: string;
  error_key: string | null;
  error_params: string | null;
  created_at: Time;
  updated_at: Time;
  finished_at: Time | null;
}
export type ImportJobRow = Selectable<ImportJobTable>;

export interface ImportMappingTable {
  kind: string;
  scope_id: string;
  layout_hash: string;
  /** JSON: normalised header → field key or null. */
  mapping: string;
  fixed: string;
  updated_by: string;
  updated_at: Time;
}

export interface ImportHouseholdTable {
  street_id: string;
  household_no: string;
  household_id: string;
}

export interface Database {
  import_job: ImportJobTable;
  import_mapping: ImportMappingTable;
  import_household: ImportHouseholdTable;
  system_setting: SystemSettingTable;
  rate_limit: RateLimitTable;
  spent_challenge: SpentChallengeTable;
  partner: PartnerTable;
  activity: ActivityTable;
  activity_partner: ActivityPartnerTable;
  activity_attendance: ActivityAttendanceTable;
  activity_handout_item: ActivityHandoutItemTable;
  activity_handout: ActivityHandoutTable;
  activity_need: ActivityNeedTable;
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
  issue: IssueTable;
  issue_step: IssueStepTable;
  issue_deadline_rule: IssueDeadlineRuleTable;
  workday_override: WorkdayOverrideTable;
  issue_notice: IssueNoticeTable;
  notify_webhook: NotifyWebhookTable;
  notify_outbox: NotifyOutboxTable;
  notify_delivery: NotifyDeliveryTable;
  patrol: PatrolTable;
  patrol_finding: PatrolFindingTable;
  place: PlaceTable;
  checklist: ChecklistTable;
  checklist_version: ChecklistVersionTable;
  inspection: InspectionTable;
  inspection_member: InspectionMemberTable;
  inspection_department: InspectionDepartmentTable;
  inspection_result: InspectionResultTable;
  rectification_notice: RectificationNoticeTable;
  notice_counter: NoticeCounterTable;
  notice_reinspection: NoticeReinspectionTable;
  survey: SurveyTable;
  survey_version: SurveyVersionTable;
  survey_answer: SurveyAnswerTable;
  campaign: CampaignTable;
  campaign_target: CampaignTargetTable;
  campaign_visit: CampaignVisitTable;
  tip: TipTable;
  tip_step: TipStepTable;
  intake_referral: IntakeReferralTable;
  operation: OperationTable;
  operation_batch: OperationBatchTable;
  operation_supply: OperationSupplyTable;
  operation_supply_issue: OperationSupplyIssueTable;
  operation_shift: OperationShiftTable;
  operation_log: OperationLogTable;
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
export type PlaceRow = Selectable<PlaceTable>;
export type ChecklistRow = Selectable<ChecklistTable>;
export type ChecklistVersionRow = Selectable<ChecklistVersionTable>;
export type InspectionRow = Selectable<InspectionTable>;
export type InspectionResultRow = Selectable<InspectionResultTable>;
export type InspectionDepartmentRow = Selectable<InspectionDepartmentTable>;
export type NoticeRow = Selectable<RectificationNoticeTable>;
export type NoticeReinspectionRow = Selectable<NoticeReinspectionTable>;
export type IssueRow = Selectable<IssueTable>;
export type IssueStepRow = Selectable<IssueStepTable>;
export type IssueNoticeRow = Selectable<IssueNoticeTable>;
export type NotifyWebhookRow = Selectable<NotifyWebhookTable>;
export type NotifyOutboxRow = Selectable<NotifyOutboxTable>;
export type NotifyDeliveryRow = Selectable<NotifyDeliveryTable>;
export type PatrolRow = Selectable<PatrolTable>;
export type PatrolFindingRow = Selectable<PatrolFindingTable>;
export type PartnerRow = Selectable<PartnerTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type ActivityAttendanceRow = Selectable<ActivityAttendanceTable>;
export type ActivityHandoutItemRow = Selectable<ActivityHandoutItemTable>;
export type ActivityNeedRow = Selectable<ActivityNeedTable>;
export type OperationRow = Selectable<OperationTable>;
export type OperationBatchRow = Selectable<OperationBatchTable>;
export type OperationSupplyRow = Selectable<OperationSupplyTable>;
export type OperationSupplyIssueRow = Selectable<OperationSupplyIssueTable>;
export type OperationShiftRow = Selectable<OperationShiftTable>;
export type OperationLogRow = Selectable<OperationLogTable>;
export type SurveyRow = Selectable<SurveyTable>;
export type SurveyVersionRow = Selectable<SurveyVersionTable>;
export type SurveyAnswerRow = Selectable<SurveyAnswerTable>;
export type CampaignRow = Selectable<CampaignTable>;
export type CampaignTargetRow = Selectable<CampaignTargetTable>;
export type CampaignVisitRow = Selectable<CampaignVisitTable>;
