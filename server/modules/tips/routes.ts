import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zhCN } from '../../../common/i18n/zh-CN';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import {
  zPublicStreets,
  zPublicTipCreate,
  zPublicTipStatus,
  zTipAnswer,
  zTipChallenge,
  zTipClose,
  zTipConvertCase,
  zTipConvertIssue,
  zTipCreate,
  zTipCreated,
  zTipDetail,
  zTipDismiss,
  zTipPage,
  zTipQuery,
  zTipRating,
  zTipTriage,
  zTrackingParams,
} from '../../../common/schemas/tips';
import { callerOf, fileDate, sendCreated, sendXlsx, XLSX_REPLY } from '../../http';
import { formatShanghai } from '../../lib/time';
import { tableWorkbook } from '../../lib/table-workbook';
import { createPublicTip, tipChallenge } from './public';
import * as tips from './service';

const tags = ['tips'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};
const publicErrors = { 400: zErrorReply, 404: zErrorReply, 409: zErrorReply, 429: zErrorReply };

/** Staff routes: the register, intake, the tip page and its triage steps. */
const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: FastifyRequest) => ({ db, caller: callerOf(req) });
  const one = { 200: zTipDetail, ...errors };

  app.get(
    '/api/tips',
    {
      schema: {
        tags,
        summary: 'Tips in the caller’s area, newest first; phones masked',
        querystring: zTipQuery,
        response: { 200: zTipPage, ...errors },
      },
    },
    (req) => tips.listTips({ ...ctx(req), query: req.query }),
  );
  app.get(
    '/api/tips/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The tips GET /api/tips finds, as an .xlsx register (audited; phones masked)',
        querystring: zTipQuery,
        response: { 200: XLSX_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const { items } = await tips.tipsForExport({ ...ctx(req), query: req.query });
      const t = zhCN.tips;
      const file = await tableWorkbook(
        '诉求台账',
        [
          { header: t.fields.trackingCode, key: 'code', width: 16 },
          { header: t.fields.createdAt, key: 'at', width: 18 },
          { header: t.fields.channel, key: 'channel', width: 10 },
          { header: t.fields.topic, key: 'topic', width: 10 },
          { header: t.fields.category, key: 'category', width: 12 },
          { header: t.fields.street, key: 'street', width: 12 },
          { header: t.fields.community, key: 'community', width: 14 },
          { header: t.fields.address, key: 'address', width: 24 },
          { header: t.fields.description, key: 'description', width: 40 },
          { header: t.fields.contactName, key: 'name', width: 10 },
          { header: t.fields.contactPhone, key: 'phone', width: 14 },
          { header: t.fields.status, key: 'status', width: 10 },
          { header: t.fields.rating, key: 'rating', width: 8 },
        ],
        items.map((i) => ({
          code: i.trackingCode,
          at: formatShanghai(i.createdAt),
          channel: t.channels[i.channel],
          topic: t.topics[i.topic],
          category: t.categories[i.category],
          street: i.streetName,
          community: i.communityName,
          address: i.address,
          description: i.description,
          name: i.contactName,
          phone: i.contactPhone,
          status: t.statuses[i.status],
          rating: i.rating,
        })),
      );
      const today = fileDate();
      return sendXlsx(reply, file, `诉求台账-${today}.xlsx`, `tips-${today}.xlsx`);
    },
  );
  app.post(
    '/api/tips',
    {
      schema: {
        tags,
        summary: 'Take a tip from the hotline, an e-mail or a visit',
        body: zTipCreate,
        response: { 201: zTipDetail, ...one },
      },
    },
    async (req, reply) => {
      const r = await tips.createTip({ ...ctx(req), input: req.body });
      return sendCreated(reply, r.created, r.tip);
    },
  );
  app.get(
    '/api/tips/:id',
    { schema: { tags, summary: 'A tip', params: zIdParams, response: one } },
    (req) => tips.getTip({ ...ctx(req), id: req.params.id }),
  );
  const step = <B extends import('zod').ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (o: {
      db: typeof db;
      caller: ReturnType<typeof callerOf>;
      id: string;
      input: import('zod').infer<B>;
    }) => Promise<unknown>,
  ) =>
    app.post(
      `/api/tips/:id/${path}`,
      { schema: { tags, summary, params: zIdParams, body, response: one } },
      (req) =>
        run({
          ...ctx(req),
          id: req.params.id,
          input: req.body as never,
        }) as never,
    );
  step('triage', 'Triage (分拣): received → triaged', zTipTriage, tips.triageTip);
  step(
    'convert-issue',
    'Convert to an issue at a grid of the tip’s street (same transaction)',
    zTipConvertIssue,
    tips.convertTipToIssue,
  );
  step(
    'convert-case',
    'Refer to the street’s social work station (转介社工站, same transaction)',
    zTipConvertCase,
    tips.convertTipToCase,
  );
  step('answer', 'Answer directly; the reply is required', zTipAnswer, tips.answerTip);
  step('dismiss', 'Dismiss with a reason the resident reads', zTipDismiss, tips.dismissTip);
  step('close', 'Close a converted or answered tip', zTipClose, tips.closeTip);
};

/** Routes open without a log-in: the resident's form, status page and rating. */
const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  app.get(
    '/api/public/tips/challenge',
    {
      config: { public: true, limit: { points: 30, seconds: 600 } },
      schema: {
        tags,
        summary: 'A proof-of-work challenge (ALTCHA) for the public tip form',
        response: { 200: zTipChallenge, 429: zErrorReply },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      const c = await tipChallenge();
      return {
        parameters: c.parameters as unknown as Record<string, unknown>,
        signature: c.signature,
      };
    },
  );
  app.get(
    '/api/public/streets',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Streets and their communities, for the public tip form',
        response: { 200: zPublicStreets },
      },
    },
    () => tips.publicStreets(db),
  );
  app.post(
    '/api/public/tips',
    {
      config: { public: true, limit: { points: 5, seconds: 600 } },
      schema: {
        tags,
        summary: 'A resident’s tip (no log-in; the solved challenge required; 5 per 10 minutes)',
        body: zPublicTipCreate,
        response: { 201: zTipCreated, ...publicErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await createPublicTip(db, req.body, req.ip)),
  );
  app.get(
    '/api/public/tips/:trackingCode',
    {
      config: { public: true, limit: { points: 30, seconds: 600 } },
      schema: {
        tags,
        summary: 'A tip’s status and public replies by tracking code (nothing else)',
        params: zTrackingParams,
        response: { 200: zPublicTipStatus, ...publicErrors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return tips.publicTipStatus(db, req.params.trackingCode);
    },
  );
  app.post(
    '/api/public/tips/:trackingCode/rating',
    {
      config: { public: true, limit: { points: 5, seconds: 600 } },
      schema: {
        tags,
        summary: 'Rate the handling (1–5) once the tip is done; only once',
        params: zTrackingParams,
        body: zTipRating,
        response: { 200: zPublicTipStatus, ...publicErrors },
      },
    },
    (req) => tips.rateTip(db, req.params.trackingCode, req.body, req.ip),
  );
};

export const tipsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(staffRoutes);
  await app.register(publicRoutes);
};
