import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorReply } from '../../../common/schemas/common';
import { createTestApp, PASSWORD, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { MAX_FAILURES_PER_ADDRESS } from './throttle';

// One proxy in front, as the deployment guide sets Linli up; a request without X-Forwarded-For is
// taken as coming straight from its remote address.
describe.each(dialects)('the log-in throttle behind one trusted proxy on %s', (dialect) => {
  // Room for the per-address test's attempts from one address within the minute.
  const LIMIT = MAX_FAILURES_PER_ADDRESS + 5;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { trustProxy: 1, loginRateLimit: LIMIT });
  });
  afterAll(() => t?.close());

  const login = (remoteAddress: string, username: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { username, password },
    });

  it('holds an address off log-in altogether after many wrong passwords across names', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const res = await login('10.8.0.1', `guess-${i % 20}`, `wrong-${i}`);
      expect(res.statusCode).toBe(401);
    }
    const held = await login('10.8.0.1', 'staff.yuhe', PASSWORD);
    expect(held.statusCode).toBe(401);
    expect(held.json<ErrorReply>().error.code).toBe('INVALID_CREDENTIALS');
    expect((await login('10.8.0.2', 'staff.yuhe', PASSWORD)).statusCode).toBe(200);
  });

  it('counts wrong current passwords on a password change like wrong log-ins: then even the right one is refused', async () => {
    const s = await t.login('grid.yuhe');
    const change = (currentPassword: string) =>
      s.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword: 'Strong#Pass2026' },
      });
    const wrong: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await change(`guess-${i}`);
      expect(res.statusCode).toBe(400);
      wrong.push(res.body);
    }
    const right = await change(PASSWORD);
    expect(right.statusCode).toBe(400);
    expect(right.body).toBe(wrong[0]);
    expect(right.json<ErrorReply>().error.code).toBe('WRONG_PASSWORD');
    // Nothing changed: the old password still logs in, from anywhere the guesses did not come from.
    expect((await login('10.8.1.1', 'grid.yuhe', PASSWORD)).statusCode).toBe(200);
    expect((await login('10.8.1.1', 'grid.yuhe', 'Strong#Pass2026')).statusCode).toBe(401);
    const refused = await t.handle.db
      .selectFrom('audit_log')
      .select('result')
      .where('username', '=', 'grid.yuhe')
      .where('action', '=', 'staffUser.changePassword')
      .execute();
    expect(refused.map((r) => r.result).sort()).toEqual([
      'denied',
      ...Array<string>(5).fill('failed'),
    ]);
  });

  // The proxy appends the address it saw; whatever the client wrote stands to the left of it.
  const viaProxy = (forged: string, real: string, username: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': `${forged}, ${real}` },
      payload: { username, password },
    });

  it('counts wrong passwords by the address the proxy saw, whatever the client forges, and audits that address', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await viaProxy(`6.6.6.${i}`, '1.2.3.4', 'viewer', `wrong-${i}`);
      expect(res.statusCode).toBe(401);
    }
    const held = await viaProxy('6.6.6.6', '1.2.3.4', 'viewer', PASSWORD);
    expect(held.statusCode).toBe(401);
    expect(held.json<ErrorReply>().error.code).toBe('INVALID_CREDENTIALS');
    const ips = await t.handle.db
      .selectFrom('audit_log')
      .select('ip')
      .where('username', '=', 'viewer')
      .where('action', '=', 'login.failed')
      .execute();
    expect(ips.map((r) => r.ip)).toEqual(Array<string>(6).fill('1.2.3.4'));
  });

  it('limits log-in attempts per real address, a new forged address each time notwithstanding', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      const res = await viaProxy(`6.6.${i}.1`, '5.6.7.8', 'staff.yuhe', PASSWORD);
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429]);
    // Another real address has its own count.
    expect((await viaProxy('6.6.6.6', '5.6.7.9', 'staff.yuhe', PASSWORD)).statusCode).toBe(200);
  });
});
