import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import {
  zReferral,
  zReferralTransition,
  zResource,
  zResourceCreate,
  zResourcePage,
  zResourceQuery,
  zResourceUpdate,
} from '../../../common/schemas/cases';
import { callerOf, sendCreated } from '../../http';
import * as resources from './resources';

const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};
const tags = ['resources'];

export const resourceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: Parameters<typeof callerOf>[0]) => ({ db, caller: callerOf(req) });

  app.get(
    '/api/resources',
    {
      schema: {
        tags,
        summary: 'The resource directory of the caller’s street, with the district-wide resources',
        querystring: zResourceQuery,
        response: { 200: zResourcePage, ...errors },
      },
    },
    (req) => resources.listResources({ ...ctx(req), query: req.query }),
  );
  app.post(
    '/api/resources',
    {
      schema: {
        tags,
        summary: 'Add a resource to the directory',
        body: zResourceCreate,
        response: { 200: zResource, 201: zResource, ...errors },
      },
    },
    async (req, reply) => {
      const r = await resources.createResource({ ...ctx(req), input: req.body });
      return sendCreated(reply, r.created, r.resource);
    },
  );
  app.get(
    '/api/resources/:id',
    {
      schema: {
        tags,
        summary: 'A resource',
        params: zIdParams,
        response: { 200: zResource, ...errors },
      },
    },
    (req) => resources.getResource({ ...ctx(req), id: req.params.id }),
  );
  app.patch(
    '/api/resources/:id',
    {
      schema: {
        tags,
        summary: 'Edit a resource, or retire it (status retired)',
        params: zIdParams,
        body: zResourceUpdate,
        response: { 200: zResource, ...errors },
      },
    },
    (req) => resources.updateResource({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/referrals/:id/status',
    {
      schema: {
        tags,
        summary: 'Referral: requested → accepted → completed, or declined, with an outcome',
        params: zIdParams,
        body: zReferralTransition,
        response: { 200: zReferral, ...errors },
      },
    },
    (req) => resources.moveReferral({ ...ctx(req), id: req.params.id, input: req.body }),
  );
};
