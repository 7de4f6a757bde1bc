import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zAuditPage, zAuditQuery } from '../../../common/schemas/audit';
import { zErrorReply } from '../../../common/schemas/common';
import { callerOf, fileDate, localeOf, sendXlsx, XLSX_REPLY } from '../../http';
import { exportAudit, searchAudit } from './service';

const tags = ['audit'];
const errors = { 400: zErrorReply, 401: zErrorReply, 403: zErrorReply };

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Search the audit log',
        querystring: zAuditQuery,
        response: { 200: zAuditPage, ...errors },
      },
    },
    (req) => searchAudit({ db, caller: callerOf(req), query: req.query }),
  );
  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The same search as an Excel file',
        querystring: zAuditQuery,
        response: { 200: XLSX_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const file = await exportAudit({
        db,
        caller: callerOf(req),
        query: req.query,
        locale: localeOf(req),
      });
      return sendXlsx(reply, file, `审计日志-${fileDate()}.xlsx`, `audit-${fileDate()}.xlsx`);
    },
  );
};
