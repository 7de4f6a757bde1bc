import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_MAX_BYTES } from '../../../common/imports';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import { zImport, zImportCreateQuery, zImportMappingInput } from '../../../common/schemas/imports';
import type { DbConnection, DialectName } from '../../db';
import { callerOf, fileDate, localeOf, sendXlsx, XLSX_REPLY, XLSX_TYPE } from '../../http';
import { createImportService } from './service';

const tags = ['imports'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};
/** What browsers and tools send an .xlsx or .csv as. */
const FILE_TYPES = [
  XLSX_TYPE,
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

/** Register imports as jobs (see common/schemas/imports.ts); files are kept under `dir/<id>/`. */
export function importsRoutes(opts: {
  dir: string;
  dialect: DialectName;
  connection: DbConnection;
  secretKey: string;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const imports = createImportService({ db: app.db, ...opts });
    app.addHook('onClose', () => imports.close());
    // The file is the whole request body (a street's register: up to 50 MB); no multipart needed.
    for (const type of FILE_TYPES)
      app.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES + 1 },
        (_req, body, done) => done(null, body),
      );
    const ctx = (req: Parameters<typeof callerOf>[0]) => ({
      caller: callerOf(req),
      locale: localeOf(req),
    });

    app.post(
      '/api/imports',
      {
        bodyLimit: IMPORT_MAX_BYTES + 1,
        schema: {
          tags,
          summary: 'Upload a register (.xlsx or .csv): its header is read and a mapping proposed',
          description:
            'The file itself is the request body (at most 50 MB, 200,000 rows); its name may be sent URL-encoded in the x-file-name header.',
          consumes: FILE_TYPES,
          querystring: zImportCreateQuery,
          response: { 201: zImport, 413: zErrorReply, ...errors },
        },
      },
      async (req, reply) => {
        const name = req.headers['x-file-name'];
        let fileName = '台账.xlsx';
        try {
          if (typeof name === 'string' && name) fileName = decodeURIComponent(name);
        } catch {
          // A name that is not URL-encoded is kept as sent.
          fileName = String(name);
        }
        const job = await imports.create({
          ...ctx(req),
          kind: req.query.kind,
          fileName,
          body: req.body,
        });
        return reply.code(201).send(job);
      },
    );
    app.get(
      '/api/imports',
      {
        schema: {
          tags,
          summary: 'The caller’s recent imports, newest first',
          response: { 200: z.array(zImport), ...errors },
        },
      },
      (req) => imports.list(ctx(req)),
    );
    app.get(
      '/api/imports/:id',
      {
        schema: {
          tags,
          summary: 'An import: mapping, progress and result',
          params: zIdParams,
          response: { 200: zImport, ...errors },
        },
      },
      (req) => imports.get({ ...ctx(req), id: req.params.id }),
    );
    app.put(
      '/api/imports/:id/mapping',
      {
        schema: {
          tags,
          summary: 'Confirm (or change) the mapping of the file’s columns; checking starts',
          params: zIdParams,
          body: zImportMappingInput,
          response: { 200: zImport, ...errors },
        },
      },
      (req) => imports.setMapping({ ...ctx(req), id: req.params.id, input: req.body }),
    );
    app.post(
      '/api/imports/:id/commit',
      {
        schema: {
          tags,
          summary:
            'Register the checked rows, chunk by chunk; sent again after a stop, it continues',
          params: zIdParams,
          response: { 200: zImport, ...errors },
        },
      },
      (req) => imports.commit({ ...ctx(req), id: req.params.id }),
    );
    app.get(
      '/api/imports/:id/problems.xlsx',
      {
        schema: {
          tags,
          summary: 'The rows not imported, every original column kept, plus 原行号 and 问题',
          params: zIdParams,
          response: { 200: XLSX_REPLY, ...errors },
        },
      },
      async (req, reply) =>
        sendXlsx(
          reply,
          await imports.problemsFile({ ...ctx(req), id: req.params.id }),
          `台账问题行-${fileDate()}.xlsx`,
          `import-problems-${fileDate()}.xlsx`,
        ),
    );
    app.delete(
      '/api/imports/:id',
      {
        schema: {
          tags,
          summary: 'Cancel an import that is not being written; its file is removed',
          params: zIdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await imports.cancel({ ...ctx(req), id: req.params.id });
        return reply.code(204).send(null);
      },
    );
  };
}
