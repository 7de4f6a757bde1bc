import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { OpenAPIV3 } from 'openapi-types';
import { CSRF_HEADER, SESSION_COOKIE } from './http';

/**
 * The API document (`/api/openapi.json`) for clients others write: what every route takes and
 * answers is in its zod schemas; what the app adds to every route (log-in, the CSRF header, the
 * replies of app-wide hooks, names for operations) is added here, in one place, so that no route
 * has to repeat it.
 */

/** Names of the security schemes below, as operations list them. */
const SESSION = 'session';
const CSRF = 'csrf';
const SECURITY_SCHEMES: Record<string, OpenAPIV3.SecuritySchemeObject> = {
  [SESSION]: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Set by POST /api/auth/login (httpOnly); ends after the idle timeout or log-out.',
  },
  [CSRF]: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'The csrfToken of the log-in reply or GET /api/auth/me; every write (not GET) sends it back.',
  },
};

/** zErrorReply (common/schemas/common.ts), which every error of the app answers with. */
const errorReply = () => ({ $ref: '#/components/schemas/ErrorReply' });
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `GET /api/residents/:id/consents` → `getResidentsByIdConsents`: from the method and the route,
 * so that every operation has one and two routes cannot share it.
 */
export function operationIdOf(method: string, url: string): string {
  const words = [...url.replace(/^\/api(?=\/|$)/, '').matchAll(/:(\w+)|[A-Za-z0-9]+/g)].flatMap(
    ([word, param]) => (param ? ['by', param] : [word]),
  );
  return [method.toLowerCase(), ...words.map((w) => w[0].toUpperCase() + w.slice(1))].join('');
}

type JsonSchema = Record<string, unknown>;

/**
 * The route's zod schemas as JSON schemas (fastify-type-provider-zod), plus what the app's hooks
 * do to every route: the session cookie and, on writes, the CSRF header (app.ts), a 400 for a
 * control character anywhere in the request (guards.ts), 401 and 403 for a missing session, a
 * wrong CSRF token or a second factor still to set up, 429 for a rate-limited route.
 */
function routeTransform(publicPaths: string[]): SwaggerTransform {
  return (doc) => {
    const { schema, url } = jsonSchemaTransform(doc) as {
      schema: JsonSchema & { response?: Record<string, unknown> };
      url: string;
    };
    if (schema.hide) return { schema, url };
    const route = doc.route;
    const method = [route.method].flat()[0].toUpperCase();
    const open =
      route.config?.public === true ||
      publicPaths.some((p) => url === p || url.startsWith(`${p}/`));
    const appWide: Record<string, unknown> = { 400: errorReply() };
    if (!open) Object.assign(appWide, { 401: errorReply(), 403: errorReply() });
    if (route.config?.limit) appWide[429] = errorReply();
    const transformed: JsonSchema = {
      operationId: operationIdOf(method, url),
      ...schema,
      security: open
        ? []
        : [WRITE_METHODS.has(method) ? { [SESSION]: [], [CSRF]: [] } : { [SESSION]: [] }],
      response: { ...appWide, ...schema.response },
    };
    // A route that names the media types it takes without a body schema takes the file itself as
    // the body (a photo, a register), not JSON.
    if (schema.consumes && !schema.body) transformed.body = { type: 'string', format: 'binary' };
    return { schema: transformed, url };
  };
}

/** What a status means wherever a route does not say, in place of @fastify/swagger's "Default Response". */
const STATUS_DESCRIPTIONS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  400: 'The request is invalid; error.field names the field',
  401: 'No session, or it has expired',
  403: 'Not allowed: the role or data scope, a missing CSRF token, or a second factor still to set up',
  404: 'Not found, or outside the caller’s data scope',
  409: 'A conflict: a stale version (error.current holds the record as it is now), a duplicate, or a state that does not allow it',
  413: 'The file is too large',
  429: 'Too many requests; try again later',
  503: 'Not ready: the database does not answer',
};

function describeReplies(document: OpenAPIV3.Document): void {
  for (const item of Object.values(document.paths))
    for (const operation of Object.values(item ?? {}) as OpenAPIV3.OperationObject[])
      for (const [status, reply] of Object.entries(operation.responses ?? {}))
        if ('description' in reply && reply.description === 'Default Response')
          reply.description = STATUS_DESCRIPTIONS[status] ?? reply.description;
}

/** Calls `visit` on every object of the document, depth first. */
function walk(value: unknown, visit: (node: JsonSchema) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (typeof value === 'object' && value !== null) {
    visit(value as JsonSchema);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

/**
 * OpenAPI 3.0 lets `nullable` add null to a schema's type but not to its `enum`: zod writes
 * `.nullable()` enums without null, so a strict validator refuses the null a reply really holds.
 */
function allowNullInNullableEnums(document: unknown): void {
  walk(document, (node) => {
    if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null))
      node.enum = [...(node.enum as unknown[]), null];
  });
}

/**
 * Components no operation reaches: the registry yields an input and an output version of every
 * named schema, and most are used one way only.
 */
function dropUnusedSchemas(document: OpenAPIV3.Document): void {
  const schemas = document.components?.schemas;
  if (!schemas) return;
  const prefix = '#/components/schemas/';
  const used = new Set<string>();
  const follow = (value: unknown) =>
    walk(value, (node) => {
      if (typeof node.$ref !== 'string' || !node.$ref.startsWith(prefix)) return;
      const name = node.$ref.slice(prefix.length);
      if (used.has(name)) return;
      used.add(name);
      follow(schemas[name]);
    });
  follow(document.paths);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

/** Options for @fastify/swagger. `publicPaths`: the paths open without a session (app.ts). */
export function openApiOptions(opts: {
  version: string;
  publicPaths: string[];
}): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      info: {
        title: 'Linli 邻里 API',
        version: opts.version,
        description: `Every route but health, log-in, the resident’s tip pages and these docs needs the session cookie; writes also need the ${CSRF_HEADER} header (its value is in the log-in reply and GET /api/auth/me).`,
      },
      // Each street office runs its own server: the API is on whichever host served this document.
      servers: [{ url: '/', description: 'the server that serves this document' }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: routeTransform(opts.publicPaths),
    transformObject: (doc) => {
      const document = jsonSchemaTransformObject(doc) as OpenAPIV3.Document;
      allowNullInNullableEnums(document);
      describeReplies(document);
      dropUnusedSchemas(document);
      return document;
    },
  };
}
