import { z } from 'zod';
import { wordedAs } from '../validation';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';
import { zIssueCategory } from './issues';
import { zAddress } from './people';

/**
 * Community activities (社区活动): a free clinic, a safety campaign … run by a community with partner
 * organisations, with check-in of participants (签到), handouts (发放物资), photos, a summary, residents'
 * feedback through a survey, and needs noticed on the day that become an issue or a case referral.
 */
export const activityTypes = [
  'freeClinic',
  'safetyCampaign',
  'civilisationCampaign',
  'volunteerService',
  'cultureSports',
  'other',
] as const;
export type ActivityType = (typeof activityTypes)[number];
export const activityStatuses = ['planned', 'ongoing', 'finished', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
export const partnerKinds = [
  'hospital',
  'village',
  'company',
  'socialOrganisation',
  'government',
  'school',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];
export const needKinds = ['issue', 'referral'] as const;

const zPhone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, wordedAs('phone'));
const zPhotoRef = z.object({ id: z.string(), url: z.string(), thumbUrl: z.string().nullable() });
const zRef = z.object({ id: z.string(), name: z.string() });

// ——— partners (合作机构) ———

export const zPartnerFields = z.object({
  name: z.string().trim().min(1).max(60),
  kind: z.enum(partnerKinds),
  contact: z.string().trim().max(100).nullable().optional().describe('a person and a number'),
});
export const zPartnerCreate = zPartnerFields.extend({
  id: zId.optional(),
  streetId: zId.optional().describe('needed only by a caller who works for several streets'),
});
export type PartnerCreate = z.infer<typeof zPartnerCreate>;
export const zPartnerUpdate = zPartnerFields.extend({ version: zVersion });
export type PartnerUpdate = z.infer<typeof zPartnerUpdate>;
export const zPartner = z.object({
  id: zId,
  streetId: z.string(),
  name: z.string(),
  kind: z.enum(partnerKinds),
  contact: z.string().nullable(),
  activities: z.number().int().describe('activities it took part in'),
  version: z.number().int(),
});
export type Partner = z.infer<typeof zPartner>;
export const zPartnerList = z.object({ items: z.array(zPartner) });

// ——— activities ———

const zActivityFields = z.object({
  title: z.string().trim().min(1).max(100),
  type: z.enum(activityTypes),
  startAt: z.iso.datetime({ offset: true }),
  endAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().min(1).max(200),
  capacity: z.number().int().min(1).max(100_000).nullable().optional().describe('empty: no limit'),
  description: z.string().trim().max(4000).nullable().optional(),
  partnerIds: z.array(zId).max(20).optional(),
  surveyId: z.string().nullable().optional().describe('the feedback questionnaire'),
});
export const zActivityCreate = zActivityFields.extend({
  id: zId.optional(),
  communityId: zId.describe('the organising community'),
});
export type ActivityCreate = z.infer<typeof zActivityCreate>;
export const zActivityUpdate = zActivityFields.partial().extend({
  version: zVersion,
  summary: z.string().trim().max(8000).nullable().optional().describe('written when finished'),
  photoIds: z.array(zId).max(50).optional().describe('photos to add'),
});
export type ActivityUpdate = z.infer<typeof zActivityUpdate>;
export const zActivityStatusChange = z.object({
  version: zVersion,
  status: z.enum(activityStatuses),
});
export type ActivityStatusChange = z.infer<typeof zActivityStatusChange>;

export const zActivity = z.object({
  id: zId,
  title: z.string(),
  type: z.enum(activityTypes),
  status: z.enum(activityStatuses),
  communityId: z.string(),
  communityName: z.string(),
  startAt: zTimestamp,
  endAt: zTimestamp,
  place: z.string(),
  capacity: z.number().int().nullable(),
  checkedIn: z.number().int(),
  partners: z.array(zRef),
  version: z.number().int(),
});
export type Activity = z.infer<typeof zActivity>;

export const zHandoutItem = z.object({
  id: zId,
  item: z.string(),
  unit: z.string(),
  prepared: z.number().int(),
  given: z.number().int(),
  left: z.number().int(),
});
export type HandoutItem = z.infer<typeof zHandoutItem>;

export const zNeed = z.object({
  id: zId,
  kind: z.enum(needKinds),
  description: z.string(),
  attendanceId: z.string().nullable(),
  name: z.string().nullable().describe('whose need'),
  targetId: z.string().describe('the issue or the case referral it became'),
  createdAt: zTimestamp,
  createdBy: z.string(),
});
export type Need = z.infer<typeof zNeed>;

export const zActivityDetail = zActivity.extend({
  description: z.string().nullable(),
  summary: z.string().nullable(),
  surveyId: z.string().nullable(),
  photos: z.array(zPhotoRef),
  handouts: z.array(zHandoutItem),
  needs: z.array(zNeed),
  createdBy: z.string(),
  rights: z.object({
    manage: z.boolean().describe('edit, change status, handouts stock'),
    checkIn: z.boolean().describe('check people in, give handouts, record needs'),
  }),
});
export type ActivityDetail = z.infer<typeof zActivityDetail>;

export const zActivityQuery = zPageQuery.extend({
  q: z.string().trim().max(40).optional().describe('part of the title or place'),
  type: z.enum(activityTypes).optional(),
  status: z.enum(activityStatuses).optional(),
  communityId: zId.optional(),
  from: z.iso.date().optional().describe('first day (Asia/Shanghai) the activity starts on'),
  to: z.iso.date().optional().describe('last day'),
});
export type ActivityQuery = z.infer<typeof zActivityQuery>;
export const zActivityPage = zPage(zActivity);

// ——— check-in (签到) ———

export const zAttendanceCreate = z.union([
  z.object({
    id: zId.optional().describe('made on the phone, so a resend checks in nobody twice'),
    residentId: zId,
  }),
  z.object({
    id: zId.optional(),
    name: z.string().trim().min(1).max(40),
    phone: zPhone.nullable().optional(),
  }),
]);
export type AttendanceCreate = z.infer<typeof zAttendanceCreate>;

export const zAttendance = z.object({
  id: zId,
  kind: z.enum(['resident', 'walkIn']).describe('walkIn: not (yet) found in the register'),
  residentId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable().describe('masked'),
  checkedInAt: zTimestamp,
  registeredAt: zTimestamp.nullable().describe('when a walk-in was added to the register'),
  handouts: z.number().int().describe('items given to them'),
});
export type Attendance = z.infer<typeof zAttendance>;
export const zAttendanceList = z.object({
  items: z.array(zAttendance),
  checkedIn: z.number().int(),
  capacity: z.number().int().nullable(),
});
export type AttendanceList = z.infer<typeof zAttendanceList>;
export const zAttendanceParams = z.object({ id: zId, attendanceId: zId });

/** A walk-in added to the register as the head of a new household at their address. */
export const zAttendanceRegister = zAddress.extend({
  residentId: zId.optional().describe('made by the client, so a resend registers nobody twice'),
  householdId: zId.optional(),
  gender: z.enum(['male', 'female']).nullable().optional(),
  birthDate: z.iso.date().nullable().optional(),
});
export type AttendanceRegister = z.infer<typeof zAttendanceRegister>;
export const zAttendanceRegistered = z.object({
  residentId: zId,
  householdId: zId,
  created: z.boolean(),
});

// ——— handouts (发放物资) ———

export const zHandoutItemCreate = z.object({
  id: zId.optional(),
  item: z.string().trim().min(1).max(60),
  unit: z.string().trim().min(1).max(10),
  prepared: z.number().int().min(0).max(1_000_000),
});
export type HandoutItemCreate = z.infer<typeof zHandoutItemCreate>;
export const zHandoutItemUpdate = z.object({
  prepared: z.number().int().min(0).max(1_000_000),
});
export const zHandoutItemParams = z.object({ id: zId, itemId: zId });
export const zHandoutGive = z.object({
  id: zId.optional().describe('made on the phone, so a resend gives nothing twice'),
  itemId: zId,
  quantity: z.number().int().min(1).max(10_000),
  attendanceId: zId.optional(),
});
export type HandoutGive = z.infer<typeof zHandoutGive>;
export const zHandoutGiven = z.object({
  id: zId,
  created: z.boolean(),
  item: zHandoutItem,
});

// ——— needs ———

export const zNeedCreate = z.discriminatedUnion('kind', [
  z.object({
    id: zId.optional(),
    kind: z.literal('issue'),
    targetId: zId.optional().describe('the issue id, made by the client'),
    category: zIssueCategory,
    gridId: zId.describe('the grid where the problem is'),
    description: z.string().trim().min(1).max(4000),
    photoIds: z.array(zId).max(20).optional(),
    attendanceId: zId.optional(),
  }),
  z.object({
    id: zId.optional(),
    kind: z.literal('referral'),
    targetId: zId.optional().describe('the referral id, made by the client'),
    attendanceId: zId.optional().describe('whose need: their name, phone and resident are used'),
    name: z.string().trim().min(1).max(40).optional(),
    phone: zPhone.nullable().optional(),
    description: z.string().trim().min(1).max(4000).describe('the need'),
  }),
]);
export type NeedCreate = z.infer<typeof zNeedCreate>;
export const zNeedCreated = z.object({ need: zNeed, created: z.boolean() });

// ——— feedback ———

export const zActivityFeedback = z.object({
  id: zId.optional(),
  attendanceId: zId.optional(),
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.number()])),
});
export type ActivityFeedback = z.infer<typeof zActivityFeedback>;
export const zActivityFeedbackCreated = z.object({ id: z.string(), created: z.boolean() });
