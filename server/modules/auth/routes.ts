import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zLogin,
  zMe,
  zPasswordChange,
  zTotpDisable,
  zTotpEnable,
  zTotpSetup,
} from '../../../common/schemas/auth';
import { zErrorReply, zOk } from '../../../common/schemas/common';
import { callerOf, SESSION_COOKIE } from '../../http';
import * as auth from './service';
import { createLoginThrottle } from './throttle';

const tags = ['auth'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  429: zErrorReply,
};

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const settings = app.authSettings;
  const throttle = createLoginThrottle(app.limits);

  app.post(
    '/api/auth/login',
    {
      config: { public: true, limit: { points: app.loginRateLimit, seconds: 60 } },
      schema: {
        tags,
        summary: 'Log in; sets the session cookie',
        body: zLogin,
        response: { 200: zMe, ...errors },
      },
    },
    async (req, reply) => {
      const { token, me } = await auth.login({
        db,
        input: req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        settings,
        throttle,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
      });
      return me;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary: 'Log out: ends the session and clears its cookie',
        response: { 200: zOk, ...errors },
      },
    },
    async (req, reply) => {
      await auth.logout({ db, caller: callerOf(req) });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { allowBeforeTotp: true },
      schema: {
        tags,
        summary: 'The logged-in user: roles, data scope and the CSRF token',
        response: { 200: zMe, ...errors },
      },
    },
    (req) => auth.presentMe(db, callerOf(req), settings),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change one’s own password',
        body: zPasswordChange,
        response: { 200: zOk, ...errors },
      },
    },
    async (req) => {
      await auth.changeOwnPassword({ db, caller: callerOf(req), input: req.body, throttle });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { allowBeforeTotp: true },
      schema: {
        tags,
        summary: 'Start setting up the second factor',
        response: { 200: zTotpSetup, ...errors },
      },
    },
    (req) => auth.setupTotp({ db, caller: callerOf(req) }),
  );
  app.post(
    '/api/auth/totp/enable',
    {
      config: { allowBeforeTotp: true },
      schema: {
        tags,
        summary: 'Finish setting up the second factor with a code from the app',
        body: zTotpEnable,
        response: { 200: zOk, ...errors },
      },
    },
    async (req) => {
      await auth.enableTotp({ db, caller: callerOf(req), code: req.body.code });
      return { ok: true as const };
    },
  );
  app.post(
    '/api/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn the second factor off (asks for the password)',
        body: zTotpDisable,
        response: { 200: zOk, ...errors },
      },
    },
    async (req) => {
      await auth.disableTotp({
        db,
        caller: callerOf(req),
        password: req.body.password,
        settings,
        throttle,
      });
      return { ok: true as const };
    },
  );
};
