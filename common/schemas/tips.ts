import { z } from 'zod';
import { wordedAs } from '../validation';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';
import { zIssueCategory } from './issues';
import {
  tipActions,
  tipCategories,
  tipChannels,
  tipPublicPhases,
  tipStatuses,
  tipTopics,
} from '../tips';

/** The requests and replies of tips; the lists and the tracking code's form are in common/tips.ts. */
export {
  normaliseTrackingCode,
  TRACKING_ALPHABET,
  tipActions,
  tipCategories,
  tipChannels,
  tipPublicPhases,
  tipStatuses,
  tipTopics,
  type TipChannel,
  type TipTopic,
  type TipCategory,
  type TipStatus,
  type TipPublicPhase,
} from '../tips';

const zText = (max: number) => z.string().trim().min(1).max(max);
const zPhone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, wordedAs('anyPhone'));

const tipBody = {
  topic: z.enum(tipTopics),
  category: z.enum(tipCategories),
  communityId: zId.optional(),
  address: z.string().trim().max(200).optional(),
  description: zText(4000),
  contactName: z.string().trim().max(50).optional(),
  contactPhone: zPhone.optional(),
};

/** Staff take a tip from the hotline, an e-mail or a visit. */
export const zTipCreate = z.object({
  id: zId.optional(),
  channel: z.enum(tipChannels),
  streetId: zId,
  ...tipBody,
  photoIds: z.array(zId).max(20).optional(),
});
export type TipCreate = z.infer<typeof zTipCreate>;

/** A resident on the public form; the solved challenge proves a little work was done. */
export const zPublicTipCreate = z.object({
  streetId: zId,
  ...tipBody,
  altcha: z.string().min(1).max(4000).describe('the solved proof-of-work challenge, base64 JSON'),
});
export type PublicTipCreate = z.infer<typeof zPublicTipCreate>;

export const zTipCreated = z.object({ trackingCode: z.string(), submittedAt: zTimestamp });

export const zTipStep = z.object({
  id: z.string(),
  action: z.enum(tipActions),
  fromStatus: z.string().nullable(),
  toStatus: z.enum(tipStatuses),
  publicReply: z.string().nullable(),
  internalNote: z.string().nullable(),
  actorName: z.string().nullable(),
  at: zTimestamp,
});
export type TipStep = z.infer<typeof zTipStep>;

export const zTip = z.object({
  id: zId,
  trackingCode: z.string(),
  channel: z.enum(tipChannels),
  topic: z.enum(tipTopics),
  category: z.enum(tipCategories),
  streetId: z.string(),
  streetName: z.string(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable().describe('masked'),
  status: z.enum(tipStatuses),
  publicPhase: z.enum(tipPublicPhases),
  issueId: z.string().nullable(),
  issueStatus: z.string().nullable(),
  intakeReferralId: z.string().nullable(),
  referralStatus: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
  version: z.number(),
});
export type Tip = z.infer<typeof zTip>;

export const zTipDetail = zTip.extend({
  steps: z.array(zTipStep),
  photos: z.array(z.object({ id: z.string(), url: z.string(), thumbUrl: z.string().nullable() })),
  /** What the caller may do now. */
  actions: z.array(z.enum(tipActions)),
});
export type TipDetail = z.infer<typeof zTipDetail>;

export const zTipQuery = zPageQuery.extend({
  status: z.enum(tipStatuses).optional(),
  topic: z.enum(tipTopics).optional(),
  channel: z.enum(tipChannels).optional(),
  q: z.string().trim().max(50).optional().describe('a tracking code or words of the description'),
});
export type TipQuery = z.infer<typeof zTipQuery>;
export const zTipPage = zPage(zTip);

const zReply = z.string().trim().max(2000);
const zNote = z.string().trim().max(2000).optional();

export const zTipTriage = z.object({
  version: zVersion,
  topic: z.enum(tipTopics).optional().describe('corrects what the tip is about'),
  category: z.enum(tipCategories).optional(),
  communityId: zId.optional().describe('a community of the tip’s street, when it was not known'),
  publicReply: zReply.optional(),
  internalNote: zNote,
});
export const zTipConvertIssue = z.object({
  version: zVersion,
  issueId: zId.optional().describe('made by the client, so a resend raises one issue'),
  gridId: zId,
  category: zIssueCategory,
  description: z.string().trim().min(1).max(4000).optional(),
  publicReply: zReply.optional(),
  internalNote: zNote,
});
export const zTipConvertCase = z.object({
  version: zVersion,
  referralId: zId.optional(),
  residentId: zId.optional(),
  name: z.string().trim().min(1).max(50).optional().describe('the contact name when left out'),
  need: z.string().trim().min(1).max(2000),
  publicReply: zReply.optional(),
  internalNote: zNote,
});
export const zTipAnswer = z.object({
  version: zVersion,
  publicReply: z.string().trim().max(2000).describe('required: the answer the resident reads'),
  internalNote: zNote,
});
export const zTipDismiss = z.object({
  version: zVersion,
  reason: z.string().trim().max(2000).describe('required: the reason the resident reads'),
  internalNote: zNote,
});
export const zTipClose = z.object({
  version: zVersion,
  publicReply: zReply.optional(),
  internalNote: zNote,
});
export type TipTriage = z.infer<typeof zTipTriage>;
export type TipConvertIssue = z.infer<typeof zTipConvertIssue>;
export type TipConvertCase = z.infer<typeof zTipConvertCase>;
export type TipAnswer = z.infer<typeof zTipAnswer>;
export type TipDismiss = z.infer<typeof zTipDismiss>;
export type TipClose = z.infer<typeof zTipClose>;

// ——— public ———

export const zTrackingParams = z.object({ trackingCode: z.string().trim().min(1).max(20) });
export const zTipChallenge = z.object({
  parameters: z.record(z.string(), z.unknown()),
  signature: z.string().optional(),
});
export const zPublicTipStatus = z.object({
  trackingCode: z.string(),
  topic: z.enum(tipTopics),
  category: z.enum(tipCategories),
  phase: z.enum(tipPublicPhases),
  submittedAt: zTimestamp,
  updatedAt: zTimestamp,
  replies: z.array(z.object({ at: zTimestamp, phase: z.enum(tipPublicPhases), text: z.string() })),
  canRate: z.boolean(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
});
export type PublicTipStatus = z.infer<typeof zPublicTipStatus>;
export const zTipRating = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).optional(),
});
export const zPublicStreets = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    communities: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
);
export type PublicStreets = z.infer<typeof zPublicStreets>;

// ——— intake referrals (转介社工站) ———

export const intakeReferralStatuses = ['pending', 'accepted', 'declined'] as const;
export const zIntakeReferral = z.object({
  id: zId,
  streetId: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  residentId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable().describe('masked'),
  need: z.string(),
  source: z.enum(['tip', 'activity']),
  sourceId: z.string(),
  status: z.enum(intakeReferralStatuses),
  caseId: z.string().nullable(),
  declineReason: z.string().nullable(),
  createdAt: zTimestamp,
  version: z.number(),
});
export type IntakeReferral = z.infer<typeof zIntakeReferral>;
export const zIntakeReferralQuery = z.object({
  status: z.enum(intakeReferralStatuses).optional(),
});
export const zIntakeReferralDecline = z.object({
  version: zVersion,
  reason: z.string().trim().min(1).max(1000),
});
