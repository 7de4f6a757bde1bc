import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pickLocale, type Locale } from '../common/i18n';
import type { Db } from './db';
import type { Caller } from './lib/caller';
import type { AuthSettings } from './modules/auth/service';
import { AppError } from './lib/errors';
import { todayInShanghai } from './lib/time';

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
/** Where a write sends back the session's CSRF token (the cookie alone rides along on any site's request). */
export const CSRF_HEADER = 'X-CSRF-Token';

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

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file for the browser under a Chinese name, with an ASCII name for clients that cannot read
 * RFC 5987. Spreadsheets are saved; PDFs open inline to print and are never cached (they hold
 * personal data).
 */
function sendFile(
  reply: FastifyReply,
  file: Buffer,
  opts: { type: string; name: string; asciiName: string; inline?: boolean },
) {
  reply
    .header('content-type', opts.type)
    .header(
      'content-disposition',
      `${opts.inline ? 'inline' : 'attachment'}; filename="${opts.asciiName}"; filename*=UTF-8''${encodeURIComponent(opts.name)}`,
    );
  if (opts.inline) reply.header('cache-control', 'no-store');
  return reply.send(file);
}

export const sendXlsx = (reply: FastifyReply, file: Buffer, name: string, asciiName: string) =>
  sendFile(reply, file, { type: XLSX_TYPE, name, asciiName });

export const sendPdf = (reply: FastifyReply, pdf: Buffer, name: string, asciiName: string) =>
  sendFile(reply, pdf, { type: 'application/pdf', name, asciiName, inline: true });

/** The bytes of a file reply: Fastify sends a Buffer as it is, so this only documents it. */
const zFileBytes = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary' });

/** The 200 of a route that answers a file rather than JSON, for the API document. */
export function fileReply(description: string, types: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(types.map((type) => [type, { schema: zFileBytes }])),
  };
}
export const XLSX_REPLY = fileReply('The .xlsx file, as an attachment', [XLSX_TYPE]);
export const PDF_REPLY = fileReply('The PDF, inline to print; never cached', ['application/pdf']);

/** Today in Asia/Shanghai, for the names of exported files. */
export const fileDate = todayInShanghai;
