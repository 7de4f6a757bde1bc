import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { interpolate } from '../../../common/i18n';
import { ledgerFileMessages } from '../../../common/ledger';
import { zErrorReply } from '../../../common/schemas/common';
import { zLedgerImportQuery, zLedgerImportReport } from '../../../common/schemas/ledger';
import { zResidentQuery } from '../../../common/schemas/people';
import { callerOf, fileDate, localeOf, sendXlsx } from '../../http';
import { AppError } from '../../lib/errors';
import * as ledger from './ledger';
import { LEDGER_MAX_BYTES, XLSX_TYPE } from './ledger-sheet';

const tags = ['people'];
const errors = { 400: zErrorReply, 401: zErrorReply, 403: zErrorReply };
const upload = {
  consumes: [XLSX_TYPE],
  description: `The .xlsx file itself is the request body, with content-type ${XLSX_TYPE} (at most 10 MB).`,
};

export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  // Multipart is not needed for one file: the body is the workbook (this plugin's routes only).
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: LEDGER_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  const fileOpts = (req: FastifyRequest) => {
    const locale = localeOf(req);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      const detail = ` — ${interpolate(ledgerFileMessages[locale].notXlsx)}`;
      throw new AppError(400, 'VALIDATION_FAILED', { field: 'file', detail }, { field: 'file' });
    }
    return { db, caller: callerOf(req), file: req.body, locale };
  };

  app.get(
    '/api/households/import-template.xlsx',
    { schema: { tags, summary: 'The empty register (台账) to fill in for an import' } },
    async (_req, reply) =>
      sendXlsx(
        reply,
        await ledger.ledgerTemplateFile(),
        '居民台账导入模板.xlsx',
        'ledger-template.xlsx',
      ),
  );
  app.post(
    '/api/households/import/preview',
    {
      bodyLimit: LEDGER_MAX_BYTES,
      schema: {
        tags,
        summary: 'Check a register file row by row; writes nothing',
        ...upload,
        response: { 200: zLedgerImportReport, ...errors },
      },
    },
    (req) => ledger.previewLedgerImport(fileOpts(req)),
  );
  app.post(
    '/api/households/import/commit',
    {
      bodyLimit: LEDGER_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Send the previewed file again: its clean households are registered in one transaction',
        ...upload,
        querystring: zLedgerImportQuery,
        response: { 200: zLedgerImportReport, ...errors },
      },
    },
    (req) => ledger.commitLedgerImport({ ...fileOpts(req), importId: req.query.importId }),
  );
  app.post(
    '/api/households/import/problems.xlsx',
    {
      bodyLimit: LEDGER_MAX_BYTES,
      schema: {
        tags,
        summary: 'The rows of a register file that would not be imported, with a 问题 column',
        ...upload,
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        await ledger.ledgerProblemsFile(fileOpts(req)),
        `台账问题行-${fileDate()}.xlsx`,
        `ledger-problems-${fileDate()}.xlsx`,
      ),
  );
  app.get(
    '/api/residents/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The residents GET /api/residents finds, as a masked .xlsx register (audited)',
        querystring: zResidentQuery,
      },
    },
    async (req, reply) => {
      const { file, exported, total } = await ledger.exportResidents({
        db,
        caller: callerOf(req),
        query: req.query,
      });
      // More than the cap matched: the file holds the first RESIDENT_EXPORT_LIMIT and says so here.
      reply.header('x-total-count', String(total)).header('x-exported-count', String(exported));
      return sendXlsx(reply, file, `居民台账-${fileDate()}.xlsx`, `residents-${fileDate()}.xlsx`);
    },
  );
};
