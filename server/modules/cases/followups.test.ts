import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareRules, CaseDetail, TodayItem, VisitRates } from '../../../common/schemas/cases';
import { shanghaiDayStart } from '../../lib/time';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import { buildCase, giveConsent, planForm, walkCase } from '../../../test/support/cases';
import { dialects } from '../../../test/support/db';
import { buildHousehold, fakeIdNumber } from '../../../test/support/people';
import { addDays, monthDays, todayInShanghai } from './care';

describe.each(dialects)('follow-ups, care rules and visit rates on %s', (dialect) => {
  let t: TestApp;
  let social: Session;
  let supervisor: Session;
  let qingyuan: Session;
  let grid: Session;
  let streetAdmin: Session;
  let viewer: Session;
  const today = todayInShanghai();
  const cases = new Map<string, CaseDetail>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [social, supervisor, qingyuan, grid, streetAdmin, viewer] = await Promise.all(
      [
        'social.zhenhua',
        'supervisor.zhenhua',
        'social.qingyuan',
        'grid.yuhe',
        'street.zhenhua',
        'viewer',
      ].map((u) => t.login(u)),
    );
  });
  afterAll(() => t?.close());

  /** A client of the 振华 station with an open case, as the worker opens it. */
  async function client(
    name: string,
    opts: { tags?: string[]; risk?: string; next?: string; birth?: string } = {},
  ) {
    const h = await buildHousehold(social, {
      community: '振华东社区',
      head: {
        name,
        idNumber: fakeIdNumber(opts.birth ?? '1970-01-01'),
        careTags: (opts.tags ?? []) as never,
      },
    });
    await giveConsent(social, h.members[0].id);
    const c = await buildCase(social, {
      residentId: h.members[0].id,
      riskLevel: (opts.risk ?? 'medium') as never,
      nextContactDate: opts.next ?? addDays(today, 7),
    });
    cases.set(name, c);
    return c;
  }
  /** 今日待办 for this file's own clients: the demo's story cases are in the caseloads too. */
  const todayOf = async (s: Session, date: string) => {
    const list = (await s.inject({ method: 'GET', url: `/api/today?date=${date}` })).json<{
      date: string;
      items: TodayItem[];
    }>();
    return { ...list, items: list.items.filter((i) => cases.has(i.clientName)) };
  };

  it('lists due and overdue contacts, most overdue first, then highest risk', async () => {
    await client('高德福', { tags: ['seriousIllness'], next: addDays(today, 30) });
    await client('李红', { risk: 'high', next: addDays(today, 15) });
    await client('张强', { risk: 'low', next: addDays(today, 15) });
    await client('陈明', { next: addDays(today, 25) });
    const day = addDays(today, 20);
    const list = await todayOf(social, day);
    expect(list.date).toBe(day);
    expect(
      list.items.map((i) => [i.clientName, i.action, i.daysOverdue, i.riskLevel, i.tier]),
    ).toEqual([
      // 重病 is the high tier: a visit a week after the case opened, 13 days ago by then.
      ['高德福', 'careVisit', 13, 'medium', 'high'],
      ['李红', 'contact', 5, 'high', null],
      ['张强', 'contact', 5, 'low', null],
    ]);
    expect(list.items[0]).toMatchObject({
      caseId: cases.get('高德福')!.id,
      residentId: cases.get('高德福')!.residentId,
      householdId: cases.get('高德福')!.householdId,
      dueDate: addDays(today, 7),
      assignedWorker: { displayName: '赵晓雯' },
    });
    expect((await todayOf(social, today)).items).toEqual([]);
  });

  it('clears a care visit once the client is visited', async () => {
    const c = cases.get('高德福')!;
    const rec = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/service-records`,
      payload: {
        type: 'homeVisit',
        at: new Date().toISOString(),
        durationMinutes: 30,
        content: '入户探访',
        nextFollowUpDate: addDays(today, 7),
      },
    });
    expect(rec.statusCode).toBe(201);
    const soon = await todayOf(social, addDays(today, 6));
    expect(soon.items.map((i) => i.clientName)).toEqual([]);
    const later = await todayOf(social, addDays(today, 7));
    expect(later.items.map((i) => [i.clientName, i.action, i.daysOverdue])).toEqual([
      ['高德福', 'careVisit', 0],
    ]);
  });

  it('gives the supervisor the plans and closures waiting for review', async () => {
    const c = await walkCase(social, supervisor, cases.get('陈明')!, 'plan');
    const saved = await social.inject({
      method: 'PUT',
      url: `/api/cases/${c.id}/forms`,
      payload: { stage: 'plan', version: c.version, data: planForm },
    });
    expect(saved.json<CaseDetail>().pendingReview).toBe('plan');
    const list = await todayOf(supervisor, today);
    expect(list.items.map((i) => [i.clientName, i.action, i.daysOverdue])).toEqual([
      ['陈明', 'reviewPlan', 0],
    ]);
    expect((await todayOf(social, today)).items.map((i) => i.action)).not.toContain('reviewPlan');
  });

  it('answers 401 without a session and an empty list to staff without cases', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/today' })).statusCode).toBe(401);
    expect((await todayOf(grid, addDays(today, 20))).items).toEqual([]);
    expect((await todayOf(qingyuan, addDays(today, 20))).items).toEqual([]);
  });

  it('gives a station’s monthly visit rate per tier, to its own people and its street and district', async () => {
    const [y, m] = today.split('-').map(Number);
    const month = `${m === 1 ? y - 1 : y}-${String(m === 1 ? 12 : m - 1).padStart(2, '0')}`;
    const { first } = monthDays(month);
    const kept = await client('王秀兰', { tags: ['seriousIllness'] });
    const gap = await client('赵桂英', { tags: ['seriousIllness'] });
    const other = await client('周建华', { tags: ['minimumIncome'] });
    const url = `/api/stations/${kept.stationId}/visit-rates?month=${month}`;
    const rates = async () => {
      const res = await supervisor.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      return res.json<VisitRates>().tiers;
    };
    // The demo's own clients of the station (王鹏, a client for a month) count too: this file's three,
    // opened today until moved back below, are counted on top of them.
    const before = await rates();
    const contact = async (c: CaseDetail, day: string) => {
      const res = await social.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/service-records`,
        payload: {
          type: 'homeVisit',
          at: `${day}T10:00:00+08:00`,
          durationMinutes: 30,
          content: '探访',
          nextFollowUpDate: addDays(today, 7),
        },
      });
      expect(res.statusCode).toBe(201);
    };
    for (const d of [-3, 2, 8, 14, 20, 26]) await contact(kept, addDays(first, d));
    for (const d of [-3, 10]) await contact(gap, addDays(first, d));
    // These clients' cases were opened ten days before the month began.
    await t.handle.db
      .updateTable('social_case')
      .set({ opened_at: shanghaiDayStart(addDays(first, -10)) })
      .where('id', 'in', [kept.id, gap.id, other.id])
      .execute();
    const after = await rates();
    expect(
      after.map((r, i) => ({
        tier: r.tier,
        intervalDays: r.intervalDays,
        clients: r.clients - before[i].clients,
        visitedWithinRule: r.visitedWithinRule - before[i].visitedWithinRule,
      })),
    ).toEqual([
      { tier: 'high', intervalDays: 7, clients: 2, visitedWithinRule: 1 },
      { tier: 'key', intervalDays: 30, clients: 0, visitedWithinRule: 0 },
      { tier: 'other', intervalDays: 90, clients: 1, visitedWithinRule: 1 },
    ]);
    expect(
      after.every((r) => r.rate === (r.clients ? r.visitedWithinRule / r.clients : null)),
    ).toBe(true);
    expect((await streetAdmin.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect((await qingyuan.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await grid.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await viewer.inject({ method: 'GET', url })).statusCode).toBe(403);
    const bad = await supervisor.inject({
      method: 'GET',
      url: `/api/stations/${kept.stationId}/visit-rates?month=2026-13`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps care rules per street: defaults, then the supervisor’s or street admin’s own', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/care-rules' })).statusCode).toBe(401);
    expect((await grid.inject({ method: 'GET', url: '/api/care-rules' })).statusCode).toBe(403);
    const defaults = (
      await social.inject({ method: 'GET', url: '/api/care-rules' })
    ).json<CareRules>();
    expect(defaults.rules).toEqual([
      { tier: 'high', intervalDays: 7, isDefault: true, version: null },
      { tier: 'key', intervalDays: 30, isDefault: true, version: null },
      { tier: 'other', intervalDays: 90, isDefault: true, version: null },
    ]);
    expect(
      (
        await qingyuan.inject({
          method: 'GET',
          url: `/api/care-rules?streetId=${defaults.streetId}`,
        })
      ).statusCode,
    ).toBe(404);
    const put = (s: Session, rules: object[]) =>
      s.inject({ method: 'PUT', url: '/api/care-rules', payload: { rules } });
    expect((await put(social, [{ tier: 'high', intervalDays: 5 }])).statusCode).toBe(403);
    const set = await put(supervisor, [{ tier: 'high', intervalDays: 5 }]);
    expect(set.json<CareRules>().rules[0]).toEqual({
      tier: 'high',
      intervalDays: 5,
      isDefault: false,
      version: 1,
    });
    expect((await put(streetAdmin, [{ tier: 'high', intervalDays: 6 }])).statusCode).toBe(409);
    const byStreet = await put(streetAdmin, [
      { tier: 'high', intervalDays: 5, version: 1 },
      { tier: 'key', intervalDays: 21 },
    ]);
    expect(byStreet.json<CareRules>().rules.map((r) => r.intervalDays)).toEqual([5, 21, 90]);
    const theirs = (
      await qingyuan.inject({ method: 'GET', url: '/api/care-rules' })
    ).json<CareRules>();
    expect(theirs.rules.map((r) => r.intervalDays)).toEqual([7, 30, 90]);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'careRule.update')
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.detail)).toEqual(['high=5', 'high=5, key=21']);
    // 今日待办 follows the street's rule: 高德福's visit is due five days after the last one.
    const later = await todayOf(social, addDays(today, 7));
    expect(later.items.find((i) => i.clientName === '高德福')).toMatchObject({
      action: 'careVisit',
      daysOverdue: 2,
    });
  });
});
