import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorReply, zIdParams, zVersionBody } from '../../../common/schemas/common';
import {
  zSurveyAnswerCreated,
  zSurveyAnswerInput,
  zSurveyCreate,
  zSurveyDetail,
  zSurveyPage,
  zSurveyQuery,
  zSurveyResults,
  zSurveyResultsQuery,
  zSurveyUpdate,
  zSurveyVersion,
  zSurveyVersionParams,
} from '../../../common/schemas/surveys';
import { callerOf, fileDate, localeOf, sendCreated, sendXlsx, XLSX_REPLY } from '../../http';
import * as surveys from './service';

const tags = ['surveys'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

export const surveysRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const ctx = (req: Parameters<typeof callerOf>[0]) => ({ db, caller: callerOf(req) });

  app.get(
    '/api/surveys',
    {
      schema: {
        tags,
        summary: 'Surveys of the caller’s units, those below, and those above that they may answer',
        querystring: zSurveyQuery,
        response: { 200: zSurveyPage, ...errors },
      },
    },
    (req) => surveys.listSurveys({ ...ctx(req), query: req.query }),
  );
  app.post(
    '/api/surveys',
    {
      schema: {
        tags,
        summary:
          'Create a survey (its draft) for a street or community; a resend creates nothing new',
        body: zSurveyCreate,
        response: { 200: zSurveyDetail, 201: zSurveyDetail, ...errors },
      },
    },
    async (req, reply) => {
      const r = await surveys.createSurvey({ ...ctx(req), input: req.body });
      return sendCreated(reply, r.created, r.survey);
    },
  );
  app.get(
    '/api/surveys/:id',
    {
      schema: {
        tags,
        summary: 'A survey with its draft and its published versions',
        params: zIdParams,
        response: { 200: zSurveyDetail, ...errors },
      },
    },
    (req) => surveys.getSurvey({ ...ctx(req), id: req.params.id }),
  );
  app.put(
    '/api/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Save the draft; published versions stay frozen',
        params: zIdParams,
        body: zSurveyUpdate,
        response: { 200: zSurveyDetail, ...errors },
      },
    },
    (req) => surveys.updateSurvey({ ...ctx(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/surveys/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish the draft as the next frozen version',
        params: zIdParams,
        body: zVersionBody,
        response: { 200: zSurveyDetail, ...errors },
      },
    },
    (req) => surveys.publishSurvey({ ...ctx(req), id: req.params.id, version: req.body.version }),
  );
  app.post(
    '/api/surveys/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the survey: no more answers',
        params: zIdParams,
        body: zVersionBody,
        response: { 200: zSurveyDetail, ...errors },
      },
    },
    (req) => surveys.closeSurvey({ ...ctx(req), id: req.params.id, version: req.body.version }),
  );
  app.get(
    '/api/surveys/:id/versions/:versionId',
    {
      schema: {
        tags,
        summary: 'A published version, as frozen',
        params: zSurveyVersionParams,
        response: { 200: zSurveyVersion, ...errors },
      },
    },
    (req) =>
      surveys.getSurveyVersion({ ...ctx(req), id: req.params.id, versionId: req.params.versionId }),
  );
  app.get(
    '/api/surveys/:id/results',
    {
      schema: {
        tags,
        summary: 'Counts, shares, averages and texts per question of one version',
        params: zIdParams,
        querystring: zSurveyResultsQuery,
        response: { 200: zSurveyResults, ...errors },
      },
    },
    (req) =>
      surveys.surveyResults({ ...ctx(req), id: req.params.id, versionId: req.query.versionId }),
  );
  app.get(
    '/api/surveys/:id/answers.xlsx',
    {
      schema: {
        tags,
        summary: 'The answers as an .xlsx register, one row per answer (audited)',
        params: zIdParams,
        querystring: zSurveyResultsQuery,
        response: { 200: XLSX_REPLY, ...errors },
      },
    },
    async (req, reply) => {
      const { file, exported } = await surveys.exportSurveyAnswers({
        ...ctx(req),
        id: req.params.id,
        versionId: req.query.versionId,
        locale: localeOf(req),
      });
      const day = fileDate();
      const name = `${localeOf(req) === 'en-US' ? 'survey-answers' : '问卷答卷'}-${day}.xlsx`;
      reply.header('x-exported-count', String(exported));
      return sendXlsx(reply, file, name, `survey-answers-${day}.xlsx`);
    },
  );
  app.post(
    '/api/survey-answers',
    {
      schema: {
        tags,
        summary: 'Record an answer to a published survey; a resent id records nothing new',
        body: zSurveyAnswerInput,
        response: { 200: zSurveyAnswerCreated, 201: zSurveyAnswerCreated, ...errors },
      },
    },
    async (req, reply) => {
      const r = await surveys.recordSurveyAnswer(db, callerOf(req), req.body);
      return sendCreated(reply, r.created, r);
    },
  );
};
