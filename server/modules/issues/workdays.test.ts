import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkdayYear } from '../../../common/schemas/issues';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { buildIssue, gridIdOf } from '../../../test/support/issues';
import { shanghaiDayStart, todayInShanghai } from '../../lib/time';

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(dialects)('the working-day calendar on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let street: Session;
  let grid: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [admin, street, grid] = await Promise.all(
      ['admin', 'street.zhenhua', 'grid.yuhe'].map((u) => t.login(u)),
    );
  });
  afterAll(() => t?.close());

  it('answers 401, 400 and 403 before anything else', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/workdays?year=2026' })).statusCode).toBe(
      401,
    );
    expect((await admin.inject({ method: 'GET', url: '/api/workdays?year=abc' })).statusCode).toBe(
      400,
    );
    const bad = await admin.inject({
      method: 'PUT',
      url: '/api/workdays/2026-02-30',
      payload: { kind: 'holiday' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await grid.inject({ method: 'GET', url: '/api/workdays?year=2026' })).statusCode).toBe(
      403,
    );
    const byStreet = await street.inject({
      method: 'PUT',
      url: '/api/workdays/2026-05-06',
      payload: { kind: 'holiday' },
    });
    expect(byStreet.statusCode).toBe(403);
  });

  it('lists the year’s holidays and 调休 days, and a district admin’s corrections', async () => {
    const year = (
      await street.inject({ method: 'GET', url: '/api/workdays?year=2026' })
    ).json<WorkdayYear>();
    expect(year.holidays).toContain('2026-02-16');
    expect(year.swappedWorkdays).toContain('2026-02-14');
    expect(year.overrides).toEqual([]);
    const set = await admin.inject({
      method: 'PUT',
      url: '/api/workdays/2026-02-24',
      payload: { kind: 'holiday', note: '区里通知延长一天' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json<WorkdayYear>().overrides).toMatchObject([
      { day: '2026-02-24', kind: 'holiday', note: '区里通知延长一天' },
    ]);
    const reset = await admin.inject({ method: 'DELETE', url: '/api/workdays/2026-02-24' });
    expect(reset.json<WorkdayYear>().overrides).toEqual([]);
    expect(
      (await admin.inject({ method: 'DELETE', url: '/api/workdays/2026-02-24' })).statusCode,
    ).toBe(404);
  });

  it('counts an issue’s working-day limit by the corrected calendar', async () => {
    // Today and the next ten days made days off: the 1-working-day limit to accept a report
    // starts counting on the first working day after them.
    const today = todayInShanghai();
    for (let i = 0; i <= 10; i++) {
      const res = await admin.inject({
        method: 'PUT',
        url: `/api/workdays/${addDays(today, i)}`,
        payload: { kind: 'holiday' },
      });
      expect(res.statusCode).toBe(200);
    }
    const issue = await buildIssue(grid, { gridId: await gridIdOf(admin, '御河九号社区') });
    expect(issue.stepDeadline! >= shanghaiDayStart(addDays(today, 12))).toBe(true);
  });
});
