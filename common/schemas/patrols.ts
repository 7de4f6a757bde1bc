import { z } from 'zod';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';
import { zIssueCategory, zLocation } from './issues';

/** A grid worker's walk through the grid (巡查), with what was found and which places were visited. */
export const patrolStatuses = ['open', 'ended'] as const;
/** A finding is a problem seen (it can become an issue); a visit marks a place as swept (摸排). */
export const findingKinds = ['finding', 'visited'] as const;

const zRef = z.object({ id: z.string(), name: z.string() });
const zPhotoRef = z.object({ id: z.string(), url: z.string(), thumbUrl: z.string().nullable() });
const zClientTime = z.iso
  .datetime({ offset: true })
  .optional()
  .describe('when it happened, as the phone recorded it offline; now when left out');

export const zPatrolStart = z.object({
  id: zId.optional().describe('made on the phone, so a resend starts nothing new'),
  gridId: zId.optional().describe('needed only by a worker of several grids'),
  note: z.string().trim().max(500).optional(),
  startedAt: zClientTime,
});
export type PatrolStart = z.infer<typeof zPatrolStart>;

export const zPatrolEnd = z.object({
  version: zVersion,
  note: z.string().trim().max(2000).optional().describe('a summary of the round'),
  endedAt: zClientTime,
});
export type PatrolEnd = z.infer<typeof zPatrolEnd>;

export const zFindingCreate = z.object({
  id: zId.optional().describe('made on the phone, so a resend adds nothing new'),
  kind: z.enum(findingKinds).default('finding'),
  placeId: zId.optional().describe('required for a visit'),
  location: zLocation.optional(),
  description: z
    .string()
    .trim()
    .max(4000)
    .optional()
    .describe('what was seen; required for a finding'),
  photoIds: z.array(zId).max(20).optional(),
  at: zClientTime,
});
export type FindingCreate = z.infer<typeof zFindingCreate>;

export const zFinding = z.object({
  id: zId,
  patrolId: zId,
  kind: z.enum(findingKinds),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  location: z
    .object({ text: z.string(), lat: z.number().nullable(), lng: z.number().nullable() })
    .nullable(),
  description: z.string().nullable(),
  at: zTimestamp,
  issueId: z.string().nullable().describe('the issue it was reported as'),
  photos: z.array(zPhotoRef),
});
export type Finding = z.infer<typeof zFinding>;

export const zPatrol = z.object({
  id: zId,
  status: z.enum(patrolStatuses),
  gridId: z.string(),
  gridName: z.string(),
  communityName: z.string(),
  worker: zRef,
  startedAt: zTimestamp,
  endedAt: zTimestamp.nullable(),
  note: z.string().nullable(),
  endNote: z.string().nullable(),
  findings: z.number().int().describe('problems found'),
  visits: z.number().int().describe('places marked visited'),
  issues: z.number().int().describe('findings reported as issues'),
  version: z.number().int(),
});
export type Patrol = z.infer<typeof zPatrol>;
export const zPatrolDetail = zPatrol.extend({
  items: z.array(zFinding).describe('findings and visits, in the order they happened'),
  mine: z.boolean().describe('the caller is the worker on this patrol'),
});
export type PatrolDetail = z.infer<typeof zPatrolDetail>;

export const zPatrolQuery = zPageQuery.extend({
  gridId: zId.optional(),
  communityId: zId.optional(),
  workerId: zId.optional(),
  status: z.enum(patrolStatuses).optional(),
  from: z.iso.date().optional().describe('first day (Asia/Shanghai) the patrol started on'),
  to: z.iso.date().optional().describe('last day'),
});
export type PatrolQuery = z.infer<typeof zPatrolQuery>;
export const zPatrolPage = zPage(zPatrol);

export const zFindingParams = z.object({ id: zId, findingId: zId });
export const zFindingReport = z.object({
  issueId: zId.optional().describe('made on the phone, so a resend reports nothing new'),
  category: zIssueCategory,
  description: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .optional()
    .describe('the finding’s own text when left out'),
});
export type FindingReport = z.infer<typeof zFindingReport>;
export const zFindingReported = z.object({ issueId: zId, created: z.boolean() });

export const zCoverageQuery = z.object({
  gridId: zId,
  from: z.iso
    .date()
    .optional()
    .describe('first day (Asia/Shanghai); the 1st of this month by default'),
  to: z.iso.date().optional().describe('last day; today by default'),
});
export const zCoverage = z.object({
  gridId: z.string(),
  gridName: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number().int().describe('open places of the grid'),
  visited: z.number().int().describe('of them, visited at least once in the period'),
  places: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      category: z.string(),
      visits: z.number().int(),
      lastVisitedAt: zTimestamp.nullable(),
    }),
  ),
});
export type Coverage = z.infer<typeof zCoverage>;
