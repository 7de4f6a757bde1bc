import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zCampaignCreate,
  zCampaignDetail,
  zCampaignHouseholdDetail,
  zCampaignHouseholdParams,
  zCampaignHouseholdQuery,
  zCampaignHouseholds,
  zCampaignPage,
  zCampaignQuery,
  zCampaignUpdate,
  zVisit,
  zVisitCreate,
} from '../../../common/schemas/campaigns';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import { callerOf, fileDate, localeOf, sendCreated, sendXlsx, XLSX_REPLY } from '../../http';
import { exportVisits } from './export';
import * as campaigns from './service';
import * as visits from './visits';

const tags = ['campaigns'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

export const campaignsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: FastifyRequest) => ({ db, caller: callerOf(req) });

  app.get(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: 'The campaigns the caller sees (run in or going to their area), newest first',
        querystring: zCampaignQuery,
        response: { 200: zCampaignPage, ...errors },
      },
    },
    (req) => campaigns.listCampaigns({ ...ctx(req), query: req.query }),
  );
  app.post(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: 'Create a campaign run by a street or community; a resend creates nothing new',
        body: zCampaignCreate,
        response: { 200: zCampaignDetail, 201: zCampaignDetail, ...errors },
      },
    },
    async (req, reply) => {
      const r = await campaigns.createCampaign({ ...ctx(req), input: req.body });
      return sendCreated(reply, r.created, r.campaign);
    },
  );
  app.get(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'A campaign with its live coverage by community, grid and worker',
        params: zIdParams,
        response: { 200: zCampaignDetail, ...errors },
      },
    },
    (req) => campaigns.getCampaign({ ...ctx(req), id: req.params.id }),
  );
  app.patch(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Edit a campaign or change its status (planned → active → ended)',
        params: zIdParams,
        body: zCampaignUpdate,
        response: { 200: zCampaignDetail, ...errors },
      },
    },
    (req) => campaigns.updateCampaign({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/campaigns/:id/households',
    {
      schema: {
        tags,
        summary: 'The campaign’s households the caller sees, with their latest visit outcome',
        params: zIdParams,
        querystring: zCampaignHouseholdQuery,
        response: { 200: zCampaignHouseholds, ...errors },
      },
    },
    (req) => visits.listCampaignHouseholds({ ...ctx(req), id: req.params.id, query: req.query }),
  );
  app.get(
    '/api/campaigns/:id/households/:householdId',
    {
      schema: {
        tags,
        summary: 'One household of the campaign with its visits, newest first',
        params: zCampaignHouseholdParams,
        response: { 200: zCampaignHouseholdDetail, ...errors },
      },
    },
    (req) =>
      visits.getCampaignHousehold({
        ...ctx(req),
        id: req.params.id,
        householdId: req.params.householdId,
      }),
  );
  app.post(
    '/api/campaigns/:id/visits',
    {
      schema: {
        tags,
        summary:
          'Record a visit: outcome, note, photos, the questionnaire when delivered and an issue seen at the door, in one step',
        params: zIdParams,
        body: zVisitCreate,
        response: { 200: zVisit, 201: zVisit, ...errors },
      },
    },
    async (req, reply) => {
      const r = await visits.recordVisit({ ...ctx(req), id: req.params.id, input: req.body });
      return sendCreated(reply, r.created, r.visit);
    },
  );
  app.get(
    '/api/campaigns/:id/visits.xlsx',
    {
      schema: {
        tags,
        summary: 'The campaign’s visits as an .xlsx ledger (audited)',
        params: zIdParams,
        response: { 200: XLSX_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const { file, title, exported } = await exportVisits({
        ...ctx(req),
        id: req.params.id,
        locale: localeOf(req),
      });
      reply.header('x-exported-count', String(exported));
      const day = fileDate();
      return sendXlsx(reply, file, `${title}-走访台账-${day}.xlsx`, `campaign-visits-${day}.xlsx`);
    },
  );
};
