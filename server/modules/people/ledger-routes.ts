import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zResidentQuery } from '../../../common/schemas/people';
import { callerOf, fileDate, sendXlsx, XLSX_REPLY } from '../../http';
import * as ledger from './ledger';

const tags = ['people'];

export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  app.get(
    '/api/households/import-template.xlsx',
    {
      schema: {
        tags,
        summary: 'The empty register (台账) to fill in for an import',
        response: { 200: XLSX_REPLY },
      },
    },
    async (_req, reply) =>
      sendXlsx(
        reply,
        await ledger.ledgerTemplateFile(),
        '居民台账导入模板.xlsx',
        'ledger-template.xlsx',
      ),
  );
  app.get(
    '/api/residents/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The residents GET /api/residents finds, as a masked .xlsx register (audited)',
        querystring: zResidentQuery,
        response: { 200: XLSX_REPLY },
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
