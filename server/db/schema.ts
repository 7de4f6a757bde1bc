import type {
  ActivityAttendanceTable,
  ActivityHandoutItemTable,
  ActivityHandoutTable,
  ActivityNeedTable,
  ActivityPartnerTable,
  ActivityTable,
  PartnerTable,
} from './schema/activities';
import type { AuditLogTable } from './schema/audit';
import type { RoleAssignmentTable, SessionTable, StaffUserTable } from './schema/auth';
import type { CampaignTable, CampaignTargetTable, CampaignVisitTable } from './schema/campaigns';
import type {
  CareRuleTable,
  CaseEventTable,
  CaseStageFormTable,
  IntakeReferralTable,
  ReferralTable,
  ResourceTable,
  ServiceRecordTable,
  SocialCaseTable,
} from './schema/cases';
import type { StoredFileTable } from './schema/files';
import type { ImportHouseholdTable, ImportJobTable, ImportMappingTable } from './schema/imports';
import type {
  IssueDeadlineRuleTable,
  IssueNoticeTable,
  IssueStepTable,
  IssueTable,
  WorkdayOverrideTable,
} from './schema/issues';
import type { NotifyDeliveryTable, NotifyOutboxTable, NotifyWebhookTable } from './schema/notify';
import type {
  OperationBatchTable,
  OperationLogTable,
  OperationShiftTable,
  OperationSupplyIssueTable,
  OperationSupplyTable,
  OperationTable,
} from './schema/operations';
import type { OrgUnitTable } from './schema/org';
import type { PatrolFindingTable, PatrolTable } from './schema/patrols';
import type {
  HouseholdTable,
  RecordHistoryTable,
  ResidentCareTagTable,
  ResidentConsentTable,
  ResidentTable,
  SensitiveAccessTable,
} from './schema/people';
import type {
  ChecklistTable,
  ChecklistVersionTable,
  InspectionDepartmentTable,
  InspectionMemberTable,
  InspectionResultTable,
  InspectionTable,
  NoticeCounterTable,
  NoticeReinspectionTable,
  PlaceTable,
  RectificationNoticeTable,
} from './schema/places';
import type { SurveyAnswerTable, SurveyTable, SurveyVersionTable } from './schema/surveys';
import type { RateLimitTable, SystemSettingTable } from './schema/system';
import type { SpentChallengeTable, TipStepTable, TipTable } from './schema/tips';

/**
 * Every table as Kysely sees it. Each table's columns and row types are written once, in the file
 * of the module that owns it (schema/<module>.ts, owners as in docs/architecture.md); importers
 * take the types from here.
 */
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

export type * from './schema/activities';
export type * from './schema/audit';
export type * from './schema/auth';
export type * from './schema/campaigns';
export type * from './schema/cases';
export type * from './schema/files';
export type * from './schema/imports';
export type * from './schema/issues';
export type * from './schema/notify';
export type * from './schema/operations';
export type * from './schema/org';
export type * from './schema/patrols';
export type * from './schema/people';
export type * from './schema/places';
export type * from './schema/surveys';
export type * from './schema/system';
export type * from './schema/tips';
