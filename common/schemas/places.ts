import { z } from 'zod';
import { roles } from '../roles';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';
import { zIssueStatus } from './issues';

/** Kinds of place (场所 / 实有单位); labels in the i18n group `places.categories`. */
export const placeCategories = [
  'shop', // 商铺
  'convenienceMarket', // 便民市场
  'market', // 市场
  'pharmacy', // 药店
  'restaurant', // 餐饮
  'enterprise', // 企业
  'propertyCompany', // 物业公司
  'publicUnit', // 机关事业单位
  'school', // 学校
  'other',
] as const;
export const placeStatuses = ['active', 'closed'] as const;

/** What a checklist is about; it decides the issue category and the legal basis on a notice. */
export const checklistTopics = [
  'epidemic',
  'gasSafety',
  'fireSafety',
  'sanitation',
  'other',
] as const;
/** When an item needs a photo: never, when it fails, or whatever the result (not applicable never needs one). */
export const photoRequirements = ['never', 'onFail', 'always'] as const;
export const inspectionModes = ['routine', 'unannounced', 'joint'] as const;
export const itemResults = ['pass', 'fail', 'notApplicable'] as const;
/** draft → (submit) → completed, or awaitingSignOff until every named department has signed. */
export const inspectionStatuses = ['draft', 'awaitingSignOff', 'completed'] as const;
export const inspectionResults = ['pass', 'fail'] as const;
/** issued → rectified (a re-inspection found every item fixed) or notRectified (and re-inspected again). */
export const noticeStatuses = ['issued', 'rectified', 'notRectified'] as const;

export const zPlaceCategory = z.enum(placeCategories);
export const zChecklistTopic = z.enum(checklistTopics);
export const zInspectionMode = z.enum(inspectionModes);
export const zItemResult = z.enum(itemResults);

const zDay = z.iso.date();
const zPhone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'a mobile or landline number');
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// ——— places ———

export const zPlaceFields = z.object({
  name: z.string().trim().min(1).max(100),
  category: zPlaceCategory,
  gridId: zId,
  address: z.string().trim().min(1).max(200),
  licenceNo: optionalText(40).describe('business licence or unified social credit code'),
  personInCharge: optionalText(40),
  phone: zPhone.nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
});
export const zPlaceCreate = zPlaceFields.extend({ id: zId.optional() });
export type PlaceCreate = z.infer<typeof zPlaceCreate>;
export const zPlaceUpdate = zPlaceFields
  .partial()
  .extend({ version: zVersion, status: z.enum(placeStatuses).optional() });
export type PlaceUpdate = z.infer<typeof zPlaceUpdate>;

export const zPlace = z.object({
  id: zId,
  name: z.string(),
  category: zPlaceCategory,
  status: z.enum(placeStatuses),
  streetId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  address: z.string(),
  licenceNo: z.string().nullable(),
  personInCharge: z.string().nullable(),
  phone: z.string().nullable().describe('masked (138****5678) in lists, whole on the place’s page'),
  phoneMasked: z.boolean(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type Place = z.infer<typeof zPlace>;

export const zPlaceQuery = zPageQuery.extend({
  q: z.string().trim().max(60).optional().describe('part of the name, licence number or address'),
  category: zPlaceCategory.optional(),
  communityId: zId.optional(),
  gridId: zId.optional(),
  status: z.enum(placeStatuses).optional(),
});
export type PlaceQuery = z.infer<typeof zPlaceQuery>;
export const zPlacePage = zPage(zPlace);

/** Why a row of a places register is not imported (messages: places.importProblems). */
export const placeImportProblemCodes = [
  'REQUIRED',
  'UNKNOWN_LABEL',
  'TOO_LONG',
  'BAD_PHONE',
  'BAD_NUMBER',
  'UNKNOWN_COMMUNITY',
  'AMBIGUOUS_COMMUNITY',
  'UNKNOWN_GRID',
  'LICENCE_TAKEN',
  'PLACE_EXISTS',
  'DUPLICATE_IN_FILE',
] as const;

// ——— checklists ———

export const zChecklistItemInput = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe('keep an item’s id when editing it; a new item gets one'),
  text: z.string().trim().min(1).max(200),
  category: z.string().trim().max(40).nullable().optional(),
  photoRequired: z.enum(photoRequirements).default('never'),
});
export const zChecklistItem = z.object({
  id: z.string(),
  text: z.string(),
  category: z.string().nullable(),
  photoRequired: z.enum(photoRequirements),
});
export type ChecklistItem = z.infer<typeof zChecklistItem>;

export const zChecklistCreate = z.object({
  id: zId.optional(),
  name: z.string().trim().min(1).max(60),
  topic: zChecklistTopic,
  description: optionalText(500),
  ownerUnitId: zId
    .optional()
    .describe('the district or street whose checklist it is; by default the caller’s own'),
  items: z.array(zChecklistItemInput).min(1).max(100),
});
export type ChecklistCreate = z.infer<typeof zChecklistCreate>;
/** Every edit makes a new version; inspections keep the version they were done with. */
export const zChecklistUpdate = z.object({
  version: zVersion,
  name: z.string().trim().min(1).max(60).optional(),
  topic: zChecklistTopic.optional(),
  description: optionalText(500),
  items: z.array(zChecklistItemInput).min(1).max(100),
});
export type ChecklistUpdate = z.infer<typeof zChecklistUpdate>;

export const zChecklistVersion = z.object({
  id: zId,
  checklistId: zId,
  number: z.number().int(),
  name: z.string(),
  topic: zChecklistTopic,
  items: z.array(zChecklistItem),
  createdBy: z.string(),
  createdAt: zTimestamp,
});
export type ChecklistVersion = z.infer<typeof zChecklistVersion>;

export const zChecklist = z.object({
  id: zId,
  name: z.string(),
  topic: zChecklistTopic,
  description: z.string().nullable(),
  ownerUnitId: z.string(),
  ownerName: z.string(),
  status: z.enum(['active', 'retired']),
  currentVersion: z.number().int(),
  currentVersionId: zId,
  items: z.array(zChecklistItem).describe('the current version’s items'),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type Checklist = z.infer<typeof zChecklist>;
export const zChecklistQuery = z.object({
  includeRetired: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const zChecklistVersionParams = z.object({
  id: zId,
  number: z.coerce.number().int().min(1),
});

// ——— inspections ———

export const zItemResultInput = z.object({
  itemId: z.string().min(1).max(40),
  result: zItemResult,
  note: optionalText(500),
  photoIds: z.array(zId).max(10).optional(),
});
export type ItemResultInput = z.infer<typeof zItemResultInput>;

export const zInspectionCreate = z.object({
  id: zId.optional(),
  placeId: zId,
  checklistId: zId,
  mode: zInspectionMode,
  departmentIds: z
    .array(zId)
    .max(10)
    .default([])
    .describe('departments on the team; each signs the inspection off (required for joint)'),
  teamIds: z.array(zId).max(20).default([]).describe('staff on the team; the caller is added'),
  at: z.iso.datetime({ offset: true }),
  results: z.array(zItemResultInput).max(100).optional(),
});
export type InspectionCreate = z.infer<typeof zInspectionCreate>;
/** Who may be named on an inspection of a place: the departments that may join and the staff around it. */
export const zInspectionTeamOptions = z.object({
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  staff: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(roles),
      unitId: z.string(),
      unitName: z.string(),
    }),
  ),
});
export type InspectionTeamOptions = z.infer<typeof zInspectionTeamOptions>;

export const zInspectionResults = z.object({
  version: zVersion,
  results: z.array(zItemResultInput).min(1).max(100),
});
export const zRectificationInput = z.object({
  deadline: zDay.describe('the day by which the failed items must be fixed (Asia/Shanghai)'),
  requirement: optionalText(2000),
});
export const zInspectionSubmit = z.object({
  version: zVersion,
  results: z.array(zItemResultInput).max(100).optional(),
  summary: optionalText(2000),
  rectification: zRectificationInput
    .optional()
    .describe('required when any item failed: the failed items raise one issue with this order'),
  issueNotice: z
    .boolean()
    .default(true)
    .describe('issue the numbered rectification notice at once when items failed'),
});
export type InspectionSubmit = z.infer<typeof zInspectionSubmit>;
export const zSignOff = z.object({
  version: zVersion,
  departmentId: zId.optional().describe('needed only by an officer of several named departments'),
  note: optionalText(500),
});

const zStoredFileRef = z.object({
  id: z.string(),
  url: z.string(),
  thumbUrl: z.string().nullable(),
});
const zStaffRef = z.object({ id: z.string(), name: z.string() });

export const zInspectionItem = zChecklistItem.extend({
  result: zItemResult.nullable(),
  note: z.string().nullable(),
  photos: z.array(zStoredFileRef),
});
export const zInspection = z.object({
  id: zId,
  placeId: zId,
  placeName: z.string(),
  placeAddress: z.string(),
  checklistId: zId,
  checklistName: z.string(),
  checklistVersion: z.number().int(),
  checklistVersionId: zId,
  topic: zChecklistTopic,
  mode: zInspectionMode,
  status: z.enum(inspectionStatuses),
  result: z.enum(inspectionResults).nullable(),
  at: zTimestamp,
  team: z.array(zStaffRef),
  departments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      signedBy: zStaffRef.nullable(),
      signedAt: zTimestamp.nullable(),
      note: z.string().nullable(),
    }),
  ),
  items: z.array(zInspectionItem).describe('the items of the checklist version it was done with'),
  summary: z.string().nullable(),
  rectificationDeadline: z.string().nullable(),
  rectificationRequirement: z.string().nullable(),
  issueId: z.string().nullable(),
  noticeId: z.string().nullable(),
  noticeNumber: z.string().nullable(),
  createdBy: zStaffRef,
  createdAt: zTimestamp,
  submittedAt: zTimestamp.nullable(),
  completedAt: zTimestamp.nullable(),
  version: z.number().int(),
});
export type Inspection = z.infer<typeof zInspection>;

export const zInspectionSummary = z.object({
  id: zId,
  placeId: zId,
  placeName: z.string(),
  checklistName: z.string(),
  checklistVersion: z.number().int(),
  mode: zInspectionMode,
  status: z.enum(inspectionStatuses),
  result: z.enum(inspectionResults).nullable(),
  at: zTimestamp,
  failedItems: z.number().int(),
  issueId: z.string().nullable(),
  noticeId: z.string().nullable(),
  noticeNumber: z.string().nullable(),
});
export type InspectionSummary = z.infer<typeof zInspectionSummary>;
export const zInspectionQuery = zPageQuery.extend({
  placeId: zId.optional(),
  gridId: zId.optional(),
  communityId: zId.optional(),
  status: z.enum(inspectionStatuses).optional(),
  mode: zInspectionMode.optional(),
  result: z.enum(inspectionResults).optional(),
  from: zDay.optional(),
  to: zDay.optional(),
});
export type InspectionQuery = z.infer<typeof zInspectionQuery>;
export const zInspectionPage = zPage(zInspectionSummary);

// ——— rectification notices (整改通知书) ———

export const zNoticeIssue = z.object({
  id: zId.optional().describe('so that a resend issues nothing new'),
});
export const zReinspect = z.object({
  id: zId.optional(),
  version: zVersion,
  results: z
    .array(
      z.object({
        checklistItemId: z.string().min(1).max(40),
        result: z.enum(['pass', 'fail']),
        note: optionalText(500),
        photoIds: z.array(zId).max(10).optional(),
      }),
    )
    .min(1)
    .max(100)
    .describe('one per item of the notice'),
  note: optionalText(2000),
});
export type Reinspect = z.infer<typeof zReinspect>;

export const zNoticeItem = z.object({
  checklistItemId: z.string(),
  text: z.string(),
  note: z.string().nullable(),
});
export const zReinspection = z.object({
  id: zId,
  at: zTimestamp,
  by: zStaffRef,
  fixed: z.boolean(),
  note: z.string().nullable(),
  results: z.array(
    z.object({
      checklistItemId: z.string(),
      result: z.enum(['pass', 'fail']),
      note: z.string().nullable(),
      photos: z.array(zStoredFileRef),
    }),
  ),
});
export const zNotice = z.object({
  id: zId,
  number: z.string().describe('振华〔2026〕第0012号'),
  year: z.number().int(),
  seq: z.number().int(),
  inspectionId: zId,
  issueId: z.string().nullable(),
  placeId: zId,
  placeName: z.string(),
  items: z.array(zNoticeItem),
  deadline: z.string(),
  requirement: z.string().nullable(),
  legalBasis: z.string(),
  issuingUnit: z.string(),
  issuedBy: zStaffRef,
  issuedAt: zTimestamp,
  status: z.enum(noticeStatuses),
  reinspections: z.array(zReinspection),
  version: z.number().int(),
});
export type Notice = z.infer<typeof zNotice>;
export const zNoticeSummary = zNotice.pick({
  id: true,
  number: true,
  inspectionId: true,
  issueId: true,
  placeId: true,
  placeName: true,
  deadline: true,
  issuedAt: true,
  status: true,
});
export type NoticeSummary = z.infer<typeof zNoticeSummary>;
export const zNoticeQuery = zPageQuery.extend({
  placeId: zId.optional(),
  status: z.enum(noticeStatuses).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const zNoticePage = zPage(zNoticeSummary);

// ——— a place's page ———

export const zPlaceHistory = z.object({
  inspections: z.array(zInspectionSummary).describe('newest first, at most 100'),
  notices: z.array(zNoticeSummary).describe('newest first, at most 100'),
  issues: z
    .array(
      z.object({
        id: z.string(),
        inspectionId: z.string(),
        status: zIssueStatus,
        stepDeadline: zTimestamp.nullable(),
        overdue: z.boolean(),
      }),
    )
    .describe(
      'the issues its inspections raised, as they stand; GET /api/issues?placeId= lists all of the place’s issues',
    ),
});
export type PlaceHistory = z.infer<typeof zPlaceHistory>;
