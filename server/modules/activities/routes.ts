import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zActivityCreate,
  zActivityFeedback,
  zActivityFeedbackCreated,
  zActivityDetail,
  zActivityPage,
  zActivityQuery,
  zActivityStatusChange,
  zActivityUpdate,
  zAttendance,
  zAttendanceCreate,
  zAttendanceList,
  zAttendanceParams,
  zAttendanceRegister,
  zAttendanceRegistered,
  zHandoutGive,
  zHandoutGiven,
  zHandoutItem,
  zHandoutItemCreate,
  zHandoutItemParams,
  zHandoutItemUpdate,
  zNeedCreate,
  zNeedCreated,
  zPartner,
  zPartnerCreate,
  zPartnerList,
  zPartnerUpdate,
} from '../../../common/schemas/activities';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import { callerOf, fileDate, sendCreated, sendXlsx, XLSX_REPLY } from '../../http';
import * as activities from './service';

const tags = ['activities'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: Parameters<typeof callerOf>[0]) => ({ db, caller: callerOf(req) });

  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'The activity register: activities of the communities the caller may see',
        querystring: zActivityQuery,
        response: { 200: zActivityPage, ...errors },
      },
    },
    (req) => activities.listActivities({ ...ctx(req), query: req.query }),
  );
  app.get(
    '/api/activities/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The activities GET /api/activities finds, as an .xlsx register (audited)',
        querystring: zActivityQuery,
        response: { 200: XLSX_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const { file, exported, total } = await activities.exportActivities({
        ...ctx(req),
        query: req.query,
      });
      reply.header('x-total-count', String(total)).header('x-exported-count', String(exported));
      return sendXlsx(
        reply,
        file,
        `社区活动台账-${fileDate()}.xlsx`,
        `activities-${fileDate()}.xlsx`,
      );
    },
  );
  app.post(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Plan an activity of a community (community staff, street and district admins)',
        body: zActivityCreate,
        response: { 200: zActivityDetail, 201: zActivityDetail, ...errors },
      },
    },
    async (req, reply) => {
      const r = await activities.createActivity({ ...ctx(req), input: req.body });
      return sendCreated(reply, r.created, r.activity);
    },
  );

  app.get(
    '/api/activities/partners',
    {
      schema: {
        tags,
        summary: 'Partner organisations of the streets the caller works in',
        response: { 200: zPartnerList, ...errors },
      },
    },
    (req) => activities.listPartners(ctx(req)),
  );
  app.post(
    '/api/activities/partners',
    {
      schema: {
        tags,
        summary: 'Add a partner organisation to the street',
        body: zPartnerCreate,
        response: { 200: zPartner, 201: zPartner, ...errors },
      },
    },
    async (req, reply) => {
      const r = await activities.createPartner({ ...ctx(req), input: req.body });
      return sendCreated(reply, r.created, r.partner);
    },
  );
  app.put(
    '/api/activities/partners/:id',
    {
      schema: {
        tags,
        summary: 'Correct a partner organisation',
        params: zIdParams,
        body: zPartnerUpdate,
        response: { 200: zPartner, ...errors },
      },
    },
    (req) => activities.updatePartner({ ...ctx(req), id: req.params.id, input: req.body }),
  );

  app.get(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'An activity with its photos, handouts and needs',
        params: zIdParams,
        response: { 200: zActivityDetail, ...errors },
      },
    },
    (req) => activities.getActivity({ ...ctx(req), id: req.params.id }),
  );
  app.patch(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'Edit an activity, write its summary, add photos',
        params: zIdParams,
        body: zActivityUpdate,
        response: { 200: zActivityDetail, ...errors },
      },
    },
    (req) => activities.updateActivity({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/activities/:id/status',
    {
      schema: {
        tags,
        summary: 'planned → ongoing → finished; planned or ongoing → cancelled',
        params: zIdParams,
        body: zActivityStatusChange,
        response: { 200: zActivityDetail, ...errors },
      },
    },
    (req) => activities.changeActivityStatus({ ...ctx(req), id: req.params.id, input: req.body }),
  );

  app.get(
    '/api/activities/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Who checked in, newest first (phones masked)',
        params: zIdParams,
        response: { 200: zAttendanceList, ...errors },
      },
    },
    (req) => activities.listAttendance({ ...ctx(req), id: req.params.id }),
  );
  app.get(
    '/api/activities/:id/attendance.xlsx',
    {
      schema: {
        tags,
        summary: 'The check-in sheet as .xlsx (phones masked, audited)',
        params: zIdParams,
        response: { 200: XLSX_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const { file } = await activities.exportAttendance({ ...ctx(req), id: req.params.id });
      return sendXlsx(
        reply,
        file,
        `活动签到表-${fileDate()}.xlsx`,
        `attendance-${fileDate()}.xlsx`,
      );
    },
  );
  app.post(
    '/api/activities/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Check in a resident of the register, or a walk-in by name and phone',
        params: zIdParams,
        body: zAttendanceCreate,
        response: { 200: zAttendance, 201: zAttendance, ...errors },
      },
    },
    async (req, reply) => {
      const r = await activities.checkIn({ ...ctx(req), id: req.params.id, input: req.body });
      return sendCreated(reply, r.created, r.attendance);
    },
  );
  app.post(
    '/api/activities/:id/attendance/:attendanceId/register',
    {
      schema: {
        tags,
        summary: 'Add a walk-in to the register as the head of a new household',
        params: zAttendanceParams,
        body: zAttendanceRegister,
        response: { 200: zAttendanceRegistered, 201: zAttendanceRegistered, ...errors },
      },
    },
    async (req, reply) => {
      const r = await activities.registerWalkIn({
        ...ctx(req),
        id: req.params.id,
        attendanceId: req.params.attendanceId,
        input: req.body,
      });
      return sendCreated(reply, r.created, r);
    },
  );

  app.post(
    '/api/activities/:id/handout-items',
    {
      schema: {
        tags,
        summary: 'Prepare an item to hand out, with its stock',
        params: zIdParams,
        body: zHandoutItemCreate,
        response: { 200: zHandoutItem, 201: zHandoutItem, ...errors },
      },
    },
    async (req, reply) => {
      const r = await activities.addHandoutItem({
        ...ctx(req),
        id: req.params.id,
        input: req.body,
      });
      return sendCreated(reply, r.created, r.item);
    },
  );
  app.put(
    '/api/activities/:id/handout-items/:itemId',
    {
      schema: {
        tags,
        summary: 'Correct the stock prepared (never below what was given)',
        params: zHandoutItemParams,
        body: zHandoutItemUpdate,
        response: { 200: zHandoutItem, ...errors },
      },
    },
    (req) =>
      activities.setHandoutPrepared({
        ...ctx(req),
        id: req.params.id,
        itemId: req.params.itemId,
        prepared: req.body.prepared,
      }),
  );
  app.post(
    '/api/activities/:id/handouts',
    {
      schema: {
        tags,
        summary: 'Give out items (to a participant or to the crowd); never more than is left',
        params: zIdParams,
        body: zHandoutGive,
        response: { 200: zHandoutGiven, 201: zHandoutGiven, ...errors },
      },
    },
    async (req, reply) => {
      const r = await activities.giveHandout({ ...ctx(req), id: req.params.id, input: req.body });
      return sendCreated(reply, r.created, r);
    },
  );

  app.post(
    '/api/activities/:id/needs',
    {
      schema: {
        tags,
        summary: 'A need noticed at the activity becomes an issue or a case referral, in one step',
        params: zIdParams,
        body: zNeedCreate,
        response: { 200: zNeedCreated, 201: zNeedCreated, ...errors },
      },
    },
    async (req, reply) => {
      const r = await activities.recordNeed({ ...ctx(req), id: req.params.id, input: req.body });
      return sendCreated(reply, r.created, r);
    },
  );

  app.post(
    '/api/activities/:id/feedback',
    {
      schema: {
        tags,
        summary: 'A resident’s feedback: an answer to the activity’s feedback survey',
        params: zIdParams,
        body: zActivityFeedback,
        response: { 200: zActivityFeedbackCreated, 201: zActivityFeedbackCreated, ...errors },
      },
    },
    async (req, reply) => {
      const r = await activities.recordFeedback({
        ...ctx(req),
        id: req.params.id,
        input: req.body,
      });
      return sendCreated(reply, r.created, r);
    },
  );
};
