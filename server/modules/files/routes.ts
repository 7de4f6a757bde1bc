import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import { callerOf, fileReply } from '../../http';
import { AppError } from '../../lib/errors';
import { IMAGE_TYPES, MAX_FILE_BYTES, readFile, uploadImage } from './service';
import type { FileStore } from './store';

const tags = ['files'];
const zStoredFile = z.object({
  id: z.string(),
  contentType: z.string(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  url: z.string(),
  thumbUrl: z.string().nullable(),
  createdAt: z.string(),
});

export function filesRoutes(store: FileStore): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.db;
    // The photo is the whole request body, as a phone's camera input gives it; no multipart needed.
    for (const type of IMAGE_TYPES) {
      app.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
        (_req, body, done) => done(null, body),
      );
    }
    app.post(
      '/api/files',
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags,
          summary: 'Upload a photo (JPEG, PNG or WebP, at most 10 MB) as the request body',
          consumes: IMAGE_TYPES,
          response: { 201: zStoredFile, 400: zErrorReply, 401: zErrorReply },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body))
          throw new AppError(400, 'FILE_TYPE_NOT_ALLOWED', {}, { field: 'file' });
        return reply
          .code(201)
          .send(await uploadImage({ db, store, caller: callerOf(req), data: req.body }));
      },
    );
    for (const thumb of [false, true]) {
      app.get(
        thumb ? '/api/files/:id/thumb' : '/api/files/:id',
        {
          schema: {
            tags,
            summary: thumb
              ? 'A photo’s thumbnail (JPEG; the photo itself when it has none)'
              : 'A photo, upright and without its metadata',
            params: zIdParams,
            response: {
              200: fileReply('The image', IMAGE_TYPES),
              401: zErrorReply,
              404: zErrorReply,
            },
          },
        },
        async (req, reply) => {
          const file = await readFile({
            db,
            store,
            caller: callerOf(req),
            id: req.params.id,
            thumb,
          });
          return reply
            .header('content-type', file.contentType)
            .header('cache-control', 'private, max-age=86400')
            .send(file.data);
        },
      );
    }
  };
}
