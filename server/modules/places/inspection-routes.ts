import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zErrorReply, zIdParams, zVersionBody } from '../../../common/schemas/common';
import {
  zChecklist,
  zChecklistCreate,
  zChecklistQuery,
  zChecklistUpdate,
  zChecklistVersion,
  zChecklistVersionParams,
  zInspection,
  zInspectionCreate,
  zInspectionPage,
  zInspectionQuery,
  zInspectionResults,
  zInspectionSubmit,
  zInspectionTeamOptions,
  zNotice,
  zNoticeIssue,
  zNoticePage,
  zNoticeQuery,
  zReinspect,
  zSignOff,
} from '../../../common/schemas/places';
import { callerOf, PDF_REPLY, sendCreated, sendPdf } from '../../http';
import * as checklists from './checklists';
import * as view from './inspection-view';
import * as inspections from './inspections';
import * as notices from './notices';

const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: FastifyRequest) => ({ db, caller: callerOf(req) });

  // ——— checklists ———
  const checklistTags = ['checklists'];
  app.get(
    '/api/checklists',
    {
      schema: {
        tags: checklistTags,
        summary: 'The checklists of the caller’s district and street, with their current items',
        querystring: zChecklistQuery,
        response: { 200: z.object({ items: z.array(zChecklist) }), ...errors },
      },
    },
    (req) => checklists.listChecklists({ ...ctx(req), includeRetired: req.query.includeRetired }),
  );
  app.post(
    '/api/checklists',
    {
      schema: {
        tags: checklistTags,
        summary: 'Make a checklist for a district or street (its version 1)',
        body: zChecklistCreate,
        response: { 200: zChecklist, 201: zChecklist, ...errors },
      },
    },
    async (req, reply) => {
      const { checklist, created } = await checklists.createChecklist({
        ...ctx(req),
        input: req.body,
      });
      return sendCreated(reply, created, checklist);
    },
  );
  app.get(
    '/api/checklists/:id',
    {
      schema: {
        tags: checklistTags,
        summary: 'A checklist in its current version',
        params: zIdParams,
        response: { 200: zChecklist, ...errors },
      },
    },
    (req) => checklists.getChecklist({ ...ctx(req), id: req.params.id }),
  );
  app.put(
    '/api/checklists/:id',
    {
      schema: {
        tags: checklistTags,
        summary:
          'Edit a checklist: writes a new version; inspections keep the version they were done with',
        params: zIdParams,
        body: zChecklistUpdate,
        response: { 200: zChecklist, ...errors },
      },
    },
    (req) => checklists.updateChecklist({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/checklists/:id/versions/:number',
    {
      schema: {
        tags: checklistTags,
        summary: 'One version of a checklist, as it was',
        params: zChecklistVersionParams,
        response: { 200: zChecklistVersion, ...errors },
      },
    },
    (req) =>
      checklists.getChecklistVersion({ ...ctx(req), id: req.params.id, number: req.params.number }),
  );
  for (const [action, status] of [
    ['retire', 'retired'],
    ['restore', 'active'],
  ] as const) {
    app.post(
      `/api/checklists/:id/${action}`,
      {
        schema: {
          tags: checklistTags,
          summary:
            action === 'retire'
              ? 'Retire a checklist: no new inspections use it'
              : 'Bring a retired checklist back',
          params: zIdParams,
          body: zVersionBody,
          response: { 200: zChecklist, ...errors },
        },
      },
      (req) =>
        checklists.setChecklistStatus({
          ...ctx(req),
          id: req.params.id,
          version: req.body.version,
          status,
        }),
    );
  }

  // ——— inspections ———
  const tags = ['inspections'];
  app.get(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: 'Inspections in the caller’s reach, newest first',
        querystring: zInspectionQuery,
        response: { 200: zInspectionPage, ...errors },
      },
    },
    (req) => view.listInspections({ ...ctx(req), query: req.query }),
  );
  app.post(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: 'Start an inspection of a place against a checklist’s current version',
        body: zInspectionCreate,
        response: { 200: zInspection, 201: zInspection, ...errors },
      },
    },
    async (req, reply) => {
      const { inspection, created } = await inspections.createInspection({
        ...ctx(req),
        input: req.body,
      });
      return sendCreated(reply, created, inspection);
    },
  );
  app.get(
    '/api/places/:id/inspection-team',
    {
      schema: {
        tags,
        summary: 'Departments and staff that may be named on an inspection of this place',
        params: zIdParams,
        response: { 200: zInspectionTeamOptions, ...errors },
      },
    },
    (req) => inspections.inspectionTeamOptions({ ...ctx(req), placeId: req.params.id }),
  );
  app.get(
    '/api/inspections/:id',
    {
      schema: {
        tags,
        summary: 'An inspection with its results',
        params: zIdParams,
        response: { 200: zInspection, ...errors },
      },
    },
    (req) => view.getInspection({ ...ctx(req), id: req.params.id }),
  );
  app.put(
    '/api/inspections/:id/results',
    {
      schema: {
        tags,
        summary: 'Record item results (pass, fail, not applicable) while the inspection is open',
        params: zIdParams,
        body: zInspectionResults,
        response: { 200: zInspection, ...errors },
      },
    },
    (req) =>
      inspections.saveInspectionResults({
        ...ctx(req),
        id: req.params.id,
        version: req.body.version,
        results: req.body.results,
      }),
  );
  app.post(
    '/api/inspections/:id/submit',
    {
      schema: {
        tags,
        summary:
          'Submit: failed items raise one issue with the rectification order, and the numbered notice',
        params: zIdParams,
        body: zInspectionSubmit,
        response: { 200: zInspection, ...errors },
      },
    },
    (req) => inspections.submitInspection({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/inspections/:id/sign-off',
    {
      schema: {
        tags,
        summary: 'A department on the inspection signs it off; complete when all have',
        params: zIdParams,
        body: zSignOff,
        response: { 200: zInspection, ...errors },
      },
    },
    (req) =>
      inspections.signOffInspection({
        ...ctx(req),
        id: req.params.id,
        version: req.body.version,
        departmentId: req.body.departmentId,
        note: req.body.note,
      }),
  );
  app.post(
    '/api/inspections/:id/notice',
    {
      schema: {
        tags,
        summary: 'Issue the numbered rectification notice of a submitted inspection (once)',
        params: zIdParams,
        body: zNoticeIssue,
        response: { 200: zNotice, 201: zNotice, ...errors },
      },
    },
    async (req, reply) => {
      const { notice, created } = await notices.issueNotice({
        ...ctx(req),
        inspectionId: req.params.id,
        id: req.body.id,
      });
      return sendCreated(reply, created, notice);
    },
  );

  // ——— rectification notices ———
  const noticeTags = ['notices'];
  app.get(
    '/api/notices',
    {
      schema: {
        tags: noticeTags,
        summary: 'Rectification notices in the caller’s reach, newest first',
        querystring: zNoticeQuery,
        response: { 200: zNoticePage, ...errors },
      },
    },
    (req) => notices.listNotices({ ...ctx(req), query: req.query }),
  );
  app.get(
    '/api/notices/:id.pdf',
    {
      schema: {
        tags: noticeTags,
        summary: 'The printable rectification notice (PDF, Chinese); audited',
        params: zIdParams,
        response: { 200: PDF_REPLY, 401: zErrorReply, 404: zErrorReply },
      },
    },
    async (req, reply) => {
      const pdf = await notices.noticePdf({ ...ctx(req), id: req.params.id });
      const tail = req.params.id.slice(-6);
      return sendPdf(reply, pdf, `整改通知书-${tail}.pdf`, `notice-${tail}.pdf`);
    },
  );
  app.get(
    '/api/notices/:id',
    {
      schema: {
        tags: noticeTags,
        summary: 'A rectification notice',
        params: zIdParams,
        response: { 200: zNotice, ...errors },
      },
    },
    (req) => notices.getNotice({ ...ctx(req), id: req.params.id }),
  );
  app.post(
    '/api/notices/:id/reinspect',
    {
      schema: {
        tags: noticeTags,
        summary:
          'Re-inspect the notice’s items: all fixed verifies the issue, anything not fixed reopens it',
        params: zIdParams,
        body: zReinspect,
        response: { 200: zNotice, ...errors },
      },
    },
    (req) => notices.reinspectNotice({ ...ctx(req), id: req.params.id, input: req.body }),
  );
};
