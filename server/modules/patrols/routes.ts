import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import {
  zCoverage,
  zCoverageQuery,
  zFinding,
  zFindingCreate,
  zFindingParams,
  zFindingReport,
  zFindingReported,
  zPatrolDetail,
  zPatrolEnd,
  zPatrolPage,
  zPatrolQuery,
  zPatrolStart,
} from '../../../common/schemas/patrols';
import { callerOf, sendCreated } from '../../http';
import * as patrols from './service';

const tags = ['patrols'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

export const patrolsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: Parameters<typeof callerOf>[0]) => ({ db, caller: callerOf(req) });

  app.get(
    '/api/patrols',
    {
      schema: {
        tags,
        summary: 'The patrol log: patrols of the grids the caller may see, newest first',
        querystring: zPatrolQuery,
        response: { 200: zPatrolPage, ...errors },
      },
    },
    (req) => patrols.listPatrols({ ...ctx(req), query: req.query }),
  );
  app.get(
    '/api/patrols/coverage',
    {
      schema: {
        tags,
        summary: 'Sweep coverage: which places of a grid were visited in a period',
        querystring: zCoverageQuery,
        response: { 200: zCoverage, ...errors },
      },
    },
    (req) => patrols.sweepCoverage({ ...ctx(req), query: req.query }),
  );
  app.post(
    '/api/patrols',
    {
      schema: {
        tags,
        summary: 'Start a patrol of the caller’s grid (grid worker); a resend starts nothing new',
        body: zPatrolStart,
        response: { 200: zPatrolDetail, 201: zPatrolDetail, ...errors },
      },
    },
    async (req, reply) => {
      const r = await patrols.startPatrol({ ...ctx(req), input: req.body });
      return sendCreated(reply, r.created, r.patrol);
    },
  );
  app.get(
    '/api/patrols/:id',
    {
      schema: {
        tags,
        summary: 'A patrol with its findings and visits',
        params: zIdParams,
        response: { 200: zPatrolDetail, ...errors },
      },
    },
    (req) => patrols.getPatrol({ ...ctx(req), id: req.params.id }),
  );
  app.post(
    '/api/patrols/:id/end',
    {
      schema: {
        tags,
        summary: 'End the patrol',
        params: zIdParams,
        body: zPatrolEnd,
        response: { 200: zPatrolDetail, ...errors },
      },
    },
    (req) => patrols.endPatrol({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/patrols/:id/findings',
    {
      schema: {
        tags,
        summary: 'Add a finding (a problem seen) or a visit (a place swept) to the patrol',
        params: zIdParams,
        body: zFindingCreate,
        response: { 200: zFinding, 201: zFinding, ...errors },
      },
    },
    async (req, reply) => {
      const r = await patrols.addFinding({ ...ctx(req), id: req.params.id, input: req.body });
      return sendCreated(reply, r.created, r.finding);
    },
  );
  app.post(
    '/api/patrols/:id/findings/:findingId/report',
    {
      schema: {
        tags,
        summary: 'Report a finding as an issue, in one step',
        params: zFindingParams,
        body: zFindingReport,
        response: { 200: zFindingReported, 201: zFindingReported, ...errors },
      },
    },
    async (req, reply) => {
      const r = await patrols.reportFinding({
        ...ctx(req),
        id: req.params.id,
        findingId: req.params.findingId,
        input: req.body,
      });
      return sendCreated(reply, r.created, r);
    },
  );
};
