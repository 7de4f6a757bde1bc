// 个案 (cases): the codes of the casework; labels in the i18n group `cases`.
/** Where a case came from (个案来源); labels in the i18n group `cases.sources`. */
export const caseSources = [
  'outreach', // 宣传动员
  'workerFound', // 社工发现
  'selfReferred', // 主动求助
  'othersReferred', // 他人推介
  'communityReferral', // 社区转介
  'governmentReferral', // 政府部门转介
  'agencyReferral', // 其他机构转介
  'other', // 其他
] as const;
export const riskLevels = ['low', 'medium', 'high'] as const;
/** The six stages of MZ/T 094-2017, in order: 接案 → 预估 → 计划 → 介入 → 评估 → 结案. */
export const caseStages = [
  'intake',
  'assessment',
  'plan',
  'intervention',
  'evaluation',
  'closed',
] as const;
/** The forms a case carries: one per stage, the intervention's being its service records. */
export const caseForms = ['intake', 'assessment', 'plan', 'evaluation', 'closure'] as const;
export const reviewedForms = ['plan', 'closure'] as const;
export const reviewStatuses = ['pending', 'approved', 'returned'] as const;
export const closureReasons = [
  'goalReached',
  'clientEnded',
  'referredBeyondMeans',
  'clientMoved',
  'workerTransferred',
] as const;
export const assessmentDomains = [
  'health',
  'economy',
  'family',
  'educationWork',
  'psychology',
  'socialSupport',
  'safety',
] as const;
export const goalResults = ['met', 'partlyMet', 'notMet'] as const;
export const serviceRecordTypes = [
  'phoneCall',
  'homeVisit',
  'counselling',
  'accompaniment',
  'resourceLinking',
  'groupActivity',
  'other',
] as const;
/** The contacts that count as a visit under the care rules (上门或电话探访). */
export const careContactTypes = ['homeVisit', 'phoneCall'] as const;
export const resourceCategories = [
  'job',
  'benefit',
  'medical',
  'rehabilitation',
  'education',
  'housing',
  'materialAid',
  'charity',
  'volunteer',
] as const;
export const referralStatuses = ['requested', 'accepted', 'completed', 'declined'] as const;
/** Care-rule tiers: high risk weekly, key groups monthly, anyone else with a care tag quarterly. */
export const careTiers = ['high', 'key', 'other'] as const;
export const defaultCareIntervals: Record<CareTier, number> = { high: 7, key: 30, other: 90 };
/** What a line of 今日待办 asks the caller to do. */
export const todoActions = ['contact', 'careVisit', 'reviewPlan', 'reviewClosure'] as const;

export type CaseSource = (typeof caseSources)[number];
export type RiskLevel = (typeof riskLevels)[number];
export type CaseStage = (typeof caseStages)[number];
export type CaseFormName = (typeof caseForms)[number];
export type ReviewedForm = (typeof reviewedForms)[number];
export type ReviewStatus = (typeof reviewStatuses)[number];
export type ClosureReason = (typeof closureReasons)[number];
export type ServiceRecordType = (typeof serviceRecordTypes)[number];
export type ResourceCategory = (typeof resourceCategories)[number];
export type ReferralStatus = (typeof referralStatuses)[number];
export type CareTier = (typeof careTiers)[number];
export type TodoAction = (typeof todoActions)[number];
