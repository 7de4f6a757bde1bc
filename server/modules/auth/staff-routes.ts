import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams, zOk, zVersionBody } from '../../../common/schemas/common';
import {
  zPasswordReset,
  zStaff,
  zStaffCreate,
  zStaffPage,
  zStaffQuery,
  zStaffRoles,
  zStaffUpdate,
} from '../../../common/schemas/staff';
import { callerOf, sendCreated } from '../../http';
import * as staff from './staff-service';

const tags = ['staff'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  app.get(
    '/api/staff',
    {
      schema: {
        tags,
        summary: 'Staff accounts within the caller’s scope',
        querystring: zStaffQuery,
        response: { 200: zStaffPage, ...errors },
      },
    },
    (req) => staff.listStaff({ db, caller: callerOf(req), query: req.query }),
  );
  app.get(
    '/api/staff/:id',
    {
      schema: {
        tags,
        summary: 'A staff account',
        params: zIdParams,
        response: { 200: zStaff, ...errors },
      },
    },
    (req) => staff.getStaff({ db, caller: callerOf(req), id: req.params.id }),
  );
  app.post(
    '/api/staff',
    {
      schema: {
        tags,
        summary: 'Create a staff account',
        body: zStaffCreate,
        response: { 200: zStaff, 201: zStaff, ...errors },
      },
    },
    async (req, reply) => {
      const r = await staff.createStaff({ db, caller: callerOf(req), input: req.body });
      return sendCreated(reply, r.created, r.staff);
    },
  );
  app.patch(
    '/api/staff/:id',
    {
      schema: {
        tags,
        summary: 'Edit a staff account',
        params: zIdParams,
        body: zStaffUpdate,
        response: { 200: zStaff, ...errors },
      },
    },
    (req) => staff.updateStaff({ db, caller: callerOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/staff/:id/disable',
    {
      schema: {
        tags,
        summary: 'Disable an account: it can no longer log in',
        params: zIdParams,
        body: zVersionBody,
        response: { 200: zStaff, ...errors },
      },
    },
    (req) =>
      staff.setStaffStatus({
        db,
        caller: callerOf(req),
        id: req.params.id,
        version: req.body.version,
        status: 'disabled',
      }),
  );
  app.post(
    '/api/staff/:id/enable',
    {
      schema: {
        tags,
        summary: 'Enable a disabled account again',
        params: zIdParams,
        body: zVersionBody,
        response: { 200: zStaff, ...errors },
      },
    },
    (req) =>
      staff.setStaffStatus({
        db,
        caller: callerOf(req),
        id: req.params.id,
        version: req.body.version,
        status: 'active',
      }),
  );
  app.post(
    '/api/staff/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a new password for a staff account',
        params: zIdParams,
        body: zPasswordReset,
        response: { 200: zOk, ...errors },
      },
    },
    async (req) => {
      await staff.resetStaffPassword({
        db,
        caller: callerOf(req),
        id: req.params.id,
        newPassword: req.body.newPassword,
      });
      return { ok: true as const };
    },
  );
  app.put(
    '/api/staff/:id/roles',
    {
      schema: {
        tags,
        summary: 'Replace the role assignments',
        params: zIdParams,
        body: zStaffRoles,
        response: { 200: zStaff, ...errors },
      },
    },
    (req) => staff.setStaffRoles({ db, caller: callerOf(req), id: req.params.id, input: req.body }),
  );
};
