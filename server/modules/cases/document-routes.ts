import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import { zPublicationSummary } from '../../../common/schemas/cases';
import { callerOf, PDF_REPLY, sendPdf } from '../../http';
import { todayInShanghai } from './care';
import * as documents from './documents';

const errors = { 401: zErrorReply, 403: zErrorReply, 404: zErrorReply };
const tags = ['cases'];

/** A PDF the browser opens to print; names in the file name are kept out of download lists. */

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: Parameters<typeof callerOf>[0]) => ({ db, caller: callerOf(req) });

  app.get(
    '/api/cases/:id/case-file.pdf',
    {
      schema: {
        tags,
        summary:
          'The printable case file (PDF, Chinese): sensitive fields as the caller may see them; audited',
        params: zIdParams,
        response: { 200: PDF_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const pdf = await documents.caseFilePdf({ ...ctx(req), id: req.params.id });
      const tail = req.params.id.slice(-6);
      return sendPdf(
        reply,
        pdf,
        `个案档案-${todayInShanghai()}-${tail}.pdf`,
        `case-file-${todayInShanghai()}-${tail}.pdf`,
      );
    },
  );
  app.get(
    '/api/cases/:id/publication-summary',
    {
      schema: {
        tags,
        summary:
          'The case told for publication: pseudonyms for the client and family; no ID numbers, phones, addresses or birth dates',
        params: zIdParams,
        response: { 200: zPublicationSummary, ...errors },
      },
    },
    (req) => documents.publicationSummary({ ...ctx(req), id: req.params.id }),
  );
  app.get(
    '/api/cases/:id/publication-summary.pdf',
    {
      schema: {
        tags,
        summary: 'The publication summary as a PDF',
        params: zIdParams,
        response: { 200: PDF_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const pdf = await documents.publicationSummaryPdf({ ...ctx(req), id: req.params.id });
      const tail = req.params.id.slice(-6);
      return sendPdf(
        reply,
        pdf,
        `个案摘要-${todayInShanghai()}-${tail}.pdf`,
        `case-summary-${todayInShanghai()}-${tail}.pdf`,
      );
    },
  );
};
