// 检查表 (checklists): the items to check, in versions that never change once used.
import { z } from 'zod';
import { zId, zTimestamp, zVersion } from '../common';
import { photoRequirements, zChecklistTopic } from './codes';
import { optionalText } from './fields';

export const zChecklistItemInput = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe('keep an item’s id when editing it; a new item gets one'),
  text: z.string().trim().min(1).max(200),
  category: z.string().trim().max(40).nullable().optional(),
  photoRequired: z.enum(photoRequirements).default('never'),
});
export const zChecklistItem = z.object({
  id: z.string(),
  text: z.string(),
  category: z.string().nullable(),
  photoRequired: z.enum(photoRequirements),
});
export type ChecklistItem = z.infer<typeof zChecklistItem>;

export const zChecklistCreate = z.object({
  id: zId.optional(),
  name: z.string().trim().min(1).max(60),
  topic: zChecklistTopic,
  description: optionalText(500),
  ownerUnitId: zId
    .optional()
    .describe('the district or street whose checklist it is; by default the caller’s own'),
  items: z.array(zChecklistItemInput).min(1).max(100),
});
export type ChecklistCreate = z.infer<typeof zChecklistCreate>;
/** Every edit makes a new version; inspections keep the version they were done with. */
export const zChecklistUpdate = z.object({
  version: zVersion,
  name: z.string().trim().min(1).max(60).optional(),
  topic: zChecklistTopic.optional(),
  description: optionalText(500),
  items: z.array(zChecklistItemInput).min(1).max(100),
});
export type ChecklistUpdate = z.infer<typeof zChecklistUpdate>;

export const zChecklistVersion = z.object({
  id: zId,
  checklistId: zId,
  number: z.number().int(),
  name: z.string(),
  topic: zChecklistTopic,
  items: z.array(zChecklistItem),
  createdBy: z.string(),
  createdAt: zTimestamp,
});
export type ChecklistVersion = z.infer<typeof zChecklistVersion>;

export const zChecklist = z.object({
  id: zId,
  name: z.string(),
  topic: zChecklistTopic,
  description: z.string().nullable(),
  ownerUnitId: z.string(),
  ownerName: z.string(),
  status: z.enum(['active', 'retired']),
  currentVersion: z.number().int(),
  currentVersionId: zId,
  items: z.array(zChecklistItem).describe('the current version’s items'),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type Checklist = z.infer<typeof zChecklist>;
export const zChecklistQuery = z.object({
  includeRetired: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const zChecklistVersionParams = z.object({
  id: zId,
  number: z.coerce.number().int().min(1),
});
