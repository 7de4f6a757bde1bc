import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app';
import { DEFAULT_DEMO_PASSWORD } from '../../server/config';
import type { DbHandle, DialectName } from '../../server/db';
import path from 'node:path';
import { vi } from 'vitest';
import { seedDemo } from '../../server/demo/seed';
import { localFileStore } from '../../server/modules/files/store';
import { createFieldCipher, useFieldCipher } from '../../server/lib/crypto';
import { createTestDatabase, openTestDb, type TestDatabase } from './db';

export const PASSWORD = DEFAULT_DEMO_PASSWORD;
const TEST_SECRET_KEY = 'test-secret-key';

export interface Session {
  cookie: string;
  csrf: string;
  /** A request as this user: the cookie always, the CSRF header on writes. */
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  handle: DbHandle;
  login(username: string, password?: string): Promise<Session>;
  /** Another app on the same database, as a second process behind a balancer (closed with this one). */
  twin(): Promise<FastifyInstance>;
  close(): Promise<void>;
}

/** The real app on its own fresh database of the given dialect, loaded with the demo district. */
export async function createTestApp(
  dialect: DialectName,
  opts: {
    demo?: boolean;
    loginRateLimit?: number;
    requireTwoFactor?: boolean;
    production?: boolean;
  } & Partial<Pick<AppOptions, 'trustProxy' | 'redisUrl' | 'redisKeyPrefix'>> = {},
): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase(dialect);
  const handle = await openTestDb(database);
  useFieldCipher(createFieldCipher(TEST_SECRET_KEY));
  if (opts.demo !== false)
    await seedDemo(handle.db, PASSWORD, {
      fileStore: localFileStore(path.join(database.dataDir, 'files')),
    });
  const build = async (dbHandle: DbHandle, make = buildApp) => {
    const built = await make({
      dbHandle,
      auth: { sessionIdleMinutes: 30, requireTwoFactor: opts.requireTwoFactor ?? false },
      loginRateLimit: opts.loginRateLimit ?? 1000,
      secretKey: TEST_SECRET_KEY,
      fileStore: localFileStore(path.join(database.dataDir, 'files')),
      importDir: path.join(database.dataDir, 'imports'),
      serveWeb: false,
      production: opts.production,
      trustProxy: opts.trustProxy,
      redisUrl: opts.redisUrl,
      redisKeyPrefix: opts.redisKeyPrefix,
    });
    await built.ready();
    return built;
  };
  const app = await build(handle);
  const twins: { app: FastifyInstance; handle: DbHandle }[] = [];
  const login = async (username: string, password = PASSWORD): Promise<Session> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200)
      throw new Error(`log-in of ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    return {
      cookie,
      csrf,
      inject: (o) =>
        app.inject({
          ...o,
          headers: {
            cookie,
            ...(o.method && o.method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
            ...(o.headers ?? {}),
          },
        }),
    };
  };
  return {
    app,
    handle,
    login,
    twin: async () => {
      // Its own connection (pool) and its own copy of every module of the server, as another
      // process has: nothing kept in a module's memory is shared with the first app.
      const twinHandle = await openTestDb(database);
      vi.resetModules();
      const fresh = await import('../../server/app');
      const twin = await build(twinHandle, fresh.buildApp);
      twins.push({ app: twin, handle: twinHandle });
      return twin;
    },
    close: async () => {
      for (const twin of twins) {
        await twin.app.close();
        await twin.handle.close();
      }
      await app.close();
      await handle.close();
      await database.drop();
    },
  };
}

/** Finds a unit of the demo tree by name, as the caller sees it. */
export async function unitByName(
  s: Session,
  name: string,
): Promise<{ id: string; version: number; code: string | null; path: string; kind: string }> {
  const res = await s.inject({ method: 'GET', url: '/api/org/tree?includeRetired=true' });
  type N = {
    id: string;
    name: string;
    version: number;
    code: string | null;
    path: string;
    kind: string;
    children: N[];
  };
  const find = (nodes: N[]): N | undefined => {
    for (const n of nodes) {
      if (n.name === name) return n;
      const hit = find(n.children);
      if (hit) return hit;
    }
  };
  const hit = find(res.json<{ tree: N[] }>().tree);
  if (!hit) throw new Error(`no unit named ${name} in ${res.body.slice(0, 200)}`);
  return hit;
}
