import { z } from 'zod';
import { zResidentFields } from './people';
import { zStaffActor } from './auth';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';

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

const zDate = z.iso.date();
const zText = (max: number) => z.string().trim().min(1).max(max);
const zNote = (max: number) => z.string().trim().max(max);
const zPerson = z.object({ id: zId, displayName: z.string() });

// ——— stage forms ———

export const zIntakeForm = z.object({
  needAsTold: zText(2000).describe('the need in the client’s own words'),
  background: zNote(2000).nullable().optional(),
  expectations: zNote(1000).nullable().optional(),
});
export type IntakeForm = z.infer<typeof zIntakeForm>;

export const zAssessmentDomain = z.object({
  rating: z.number().int().min(1).max(5).describe('1 serious difficulty … 5 doing well'),
  needs: zNote(1000).default(''),
  strengths: zNote(1000).default(''),
});
export const zAssessmentForm = z.object({
  domains: z.object({
    health: zAssessmentDomain,
    economy: zAssessmentDomain,
    family: zAssessmentDomain,
    educationWork: zAssessmentDomain,
    psychology: zAssessmentDomain,
    socialSupport: zAssessmentDomain,
    safety: zAssessmentDomain,
  }),
  summary: zText(2000),
  overallLevel: z.number().int().min(1).max(6).describe('overall need, 1 least … 6 most'),
});
export type AssessmentForm = z.infer<typeof zAssessmentForm>;

export const zPlanGoal = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[\w-]{1,40}$/, 'letters, digits, _ or -')
    .describe('the form’s own key, named again by the evaluation'),
  description: zText(500),
  targetDate: zDate,
});
export const zPlanAction = z.object({
  description: zText(500),
  who: zText(60).describe('who does it: the worker, the client, a partner …'),
  goalIds: z.array(z.string()).max(20).optional(),
  dueDate: zDate.nullable().optional(),
});
export const zPlanForm = z
  .object({
    goals: z.array(zPlanGoal).min(1).max(20),
    actions: z.array(zPlanAction).min(1).max(50),
  })
  .superRefine((p, ctx) => {
    const ids = p.goals.map((g) => g.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['goals', i, 'id'], message: 'duplicate goal id' });
    });
    p.actions.forEach((a, i) =>
      (a.goalIds ?? []).forEach((g, j) => {
        if (!ids.includes(g))
          ctx.addIssue({ code: 'custom', path: ['actions', i, 'goalIds', j], message: 'no goal' });
      }),
    );
  });
export type PlanForm = z.infer<typeof zPlanForm>;

export const zEvaluationForm = z.object({
  goals: z
    .array(z.object({ goalId: z.string(), result: z.enum(goalResults), evidence: zText(1000) }))
    .min(1)
    .max(20)
    .describe('every goal of the approved plan, once'),
  summary: zNote(2000).nullable().optional(),
});
export type EvaluationForm = z.infer<typeof zEvaluationForm>;

export const zClosureForm = z.object({
  reason: z.enum(closureReasons),
  summary: zText(2000),
});
export type ClosureForm = z.infer<typeof zClosureForm>;

/** Saving the form of the case's current stage (closure: at evaluation, or earlier for an early end). */
export const zCaseFormSave = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('intake'), version: zVersion, data: zIntakeForm }),
  z.object({ stage: z.literal('assessment'), version: zVersion, data: zAssessmentForm }),
  z.object({ stage: z.literal('plan'), version: zVersion, data: zPlanForm }),
  z.object({ stage: z.literal('evaluation'), version: zVersion, data: zEvaluationForm }),
  z.object({ stage: z.literal('closure'), version: zVersion, data: zClosureForm }),
]);
export type CaseFormSave = z.infer<typeof zCaseFormSave>;

const zFormMeta = z.object({
  cycle: z.number().int().describe('1, and one more after each reopening'),
  submittedBy: zPerson,
  submittedAt: zTimestamp,
  review: z.enum(reviewStatuses).nullable().describe('plan and closure only'),
  reviewedBy: zPerson.nullable(),
  reviewedAt: zTimestamp.nullable(),
  reviewNote: z.string().nullable(),
  version: z.number().int(),
});
export const zCaseForm = z.discriminatedUnion('stage', [
  zFormMeta.extend({ stage: z.literal('intake'), data: zIntakeForm }),
  zFormMeta.extend({ stage: z.literal('assessment'), data: zAssessmentForm }),
  zFormMeta.extend({ stage: z.literal('plan'), data: zPlanForm }),
  zFormMeta.extend({ stage: z.literal('evaluation'), data: zEvaluationForm }),
  zFormMeta.extend({ stage: z.literal('closure'), data: zClosureForm }),
]);
export type CaseForm = z.infer<typeof zCaseForm>;

// ——— cases ———

export const zCaseCreate = z.object({
  id: zId.optional(),
  residentId: zId,
  stationId: zId.optional().describe('needed only by staff of more than one station'),
  source: z.enum(caseSources),
  presentingProblem: zText(1000),
  riskLevel: z.enum(riskLevels),
  assignedWorkerId: zId
    .optional()
    .describe('a social worker of the station; the caller when left out'),
  nextContactDate: zDate.optional().describe('a week from today when left out'),
  intake: zIntakeForm,
  intakeReferralId: zId
    .optional()
    .describe('the pending intake referral (转介) this case takes on; it is marked accepted'),
});
export type CaseCreate = z.infer<typeof zCaseCreate>;

export const zCaseUpdate = z.object({
  version: zVersion,
  presentingProblem: zText(1000).optional(),
  riskLevel: z.enum(riskLevels).optional(),
  nextContactDate: zDate.optional(),
  pseudonym: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .nullable()
    .optional()
    .describe('the client’s name in published stories (化名); null: back to the default'),
});
export type CaseUpdate = z.infer<typeof zCaseUpdate>;

export const zCaseAdvance = z.object({
  version: zVersion,
  to: z.enum(caseStages).describe('the next stage; any other is refused'),
});
export const zCaseReview = z
  .object({
    version: zVersion,
    form: z.enum(reviewedForms),
    decision: z.enum(['approved', 'returned']),
    note: zNote(1000).optional(),
  })
  .refine((r) => r.decision === 'approved' || !!r.note, {
    path: ['note'],
    message: 'say what to change',
  });
export const zCaseTransfer = z.object({
  version: zVersion,
  toWorkerId: zId,
  reason: zText(500),
});
export const zCaseReopen = z.object({
  version: zVersion,
  reason: zText(500),
  nextContactDate: zDate.optional(),
});

export const zCase = z.object({
  id: zId,
  residentId: zId,
  householdId: zId,
  clientName: z.string(),
  clientAge: z.number().int().nullable(),
  stationId: zId,
  stationName: z.string(),
  source: z.enum(caseSources),
  presentingProblem: z.string(),
  riskLevel: z.enum(riskLevels),
  stage: z.enum(caseStages),
  status: z.enum(['open', 'closed']),
  cycle: z.number().int(),
  assignedWorker: zPerson,
  nextContactDate: z.string().nullable(),
  openedAt: zTimestamp,
  closedAt: zTimestamp.nullable(),
  closureReason: z.enum(closureReasons).nullable(),
  pendingReview: z.enum(reviewedForms).nullable(),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type Case = z.infer<typeof zCase>;

export const zCaseDetail = zCase.extend({
  forms: z.array(zCaseForm),
  pseudonym: z.string().nullable().describe('the 化名 the worker set; null: the default is used'),
  defaultPseudonym: z.string().describe('王某 for an adult, 小王 for a child'),
  canWrite: z.boolean().describe('the assigned worker or the station supervisor'),
  canReview: z.boolean().describe('the station supervisor'),
});
export type CaseDetail = z.infer<typeof zCaseDetail>;

export const zCaseQuery = zPageQuery.extend({
  status: z.enum(['open', 'closed']).optional(),
  stage: z.enum(caseStages).optional(),
  riskLevel: z.enum(riskLevels).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('only the caller’s own caseload'),
  residentId: zId.optional(),
  q: z.string().trim().max(40).optional().describe('the start of the client’s name'),
});
export type CaseQuery = z.infer<typeof zCaseQuery>;
export const zCasePage = zPage(zCase);

export const zCaseEvent = z.object({
  id: zId,
  at: zTimestamp,
  username: z.string(),
  actor: zStaffActor.nullable().describe('the person behind the account'),
  action: z
    .string()
    .describe(
      'open, update, form.<stage>, advance, review.<form>, close, transfer, reopen, record, referral …',
    ),
  stage: z.enum(caseStages),
  note: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof zCaseEvent>;

// ——— service records ———

const zCorrectionFields = zResidentFields.partial();
export const zCorrectionPreview = z.object({
  residentId: zId.describe('the client or a member of the client’s household'),
  fields: zCorrectionFields,
});
export const zCorrection = zCorrectionPreview.extend({
  version: zVersion.describe('the resident’s version the preview showed'),
});
export const zCorrectionsPreview = z.object({
  corrections: z.array(zCorrectionPreview).min(1).max(10),
});

export const zCorrectionDiff = z.object({
  residentId: zId,
  residentName: z.string(),
  version: z.number().int(),
  changes: z.array(
    z.object({
      field: z.string(),
      old: z.string().nullable(),
      new: z.string().nullable(),
      masked: z.boolean().describe('a sensitive value shown only as its mask'),
    }),
  ),
});
export type CorrectionDiff = z.infer<typeof zCorrectionDiff>;

export const zServiceRecordCreate = z
  .object({
    id: zId.optional(),
    type: z.enum(serviceRecordTypes),
    at: z.iso.datetime({ offset: true }).describe('when the contact took place'),
    durationMinutes: z.number().int().min(1).max(1440),
    content: zText(4000),
    nextFollowUpDate: zDate
      .optional()
      .describe('sets the case’s next contact; the care rule’s interval when left out'),
    corrections: z.array(zCorrection).max(10).optional(),
    confirmCorrections: z
      .boolean()
      .optional()
      .describe('true once the worker has seen the preview’s diff'),
  })
  .refine((r) => !r.corrections?.length || r.type === 'homeVisit', {
    path: ['corrections'],
    message: 'only a home visit corrects household information',
  });
export type ServiceRecordCreate = z.infer<typeof zServiceRecordCreate>;

export const zServiceRecord = z.object({
  id: zId,
  caseId: zId,
  residentId: zId,
  stage: z.enum(caseStages),
  type: z.enum(serviceRecordTypes),
  at: zTimestamp,
  durationMinutes: z.number().int(),
  content: z.string(),
  nextFollowUpDate: z.string().nullable(),
  corrections: z
    .array(z.object({ residentId: zId, fields: z.array(z.string()) }))
    .nullable()
    .describe('what the visit corrected; old and new values are in the household history'),
  worker: zPerson,
  createdAt: zTimestamp,
});
export type ServiceRecord = z.infer<typeof zServiceRecord>;
export const zServiceRecordCreated = z.object({ record: zServiceRecord, case: zCase });

// ——— resources and referrals ———

const zResourceFields = z.object({
  category: z.enum(resourceCategories),
  name: zText(100),
  provider: zText(100),
  contact: zNote(100).nullable().optional(),
  area: zNote(200).nullable().optional().describe('where it serves'),
  conditions: zNote(1000).nullable().optional().describe('who qualifies, what to bring'),
});
export const zResourceCreate = zResourceFields.extend({
  id: zId.optional(),
  streetId: zId
    .nullable()
    .optional()
    .describe('null: district-wide (district admins); left out: the caller’s street'),
});
export type ResourceCreate = z.infer<typeof zResourceCreate>;
export const zResourceUpdate = zResourceFields.partial().extend({
  version: zVersion,
  status: z.enum(['active', 'retired']).optional(),
});
export type ResourceUpdate = z.infer<typeof zResourceUpdate>;
export const zResource = zResourceFields.extend({
  id: zId,
  streetId: zId.nullable(),
  contact: z.string().nullable(),
  area: z.string().nullable(),
  conditions: z.string().nullable(),
  status: z.enum(['active', 'retired']),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type Resource = z.infer<typeof zResource>;
export const zResourceQuery = zPageQuery.extend({
  category: z.enum(resourceCategories).optional(),
  status: z.enum(['active', 'retired']).optional(),
  q: z.string().trim().max(40).optional().describe('part of the name or provider'),
});
export type ResourceQuery = z.infer<typeof zResourceQuery>;
export const zResourcePage = zPage(zResource);

export const zReferralCreate = z.object({
  id: zId.optional(),
  resourceId: zId,
  note: zNote(1000).nullable().optional(),
});
export type ReferralCreate = z.infer<typeof zReferralCreate>;
export const zReferralTransition = z
  .object({
    version: zVersion,
    status: z.enum(['accepted', 'completed', 'declined']),
    outcome: zNote(1000).optional(),
  })
  .refine((t) => t.status === 'accepted' || !!t.outcome, {
    path: ['outcome'],
    message: 'say how it ended',
  });
export type ReferralTransition = z.infer<typeof zReferralTransition>;
export const zReferral = z.object({
  id: zId,
  caseId: zId,
  resource: z.object({
    id: zId,
    name: z.string(),
    category: z.enum(resourceCategories),
    provider: z.string(),
  }),
  status: z.enum(referralStatuses),
  note: z.string().nullable(),
  outcome: z.string().nullable(),
  requestedBy: zPerson,
  requestedAt: zTimestamp,
  acceptedAt: zTimestamp.nullable(),
  endedAt: zTimestamp.nullable(),
  version: z.number().int(),
  updatedAt: zTimestamp,
});
export type Referral = z.infer<typeof zReferral>;

// ——— follow-ups and care rules ———

export const zCareRulesQuery = z.object({
  streetId: zId.optional().describe('needed by staff of more than one street'),
});
export const zCareRule = z.object({
  tier: z.enum(careTiers),
  intervalDays: z.number().int(),
  isDefault: z.boolean(),
  version: z.number().int().nullable().describe('null while the default applies'),
});
export const zCareRules = z.object({ streetId: zId, rules: z.array(zCareRule) });
export type CareRules = z.infer<typeof zCareRules>;
export const zCareRulesUpdate = z.object({
  streetId: zId.optional(),
  rules: z
    .array(
      z.object({
        tier: z.enum(careTiers),
        intervalDays: z.number().int().min(1).max(365),
        version: zVersion.nullable().optional().describe('the version read; none for a default'),
      }),
    )
    .min(1)
    .max(careTiers.length),
});
export type CareRulesUpdate = z.infer<typeof zCareRulesUpdate>;

export const zTodayQuery = z.object({
  date: zDate.optional().describe('the day to look from (Asia/Shanghai); today when left out'),
});
export const zTodayItem = z.object({
  action: z.enum(todoActions),
  caseId: zId,
  residentId: zId,
  householdId: zId,
  clientName: z.string(),
  riskLevel: z.enum(riskLevels),
  stage: z.enum(caseStages),
  tier: z.enum(careTiers).nullable(),
  dueDate: z.string(),
  daysOverdue: z.number().int().describe('0: due today'),
  assignedWorker: zPerson,
});
export type TodayItem = z.infer<typeof zTodayItem>;
export const zToday = z.object({ date: z.string(), items: z.array(zTodayItem) });

export const zVisitRatesQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
});
export const zVisitRates = z.object({
  stationId: zId,
  month: z.string(),
  tiers: z.array(
    z.object({
      tier: z.enum(careTiers),
      intervalDays: z.number().int(),
      clients: z.number().int(),
      visitedWithinRule: z.number().int(),
      rate: z.number().nullable().describe('visitedWithinRule / clients; null with no clients'),
    }),
  ),
});
export type VisitRates = z.infer<typeof zVisitRates>;

export const zStationWorkers = z.array(zPerson);

// ——— documents ———

export const zPublicationSummary = z.object({
  pseudonym: z.string(),
  text: z
    .string()
    .describe(
      'plain text; names replaced by pseudonyms, no ID numbers, phones, addresses, birth dates',
    ),
});
export type PublicationSummary = z.infer<typeof zPublicationSummary>;
