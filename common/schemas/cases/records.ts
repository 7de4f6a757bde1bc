// 服务记录 (service records), with the household details a home visit corrects.
import { z } from 'zod';
import { wordedAs } from '../../validation';
import { zId, zTimestamp, zVersion } from '../common';
import { zResidentFields } from '../people';
import { zCase } from './case';
import { caseStages, serviceRecordTypes } from './codes';
import { zDate, zPerson, zText } from './fields';

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
    ...wordedAs('homeVisitOnly'),
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
