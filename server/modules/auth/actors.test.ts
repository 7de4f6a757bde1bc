import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../common/schemas/audit';
import type { Case, CaseEvent } from '../../../common/schemas/cases';
import type { HistoryEntry } from '../../../common/schemas/people';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { buildHousehold } from '../../../test/support/people';

/**
 * Histories, a case's activity and the audit log name the person who acted and their role
 * (赵晓雯 · 社工), not only the account (social.zhenhua) a colleague does not know.
 */
describe.each(dialects)('who did it, by name and role, on %s', (dialect) => {
  let t: TestApp;
  let social: Session;
  let admin: Session;
  const 赵晓雯 = { name: '赵晓雯', role: 'socialWorker' };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    social = await t.login('social.zhenhua');
    admin = await t.login('admin');
  });
  afterAll(() => t?.close());

  it("a household's history", async () => {
    const household = await buildHousehold(social, { community: '振华东社区', room: '708' });
    const res = await social.inject({
      method: 'GET',
      url: `/api/households/${household.id}/history`,
    });
    expect(res.statusCode).toBe(200);
    const entries = res.json<HistoryEntry[]>();
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.username).toBe('social.zhenhua');
      expect(e.actor).toMatchObject(赵晓雯);
    }
  });

  it("a case's activity", async () => {
    const { items } = (
      await social.inject({ method: 'GET', url: `/api/cases?q=${encodeURIComponent('王鹏')}` })
    ).json<{ items: Case[] }>();
    expect(items).toHaveLength(1);
    const res = await social.inject({ method: 'GET', url: `/api/cases/${items[0].id}/events` });
    expect(res.statusCode).toBe(200);
    const mine = res.json<CaseEvent[]>().filter((e) => e.username === 'social.zhenhua');
    expect(mine.length).toBeGreaterThan(0);
    for (const e of mine) expect(e.actor).toMatchObject(赵晓雯);
  });

  it('the audit log; a failed log-in names no one', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody.here', password: 'wrong' },
    });
    const res = await admin.inject({
      method: 'GET',
      url: '/api/audit?username=social.zhenhua&action=login',
    });
    const items = res.json<{ items: AuditEntry[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items[0].actor).toMatchObject(赵晓雯);
    const failed = (
      await admin.inject({ method: 'GET', url: '/api/audit?username=nobody.here' })
    ).json<{ items: AuditEntry[] }>().items;
    expect(failed.map((e) => [e.action, e.actor])).toEqual([['login.failed', null]]);
  });
});
