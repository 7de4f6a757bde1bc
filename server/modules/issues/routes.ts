import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams, zOk } from '../../../common/schemas/common';
import {
  zDeadlinePut,
  zDeadlineQuery,
  zDeadlineTable,
  zDispatchTargets,
  zEscalateResult,
  zEscalateRun,
  zIssueCommand,
  zIssueCounts,
  zIssueDetail,
  zIssueFilter,
  zIssueNoticePage,
  zIssueNoticeQuery,
  zIssuePage,
  zIssueQuery,
  zIssueReport,
  zIssueSteps,
  zWorkdayDay,
  zWorkdayOverridePut,
  zWorkdayYear,
  zWorkdayYearQuery,
} from '../../../common/schemas/issues';
import { callerOf, fileDate, localeOf, sendCreated, sendXlsx, XLSX_REPLY } from '../../http';
import * as issues from './service';

const tags = ['issues'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

export const issuesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: Parameters<typeof callerOf>[0]) => ({ db, caller: callerOf(req) });
  const one = { 200: zIssueDetail, ...errors };

  app.get(
    '/api/issues',
    {
      schema: {
        tags,
        summary: 'The issue board: issues the caller may read, newest first',
        querystring: zIssueQuery,
        response: { 200: zIssuePage, ...errors },
      },
    },
    (req) => issues.listIssues({ ...ctx(req), query: req.query }),
  );
  app.get(
    '/api/issues/counts',
    {
      schema: {
        tags,
        summary: 'How many issues each tab of the board holds, under the same filters',
        querystring: zIssueFilter,
        response: { 200: zIssueCounts, ...errors },
      },
    },
    (req) => issues.countIssues({ ...ctx(req), query: req.query }),
  );
  app.get(
    '/api/issues/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The board as an Excel file',
        querystring: zIssueFilter,
        response: { 200: XLSX_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const file = await issues.exportIssues({
        ...ctx(req),
        query: req.query,
        locale: localeOf(req),
      });
      return sendXlsx(reply, file, `事件台账-${fileDate()}.xlsx`, `issues-${fileDate()}.xlsx`);
    },
  );
  app.post(
    '/api/issues',
    {
      schema: {
        tags,
        summary:
          'Report an issue (上报) at a grid or a place; resending the same id creates nothing',
        body: zIssueReport,
        response: { 201: zIssueDetail, ...one },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      const r = await db
        .transaction()
        .execute((trx) => issues.reportIssue(trx, c.caller, req.body));
      return sendCreated(reply, r.created, await issues.getIssue({ ...c, id: r.id }));
    },
  );
  app.post(
    '/api/issues/escalate',
    {
      schema: {
        tags,
        summary:
          'Escalate overdue issues one level now (district admin; the server does it every 5 minutes)',
        body: zEscalateRun,
        response: { 200: zEscalateResult, ...errors },
      },
    },
    (req) => issues.runEscalation(ctx(req)),
  );
  app.get(
    '/api/issues/:id',
    { schema: { tags, summary: 'An issue', params: zIdParams, response: one } },
    (req) => issues.getIssue({ ...ctx(req), id: req.params.id }),
  );
  app.get(
    '/api/issues/:id/steps',
    {
      schema: {
        tags,
        summary: 'The timeline: every step with its actor, time, note and photos',
        params: zIdParams,
        response: { 200: zIssueSteps, ...errors },
      },
    },
    (req) => issues.listSteps({ ...ctx(req), id: req.params.id }),
  );
  app.post(
    '/api/issues/:id/steps',
    {
      schema: {
        tags,
        summary:
          'Take the next step: accept, reject, dispatch, sendBack, startHandling, handle, verify, rate, urge or merge',
        params: zIdParams,
        body: zIssueCommand,
        response: one,
      },
    },
    (req) => issues.runIssueCommand({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/issues/:id/dispatch-targets',
    {
      schema: {
        tags,
        summary: 'The departments the issue may be dispatched to',
        params: zIdParams,
        response: { 200: zDispatchTargets, ...errors },
      },
    },
    (req) => issues.dispatchTargets({ ...ctx(req), id: req.params.id }),
  );

  app.get(
    '/api/issue-deadlines',
    {
      schema: {
        tags,
        summary: 'Time limits of the issue steps in force for a street (or district-wide)',
        querystring: zDeadlineQuery,
        response: { 200: zDeadlineTable, ...errors },
      },
    },
    (req) => issues.getDeadlines({ ...ctx(req), streetId: req.query.streetId }),
  );
  app.put(
    '/api/issue-deadlines',
    {
      schema: {
        tags,
        summary: 'Set the time limits of a street (street admin) or district-wide (district admin)',
        body: zDeadlinePut,
        response: { 200: zDeadlineTable, ...errors },
      },
    },
    (req) => issues.putDeadlines({ ...ctx(req), input: req.body }),
  );

  // The working-day calendar the deadlines count by, and a district admin's corrections to it.
  app.get(
    '/api/workdays',
    {
      schema: {
        tags,
        summary: "A year's public holidays, 调休 working days and the district's corrections",
        querystring: zWorkdayYearQuery,
        response: { 200: zWorkdayYear, ...errors },
      },
    },
    (req) => issues.getWorkdayYear({ ...ctx(req), year: req.query.year }),
  );
  app.put(
    '/api/workdays/:day',
    {
      schema: {
        tags,
        summary: 'Mark a day a working day or a day off (district admin)',
        params: zWorkdayDay,
        body: zWorkdayOverridePut,
        response: { 200: zWorkdayYear, ...errors },
      },
    },
    (req) => issues.putWorkdayOverride({ ...ctx(req), day: req.params.day, input: req.body }),
  );
  app.delete(
    '/api/workdays/:day',
    {
      schema: {
        tags,
        summary: 'Drop a correction: the day is as the national calendar has it (district admin)',
        params: zWorkdayDay,
        response: { 200: zWorkdayYear, ...errors },
      },
    },
    (req) => issues.deleteWorkdayOverride({ ...ctx(req), day: req.params.day }),
  );

  app.get(
    '/api/issue-notices',
    {
      schema: {
        tags,
        summary: 'Escalations and urgings sent to the units the caller works at',
        querystring: zIssueNoticeQuery,
        response: { 200: zIssueNoticePage, ...errors },
      },
    },
    (req) => issues.listNotices({ ...ctx(req), query: req.query }),
  );
  app.post(
    '/api/issue-notices/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark an escalation or urging read',
        params: zIdParams,
        response: { 200: zOk, ...errors },
      },
    },
    async (req) => {
      await issues.readNotice({ ...ctx(req), id: req.params.id });
      return { ok: true as const };
    },
  );
};
