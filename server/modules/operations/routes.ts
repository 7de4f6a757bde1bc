import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams, zVersionQuery } from '../../../common/schemas/common';
import {
  zBatchAdvance,
  zBatchCreate,
  zBatchUpdate,
  zItemParams,
  zLogCreate,
  zOperationCreate,
  zOperationDetail,
  zOperationPage,
  zOperationQuery,
  zOperationStatusChange,
  zOperationUpdate,
  zOwnerUnits,
  zShiftCreate,
  zShiftUpdate,
  zStaffChoices,
  zSupplyCreate,
  zSupplyIssueCreate,
  zSupplyUpdate,
} from '../../../common/schemas/operations';
import {
  callerOf,
  fileDate,
  localeOf,
  PDF_REPLY,
  sendCreated,
  sendPdf,
  sendXlsx,
  XLSX_REPLY,
} from '../../http';
import { exportOperations, operationReport } from './report';
import * as ops from './service';

const tags = ['operations'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};
const created = { 200: zOperationDetail, 201: zOperationDetail, ...errors };
const detail = { 200: zOperationDetail, ...errors };

export const operationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: FastifyRequest) => ({ db, caller: callerOf(req) });

  app.get(
    '/api/operations',
    {
      schema: {
        tags,
        summary: 'Support operations (保障任务) of the caller’s scope, latest first',
        querystring: zOperationQuery,
        response: { 200: zOperationPage, ...errors },
      },
    },
    (req) => ops.listOperations({ ...ctx(req), query: req.query }),
  );
  app.get(
    '/api/operations/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The operations GET /api/operations finds, as an .xlsx register (audited)',
        querystring: zOperationQuery,
        response: { 200: XLSX_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const file = await exportOperations({ ...ctx(req), query: req.query, locale: localeOf(req) });
      return sendXlsx(
        reply,
        file,
        `保障任务台账-${fileDate()}.xlsx`,
        `operations-${fileDate()}.xlsx`,
      );
    },
  );
  app.get(
    '/api/operations/owner-units',
    {
      schema: {
        tags,
        summary: 'Units the caller may start an operation for',
        response: { 200: zOwnerUnits, ...errors },
      },
    },
    (req) => ops.ownerUnits(ctx(req)),
  );
  app.post(
    '/api/operations',
    {
      schema: {
        tags,
        summary: 'Start an operation (planned); a resend of the same id creates nothing new',
        body: zOperationCreate,
        response: created,
      },
    },
    async (req, reply) => {
      const r = await ops.createOperation({ ...ctx(req), input: req.body });
      return sendCreated(reply, r.created, r.operation);
    },
  );
  app.get(
    '/api/operations/:id',
    {
      schema: {
        tags,
        summary:
          'An operation with its batches, supplies, roster (with the uncovered hours) and log',
        params: zIdParams,
        response: detail,
      },
    },
    (req) => ops.getOperation({ ...ctx(req), id: req.params.id }),
  );
  app.patch(
    '/api/operations/:id',
    {
      schema: {
        tags,
        summary: 'Change title, description or period',
        params: zIdParams,
        body: zOperationUpdate,
        response: detail,
      },
    },
    (req) => ops.updateOperation({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/operations/:id/status',
    {
      schema: {
        tags,
        summary:
          'Start (active) or complete it; completing needs every batch departed or a note, and freezes it',
        params: zIdParams,
        body: zOperationStatusChange,
        response: detail,
      },
    },
    (req) => ops.setOperationStatus({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/operations/:id/staff',
    {
      schema: {
        tags,
        summary: 'Active staff of the operation’s unit, to put on the roster',
        params: zIdParams,
        response: { 200: zStaffChoices, ...errors },
      },
    },
    (req) => ops.operationStaff({ ...ctx(req), id: req.params.id }),
  );
  app.get(
    '/api/operations/:id/report.pdf',
    {
      schema: {
        tags,
        summary: 'The completion report (PDF, Chinese) with the totals',
        params: zIdParams,
        response: { 200: PDF_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const { pdf, title } = await operationReport({ ...ctx(req), id: req.params.id });
      const tail = req.params.id.slice(-6);
      return sendPdf(reply, pdf, `${title}-完成报告.pdf`, `operation-${tail}.pdf`);
    },
  );

  // ——— batches ———
  app.post(
    '/api/operations/:id/batches',
    {
      schema: {
        tags,
        summary: 'Add a batch',
        params: zIdParams,
        body: zBatchCreate,
        response: created,
      },
    },
    async (req, reply) => {
      const r = await ops.addBatch({ ...ctx(req), id: req.params.id, input: req.body });
      return sendCreated(reply, r.created, r.operation);
    },
  );
  app.patch(
    '/api/operations/:id/batches/:itemId',
    {
      schema: {
        tags,
        summary: 'Change a batch’s time, head count, train or route',
        params: zItemParams,
        body: zBatchUpdate,
        response: detail,
      },
    },
    (req) => ops.updateBatch({ ...ctx(req), ...req.params, input: req.body }),
  );
  app.post(
    '/api/operations/:id/batches/:itemId/advance',
    {
      schema: {
        tags,
        summary: 'Move a batch one step on (arrived, served, departed), recording the time',
        params: zItemParams,
        body: zBatchAdvance,
        response: detail,
      },
    },
    (req) => ops.advanceBatch({ ...ctx(req), ...req.params, input: req.body }),
  );

  // ——— supplies ———
  app.post(
    '/api/operations/:id/supplies',
    {
      schema: {
        tags,
        summary: 'Add a supply item with the amount prepared',
        params: zIdParams,
        body: zSupplyCreate,
        response: created,
      },
    },
    async (req, reply) => {
      const r = await ops.addSupply({ ...ctx(req), id: req.params.id, input: req.body });
      return sendCreated(reply, r.created, r.operation);
    },
  );
  app.patch(
    '/api/operations/:id/supplies/:itemId',
    {
      schema: {
        tags,
        summary: 'Change a supply’s name, unit or amount prepared (not below what was issued)',
        params: zItemParams,
        body: zSupplyUpdate,
        response: detail,
      },
    },
    (req) => ops.updateSupply({ ...ctx(req), ...req.params, input: req.body }),
  );
  app.post(
    '/api/operations/:id/supplies/:itemId/issues',
    {
      schema: {
        tags,
        summary: 'Issue some of a supply; more than is left answers 409',
        params: zItemParams,
        body: zSupplyIssueCreate,
        response: created,
      },
    },
    async (req, reply) => {
      const r = await ops.issueSupply({ ...ctx(req), ...req.params, input: req.body });
      return sendCreated(reply, r.created, r.operation);
    },
  );

  // ——— roster ———
  app.post(
    '/api/operations/:id/shifts',
    {
      schema: {
        tags,
        summary: 'Add a duty shift',
        params: zIdParams,
        body: zShiftCreate,
        response: created,
      },
    },
    async (req, reply) => {
      const r = await ops.addShift({ ...ctx(req), id: req.params.id, input: req.body });
      return sendCreated(reply, r.created, r.operation);
    },
  );
  app.put(
    '/api/operations/:id/shifts/:itemId',
    {
      schema: {
        tags,
        summary: 'Change a shift',
        params: zItemParams,
        body: zShiftUpdate,
        response: detail,
      },
    },
    (req) => ops.updateShift({ ...ctx(req), ...req.params, input: req.body }),
  );
  app.delete(
    '/api/operations/:id/shifts/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove a shift',
        params: zItemParams,
        querystring: zVersionQuery,
        response: detail,
      },
    },
    (req) => ops.deleteShift({ ...ctx(req), ...req.params, version: req.query.version }),
  );

  // ——— log ———
  app.post(
    '/api/operations/:id/log',
    {
      schema: {
        tags,
        summary: 'Append to the log',
        params: zIdParams,
        body: zLogCreate,
        response: created,
      },
    },
    async (req, reply) => {
      const r = await ops.addLogEntry({ ...ctx(req), id: req.params.id, input: req.body });
      return sendCreated(reply, r.created, r.operation);
    },
  );
};
