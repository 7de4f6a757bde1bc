// 整改通知书 (rectification notices): what a place must fix, by when, and its re-inspections.
import { z } from 'zod';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from '../common';
import { noticeStatuses } from './codes';
import { optionalText, zStaffRef, zStoredFileRef } from './fields';

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
