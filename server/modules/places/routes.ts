import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import {
  zPlace,
  zPlaceCreate,
  zPlaceHistory,
  zPlacePage,
  zPlaceQuery,
  zPlaceUpdate,
} from '../../../common/schemas/places';
import { callerOf, fileDate, sendCreated, sendXlsx, XLSX_REPLY } from '../../http';
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

/** A register file is imported as a job of the imports module: POST /api/imports?kind=places. */
export const placesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: FastifyRequest) => ({ db, caller: callerOf(req) });
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
        response: { 200: XLSX_REPLY, ...errors },
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
    {
      schema: {
        tags,
        summary: 'The empty places register to fill in for an import',
        response: { 200: XLSX_REPLY, ...errors },
      },
    },
    async (_req, reply) =>
      sendXlsx(
        reply,
        await register.placeTemplate(),
        '场所台账导入模板.xlsx',
        'places-template.xlsx',
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
