// A case: open, change, advance, review, transfer, reopen; its list, events and published summary.
import { z } from 'zod';
import { wordedAs } from '../../validation';
import { zStaffActor } from '../auth';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from '../common';
import { caseSources, caseStages, closureReasons, reviewedForms, riskLevels } from './codes';
import { zDate, zNote, zPerson, zText } from './fields';
import { zCaseForm, zIntakeForm } from './forms';

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
    ...wordedAs('returnNote'),
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

export const zPublicationSummary = z.object({
  pseudonym: z.string(),
  text: z
    .string()
    .describe(
      'plain text; names replaced by pseudonyms, no ID numbers, phones, addresses, birth dates',
    ),
});
export type PublicationSummary = z.infer<typeof zPublicationSummary>;
