// Field shapes the cases contract repeats; the entry (../cases.ts) does not export them.
import { z } from 'zod';
import { zId } from '../common';

export const zDate = z.iso.date();
export const zText = (max: number) => z.string().trim().min(1).max(max);
export const zNote = (max: number) => z.string().trim().max(max);
export const zPerson = z.object({ id: zId, displayName: z.string() });
