import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import {
  zCareRules,
  zCareRulesQuery,
  zCareRulesUpdate,
  zStationWorkers,
  zToday,
  zTodayQuery,
  zVisitRates,
  zVisitRatesQuery,
} from '../../../common/schemas/cases';
import { callerOf } from '../../http';
import * as followUps from './followups';

const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};
const tags = ['follow-ups'];

export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: Parameters<typeof callerOf>[0]) => ({ db, caller: callerOf(req) });

  app.get(
    '/api/today',
    {
      schema: {
        tags,
        summary: '今日待办: due and overdue contacts and care visits, reviews waiting',
        querystring: zTodayQuery,
        response: { 200: zToday, ...errors },
      },
    },
    (req) => followUps.getToday({ ...ctx(req), date: req.query.date }),
  );
  app.get(
    '/api/care-rules',
    {
      schema: {
        tags,
        summary: 'The street’s visit interval per care tier',
        querystring: zCareRulesQuery,
        response: { 200: zCareRules, ...errors },
      },
    },
    (req) => followUps.getCareRules({ ...ctx(req), streetId: req.query.streetId }),
  );
  app.put(
    '/api/care-rules',
    {
      schema: {
        tags,
        summary: 'Station supervisor or street admin: set the street’s own intervals',
        body: zCareRulesUpdate,
        response: { 200: zCareRules, ...errors },
      },
    },
    (req) => followUps.updateCareRules({ ...ctx(req), input: req.body }),
  );
  app.get(
    '/api/stations/:id/visit-rates',
    {
      schema: {
        tags,
        summary:
          'Per care tier: clients served in the month and how many were visited within the rule',
        params: zIdParams,
        querystring: zVisitRatesQuery,
        response: { 200: zVisitRates, ...errors },
      },
    },
    (req) =>
      followUps.getVisitRates({ ...ctx(req), stationId: req.params.id, month: req.query.month }),
  );
  app.get(
    '/api/stations/:id/social-workers',
    {
      schema: {
        tags,
        summary: 'The social workers a case of the station can be given to',
        params: zIdParams,
        response: { 200: zStationWorkers, ...errors },
      },
    },
    (req) => followUps.listStationWorkers({ ...ctx(req), stationId: req.params.id }),
  );
};
