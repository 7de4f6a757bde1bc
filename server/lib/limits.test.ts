import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '../../test/support/app';
import type { DialectName } from '../db';
import { dialects } from '../../test/support/db';

/** Redis for the shared-counter tests, when a server is at hand (as LINLI_TEST_DATABASE_URL for PostgreSQL). */
const redisUrl = process.env.LINLI_TEST_REDIS_URL;

const stores: { name: string; dialect: DialectName; redis: boolean }[] = [
  ...dialects.map((dialect) => ({ name: dialect, dialect, redis: false })),
  ...(redisUrl ? [{ name: 'Redis', dialect: 'sqlite' as const, redis: true }] : []),
];

describe.each(stores)('limits shared by two app processes, counted in $name', (store) => {
  // Room for the five wrong passwords and one right one of the second test.
  const LIMIT = 6;
  let t: TestApp;
  let other: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp(store.dialect, {
      loginRateLimit: LIMIT,
      // Each run counts under its own prefix, apart from other runs on the same Redis.
      ...(store.redis ? { redisUrl, redisKeyPrefix: `linli-test-${randomUUID()}:` } : {}),
    });
    other = await t.twin();
  });
  afterAll(() => t?.close());

  it('holds the log-in limit per address across both: behind a balancer it is not doubled', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      const app = i % 2 === 0 ? t.app : other;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'staff.yuhe', password: PASSWORD },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'staff.yuhe', password: PASSWORD },
    });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back by this one's count.
    const elsewhere = await other.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.7.0.1',
      payload: { username: 'staff.yuhe', password: PASSWORD },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('holds an address off an account after five wrong passwords sent to either', async () => {
    const from = (app: FastifyInstance, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.7.1.1',
        payload: { username: 'viewer', password },
      });
    for (let i = 0; i < 5; i++)
      expect((await from(i % 2 === 0 ? t.app : other, `wrong-${i}`)).statusCode).toBe(401);
    expect((await from(other, PASSWORD)).statusCode).toBe(401);
  });
});
