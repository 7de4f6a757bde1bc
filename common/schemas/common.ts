import { z } from 'zod';

export const zId = z.uuid().describe('UUIDv7, made by the client or the server');
export const zVersion = z
  .number()
  .int()
  .min(1)
  .describe('the version that was read; a stale one answers 409');
export const zTimestamp = z.string().describe('ISO 8601 in UTC');

// Named, so the API document refers to it rather than repeating it under every route.
export const zErrorReply = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
      current: z.unknown().optional().describe('on 409: the record as it is now'),
    }),
  })
  .meta({ id: 'ErrorReply' });
export type ErrorReply = z.infer<typeof zErrorReply>;

export const zIdParams = z.object({ id: zId });
export const zVersionBody = z.object({ version: zVersion });
export const zVersionQuery = z.object({ version: z.coerce.number().int().min(1) });

export const zPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const zOk = z.object({ ok: z.literal(true) });

export function zPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
