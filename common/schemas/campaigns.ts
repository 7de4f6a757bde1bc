import { z } from 'zod';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';
import { zIssueCategory } from './issues';
import { zSurveyAnswerValue, zSurveyVersion } from './surveys';

/**
 * Campaigns (宣传走访活动): materials carried door to door to the households of some communities or
 * grids, with an optional questionnaire answered at the door. A household is reached when its latest
 * visit delivered the materials; not at home asks for a revisit; a refusal is counted on its own.
 */
export const campaignStatuses = ['planned', 'active', 'ended'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export const visitOutcomes = ['delivered', 'notHome', 'refused'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];
/** The phone's filter: not visited yet, or the latest outcome. */
export const householdFilters = ['pending', ...visitOutcomes] as const;

const zRef = z.object({ id: z.string(), name: z.string() });
const zPhotoRef = z.object({ id: z.string(), url: z.string(), thumbUrl: z.string().nullable() });
const zMaterial = z.string().trim().min(1).max(100);

const zCampaignFields = z.object({
  title: z.string().trim().min(1).max(200),
  materials: z.array(zMaterial).min(1).max(20).describe('what is handed out at each door'),
  surveyId: zId.nullable().optional().describe('a questionnaire answered at the door'),
  targetUnitIds: z
    .array(zId)
    .min(1)
    .max(100)
    .describe('communities or grids; their active households are the campaign’s households'),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  note: z.string().trim().max(2000).nullable().optional(),
});

export const zCampaignCreate = zCampaignFields.extend({
  id: zId.optional().describe('made by the client, so a resend creates nothing new'),
  ownerUnitId: zId.describe('the street or community that runs the campaign'),
  status: z.enum(campaignStatuses).default('planned'),
});
export type CampaignCreate = z.input<typeof zCampaignCreate>;

export const zCampaignUpdate = zCampaignFields.partial().extend({
  version: zVersion,
  status: z.enum(campaignStatuses).optional(),
});
export type CampaignUpdate = z.input<typeof zCampaignUpdate>;

/** Coverage of one grid, community or worker: households counted once however many visits. */
export const zCoverageRow = z.object({
  id: z.string(),
  name: z.string(),
  communityName: z.string().optional(),
  target: z
    .number()
    .int()
    .nullable()
    .describe('households of the unit; null for a worker (who has no households of their own)'),
  visited: z.number().int().describe('households visited at least once'),
  reached: z.number().int().describe('households whose latest visit delivered the materials'),
  notHome: z.number().int().describe('latest visit: not at home (to revisit)'),
  refused: z.number().int().describe('latest visit: refused'),
  share: z.number().describe('reached ÷ target (÷ visited for a worker), 0–1'),
});
export type CoverageRow = z.infer<typeof zCoverageRow>;

export const zCampaignCoverage = z.object({
  total: zCoverageRow,
  byCommunity: z.array(zCoverageRow),
  byGrid: z.array(zCoverageRow),
  byWorker: z.array(zCoverageRow).describe('each household counted for who visited it last'),
});
export type CampaignCoverage = z.infer<typeof zCampaignCoverage>;

export const zCampaign = z.object({
  id: zId,
  title: z.string(),
  owner: zRef.extend({ kind: z.string() }),
  materials: z.array(z.string()),
  surveyId: z.string().nullable(),
  targets: z.array(zRef.extend({ kind: z.enum(['community', 'grid']) })),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(campaignStatuses),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
  summary: z.object({ target: z.number().int(), reached: z.number().int(), share: z.number() }),
});
export type Campaign = z.infer<typeof zCampaign>;

export const zCampaignDetail = zCampaign.extend({
  survey: zSurveyVersion.nullable().describe('the published version answered at the door'),
  coverage: zCampaignCoverage,
  canEdit: z.boolean(),
  canVisit: z.boolean().describe('the caller records visits (grid worker, community staff)'),
});
export type CampaignDetail = z.infer<typeof zCampaignDetail>;

export const zCampaignQuery = zPageQuery.extend({
  status: z.enum(campaignStatuses).optional(),
  q: z.string().trim().max(100).optional(),
});
export type CampaignQuery = z.infer<typeof zCampaignQuery>;
export const zCampaignPage = zPage(zCampaign);

export const zCampaignHousehold = z.object({
  householdId: zId,
  address: z.string(),
  headName: z.string().describe('masked'),
  gridId: z.string(),
  gridName: z.string(),
  communityName: z.string(),
  outcome: z.enum(visitOutcomes).nullable().describe('of the latest visit; null before any'),
  visits: z.number().int(),
  lastVisitAt: zTimestamp.nullable(),
  lastWorker: z.string().nullable(),
});
export type CampaignHousehold = z.infer<typeof zCampaignHousehold>;

export const zCampaignHouseholdQuery = z.object({
  gridId: zId.optional(),
  filter: z.enum(householdFilters).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .describe('only the households the caller may visit (their grid)'),
});
export type CampaignHouseholdQuery = z.infer<typeof zCampaignHouseholdQuery>;
export const zCampaignHouseholds = z.object({
  items: z.array(zCampaignHousehold),
  counts: z.object({
    all: z.number().int(),
    pending: z.number().int(),
    delivered: z.number().int(),
    notHome: z.number().int(),
    refused: z.number().int(),
  }),
});
export type CampaignHouseholds = z.infer<typeof zCampaignHouseholds>;

export const zVisitCreate = z.object({
  id: zId.optional().describe('made on the phone, so a resend records nothing new'),
  householdId: zId,
  outcome: z.enum(visitOutcomes),
  note: z.string().trim().max(2000).optional(),
  photoIds: z.array(zId).max(20).optional(),
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('when, as the phone recorded it offline; now when left out'),
  survey: z
    .object({
      answerId: zId.optional(),
      versionId: z.string().optional(),
      answers: z.record(z.string(), zSurveyAnswerValue),
    })
    .optional()
    .describe('the questionnaire answered at the door; only with delivered'),
  issue: z
    .object({
      id: zId.optional(),
      category: zIssueCategory,
      description: z.string().trim().min(1).max(4000),
      photoIds: z.array(zId).max(20).optional(),
    })
    .optional()
    .describe('a problem seen at the door, reported as an issue in the same step'),
});
export type VisitCreate = z.input<typeof zVisitCreate>;

export const zVisit = z.object({
  id: zId,
  campaignId: zId,
  householdId: zId,
  outcome: z.enum(visitOutcomes),
  note: z.string().nullable(),
  at: zTimestamp,
  worker: zRef,
  surveyAnswerId: z.string().nullable(),
  issueId: z.string().nullable(),
  photos: z.array(zPhotoRef),
});
export type Visit = z.infer<typeof zVisit>;

export const zCampaignHouseholdParams = z.object({ id: zId, householdId: zId });
export const zCampaignHouseholdDetail = zCampaignHousehold.extend({
  visitsList: z.array(zVisit).describe('newest first'),
  canVisit: z.boolean(),
  surveyAnswered: z
    .boolean()
    .describe('the household already answered the campaign’s survey (one answer per household)'),
});
export type CampaignHouseholdDetail = z.infer<typeof zCampaignHouseholdDetail>;
