// 场所 (places): a place of the register: create, change, list, and the codes of its import's problems.
import { z } from 'zod';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from '../common';
import { placeStatuses, zPlaceCategory } from './codes';
import { optionalText, zPhone } from './fields';

export const zPlaceFields = z.object({
  name: z.string().trim().min(1).max(100),
  category: zPlaceCategory,
  gridId: zId,
  address: z.string().trim().min(1).max(200),
  licenceNo: optionalText(40).describe('business licence or unified social credit code'),
  personInCharge: optionalText(40),
  phone: zPhone.nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
});
export const zPlaceCreate = zPlaceFields.extend({ id: zId.optional() });
export type PlaceCreate = z.infer<typeof zPlaceCreate>;
export const zPlaceUpdate = zPlaceFields
  .partial()
  .extend({ version: zVersion, status: z.enum(placeStatuses).optional() });
export type PlaceUpdate = z.infer<typeof zPlaceUpdate>;

export const zPlace = z.object({
  id: zId,
  name: z.string(),
  category: zPlaceCategory,
  status: z.enum(placeStatuses),
  streetId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  address: z.string(),
  licenceNo: z.string().nullable(),
  personInCharge: z.string().nullable(),
  phone: z.string().nullable().describe('masked (138****5678) in lists, whole on the place’s page'),
  phoneMasked: z.boolean(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type Place = z.infer<typeof zPlace>;

export const zPlaceQuery = zPageQuery.extend({
  q: z.string().trim().max(60).optional().describe('part of the name, licence number or address'),
  category: zPlaceCategory.optional(),
  communityId: zId.optional(),
  gridId: zId.optional(),
  status: z.enum(placeStatuses).optional(),
});
export type PlaceQuery = z.infer<typeof zPlaceQuery>;
export const zPlacePage = zPage(zPlace);

/** Why a row of a places register is not imported (messages: places.importProblems). */
export const placeImportProblemCodes = [
  'REQUIRED',
  'UNKNOWN_LABEL',
  'TOO_LONG',
  'BAD_PHONE',
  'BAD_NUMBER',
  'UNKNOWN_COMMUNITY',
  'AMBIGUOUS_COMMUNITY',
  'UNKNOWN_GRID',
  'LICENCE_TAKEN',
  'PLACE_EXISTS',
  'DUPLICATE_IN_FILE',
] as const;
