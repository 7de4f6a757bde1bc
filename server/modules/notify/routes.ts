import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams, zOk } from '../../../common/schemas/common';
import {
  zWebhook,
  zWebhookCreate,
  zWebhookList,
  zWebhookQuery,
  zWebhookTestResult,
  zWebhookUpdate,
} from '../../../common/schemas/notify';
import { callerOf, sendCreated } from '../../http';
import * as notify from './service';

const tags = ['notify'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

/** Group-chat robots of an org unit, managed by the unit's administrators. */
export const notifyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: FastifyRequest) => ({ db, caller: callerOf(req) });
  app.get(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary:
          'The group-chat robots (企业微信 / 钉钉) of an org unit; addresses are hinted, never shown',
        querystring: zWebhookQuery,
        response: { 200: zWebhookList, ...errors },
      },
    },
    async (req) => ({
      items: await notify.listWebhooks({ ...ctx(req), unitId: req.query.unitId }),
    }),
  );
  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Add a robot to a unit: escalations and urgings sent to the unit are posted to it',
        body: zWebhookCreate,
        response: { 200: zWebhook, 201: zWebhook, ...errors },
      },
    },
    async (req, reply) => {
      const { webhook, created } = await notify.createWebhook({ ...ctx(req), input: req.body });
      return sendCreated(reply, created, webhook);
    },
  );
  app.patch(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Edit a robot',
        params: zIdParams,
        body: zWebhookUpdate,
        response: { 200: zWebhook, ...errors },
      },
    },
    (req) => notify.updateWebhook({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.delete(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Remove a robot',
        params: zIdParams,
        response: { 200: zOk, ...errors },
      },
    },
    async (req) => {
      await notify.deleteWebhook({ ...ctx(req), id: req.params.id });
      return { ok: true as const };
    },
  );
  app.post(
    '/api/webhooks/:id/test',
    {
      schema: {
        tags,
        summary: 'Post a test message now and answer whether the robot took it',
        params: zIdParams,
        response: { 200: zWebhookTestResult, ...errors },
      },
    },
    (req) => notify.testWebhook({ ...ctx(req), id: req.params.id }),
  );
};
