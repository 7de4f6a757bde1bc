// 检查 (inspections): one check of a place against a checklist, alone or jointly.
import { z } from 'zod';
import { roles } from '../../roles';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from '../common';
import { zChecklistItem } from './checklists';
import {
  inspectionResults,
  inspectionStatuses,
  zChecklistTopic,
  zInspectionMode,
  zItemResult,
} from './codes';
import { optionalText, zDay, zStaffRef, zStoredFileRef } from './fields';

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
