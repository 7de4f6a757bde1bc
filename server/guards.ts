import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resources } from '../common/i18n';
import { localeOf } from './http';
import { AppError } from './lib/errors';

/**
 * A unique key already taken, on either database. Concurrent copies of one create (an offline phone
 * resending) all pass the module's "exists?" check before any of them commits; all but one then
 * fail here when they insert.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  const { code } = err;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/** C0 controls and DEL, but tab, line feed and carriage return: PostgreSQL cannot store NUL in text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Where in a parsed body, query or params a string (or an object key) holds a control character. */
export function findControlCharacter(value: unknown): string[] | undefined {
  type Entry = { value: unknown; key?: string; parent?: Entry };
  const pathOf = (e: Entry | undefined, last: string[] = []): string[] => {
    const keys = last;
    for (let at = e; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
    return keys;
  };
  // A loop rather than recursion: a 1 MB body can nest arrays deeper than the call stack.
  const stack: Entry[] = [{ value }];
  while (stack.length) {
    const entry = stack.pop()!;
    const v = entry.value;
    if (typeof v === 'string') {
      if (CONTROL_CHARACTER.test(v)) return pathOf(entry);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, key: String(i), parent: entry }));
    } else if (typeof v === 'object' && v !== null && !Buffer.isBuffer(v)) {
      for (const [key, item] of Object.entries(v)) {
        if (CONTROL_CHARACTER.test(key))
          return pathOf(entry, [key.replace(new RegExp(CONTROL_CHARACTER, 'g'), '?')]);
        stack.push({ value: item, key, parent: entry });
      }
    }
  }
  return undefined;
}

const WRITE_METHODS = new Set(['POST', 'PUT']);

/**
 * Rules that hold for every route, whoever wrote it: control characters refused, a create that
 * lost a race to a copy of itself answered like a resend, and the headers every reply carries.
 * Registered before the routes, as onRoute sees only routes added after it.
 */
export function registerGuards(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.some((m) => WRITE_METHODS.has(m))) return;
    const handler = route.handler as (
      this: FastifyInstance,
      req: FastifyRequest,
      reply: FastifyReply,
    ) => unknown;
    // Run once more after a unique-key conflict: the copy that won has committed by then, so the
    // module's own resend check finds it and answers 200 (same content) or 409 ID_CONFLICT.
    const wrapped = function (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
      const first = handler.call(this, req, reply);
      if (!(first instanceof Promise)) return first;
      return first.catch((err: unknown) => {
        if (!isUniqueViolation(err) || reply.sent) throw err;
        return handler.call(this, req, reply);
      });
    };
    route.handler = wrapped;
  });

  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['body', req.body],
      ['querystring', req.query],
      ['params', req.params],
    ] as const) {
      const path = findControlCharacter(value);
      if (!path) continue;
      const field = path.join('.') || part;
      const detail = ` — ${resources[localeOf(req)].common.controlCharacters}`;
      throw new AppError(400, 'VALIDATION_FAILED', { field, detail }, { field });
    }
  });

  app.addHook('onSend', async (req, reply) => {
    // The phone pages take photos and the position; nothing else may ask for a device.
    reply.header(
      'permissions-policy',
      'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
    );
    // API replies carry personal data: no browser or proxy cache keeps them unless a route says so.
    if (req.url.startsWith('/api') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
}
