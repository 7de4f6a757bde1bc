import { z } from 'zod';
import { issueCategories } from '../issues';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';

/**
 * The contract between the issues module and the modules that raise issues (patrols, inspections,
 * campaigns, tips): what a report carries. The issues module owns everything else about an issue.
 */
export const issueSources = ['patrol', 'inspection', 'tip', 'visit', 'manual', 'activity'] as const;
export { issueCategories };
export const issueStatuses = [
  'reported', // 上报
  'accepted', // 受理 / 立案
  'rejected', // 不予立案
  'dispatched', // 派遣
  'handling', // 处置中
  'handled', // 已处置
  'verified', // 已核查
  'reopened', // 退回重办
  'closed', // 结案
  'rated', // 已评价
  'merged', // 并案
] as const;

export const zIssueSource = z.enum(issueSources);
export const zIssueCategory = z.enum(issueCategories);
export const zIssueStatus = z.enum(issueStatuses);

export const zLocation = z.object({
  text: z.string().trim().min(1).max(200),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});

/** A rectification order carried by an issue raised from failed inspection items. */
export const zRectificationOrder = z.object({
  items: z
    .array(
      z.object({
        checklistItemId: z.string(),
        text: z.string(),
        note: z.string().nullable().optional(),
      }),
    )
    .min(1),
  deadline: z.iso.date(),
  requirement: z.string().trim().max(2000).optional(),
});

export type RectificationOrder = z.infer<typeof zRectificationOrder>;

export const zIssueReport = z.object({
  id: zId.optional(),
  source: zIssueSource,
  /** The patrol finding, inspection, tip or visit it came from. */
  sourceId: z.string().optional(),
  category: zIssueCategory,
  /** The grid where it is; required unless a place is named (its grid is used). */
  gridId: zId.optional(),
  placeId: zId.optional(),
  location: zLocation.optional(),
  description: z.string().trim().min(1).max(4000),
  photoIds: z.array(zId).max(20).optional(),
  rectification: zRectificationOrder.optional(),
});
export type IssueReport = z.infer<typeof zIssueReport>;

// ——— the issue flow (GB/T 30428), as the board and the timeline show it ———

/** Who watches an issue: its grid first, one level up each time a step runs past its limit. */
export const issueLevels = ['grid', 'community', 'street', 'district'] as const;
/** The steps that have a time limit, and the statuses each one covers. */
export const issueDeadlineSteps = ['accept', 'dispatch', 'handle', 'verify'] as const;
export const deadlineUnits = ['workingDays', 'days', 'hours'] as const;
/** What a step on the timeline did; all but report, close and escalate are commands a person sends. */
export const issueActions = [
  'report', // 上报
  'accept', // 受理（立案）
  'reject', // 不予立案
  'dispatch', // 派遣
  'sendBack', // 退回（派错部门）
  'startHandling', // 开始处置
  'handle', // 处置完毕
  'verify', // 核查
  'close', // 结案
  'rate', // 评价
  'urge', // 督办
  'merge', // 并案
  'escalate', // 逾期升级
] as const;
/** The board's tabs: 待受理 · 待派遣 · 处置中 · 待核查 · 已结案. */
export const issueTabs = ['reported', 'accepted', 'inProgress', 'handled', 'closed'] as const;
export const issueTabStatuses: Record<IssueTab, readonly IssueStatus[]> = {
  reported: ['reported'],
  accepted: ['accepted'],
  inProgress: ['dispatched', 'handling', 'reopened'],
  handled: ['handled'],
  closed: ['closed', 'rated'],
};

export type IssueSource = (typeof issueSources)[number];
export type IssueCategory = (typeof issueCategories)[number];
export type IssueStatus = (typeof issueStatuses)[number];
export type IssueLevel = (typeof issueLevels)[number];
export type IssueDeadlineStep = (typeof issueDeadlineSteps)[number];
export type DeadlineUnit = (typeof deadlineUnits)[number];
export type IssueAction = (typeof issueActions)[number];
export type IssueTab = (typeof issueTabs)[number];

export const zIssueLevel = z.enum(issueLevels);
export const zIssueAction = z.enum(issueActions);

const zRef = z.object({ id: z.string(), name: z.string() });
const zPhotoRef = z.object({ id: z.string(), url: z.string(), thumbUrl: z.string().nullable() });
const zNote = z.string().trim().max(2000);
/** Whatever is wrong with a rating (none, 0, 4.5, "5"), the answer is the shared 评价须为 1 到 5 分. */
const ratingError = { error: 'RATING_OUT_OF_RANGE' } as const;
const zRequiredNote = z.string().trim().min(1).max(2000);
const zPhotoIds = z.array(zId).max(20).optional();

export const zIssue = z.object({
  id: zId,
  source: zIssueSource,
  sourceId: z.string().nullable(),
  category: zIssueCategory,
  status: zIssueStatus,
  streetId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  location: z
    .object({ text: z.string(), lat: z.number().nullable(), lng: z.number().nullable() })
    .nullable(),
  description: z.string(),
  reporter: zRef,
  department: zRef.nullable().describe('the department it is dispatched to now'),
  assignee: zRef.nullable().describe('the person it is dispatched to now'),
  escalationLevel: zIssueLevel,
  stepDeadline: zTimestamp.nullable().describe('when the current step is due; null when none is'),
  overdue: z.boolean().describe('the current step is past its limit (as of the request)'),
  rating: z.number().int().nullable(),
  mergedInto: z.string().nullable(),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type Issue = z.infer<typeof zIssue>;

/** Commands a person sends to move an issue along; `version` is the issue's version that was read. */
export const issueCommands = [
  'accept',
  'reject',
  'dispatch',
  'sendBack',
  'startHandling',
  'handle',
  'verify',
  'rate',
  'urge',
  'merge',
] as const;
export type IssueCommandName = (typeof issueCommands)[number];

export const zIssueDetail = zIssue.extend({
  rectification: zRectificationOrder.nullable(),
  photos: z.array(zPhotoRef).describe('taken when it was reported'),
  actions: z
    .array(z.enum(issueCommands))
    .describe('what the caller may do now; the UI shows the first as the primary button'),
});
export type IssueDetail = z.infer<typeof zIssueDetail>;

export const zIssueStep = z.object({
  id: zId,
  at: zTimestamp,
  actor: zRef.nullable().describe('null: the system (escalation)'),
  action: zIssueAction,
  fromStatus: zIssueStatus.nullable(),
  toStatus: zIssueStatus,
  note: z.string().nullable(),
  department: zRef.nullable(),
  assignee: zRef.nullable(),
  level: zIssueLevel.nullable().describe('escalate: the level it went up to'),
  relatedIssueId: z.string().nullable().describe('merge: the other issue'),
  rating: z.number().int().nullable(),
  photos: z.array(zPhotoRef),
});
export type IssueStep = z.infer<typeof zIssueStep>;
export const zIssueSteps = z.object({ items: z.array(zIssueStep) });

const withVersion = { version: zVersion, photoIds: zPhotoIds };
export const zIssueCommand = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), ...withVersion, note: zNote.optional() }),
  z.object({ action: z.literal('reject'), ...withVersion, note: zRequiredNote.describe('reason') }),
  z.object({
    action: z.literal('dispatch'),
    ...withVersion,
    departmentId: zId.optional().describe('a department of the district or of the issue’s street'),
    assigneeId: zId.optional().describe('a person; with a department, an officer of it'),
    note: zNote.optional(),
  }),
  z.object({
    action: z.literal('sendBack'),
    ...withVersion,
    note: zRequiredNote.describe('why it is not this department’s'),
  }),
  z.object({ action: z.literal('startHandling'), ...withVersion, note: zNote.optional() }),
  z.object({
    action: z.literal('handle'),
    ...withVersion,
    note: zRequiredNote.describe('what was done'),
  }),
  z.object({
    action: z.literal('verify'),
    ...withVersion,
    fixed: z.boolean(),
    note: zRequiredNote,
  }),
  z.object({
    action: z.literal('rate'),
    ...withVersion,
    rating: z.number(ratingError).int(ratingError).min(1, ratingError).max(5, ratingError),
    note: zNote.optional(),
  }),
  z.object({
    action: z.literal('urge'),
    version: zVersion.optional(),
    photoIds: zPhotoIds,
    note: zRequiredNote,
  }),
  z.object({
    action: z.literal('merge'),
    ...withVersion,
    intoId: zId.describe('the issue that is kept'),
    note: zNote.optional(),
  }),
]);
export type IssueCommand = z.infer<typeof zIssueCommand>;

const booleanQuery = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const zIssueFilter = z.object({
  tab: z.enum(issueTabs).optional(),
  status: zIssueStatus.optional(),
  category: zIssueCategory.optional(),
  communityId: zId.optional(),
  gridId: zId.optional(),
  departmentId: zId.optional().describe('dispatched to this department now'),
  level: zIssueLevel.optional().describe('escalated to this level'),
  overdue: booleanQuery.describe('the current step is past its limit'),
  placeId: zId.optional(),
  q: z.string().trim().max(60).optional().describe('part of the description or location'),
});
export type IssueFilter = z.infer<typeof zIssueFilter>;
export const zIssueQuery = zPageQuery.extend(zIssueFilter.shape);
export type IssueQuery = z.infer<typeof zIssueQuery>;
export const zIssuePage = zPage(zIssue);
export const zIssueCounts = z.object({
  reported: z.number().int(),
  accepted: z.number().int(),
  inProgress: z.number().int(),
  handled: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int().describe('open issues past their step limit, in any tab'),
});
export type IssueCounts = z.infer<typeof zIssueCounts>;

export const zDispatchTargets = z.object({
  departments: z.array(zRef.extend({ level: z.enum(['district', 'street']) })),
});

// ——— deadlines ———

export const zDeadlineLimit = z.object({
  amount: z.number().int().min(1).max(999),
  unit: z.enum(deadlineUnits),
});
export type DeadlineLimit = z.infer<typeof zDeadlineLimit>;
export const zDeadlineRule = zDeadlineLimit.extend({
  step: z.enum(issueDeadlineSteps),
  category: zIssueCategory,
});
export type DeadlineRule = z.infer<typeof zDeadlineRule>;
export const zDeadlineQuery = z.object({
  streetId: zId.optional().describe('leave out for the district-wide rules'),
});
export const zDeadlineTable = z.object({
  streetId: z.string().nullable(),
  version: z.number().int().describe('send it back with a change; 0 when nothing is set here'),
  rules: z.array(
    zDeadlineRule.extend({
      source: z
        .enum(['street', 'district', 'default'])
        .describe('where the limit in force comes from'),
    }),
  ),
  own: z.array(zDeadlineRule).describe('the rules set at this level'),
});
export type DeadlineTable = z.infer<typeof zDeadlineTable>;
export const zDeadlinePut = z.object({
  streetId: zId.nullable().describe('null: the district-wide rules (district admin)'),
  version: z.number().int().min(0),
  rules: z.array(zDeadlineRule).max(issueDeadlineSteps.length * issueCategories.length),
});
export type DeadlinePut = z.infer<typeof zDeadlinePut>;

// ——— the working-day calendar (工作日历) ———

export const workdayKinds = ['workday', 'holiday'] as const;
export const zWorkdayYearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});
export const zWorkdayDay = z.object({ day: z.iso.date() });
export const zWorkdayOverridePut = z.object({
  kind: z.enum(workdayKinds).describe('workday: worked (a 调休 weekend day); holiday: a day off'),
  note: z.string().trim().max(200).optional(),
});
export type WorkdayOverridePut = z.infer<typeof zWorkdayOverridePut>;
export const zWorkdayOverride = z.object({
  day: z.iso.date(),
  kind: z.enum(workdayKinds),
  note: z.string().nullable(),
  updatedBy: zRef,
  updatedAt: z.string(),
});
export type WorkdayOverride = z.infer<typeof zWorkdayOverride>;
export const zWorkdayYear = z.object({
  year: z.number().int(),
  /** The State Council's days off and worked weekend days that year, as the package has them. */
  holidays: z.array(z.iso.date()),
  swappedWorkdays: z.array(z.iso.date()),
  overrides: z.array(zWorkdayOverride),
});
export type WorkdayYear = z.infer<typeof zWorkdayYear>;

// ——— escalation notices ———

export const zIssueNotice = z.object({
  id: zId,
  issueId: zId,
  kind: z.enum(['escalation', 'urge']),
  level: zIssueLevel.nullable(),
  unit: zRef,
  note: z.string().nullable(),
  issueStatus: zIssueStatus,
  issueDescription: z.string(),
  createdAt: zTimestamp,
  readAt: zTimestamp.nullable(),
});
export type IssueNotice = z.infer<typeof zIssueNotice>;
export const zIssueNoticeQuery = zPageQuery.extend({ unread: booleanQuery });
export const zIssueNoticePage = zPage(zIssueNotice);
/**
 * Nothing to send: overdue is judged against the server's clock. Strict, so a client that still sends
 * a `now` is told it no longer counts instead of having it silently dropped.
 */
export const zEscalateRun = z.strictObject({}).optional();
export const zEscalateResult = z.object({ escalated: z.number().int() });
