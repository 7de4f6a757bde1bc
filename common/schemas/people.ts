import { z } from 'zod';
import { wordedAs } from '../validation';
import {
  careTags,
  disabilityCategories,
  economicStatuses,
  genders,
  housingTypes,
  idNumberValid,
  incomeSources,
  registrationStatuses,
  relationsToHead,
  residentStatuses,
  selfCareLevels,
} from '../people';
import { zStaffActor } from './auth';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';

export const zCareTag = z.enum(careTags);
const zDate = z.iso.date();
const zPhone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, wordedAs('phone'));
export const zIdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, wordedAs('idNumberFormat'))
  .refine(idNumberValid, wordedAs('idNumber'));

export const zDisability = z.object({
  category: z.enum(disabilityCategories),
  grade: z.number().int().min(1).max(4),
});

/** What a caller may see of a sensitive field: the whole value, or a mask with whether a reason would open it. */
export const zSensitive = z.object({
  value: z.string().nullable(),
  masked: z.boolean(),
  /** true: the caller may open it by giving a reason (break the glass). */
  canReveal: z.boolean(),
});
export type Sensitive = z.infer<typeof zSensitive>;

export const zResidentFields = z.object({
  name: z.string().trim().min(1).max(40),
  gender: z.enum(genders).nullable().optional(),
  birthDate: zDate.nullable().optional(),
  ethnicity: z.string().trim().max(20).nullable().optional(),
  idNumber: zIdNumber.nullable().optional(),
  phone: zPhone.nullable().optional(),
  registrationStatus: z.enum(registrationStatuses).optional(),
  careTags: z.array(zCareTag).max(careTags.length).optional(),
  healthNotes: z.string().trim().max(2000).nullable().optional(),
  disability: zDisability.nullable().optional(),
  selfCare: z.enum(selfCareLevels).nullable().optional(),
});
export type ResidentFields = z.infer<typeof zResidentFields>;

export const zResident = z.object({
  id: zId,
  householdId: zId,
  relationToHead: z.enum(relationsToHead),
  name: z.string(),
  gender: z.enum(genders).nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  minor: z.boolean(),
  ethnicity: z.string().nullable(),
  idNumber: zSensitive,
  phone: zSensitive,
  healthNotes: zSensitive,
  disability: zSensitive.describe('value is JSON {category, grade} when shown'),
  registrationStatus: z.enum(registrationStatuses),
  careTags: z.array(zCareTag),
  selfCare: z.enum(selfCareLevels).nullable(),
  status: z.enum(residentStatuses),
  communityId: zId,
  gridId: zId,
  address: z.string(),
  version: z.number().int(),
  updatedAt: zTimestamp,
});
export type Resident = z.infer<typeof zResident>;

export const zAddress = z.object({
  gridId: zId,
  building: z.string().trim().min(1).max(20),
  unitNo: z.string().trim().max(10).nullable().optional(),
  room: z.string().trim().min(1).max(20),
});

export const zHouseholdFields = z.object({
  housing: z.enum(housingTypes).nullable().optional(),
  incomeSources: z.array(z.enum(incomeSources)).optional(),
  economicStatus: z.enum(economicStatuses).optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

export const zHousehold = z.object({
  id: zId,
  communityId: zId,
  communityName: z.string(),
  gridId: zId,
  gridName: z.string(),
  building: z.string(),
  unitNo: z.string().nullable(),
  room: z.string(),
  address: z.string(),
  headResidentId: zId.nullable(),
  housing: z.enum(housingTypes).nullable(),
  incomeSources: z.array(z.enum(incomeSources)),
  economicStatus: z.enum(economicStatuses),
  notes: z.string().nullable(),
  status: z.enum(['active', 'dissolved']),
  members: z.array(zResident),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type Household = z.infer<typeof zHousehold>;

export const zHouseholdCreate = zAddress.extend(zHouseholdFields.shape).extend({
  id: zId.optional(),
  head: zResidentFields.extend({ id: zId.optional() }),
});
export type HouseholdCreate = z.infer<typeof zHouseholdCreate>;

export const zHouseholdUpdate = zHouseholdFields.extend({ version: zVersion });
export type HouseholdUpdate = z.infer<typeof zHouseholdUpdate>;

export const zResidentUpdate = zResidentFields.partial().extend({ version: zVersion });
export type ResidentUpdate = z.infer<typeof zResidentUpdate>;

/** Named household operations, each kept in the history. */
export const zAddMember = zResidentFields.extend({
  id: zId.optional(),
  version: zVersion,
  relationToHead: z.enum(relationsToHead),
});
export const zRemoveMember = z.object({
  version: zVersion,
  residentId: zId,
  reason: z.enum(['movedAway', 'deceased']),
});
export const zChangeHead = z.object({
  version: zVersion,
  residentId: zId,
  relations: z.record(zId, z.enum(relationsToHead)).optional(),
});
export const zSplitHousehold = zAddress.extend({
  version: zVersion,
  newHouseholdId: zId.optional(),
  residentIds: z.array(zId).min(1),
  headResidentId: zId,
});
export const zMoveHousehold = zAddress.extend({ version: zVersion });

export const zResidentQuery = zPageQuery.extend({
  q: z
    .string()
    .trim()
    .max(40)
    .optional()
    .describe(
      'name, full pinyin or initials, ID number, last four of a phone, or part of an address',
    ),
  careTag: zCareTag.optional(),
  communityId: zId.optional(),
  gridId: zId.optional(),
  status: z.enum(residentStatuses).optional(),
  cursor: z
    .string()
    .max(400)
    .optional()
    .describe('nextCursor of the previous page: the page after it (page is then ignored)'),
});
export type ResidentQuery = z.infer<typeof zResidentQuery>;
export const zResidentPage = zPage(zResident).extend({
  /** total stopped counting at its value: show it as "10,000+". */
  totalCapped: z.boolean(),
  /** Passed as cursor, gives the next page; null on the last. */
  nextCursor: z.string().nullable(),
});

export const zReveal = z.object({
  field: z.enum(['idNumber', 'phone', 'healthNotes', 'disability']),
  reason: z.string().trim().min(4).max(200),
});
export const zRevealed = z.object({ field: z.string(), value: z.string().nullable() });
/** One break-the-glass read, for the station supervisor's review. */
export const zSensitiveRead = z.object({
  id: zId,
  residentId: zId,
  residentName: z.string(),
  field: z.string(),
  reason: z.string(),
  username: z.string(),
  at: zTimestamp,
});
export type SensitiveRead = z.infer<typeof zSensitiveRead>;

export const zConsentCreate = z.object({
  givenBy: z.enum(['self', 'guardian']),
  guardianName: z.string().trim().max(40).nullable().optional(),
  consentDate: zDate,
  scope: z.string().trim().min(2).max(500),
});
export const zConsent = z.object({
  id: zId,
  residentId: zId,
  givenBy: z.enum(['self', 'guardian']),
  guardianName: z.string().nullable(),
  consentDate: z.string(),
  scope: z.string(),
  withdrawnAt: z.string().nullable(),
  createdAt: zTimestamp,
});
export type Consent = z.infer<typeof zConsent>;

export const zHistoryEntry = z.object({
  id: zId,
  entity: z.enum(['household', 'resident']),
  entityId: zId,
  operation: z.string(),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  sourceType: z.enum(['manual', 'visit', 'import']),
  sourceId: z.string().nullable(),
  username: z.string().nullable(),
  actor: zStaffActor.nullable().describe('who made the change; null: an import or the system'),
  at: zTimestamp,
});
export type HistoryEntry = z.infer<typeof zHistoryEntry>;
