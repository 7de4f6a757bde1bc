// 资源库 (resources) and 链接资源 (referrals) of a case to them.
import { z } from 'zod';
import { wordedAs } from '../../validation';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from '../common';
import { referralStatuses, resourceCategories } from './codes';
import { zNote, zPerson, zText } from './fields';

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
    ...wordedAs('outcome'),
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
