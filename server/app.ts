import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { interpolate, resources } from '../common/i18n';
import { zHealth, zLiveness } from '../common/schemas/audit';
import { faultText, namedError } from '../common/validation';
import type { DbHandle } from './db';
import { requestFault } from './lib/validation';
import { isUniqueViolation, registerGuards } from './guards';
import { CSRF_HEADER, localeOf, SESSION_COOKIE } from './http';
import { openApiOptions } from './openapi';
import { AppError, type ErrorCode } from './lib/errors';
import { openLimits, takeOrRefuse } from './lib/limits';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { resolveSession, totpEnrolmentRequired, type AuthSettings } from './modules/auth/service';
import { staffRoutes } from './modules/auth/staff-routes';
import { unitHasStaff } from './modules/auth/staff-service';
import { registerUnitUsageCheck } from './modules/org/service';
import { orgRoutes } from './modules/org/routes';
import { onMajorChange } from './modules/people/service';
import { dueAfterMajorChange } from './modules/cases/major-change';
import { ledgerRoutes } from './modules/people/ledger-routes';
import { importsRoutes } from './modules/imports/routes';
import { peopleRoutes } from './modules/people/routes';
import { filesRoutes } from './modules/files/routes';
import { localFileStore, type FileStore } from './modules/files/store';
import { loadConfig, type TrustProxy } from './config';
import { registerCaseTieCheck } from './modules/people/access';
import { casesRoutes } from './modules/cases/routes';
import { caseTieCheck, unitHasCases } from './modules/cases/service';
import { createFieldCipher, useFieldCipher } from './lib/crypto';
import { placesRoutes } from './modules/places/routes';
import { inspectionRoutes } from './modules/places/inspection-routes';
import { unitHasPlaces } from './modules/places/service';
import { INSPECTION_FILES, mayReadInspection } from './modules/places/inspection-view';
import { mayReadNotice, NOTICE_FILES } from './modules/places/notices';
import { notifyRoutes } from './modules/notify/routes';
import { registerFileAccessCheck } from './modules/files/service';
import { issuesRoutes } from './modules/issues/routes';
import { issueStepFileAccess, unitHasIssues } from './modules/issues/service';
import { patrolsRoutes } from './modules/patrols/routes';
import { findingFileAccess, PATROL_FILES, unitHasPatrols } from './modules/patrols/service';
import { tipsRoutes } from './modules/tips/routes';
import { TIP_FILES, tipFileAccess, unitHasTips } from './modules/tips/service';
import { activitiesRoutes } from './modules/activities/routes';
import {
  ACTIVITY_FILES,
  activityFileAccess,
  unitHasActivities,
} from './modules/activities/service';
import { operationsRoutes } from './modules/operations/routes';
import { unitHasOperations } from './modules/operations/service';
import { campaignsRoutes } from './modules/campaigns/routes';
import { unitHasCampaigns } from './modules/campaigns/service';
import { CAMPAIGN_VISIT_FILES, visitFileAccess } from './modules/campaigns/visits';
import { surveysRoutes } from './modules/surveys/routes';
import { unitHasSurveys } from './modules/surveys/service';

declare module 'fastify' {
  interface FastifyInstance {
    loginRateLimit: number;
  }
  interface FastifyContextConfig {
    /** Open without a session. */
    public?: boolean;
    /** Open to a district admin who still has to set up the second factor. */
    allowBeforeTotp?: boolean;
  }
}

export const APP_VERSION = '0.1.0';
const WEB_DIST = path.join(import.meta.dirname, '..', 'web', 'dist');
const PUBLIC_PATHS = ['/api/health', '/api/openapi.json', '/api/docs'];
/** The map of every route: open while developing, behind log-in in production. */
const DOC_PATHS = ['/api/openapi.json', '/api/docs'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AppOptions {
  dbHandle: DbHandle;
  auth: AuthSettings;
  loginRateLimit: number;
  /** Where uploaded photos are kept (local disk under the data dir by default). */
  fileStore?: FileStore;
  /** Where uploaded registers wait while they are imported (default: <data dir>/imports). */
  importDir?: string;
  /** LINLI_SECRET_KEY (or the key kept in the data dir): seals sensitive fields. */
  secretKey: string;
  logLevel?: string;
  /** Serve the built web app when it exists (off in API tests). */
  serveWeb?: boolean;
  /** NODE_ENV=production: API docs behind log-in, one access-log line per request. */
  production?: boolean;
  /** LINLI_TRUST_PROXY parsed: the proxies whose X-Forwarded-For is believed (false: none). */
  trustProxy?: TrustProxy;
  /** LINLI_REDIS_URL: shared counters go to Redis instead of the database. */
  redisUrl?: string;
  /** Keeps this app's counters apart from others' on the same Redis (tests; several deployments). */
  redisKeyPrefix?: string;
}

/**
 * Fastify refuses a bare hop count (it cannot tell a proxy from a client that wrote the header
 * itself), so a count becomes "believe the nearest n hops": right for a deployment where every
 * request comes through those proxies, as the deployment guide sets it up.
 */
function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((a: string, i: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

let usageChecksRegistered = false;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel && opts.logLevel !== 'silent' ? { level: opts.logLevel } : false,
    // Fastify's own two lines per request carry the raw URL, whose query may hold a name or a phone
    // number; production gets one line of ours per request instead (below), without them.
    logController: new LogController({ disableRequestLogging: opts.logLevel !== 'debug' }),
    trustProxy: fastifyTrustProxy(opts.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  useFieldCipher(createFieldCipher(opts.secretKey));
  app.decorate('db', opts.dbHandle.db);
  app.decorate('authSettings', opts.auth);
  app.decorate('loginRateLimit', opts.loginRateLimit);
  const limits = await openLimits({
    db: opts.dbHandle.db,
    redisUrl: opts.redisUrl,
    redisKeyPrefix: opts.redisKeyPrefix,
  });
  app.decorate('limits', limits);
  app.addHook('onClose', () => limits.close());
  // A route's `config.limit` counts requests per address in the shared store (see lib/limits).
  app.addHook('onRoute', (route) => {
    const rule = route.config?.limit;
    if (!rule) return;
    const limiter = limits.limiter({
      name: `${[route.method].flat().join(',')} ${route.url}`,
      ...rule,
    });
    const own = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [...own, (req, reply) => takeOrRefuse(limiter, req.ip, reply)];
  });
  app.decorateRequest('caller', undefined);

  if (!usageChecksRegistered) {
    // Composition root: the org module learns of other modules' records without importing them.
    registerUnitUsageCheck(unitHasStaff);
    registerUnitUsageCheck(unitHasCases);
    // …and the people module learns who works with a client through a case.
    registerCaseTieCheck(caseTieCheck);
    onMajorChange(dueAfterMajorChange);
    registerUnitUsageCheck(unitHasIssues);
    // …and the files module who may see a photo of an issue's step.
    registerFileAccessCheck('issueStep', issueStepFileAccess);
    registerUnitUsageCheck(unitHasPatrols);
    registerFileAccessCheck(PATROL_FILES, findingFileAccess);
    registerUnitUsageCheck(unitHasActivities);
    registerFileAccessCheck(ACTIVITY_FILES, activityFileAccess);
    // …a unit that owns a support operation is in use.
    registerUnitUsageCheck(unitHasOperations);
    // …a unit a campaign runs in or goes to is in use; a visit's photos follow its household.
    registerUnitUsageCheck(unitHasCampaigns);
    registerFileAccessCheck(CAMPAIGN_VISIT_FILES, visitFileAccess);
    // …a grid or community with places is in use; photos of inspections and re-inspections are
    // readable by whoever may read the inspection or notice.
    registerUnitUsageCheck(unitHasPlaces);
    registerFileAccessCheck(INSPECTION_FILES, mayReadInspection);
    registerFileAccessCheck(NOTICE_FILES, mayReadNotice);
    // …and who may see the photos of a tip: the staff who may triage it.
    registerFileAccessCheck(TIP_FILES, tipFileAccess);
    registerUnitUsageCheck(unitHasTips);
    // …a street or community with surveys is in use.
    registerUnitUsageCheck(unitHasSurveys);
    usageChecksRegistered = true;
  }

  // Set before any plugin, so that the plugins' own routes (the API docs) answer errors alike.
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const messages = resources[localeOf(req)].errors;
    const send = (
      status: number,
      code: ErrorCode,
      params: Record<string, string | number> = {},
      extra: object = {},
    ) =>
      reply
        .code(status)
        .send({ error: { code, message: interpolate(messages[code], params), ...extra } });
    if (err instanceof AppError) return send(err.statusCode, err.code, err.params, err.extra);
    // Still taken after the create ran again (see registerGuards): a key the module does not check.
    if (isUniqueViolation(err)) return send(409, 'DUPLICATE_RECORD');
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0];
      const field =
        issue.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
        String(err.validationContext ?? 'body');
      // Worded by common/validation.ts, as the form words the same fault at its field. A check that
      // names a shared error ({ error: 'RATING_OUT_OF_RANGE' }) answers with that code.
      const fault = requestFault(issue, req, err.validationContext);
      const named = namedError(fault, messages);
      if (named) return send(400, named as ErrorCode, {}, { field });
      return send(
        400,
        'VALIDATION_FAILED',
        { field, detail: ` — ${faultText(fault, localeOf(req))}` },
        { field },
      );
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own refusals (bad JSON, wrong content type, too large) name the problem in English only.
      return send(
        status,
        'VALIDATION_FAILED',
        { field: 'body', detail: ` — ${err.message}` },
        { field: 'body' },
      );
    }
    req.log.error(err);
    return send(500, 'INTERNAL');
  });

  if (opts.production) {
    // The access log: one line a request, with the route's pattern rather than the URL (a search's
    // query may hold a name or an ID number) and no address (the audit log keeps who did what).
    app.addHook('onResponse', async (req, reply) => {
      req.log.info(
        {
          method: req.method,
          route: req.routeOptions.url ?? 'unmatched',
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    });
  }
  // API replies are compressed on the fly; the web app's files were compressed at build time.
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(
    fastifySwagger,
    openApiOptions({ version: APP_VERSION, publicPaths: PUBLIC_PATHS }),
  );
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerGuards(app);
  const publicPaths = opts.production
    ? PUBLIC_PATHS.filter((p) => !DOC_PATHS.includes(p))
    : PUBLIC_PATHS;
  app.addHook('onRequest', async (req) => {
    const url = req.url.split('?')[0];
    if (!url.startsWith('/api/') && url !== '/api') return;
    if (
      publicPaths.some((p) => url === p || url.startsWith(`${p}/`)) ||
      req.routeOptions.config?.public
    )
      return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError(401, 'UNAUTHENTICATED');
    const caller = await resolveSession({
      db: opts.dbHandle.db,
      token,
      ip: req.ip,
      settings: opts.auth,
    });
    if (caller === 'expired') throw new AppError(401, 'SESSION_EXPIRED');
    if (caller === 'none') throw new AppError(401, 'UNAUTHENTICATED');
    // A cookie rides along on any site's request; only our own pages know the token in the header.
    if (
      !SAFE_METHODS.has(req.method) &&
      req.headers[CSRF_HEADER.toLowerCase()] !== caller.csrfToken
    ) {
      throw new AppError(403, 'CSRF_FAILED');
    }
    if (
      totpEnrolmentRequired(caller, opts.auth) &&
      !req.routeOptions.config?.allowBeforeTotp &&
      url !== '/api/auth/logout'
    ) {
      throw new AppError(403, 'TOTP_ENROLMENT_REQUIRED');
    }
    req.caller = caller;
  });

  // Liveness: the process answers (a supervisor restarts it when not). Readiness: it can serve, the
  // database included (a balancer sends it no traffic when not; while stopping Fastify answers 503).
  app.get(
    '/api/health/live',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process answers',
        response: { 200: zLiveness },
      },
    },
    () => ({ status: 'ok' as const, version: APP_VERSION }),
  );
  const readiness = async (reply: FastifyReply) => {
    const health = { database: opts.dbHandle.dialect, version: APP_VERSION };
    try {
      await opts.dbHandle.db.selectFrom('org_unit').select('id').limit(1).execute();
      return { status: 'ok' as const, ...health };
    } catch (err) {
      reply.log.error(err, 'readiness: the database does not answer');
      return reply.code(503).send({ status: 'unavailable' as const, ...health });
    }
  };
  const healthSchema = {
    tags: ['system'],
    summary: 'Readiness: the process and its database answer (503 when not)',
    response: { 200: zHealth, 503: zHealth },
  };
  app.get('/api/health', { schema: healthSchema }, (_req, reply) => readiness(reply));
  app.get('/api/health/ready', { schema: healthSchema }, (_req, reply) => readiness(reply));
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(authRoutes);
  await app.register(staffRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes);
  await app.register(peopleRoutes);
  await app.register(
    filesRoutes(opts.fileStore ?? localFileStore(path.join(loadConfig().dataDir, 'files'))),
  );
  await app.register(casesRoutes);
  await app.register(ledgerRoutes);
  await app.register(
    importsRoutes({
      dir: opts.importDir ?? path.join(loadConfig().dataDir, 'imports'),
      dialect: opts.dbHandle.dialect,
      connection: opts.dbHandle.connection,
      secretKey: opts.secretKey,
    }),
  );
  await app.register(placesRoutes);
  await app.register(inspectionRoutes);
  await app.register(issuesRoutes);
  await app.register(patrolsRoutes);
  await app.register(notifyRoutes);
  await app.register(tipsRoutes);
  await app.register(activitiesRoutes);
  await app.register(operationsRoutes);
  await app.register(campaignsRoutes);
  await app.register(surveysRoutes);

  const serveWeb = opts.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      // The .br / .gz files written beside each asset by the build, chosen by Accept-Encoding.
      preCompressed: true,
      // Files are looked up per request, so a rebuild is served without a restart.
      wildcard: true,
      setHeaders: (reply, file) => {
        // Hashed assets never change; index.html must be fetched fresh to find the new ones.
        reply.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api') || req.url.startsWith('/assets/') || !serveWeb) {
      return reply
        .code(404)
        .send({ error: { code: 'NOT_FOUND', message: resources[localeOf(req)].errors.NOT_FOUND } });
    }
    // Client-side routes (/org, /staff …) all load the single page.
    return reply.sendFile('index.html');
  });
  return app;
}
