import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import {
  zCaseAdvance,
  zCaseCreate,
  zCaseDetail,
  zCaseEvent,
  zCaseFormSave,
  zCasePage,
  zCaseQuery,
  zCaseReopen,
  zCaseReview,
  zCaseTransfer,
  zCaseUpdate,
  zCorrectionDiff,
  zCorrectionsPreview,
  zReferral,
  zReferralCreate,
  zServiceRecord,
  zServiceRecordCreate,
  zServiceRecordCreated,
} from '../../../common/schemas/cases';
import { callerOf, sendCreated } from '../../http';
import { documentRoutes } from './document-routes';
import { followUpRoutes } from './followup-routes';
import { intakeReferralRoutes } from './intake-referral-routes';
import * as records from './records';
import { resourceRoutes } from './resource-routes';
import * as resources from './resources';
import * as cases from './service';
import * as steps from './stage-steps';

const tags = ['cases'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: Parameters<typeof callerOf>[0]) => ({ db, caller: callerOf(req) });
  const one = { 200: zCaseDetail, ...errors };

  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Cases of the caller’s station (or street, district), open ones first',
        querystring: zCaseQuery,
        response: { 200: zCasePage, ...errors },
      },
    },
    (req) => cases.listCases({ ...ctx(req), query: req.query }),
  );
  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary:
          'Intake: open a case with the intake form (the client’s consent must be on record)',
        body: zCaseCreate,
        response: { 201: zCaseDetail, ...one },
      },
    },
    async (req, reply) => {
      const r = await cases.openCase({ ...ctx(req), input: req.body });
      return sendCreated(reply, r.created, r.case);
    },
  );
  app.get(
    '/api/cases/:id',
    { schema: { tags, summary: 'A case', params: zIdParams, response: one } },
    (req) => cases.getCase({ ...ctx(req), id: req.params.id }),
  );
  app.patch(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'Change the presenting problem, risk level or next contact date',
        params: zIdParams,
        body: zCaseUpdate,
        response: one,
      },
    },
    (req) => cases.updateCase({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.put(
    '/api/cases/:id/forms',
    {
      schema: {
        tags,
        summary: 'Save the current stage’s form, or ask for closure; plan and closure go to review',
        params: zIdParams,
        body: zCaseFormSave,
        response: one,
      },
    },
    (req) => steps.saveForm({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/cases/:id/advance',
    {
      schema: {
        tags,
        summary: 'Move to the next stage once this one’s work is done',
        params: zIdParams,
        body: zCaseAdvance,
        response: one,
      },
    },
    (req) => steps.advanceCase({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/cases/:id/review',
    {
      schema: {
        tags,
        summary: 'Station supervisor: approve or return the plan or the closure',
        params: zIdParams,
        body: zCaseReview,
        response: one,
      },
    },
    (req) => steps.reviewCase({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/cases/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Give the case to another social worker of the station',
        params: zIdParams,
        body: zCaseTransfer,
        response: one,
      },
    },
    (req) => cases.transferCase({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/cases/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed case, with a reason, at assessment',
        params: zIdParams,
        body: zCaseReopen,
        response: one,
      },
    },
    (req) => steps.reopenCase({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/cases/:id/events',
    {
      schema: {
        tags,
        summary: 'The case’s timeline',
        params: zIdParams,
        response: { 200: z.array(zCaseEvent), ...errors },
      },
    },
    (req) => cases.listEvents({ ...ctx(req), id: req.params.id }),
  );

  app.get(
    '/api/cases/:id/service-records',
    {
      schema: {
        tags,
        summary: 'The case’s service records',
        params: zIdParams,
        response: { 200: z.array(zServiceRecord), ...errors },
      },
    },
    (req) => records.listRecords({ ...ctx(req), caseId: req.params.id }),
  );
  app.post(
    '/api/cases/:id/service-records/preview',
    {
      schema: {
        tags,
        summary:
          'What a home visit’s corrections would change (masked as the caller may see); writes nothing',
        params: zIdParams,
        body: zCorrectionsPreview,
        response: { 200: z.array(zCorrectionDiff), ...errors },
      },
    },
    (req) =>
      records.previewCorrections({
        ...ctx(req),
        caseId: req.params.id,
        corrections: req.body.corrections,
      }),
  );
  app.post(
    '/api/cases/:id/service-records',
    {
      schema: {
        tags,
        summary:
          'Record a contact; a confirmed home visit applies its corrections in the same step',
        params: zIdParams,
        body: zServiceRecordCreate,
        response: { 200: zServiceRecordCreated, 201: zServiceRecordCreated, ...errors },
      },
    },
    async (req, reply) => {
      const { created, ...r } = await records.createRecord({
        ...ctx(req),
        caseId: req.params.id,
        input: req.body,
      });
      return sendCreated(reply, created, r);
    },
  );

  app.get(
    '/api/cases/:id/referrals',
    {
      schema: {
        tags,
        summary: 'The case’s referrals to resources',
        params: zIdParams,
        response: { 200: z.array(zReferral), ...errors },
      },
    },
    (req) => resources.listReferrals({ ...ctx(req), caseId: req.params.id }),
  );
  app.post(
    '/api/cases/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Refer the client to a resource',
        params: zIdParams,
        body: zReferralCreate,
        response: { 200: zReferral, 201: zReferral, ...errors },
      },
    },
    async (req, reply) => {
      const r = await resources.createReferral({
        ...ctx(req),
        caseId: req.params.id,
        input: req.body,
      });
      return sendCreated(reply, r.created, r.referral);
    },
  );
};

/** Cases, service records, resources, referrals, care rules, 今日待办 and the printable documents. */
export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(caseRoutes);
  await app.register(documentRoutes);
  await app.register(resourceRoutes);
  await app.register(followUpRoutes);
  await app.register(intakeReferralRoutes);
};
