import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zErrorReply,
  zIdParams,
  zOk,
  zVersionBody,
  zVersionQuery,
} from '../../../common/schemas/common';
import {
  zOrgTree,
  zOrgTreeQuery,
  zOrgUnit,
  zOrgUnitCreate,
  zOrgUnitMove,
  zOrgUnitUpdate,
} from '../../../common/schemas/org';
import { callerOf, sendCreated } from '../../http';
import * as org from './service';

const tags = ['org'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  app.get(
    '/api/org/tree',
    {
      // The tree is built from presented rows only; checking thousands of nested nodes against the
      // schema again cost most of the request (bench/RESULTS.md), so it is written out directly.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags,
        summary: 'The org tree within the caller’s data scope',
        querystring: zOrgTreeQuery,
        response: { 200: zOrgTree, ...errors },
      },
    },
    async (req) => ({
      tree: await org.getOrgTree({
        db,
        caller: callerOf(req),
        includeRetired: req.query.includeRetired,
      }),
    }),
  );
  app.get(
    '/api/org/units/:id',
    {
      schema: {
        tags,
        summary: 'A unit',
        params: zIdParams,
        response: { 200: zOrgUnit, ...errors },
      },
    },
    (req) => org.getOrgUnit({ db, caller: callerOf(req), id: req.params.id }),
  );
  app.post(
    '/api/org/units',
    {
      schema: {
        tags,
        summary: 'Add a unit under a parent',
        body: zOrgUnitCreate,
        response: { 200: zOrgUnit, 201: zOrgUnit, ...errors },
      },
    },
    async (req, reply) => {
      const { unit, created } = await org.createOrgUnit({
        db,
        caller: callerOf(req),
        input: req.body,
      });
      return sendCreated(reply, created, unit);
    },
  );
  app.patch(
    '/api/org/units/:id',
    {
      schema: {
        tags,
        summary: 'Rename or re-code a unit',
        params: zIdParams,
        body: zOrgUnitUpdate,
        response: { 200: zOrgUnit, ...errors },
      },
    },
    (req) => org.updateOrgUnit({ db, caller: callerOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/org/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a unit under another parent',
        params: zIdParams,
        body: zOrgUnitMove,
        response: { 200: zOrgUnit, ...errors },
      },
    },
    (req) => org.moveOrgUnit({ db, caller: callerOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/org/units/:id/retire',
    {
      schema: {
        tags,
        summary: 'Retire a unit that has no active units under it',
        params: zIdParams,
        body: zVersionBody,
        response: { 200: zOrgUnit, ...errors },
      },
    },
    (req) =>
      org.setOrgUnitStatus({
        db,
        caller: callerOf(req),
        id: req.params.id,
        version: req.body.version,
        status: 'retired',
      }),
  );
  app.post(
    '/api/org/units/:id/restore',
    {
      schema: {
        tags,
        summary: 'Bring a retired unit back',
        params: zIdParams,
        body: zVersionBody,
        response: { 200: zOrgUnit, ...errors },
      },
    },
    (req) =>
      org.setOrgUnitStatus({
        db,
        caller: callerOf(req),
        id: req.params.id,
        version: req.body.version,
        status: 'active',
      }),
  );
  app.delete(
    '/api/org/units/:id',
    {
      schema: {
        tags,
        summary: 'Delete a unit that never held anything',
        params: zIdParams,
        querystring: zVersionQuery,
        response: { 200: zOk, ...errors },
      },
    },
    async (req) => {
      await org.deleteOrgUnit({
        db,
        caller: callerOf(req),
        id: req.params.id,
        version: req.query.version,
      });
      return { ok: true as const };
    },
  );
};
