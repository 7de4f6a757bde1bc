import type { FastifyReply, FastifyRequest } from 'fastify';
import { pickLocale, type Locale } from '../common/i18n';
import type { Db } from './db';
import type { Caller } from './modules/auth/caller';
import type { AuthSettings } from './modules/auth/service';
import { AppError } from './lib/errors';

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
  interface FastifyInstance {
    db: Db;
    authSettings: AuthSettings;
  }
}

export const SESSION_COOKIE = 'linli_session';

/** The logged-in caller; the auth hook has already answered 401 for routes that need one. */
export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw new AppError(401, 'UNAUTHENTICATED');
  return req.caller;
}

export const localeOf = (req: FastifyRequest): Locale => pickLocale(req.headers['accept-language']);

/** Create answers 201 when it made the record and 200 when an earlier send of the same create already had. */
export function sendCreated<T>(reply: FastifyReply, created: boolean, body: T) {
  return reply.code(created ? 201 : 200).send(body);
}
