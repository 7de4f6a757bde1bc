// Field shapes the places contract repeats; the entry (../places.ts) does not export them.
import { z } from 'zod';
import { wordedAs } from '../../validation';

export const zDay = z.iso.date();
export const zPhone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, wordedAs('phone'));
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const zStoredFileRef = z.object({
  id: z.string(),
  url: z.string(),
  thumbUrl: z.string().nullable(),
});
export const zStaffRef = z.object({ id: z.string(), name: z.string() });
