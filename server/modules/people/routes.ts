import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import {
  zAddMember,
  zChangeHead,
  zConsent,
  zConsentCreate,
  zHistoryEntry,
  zHousehold,
  zHouseholdCreate,
  zHouseholdUpdate,
  zMoveHousehold,
  zRemoveMember,
  zResident,
  zResidentPage,
  zResidentQuery,
  zResidentUpdate,
  zReveal,
  zRevealed,
  zSensitiveRead,
  zSplitHousehold,
} from '../../../common/schemas/people';
import { callerOf, sendCreated } from '../../http';
import * as residents from './residents';
import * as people from './service';

const tags = ['people'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: Parameters<typeof callerOf>[0]) => ({ db, caller: callerOf(req) });

  app.get(
    '/api/residents',
    {
      schema: {
        tags,
        summary: 'Search residents in the caller’s area (masked)',
        querystring: zResidentQuery,
        response: { 200: zResidentPage, ...errors },
      },
    },
    (req) => residents.searchResidents({ ...ctx(req), query: req.query }),
  );
  app.get(
    '/api/residents/:id',
    {
      schema: {
        tags,
        summary: 'A resident; sensitive fields whole or masked, as the caller may see them',
        params: zIdParams,
        response: { 200: zResident, ...errors },
      },
    },
    (req) => residents.getResident({ ...ctx(req), id: req.params.id }),
  );
  app.patch(
    '/api/residents/:id',
    {
      schema: {
        tags,
        summary: 'Correct a resident; each change goes into the history',
        params: zIdParams,
        body: zResidentUpdate,
        response: { 200: zHousehold, ...errors },
      },
    },
    (req) => {
      const { version, ...patch } = req.body;
      return people.updateResident({ ...ctx(req), id: req.params.id, version, patch });
    },
  );
  app.post(
    '/api/residents/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Open a masked field by giving a reason (audited)',
        params: zIdParams,
        body: zReveal,
        response: { 200: zRevealed, ...errors },
      },
    },
    (req) => residents.revealField({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/residents/:id/consents',
    {
      schema: {
        tags,
        summary: 'The resident’s consents to processing sensitive data',
        params: zIdParams,
        response: { 200: z.array(zConsent), ...errors },
      },
    },
    (req) => residents.listConsents({ ...ctx(req), residentId: req.params.id }),
  );
  app.post(
    '/api/residents/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record consent to processing sensitive data',
        params: zIdParams,
        body: zConsentCreate,
        response: { 201: zConsent, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(
        await residents.recordConsent({
          ...ctx(req),
          residentId: req.params.id,
          input: req.body,
        }),
      ),
  );
  app.get(
    '/api/sensitive-access',
    {
      schema: {
        tags,
        summary: 'Break-the-glass reads, for the station supervisor',
        response: { 200: z.array(zSensitiveRead), ...errors },
      },
    },
    (req) => residents.listSensitiveAccess(ctx(req)),
  );

  app.post(
    '/api/households',
    {
      schema: {
        tags,
        summary: 'Register a household with its members',
        body: zHouseholdCreate,
        response: { 200: zHousehold, 201: zHousehold, ...errors },
      },
    },
    async (req, reply) => {
      const r = await people.createHousehold({ ...ctx(req), input: req.body });
      return sendCreated(reply, r.created, r.household);
    },
  );
  app.get(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: 'A household with its members',
        params: zIdParams,
        response: { 200: zHousehold, ...errors },
      },
    },
    (req) => people.getHousehold({ ...ctx(req), id: req.params.id }),
  );
  app.patch(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: 'Correct a household; each change goes into the history',
        params: zIdParams,
        body: zHouseholdUpdate,
        response: { 200: zHousehold, ...errors },
      },
    },
    (req) => people.updateHousehold({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/households/:id/history',
    {
      schema: {
        tags,
        summary: 'The changes to a household and its members, newest first',
        params: zIdParams,
        response: { 200: z.array(zHistoryEntry), ...errors },
      },
    },
    (req) => people.getHistory({ ...ctx(req), id: req.params.id }),
  );
  app.post(
    '/api/households/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member',
        params: zIdParams,
        body: zAddMember,
        response: { 200: zHousehold, ...errors },
      },
    },
    (req) => people.addMember({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/households/:id/remove-member',
    {
      schema: {
        tags,
        summary: 'A member moved away or died',
        params: zIdParams,
        body: zRemoveMember,
        response: { 200: zHousehold, ...errors },
      },
    },
    (req) => people.removeMember({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/households/:id/change-head',
    {
      schema: {
        tags,
        summary: 'Make another member the head of the household (户主)',
        params: zIdParams,
        body: zChangeHead,
        response: { 200: zHousehold, ...errors },
      },
    },
    (req) => people.changeHead({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/households/:id/split',
    {
      schema: {
        tags,
        summary: 'Split members off into a new household',
        params: zIdParams,
        body: zSplitHousehold,
        response: { 200: z.object({ from: zHousehold, to: zHousehold }), ...errors },
      },
    },
    (req) => people.splitHousehold({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/households/:id/move',
    {
      schema: {
        tags,
        summary: 'The household moved to another address',
        params: zIdParams,
        body: zMoveHousehold,
        response: { 200: zHousehold, ...errors },
      },
    },
    (req) => people.moveHousehold({ ...ctx(req), id: req.params.id, input: req.body }),
  );
};
