import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { interpolate, resources } from '../../../common/i18n';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import {
  zPlace,
  zPlaceCreate,
  zPlaceHistory,
  zPlaceImportQuery,
  zPlaceImportReport,
  zPlacePage,
  zPlaceQuery,
  zPlaceUpdate,
} from '../../../common/schemas/places';
import { callerOf, fileDate, localeOf, sendCreated, sendXlsx } from '../../http';
import { AppError } from '../../lib/errors';
import { LEDGER_MAX_BYTES, XLSX_TYPE } from '../people/ledger-sheet';
import { placeHistory } from './history';
import * as register from './register';
import * as places from './service';

const tags = ['places'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};
const upload = {
  consumes: [XLSX_TYPE],
  description: `The .xlsx file itself is the request body, with content-type ${XLSX_TYPE} (at most 10 MB).`,
};

export const placesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: FastifyRequest) => ({ db, caller: callerOf(req) });
  // The register file is the whole body (this plugin's routes only).
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: LEDGER_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  const fileOpts = (req: FastifyRequest) => {
    const locale = localeOf(req);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      const detail = ` — ${interpolate(resources[locale].places.importFile.notXlsx)}`;
      throw new AppError(400, 'VALIDATION_FAILED', { field: 'file', detail }, { field: 'file' });
    }
    return { ...ctx(req), file: req.body, locale };
  };

  app.get(
    '/api/places',
    {
      schema: {
        tags,
        summary: 'Search the places register in the caller’s reach (phones masked)',
        querystring: zPlaceQuery,
        response: { 200: zPlacePage, ...errors },
      },
    },
    (req) => places.searchPlaces({ ...ctx(req), query: req.query }),
  );
  app.post(
    '/api/places',
    {
      schema: {
        tags,
        summary: 'Register a place in a grid (idempotent by id)',
        body: zPlaceCreate,
        response: { 200: zPlace, 201: zPlace, ...errors },
      },
    },
    async (req, reply) => {
      const { place, created } = await places.createPlace({ ...ctx(req), input: req.body });
      return sendCreated(reply, created, place);
    },
  );
  app.get(
    '/api/places/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The places GET /api/places finds, as an .xlsx register (audited)',
        querystring: zPlaceQuery,
      },
    },
    async (req, reply) => {
      const { file, exported, total } = await register.exportPlaces({
        ...ctx(req),
        query: req.query,
      });
      reply.header('x-total-count', String(total)).header('x-exported-count', String(exported));
      return sendXlsx(reply, file, `场所台账-${fileDate()}.xlsx`, `places-${fileDate()}.xlsx`);
    },
  );
  app.get(
    '/api/places/import-template.xlsx',
    { schema: { tags, summary: 'The empty places register to fill in for an import' } },
    async (_req, reply) =>
      sendXlsx(
        reply,
        await register.placeTemplate(),
        '场所台账导入模板.xlsx',
        'places-template.xlsx',
      ),
  );
  app.post(
    '/api/places/import/preview',
    {
      bodyLimit: LEDGER_MAX_BYTES,
      schema: {
        tags,
        summary: 'Check a places register file row by row; writes nothing',
        ...upload,
        response: { 200: zPlaceImportReport, ...errors },
      },
    },
    (req) => register.previewPlaceImport(fileOpts(req)),
  );
  app.post(
    '/api/places/import/commit',
    {
      bodyLimit: LEDGER_MAX_BYTES,
      schema: {
        tags,
        summary: 'Send the previewed file again: its clean rows are registered in one transaction',
        ...upload,
        querystring: zPlaceImportQuery,
        response: { 200: zPlaceImportReport, ...errors },
      },
    },
    (req) => register.commitPlaceImport({ ...fileOpts(req), importId: req.query.importId }),
  );
  app.post(
    '/api/places/import/problems.xlsx',
    {
      bodyLimit: LEDGER_MAX_BYTES,
      schema: {
        tags,
        summary:
          'The rows of a places register file that would not be imported, with a 问题 column',
        ...upload,
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        await register.placeProblemsFile(fileOpts(req)),
        `场所台账问题行-${fileDate()}.xlsx`,
        `places-problems-${fileDate()}.xlsx`,
      ),
  );
  app.get(
    '/api/places/:id',
    {
      schema: {
        tags,
        summary: 'A place, its phone whole',
        params: zIdParams,
        response: { 200: zPlace, ...errors },
      },
    },
    (req) => places.getPlace({ ...ctx(req), id: req.params.id }),
  );
  app.patch(
    '/api/places/:id',
    {
      schema: {
        tags,
        summary: 'Correct a place, move it to another grid, or mark it closed',
        params: zIdParams,
        body: zPlaceUpdate,
        response: { 200: zPlace, ...errors },
      },
    },
    (req) => places.updatePlace({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/places/:id/history',
    {
      schema: {
        tags,
        summary: 'The place’s page: its inspections, rectification notices and issues',
        params: zIdParams,
        response: { 200: zPlaceHistory, ...errors },
      },
    },
    (req) => placeHistory({ ...ctx(req), id: req.params.id }),
  );
};
